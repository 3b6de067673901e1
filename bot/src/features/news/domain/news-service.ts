import { adminCheck, isAdmin } from '../../../kernel/domain/access.js';
import { localeFrom } from '../../../kernel/domain/locale.js';
import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import type { Employee } from '../../../kernel/domain/employee.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { CourseRepository, DepartmentRepository, EmployeeRepository } from '../../../kernel/domain/ports.js';
import type { NewsConfirmationRepository, NewsPublisher, NewsRecipient, NewsRepository, NotificationPreferenceRepository, TrainingReminderPublisher } from './news-ports.js';
import { asksForConfirmation, confirmationAudience, confirmationReport, followUpDueAt, type ConfirmationReport, type NewsConfirmation } from './news-confirmations.js';
import type { TrainingSessionRepository } from '../../training/domain/training-ports.js';
import {
  NEWS_CATEGORIES,
  defaultNotificationPreferences,
  describeAudience,
  latestFor,
  planDigest,
  validateNewsContent,
  wantsNews,
  type NewsCategory,
  type NewsContent,
  type NewsInput,
  type NewsItem,
  type NotificationPreferences,
} from './news-items.js';
import { dueReminders } from './training-reminders.js';

const localeOf = (employee: Pick<Employee, 'locale'>): Locale => localeFrom(employee.locale);
const recipientOf = (employee: Employee): NewsRecipient => ({ employeeId: employee.id, locale: localeOf(employee) });

const FOLLOW_UP_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

const newsNotFound = (id: string) => new AppError('not-found', { detail: `no news ${id}`, userMessage: { ja: 'お知らせが見つかりません。', en: 'News item not found.' } });

const publishedAlready = (id: string) =>
  new AppError('invalid-input', {
    detail: `news ${id} is published`,
    userMessage: { ja: 'このニュースは配信済みのため変更できません。', en: 'This item has already been sent and cannot be changed.' },
  });

export interface NewsServiceDeps {
  news: NewsRepository;
  employees: EmployeeRepository;
  departments: DepartmentRepository;
  preferences: NotificationPreferenceRepository;
  confirmations: NewsConfirmationRepository;
  publisher: NewsPublisher;
  /** Bytes of the largest card (any language) built from the content: Teams refuses messages over ~28 KB. */
  cardBytes: (content: NewsContent) => number;
  now?: () => Date;
}

