import type { SkillId, SkillLevel } from '../../../kernel/domain/catalog/skills.js';
import type { PlacementChange } from './skill-trends.js';
import type { StepUpTarget } from './step-up-targets.js';
import type { JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import type { SkillConfirmation } from './skill-confirmation.js';
import type { ExamPass } from './exam-records.js';

/** An employee's self-assessment: the criteria they ticked and the level they aim for per skill. */
export interface SkillAssessment {
  employeeId: string;
  ticked: string[];
  goals: Partial<Record<SkillId, SkillLevel>>;
  /** Mindset statements (for the employee's job level) they recognise in themselves. */
  mindsetChecks: string[];
  updatedAt: string | undefined;
}

export interface SkillAssessmentChange {
  at: string;
  added: string[];
  removed: string[];
}

export interface SkillAssessmentRepository {
  /** The current assessment; an employee who never ticked anything has an empty one. */
  get(employeeId: string): Promise<SkillAssessment>;
  /** Writes the new assessment guarded by the ETag of the one `change` saw, and appends the change to history. */
  update(employeeId: string, change: (current: SkillAssessment) => SkillAssessment): Promise<SkillAssessment>;
  history(employeeId: string): Promise<SkillAssessmentChange[]>;
  /**
   * Everyone's history in one paged query (the ward trend): far fewer round trips than one partition query per
   * person once most of the staff are asked for. Keyed by employee id.
   */
  listAllHistories(): Promise<Map<string, SkillAssessmentChange[]>>;
  /** Every employee's current assessment (ward-wide reports and the 人材データ export). */
  listCurrent(): Promise<SkillAssessment[]>;
}

export interface ExamPassRepository {
  list(employeeId: string): Promise<ExamPass[]>;
  /** Every employee's passes, for the 人材データ export. */
  listAll(): Promise<(ExamPass & { employeeId: string })[]>;
  /** One row per exam: recording a pass again replaces the date. */
  save(employeeId: string, pass: ExamPass): Promise<void>;
  remove(employeeId: string, examId: string): Promise<void>;
}

/** 上司確認 requests and decisions, one current row per employee and skill, plus a log of every decision. */
export interface SkillConfirmationRepository {
  /** The employee's current request/decision per skill. */
  listForEmployee(employeeId: string): Promise<SkillConfirmation[]>;
  get(employeeId: string, skillId: SkillId): Promise<SkillConfirmation | undefined>;
  /** Writes the current row and appends it to the employee's confirmation log (the timeline's "confirmed by"). */
  save(confirmation: SkillConfirmation): Promise<void>;
  /**
   * Writes a decision only over the very request it decides (still pending, same level and request time), guarded by
   * the row's ETag, and logs it: of two confirmers pressing at once exactly one decides. Otherwise writes nothing and
   * answers the row as it is now.
   */
  decide(decided: SkillConfirmation): Promise<{ saved: true } | { saved: false; current: SkillConfirmation | undefined }>;
  /** Requests waiting in a 課 (the confirmer's queue). */
  listPending(departmentId: string): Promise<SkillConfirmation[]>;
  /** Every employee's current rows (人材データ export). */
  listAll(): Promise<SkillConfirmation[]>;
  /** The employee's decision log, newest first. */
  log(employeeId: string): Promise<SkillConfirmation[]>;
}

/** ステップアップ目標: few rows (職層 × skill), listed whole. */
export interface StepUpTargetRepository {
  list(): Promise<StepUpTarget[]>;
  save(target: StepUpTarget): Promise<void>;
  remove(jobLevel: JobLevel, skillId: SkillId): Promise<void>;
}

/** The directory's transfer history as 課 ids, by 職員番号 (features/directory adapts its records to this). */
export interface PlacementHistory {
  listAll(): Promise<(PlacementChange & { staffNumber: string })[]>;
  /** Leavers whose leaving date the directory recorded (YYYY-MM-DD, the effective date of that import). */
  leavers(): Promise<{ staffNumber: string; leftOn: string }[]>;
}
