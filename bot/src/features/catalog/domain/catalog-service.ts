import { POLICY_COURSES, type Course } from '../../../kernel/domain/catalog/courses.js';
import { IT_EXAMS } from '../../../kernel/domain/catalog/it-exams.js';
import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { adminCheck } from '../../../kernel/domain/access.js';
import type { CourseRepository, EmployeeRepository, ExamCatalogRepository, ExamDefinition } from '../../../kernel/domain/ports.js';
import type { ProgrammeTextRepository } from './catalog-ports.js';
import { trainingMap } from '../../skills/domain/skill-levels.js';

/** The key of the IT exam subsidy (IT関連試験・講座助成) explanation デジタル推進課 writes. */
export const EXAM_SUBSIDY_TEXT = 'exam-subsidy';

/**
 * The training catalog, the exam list and the programme texts: everyone reads them, デジタル推進課 edits them.
 * Edits are whole-record replacements; the catalog is small and edited by a handful of people.
 */
export function createCatalogService(deps: {
  courses: CourseRepository;
  exams: ExamCatalogRepository;
  texts: ProgrammeTextRepository;
  employees: EmployeeRepository;
  now?: () => Date;
}) {
  const asAdmin = adminCheck(deps.employees);
  const sortedCourses = async () => (await deps.courses.list()).sort((a, b) => a.id.localeCompare(b.id));
  return {
    /**
     * Puts the policy's courses and the IPA exams in the catalog where they are missing. Runs at every start;
     * never overwrites what デジタル推進課 has edited since.
     */
    async ensurePolicyCatalog() {
      const [courses, exams] = await Promise.all([deps.courses.list(), deps.exams.list()]);
      const haveCourse = new Set(courses.map((course) => course.id));
      const haveExam = new Set(exams.map((exam) => exam.id));
      await Promise.all([
        ...POLICY_COURSES.filter((course) => !haveCourse.has(course.id)).map((course) => deps.courses.save(course)),
        ...IT_EXAMS.filter((exam) => !haveExam.has(exam.id)).map((exam) => deps.exams.save(exam)),
      ]);
    },
    async catalog() {
      const [courses, exams] = await Promise.all([sortedCourses(), deps.exams.list()]);
      const map = trainingMap(courses);
      return {
        courses,
        exams,
        trainingMap: Object.fromEntries(
          Object.entries(map).map(([skillId, byLevel]) => [skillId, Object.fromEntries(Object.entries(byLevel).map(([level, list]) => [level, list.map((course) => course.id)]))]),
        ) as Record<string, Record<string, string[]>>,
      };
    },
    async saveCourse(adminId: string, course: Course) {
      await asAdmin(adminId);
      await deps.courses.save(course);
      return course;
    },
    async saveExam(adminId: string, exam: ExamDefinition) {
      await asAdmin(adminId);
      await deps.exams.save(exam);
      return deps.exams.list();
    },
    async examSubsidy() {
      return (await deps.texts.get(EXAM_SUBSIDY_TEXT)) ?? { key: EXAM_SUBSIDY_TEXT, body: { ja: '', en: '' }, updatedBy: undefined, updatedAt: undefined };
    },
    async saveExamSubsidy(adminId: string, body: LocalizedText) {
      await asAdmin(adminId);
      const text = { key: EXAM_SUBSIDY_TEXT, body, updatedBy: adminId, updatedAt: (deps.now?.() ?? new Date()).toISOString() };
      await deps.texts.save(text);
      return text;
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
