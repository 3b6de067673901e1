import type { Course } from './catalog/courses.js';
import type { Department, Employee, SkillSummary } from './employee.js';
import type { LocalizedText } from './catalog/localized-text.js';

/**
 * Storage ports the domain needs. Reads return undefined for "not there"; writes that lose an optimistic
 * concurrency race throw ConcurrencyError so the caller can re-read and retry.
 */
export interface EmployeeRepository {
  get(id: string): Promise<Employee | undefined>;
  /** Inserts or replaces the whole record. */
  save(employee: Employee): Promise<void>;
  /** Re-reads, applies change and writes with the read ETag; retries a few times on a concurrent write. */
  update(id: string, change: (current: Employee | undefined) => Employee | Promise<Employee>): Promise<Employee>;
  /**
   * Writes only the record's copy of the skills ticks and goals (Employee.skillSummary), without reading the record
   * first: the other columns are left as they are, and a writer holding an older read of the record is sent back by
   * its ETag. False when there is no record (a copy never makes one).
   */
  setSkillSummary(id: string, summary: SkillSummary): Promise<boolean>;
  /** The staff who count (countsAsStaff): audiences, distributions and response-rate denominators read this. */
  list(): Promise<Employee[]>;
  /** Everyone with a record, leavers and unregistered identities included (人材データ, the directory). */
  listEveryone(): Promise<Employee[]>;
}

export interface DepartmentRepository {
  get(id: string): Promise<Department | undefined>;
  save(department: Department): Promise<void>;
  list(): Promise<Department[]>;
}

/**
 * A stored Bot Framework conversation reference, opaque to the domain: whatever Teams needs to reach the
 * employee proactively later.
 */
export interface StoredConversationReference {
  employeeId: string;
  scope: 'personal';
  reference: Record<string, unknown>;
  updatedAt: string;
}

export interface ConversationReferenceRepository {
  get(employeeId: string): Promise<StoredConversationReference | undefined>;
  save(reference: StoredConversationReference): Promise<void>;
}

export interface CourseRepository {
  get(id: string): Promise<Course | undefined>;
  save(course: Course): Promise<void>;
  list(): Promise<Course[]>;
}

/** An IT exam that counts as evidence (国家試験(ITパスポート等)); デジタル推進課 may add more. */
export interface ExamDefinition {
  id: string;
  name: LocalizedText;
}

export interface ExamCatalogRepository {
  list(): Promise<ExamDefinition[]>;
  save(exam: ExamDefinition): Promise<void>;
}
