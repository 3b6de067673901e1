import { odata } from '@azure/data-tables';
import type { Course } from '../domain/catalog/courses.js';
import type { CourseRepository } from '../domain/ports.js';
import { keys } from './keys.js';
import { createReadCache } from './read-cache.js';
import { getEntityOrUndefined, listAll, type TableStorage } from './table-storage.js';

interface CourseEntity {
  courseId: string;
  /** The whole course as JSON: it is read and written as one unit, and always by this adapter. */
  courseJson: string;
}

export function createCourseRepository(storage: TableStorage): CourseRepository {
  const table = storage.client('Courses');
  const toCourse = (entity: CourseEntity) => JSON.parse(entity.courseJson) as Course;
  // The catalogue is read whole by every 研修を探す and 申し込む answer: once per instance per TTL; an edit here forgets it.
  const catalogue = createReadCache<Course[]>({ maxEntries: 1 });
  const list = () => catalogue.get('all', async () => (await listAll<CourseEntity>(table, odata`PartitionKey eq ${'course'}`)).map(toCourse));
  return {
    async get(id) {
      const entity = await getEntityOrUndefined<CourseEntity>(table, keys.course(id));
      return entity && toCourse(entity);
    },
    async save(course) {
      await table.upsertEntity({ ...keys.course(course.id), courseId: course.id, courseJson: JSON.stringify(course) }, 'Replace');
      catalogue.invalidate();
    },
    async list() {
      return [...(await list())];
    },
  };
}