/** インフォメーション: compose, save for the digest or send now (admins); the weekly digest; the latest items; settings. */
export function createNewsService(deps: NewsServiceDeps) {
  const now = () => deps.now?.() ?? new Date();
  const asAdmin = adminCheck(deps.employees);
  const validate = async (input: NewsInput) => {
    const departments = await deps.departments.list();
    return validateNewsContent(input, { departmentIds: new Set(departments.map((department) => department.id)), cardBytes: deps.cardBytes });
  };
  const audienceText = async (item: NewsItem) => {
    const names = new Map((await deps.departments.list()).map((department) => [department.id, department.name]));
    return describeAudience(item.audience, (id) => names.get(id) ?? id);
  };
  const preferencesLookup = async () => {
    const stored = new Map((await deps.preferences.list()).map((preferences) => [preferences.employeeId, preferences]));
    return (employeeId: string) => stored.get(employeeId);
  };

  const write = (id: string, adminId: string, content: NewsContent, state: NewsItem['state']) =>
    deps.news.upsert(id, (current) => {
      if (current?.state === 'published') throw publishedAlready(id);
      const at = now().toISOString();
      return {
        ...content,
        id,
        state,
        createdBy: current?.createdBy ?? adminId,
        createdAt: current?.createdAt ?? at,
        updatedAt: at,
        publishedAt: undefined,
        publishedVia: undefined,
      };
    });

  return {
    async list(adminId: string) {
      await asAdmin(adminId);
      const [items, departments] = await Promise.all([deps.news.list(), deps.departments.list()]);
      return { items: items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)), departments };
    },
    /** The content as it would be sent, checked; nothing is stored. */
    async preview(adminId: string, input: NewsInput): Promise<NewsContent> {
      await asAdmin(adminId);
      return validate(input);
    },
    /** Stores a draft, or an item scheduled for the next weekly digest. A sent item cannot change. */
    async save(adminId: string, id: string, input: NewsInput, state: 'draft' | 'scheduled'): Promise<NewsItem> {
      await asAdmin(adminId);
      const content = await validate(input);
      if (state === 'scheduled' && content.confirmation) {
        throw new AppError('invalid-input', {
          detail: 'confirmation item scheduled for the digest',
          userMessage: {
            ja: '「確認しました」を求めるお知らせは週次ダイジェストに入れられません。「今すぐ配信」で送ってください。',
            en: 'News that asks for a confirmation cannot go in the weekly digest. Send it with "Send now".',
          },
        });
      }
      return write(id, adminId, content, state);
    },
    /**
     * Sends the item now to its audience (minus those who turned its category off). The item is marked published
     * first; a second press finds it published and asks the engine again with the same broadcast id, which sends
     * nothing twice but finishes a send that an earlier crash interrupted.
     */
    async sendNow(adminId: string, id: string, input: NewsInput | undefined) {
      await asAdmin(adminId);
      const stored = await deps.news.get(id);
      let item: NewsItem;
      if (stored?.state === 'published') item = stored;
      else {
        const source = input ?? stored;
        if (!source) throw new AppError('not-found', { detail: `no news ${id}`, userMessage: { ja: 'ニュースが見つかりません。', en: 'News item not found.' } });
        const content = await validate(source);
        item = await deps.news.upsert(id, (current) => {
          if (current?.state === 'published') return current;
          const at = now().toISOString();
          return { ...content, id, state: 'published', createdBy: current?.createdBy ?? adminId, createdAt: current?.createdAt ?? at, updatedAt: at, publishedAt: at, publishedVia: 'send-now' };
        });
      }
      if (item.publishedVia !== 'send-now') throw publishedAlready(id);
      const [employees, preferencesOf] = await Promise.all([deps.employees.list(), preferencesLookup()]);
      const recipients = employees.filter((employee) => wantsNews(item, employee, preferencesOf(employee.id))).map(recipientOf);
      const { broadcastId, created } = await deps.publisher.sendNow(item, recipients, await audienceText(item));
      return { item, broadcastId, alreadySent: !created, recipients: recipients.length };
    },
    /**
     * The weekly digest of `slot`: the items scheduled since the last digest are marked as published by this slot
     * first, so a re-run of the slot (after a crash) sends exactly the same set and later items wait for next week.
     */
    async runWeeklyDigest(slot: string): Promise<{ items: number; recipients: number; broadcastId: string | undefined }> {
      const all = await deps.news.list();
      const carried = all.filter((item) => item.state === 'published' && item.publishedVia === slot);
      const items =
        carried.length > 0
          ? carried
          : await Promise.all(
              all
                .filter((item) => item.state === 'scheduled')
                .map((item) =>
                  deps.news.upsert(item.id, (current) => {
                    if (!current || current.state !== 'scheduled') return current ?? item;
                    const at = now().toISOString();
                    return { ...current, state: 'published', publishedAt: at, publishedVia: slot, updatedAt: at };
                  }),
                ),
            ).then((marked) => marked.filter((item) => item.publishedVia === slot));
      if (items.length === 0) return { items: 0, recipients: 0, broadcastId: undefined };
      const [employees, preferencesOf] = await Promise.all([deps.employees.list(), preferencesLookup()]);
      const digests = planDigest(items, employees, preferencesOf).map(({ employee, items: mine }) => ({ recipient: recipientOf(employee), items: mine }));
      const { broadcastId } = await deps.publisher.sendDigest(slot, digests);
      return { items: items.length, recipients: digests.length, broadcastId };
    },
    /**
     * 「確認しました」: records the press once (a repeat changes nothing and answers the first press's time). Refused,
     * nothing written: an unknown or unsent item, an item that asks for no confirmation, someone outside its audience.
     */
    async confirm(employeeId: string, newsId: string): Promise<{ item: NewsItem; confirmation: NewsConfirmation; created: boolean }> {
      const item = await deps.news.get(newsId);
      if (!item || item.state !== 'published') throw newsNotFound(newsId);
      if (!asksForConfirmation(item)) {
        throw new AppError('invalid-input', {
          detail: `news ${newsId} asks for no confirmation`,
          userMessage: { ja: 'このお知らせは「確認しました」の記録を求めていません。記録はしていません。', en: 'This news item does not ask for a confirmation; nothing was recorded.' },
        });
      }
      const employee = await deps.employees.get(employeeId);
      if (!employee || confirmationAudience(item, [employee]).length === 0) {
        throw new AppError('forbidden', {
          detail: `${employeeId} is not in the audience of ${newsId}`,
          userMessage: { ja: 'このお知らせの確認対象ではありません。', en: 'This news item does not ask you for a confirmation.' },
        });
      }
      const existing = await deps.confirmations.get(newsId, employeeId);
      if (existing) return { item, confirmation: existing, created: false };
      const { confirmation, created } = await deps.confirmations.confirm({ newsId, employeeId, confirmedAt: now().toISOString() });
      return { item, confirmation, created };
    },
    /** Whether and when this person confirmed (the card's state when they ask again). */
    confirmationOf: (employeeId: string, newsId: string) => deps.confirmations.get(newsId, employeeId),
    /**
     * The confirmation report of every sent item that asks for one, newest first: admins see every department with
     * names; a DX推進委員 or 管理職 sees counts for their own department only; anyone else is refused.
     */
    async confirmationReports(viewerId: string, newsId?: string): Promise<ConfirmationReport[]> {
      const viewer = await deps.employees.get(viewerId);
      const admin = isAdmin(viewer);
      const leadsDepartment = viewer !== undefined && viewer.departmentId !== undefined && (viewer.roles.includes('promoter') || viewer.jobLevel === 'manager');
      if (!admin && !leadsDepartment) throw new AppError('forbidden', { detail: `${viewerId} may not read confirmation reports` });
      let items = (await deps.news.list()).filter((item) => item.state === 'published').filter(asksForConfirmation);
      if (newsId !== undefined) {
        items = items.filter((item) => item.id === newsId);
        if (items.length === 0) throw newsNotFound(newsId);
      }
      const [employees, departments] = await Promise.all([deps.employees.list(), deps.departments.list()]);
      const reports = await Promise.all(
        items.map(async (item) =>
          confirmationReport(item, { employees, departments, confirmations: await deps.confirmations.list(item.id), withNames: admin, onlyDepartmentId: admin ? undefined : viewer?.departmentId }),
        ),
      );
      return reports.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
    },
    /**
     * The one follow-up per item: once `followUpDays` have passed since it was sent, those in its audience who have
     * not confirmed get a reminder card. Its broadcast id is the item's, so running again (or on two instances)
     * sends nothing twice.
     */
    async sendConfirmationFollowUps(at: Date): Promise<{ broadcastIds: string[] }> {
      const due = (await deps.news.list()).filter((item) => {
        const dueAt = followUpDueAt(item);
        // A week's grace covers a stopped job; older items are done and cost nothing on each run.
        return dueAt !== undefined && dueAt.getTime() <= at.getTime() && at.getTime() - dueAt.getTime() < FOLLOW_UP_GRACE_MS;
      });
      if (due.length === 0) return { broadcastIds: [] };
      const employees = await deps.employees.list();
      const broadcastIds: string[] = [];
      for (const item of due) {
        const confirmed = new Set((await deps.confirmations.list(item.id)).map((confirmation) => confirmation.employeeId));
        const recipients = confirmationAudience(item, employees).filter((employee) => !confirmed.has(employee.id)).map(recipientOf);
        broadcastIds.push((await deps.publisher.sendConfirmationFollowUp(item, recipients)).broadcastId);
      }
      return { broadcastIds };
    },
    /** 「ニュース」: the latest published items in the employee's audience. */
    async latest(employeeId: string, limit = 5): Promise<NewsItem[]> {
      const employee = await deps.employees.get(employeeId);
      if (!employee) return [];
      return latestFor(await deps.news.list(), employee, limit);
    },
    async preferences(employeeId: string): Promise<NotificationPreferences> {
      return (await deps.preferences.get(employeeId)) ?? defaultNotificationPreferences(employeeId);
    },
    async savePreferences(employeeId: string, categories: readonly string[]): Promise<NotificationPreferences> {
      const chosen = NEWS_CATEGORIES.filter((category) => categories.includes(category));
      const unknown = categories.filter((category) => !(NEWS_CATEGORIES as readonly string[]).includes(category));
      if (unknown.length > 0) {
        throw new AppError('invalid-input', { detail: `unknown categories ${unknown.join(',')}`, userMessage: { ja: '選べない分類が含まれています。', en: 'Unknown category.' } });
      }
      const preferences: NotificationPreferences = { employeeId, categories: chosen as NewsCategory[], updatedAt: now().toISOString() };
      await deps.preferences.save(preferences);
      return preferences;
    },
  };
}

