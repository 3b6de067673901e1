import { createConversationReferenceRepository } from './conversation-reference-repository.js';
import { createCourseRepository } from './course-repository.js';
import { createDepartmentRepository } from './department-repository.js';
import { createEmployeeRepository } from './employee-repository.js';
import { createExamCatalogRepository } from './exam-catalog-repository.js';
import type { TableStorage } from './table-storage.js';

/** The repositories two or more features read: people, departments, chat references and the course and exam catalog. */
export function createKernelRepositories(storage: TableStorage) {
  return {
    employees: createEmployeeRepository(storage),
    departments: createDepartmentRepository(storage),
    conversationReferences: createConversationReferenceRepository(storage),
    courses: createCourseRepository(storage),
    exams: createExamCatalogRepository(storage),
  };
}
export type KernelRepositories = ReturnType<typeof createKernelRepositories>;
