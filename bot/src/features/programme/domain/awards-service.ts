import { randomUUID } from 'node:crypto';
import { adminCheck } from '../../../kernel/domain/access.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { DepartmentRepository, EmployeeRepository } from '../../../kernel/domain/ports.js';
import type { NewsInput } from '../../news/domain/news-items.js';
import {
  awardNewsContent,
  awardNewsId,
  awardNomination,
  checkPublishable,
  galleryByYear,
  resubmitNomination,
  reviewNomination,
  validateNomination,
  type AwardCategory,
  type Nomination,
  type NominationInput,
  type NominationRepository,
  type ReviewDecision,
} from './award-nominations.js';

export const nominationNotFound = (id: string) =>
  new AppError('not-found', { detail: `nomination ${id}`, userMessage: { ja: '推薦が見つかりませんでした。', en: 'The nomination was not found.' } });

/** 評価・表彰: nominating (any staff member), reviewing and awarding (デジタル推進課), and each nominator's own list. */
export function createAwardsService(deps: {
  nominations: NominationRepository;
  employees: Pick<EmployeeRepository, 'get'>;
  departments: Pick<DepartmentRepository, 'get' | 'list'>;
  /** インフォメーション's send-now (through the delivery engine); idempotent per news id. */
  publishNews: (adminId: string, newsId: string, input: NewsInput) => Promise<{ broadcastId: string; alreadySent: boolean; recipients: number }>;
  /** Tells the nominator of a decision (asked for more, declined, accepted, awarded). */
  notifyNominator?: (nomination: Nomination) => Promise<void>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const notify = async (nomination: Nomination) => {
    await deps.notifyNominator?.(nomination);
    return nomination;
  };
  const requireAdmin = adminCheck(deps.employees);
  const requireStaff = async (employeeId: string) => {
    const employee = await deps.employees.get(employeeId);
    if (!employee) throw new AppError('forbidden', { detail: `${employeeId} is not on the staff list` });
    return employee;
  };
  const validated = async (input: NominationInput) => validateNomination(input, Boolean(input.departmentId.trim() && (await deps.departments.get(input.departmentId.trim()))));
  const departmentNames = async () => Object.fromEntries((await deps.departments.list()).map((d) => [d.id, d.name]));
  const newestFirst = (list: Nomination[]) => list.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));

  return {
    async nominate(employeeId: string, input: NominationInput): Promise<Nomination> {
      await requireStaff(employeeId);
      const at = now().toISOString();
      const nomination: Nomination = { ...(await validated(input)), id: randomUUID(), nominatorId: employeeId, state: 'submitted', submittedAt: at, updatedAt: at };
      await deps.nominations.create(nomination);
      return nomination;
    },
    async mine(employeeId: string) {
      await requireStaff(employeeId);
      return { nominations: newestFirst(await deps.nominations.listByNominator(employeeId)), departmentNames: await departmentNames() };
    },
    /** The nominator answers 「追加情報の依頼」: only their own nomination, only while more was asked for. */
    async resubmit(employeeId: string, id: string, input: NominationInput): Promise<Nomination> {
      const existing = await deps.nominations.get(id);
      if (!existing || existing.nominatorId !== employeeId) throw nominationNotFound(id);
      const checked = await validated(input);
      return deps.nominations.update(id, (current) => resubmitNomination(current, checked, now()));
    },
    async list(adminId: string) {
      await requireAdmin(adminId);
      return { nominations: newestFirst(await deps.nominations.list()), departmentNames: await departmentNames() };
    },
    async review(adminId: string, id: string, review: { decision: ReviewDecision; note?: string | undefined }): Promise<Nomination> {
      await requireAdmin(adminId);
      return notify(await deps.nominations.update(id, (current) => reviewNomination(current, { ...review, reviewerId: adminId, now: now() })));
    },
    async award(adminId: string, id: string, award: { fiscalYear: number; category: AwardCategory }): Promise<Nomination> {
      await requireAdmin(adminId);
      return notify(await deps.nominations.update(id, (current) => awardNomination(current, { ...award, adminId, now: now() })));
    },
    /**
     * Sends an award as an インフォメーション item (庁内優良事例, everyone) through the news service and the delivery
     * engine, then shows it in the gallery. The news id is the nomination's, so pressing again (or after a crash
     * between the two writes) sends nothing twice and still marks the nomination.
     */
    async publish(adminId: string, id: string) {
      await requireAdmin(adminId);
      const nomination = await deps.nominations.get(id);
      if (!nomination) throw nominationNotFound(id);
      const award = checkPublishable(nomination);
      const department = await deps.departments.get(nomination.departmentId);
      const newsId = awardNewsId(id);
      const sent = await deps.publishNews(adminId, newsId, awardNewsContent(nomination, award, department?.name ?? nomination.departmentId));
      const published = await deps.nominations.update(id, (current) =>
        current.published ? current : { ...current, published: { newsId, publishedAt: now().toISOString() }, updatedAt: now().toISOString() },
      );
      return { nomination: published, broadcastId: sent.broadcastId, alreadySent: sent.alreadySent, recipients: sent.recipients };
    },
    /** 優良事例 gallery for any staff member: published awards by year (no nominator, no review notes). */
    async gallery(employeeId: string) {
      await requireStaff(employeeId);
      const names = await departmentNames();
      return { years: galleryByYear(await deps.nominations.list(), (departmentId) => names[departmentId] ?? departmentId) };
    },
  };
}
export type AwardsService = ReturnType<typeof createAwardsService>;