export type NewsService = ReturnType<typeof createNewsService>;

/**
 * Training reminders: each run sends the reminders that are due to everyone holding a seat ('enrolled'); the
 * waitlisted get none. Sessions nobody holds a seat in are skipped without a broadcast, so a later sign-up still
 * gets that window's reminder on the next run.
 */
export function createTrainingReminderService(deps: {
  sessions: TrainingSessionRepository;
  courses: CourseRepository;
  employees: EmployeeRepository;
  publisher: TrainingReminderPublisher;
  reminderDays: readonly number[];
}) {
  return {
    async sendDue(now: Date): Promise<{ broadcastIds: string[] }> {
      const due = dueReminders(await deps.sessions.listUpcoming(now), now, deps.reminderDays);
      if (due.length === 0) return { broadcastIds: [] };
      const [courses, employees] = await Promise.all([deps.courses.list(), deps.employees.list()]);
      const employeeById = new Map(employees.map((employee) => [employee.id, employee]));
      const broadcastIds: string[] = [];
      for (const { session, days } of due) {
        const seated = (await deps.sessions.enrollments(session.id)).filter((enrollment) => enrollment.status === 'enrolled');
        if (seated.length === 0) continue;
        const recipients = seated.map((enrollment) => {
          const employee = employeeById.get(enrollment.employeeId);
          return { employeeId: enrollment.employeeId, locale: employee ? localeOf(employee) : ('ja' as const) };
        });
        const course = courses.find((candidate) => candidate.id === session.courseId);
        const { broadcastId } = await deps.publisher.remind({ session, courseTitle: course?.title ?? { ja: session.courseId, en: session.courseId }, days }, recipients);
        broadcastIds.push(broadcastId);
      }
      return { broadcastIds };
    },
  };
}
