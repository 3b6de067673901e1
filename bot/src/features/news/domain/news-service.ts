import { adminCheck } from '../../../kernel/domain/access.js';
import { localeFrom } from '../../../kernel/domain/locale.js';
import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import type { Employee } from '../../../kernel/domain/employee.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { CourseRepository, DepartmentRepository, EmployeeRepository } from '../../../kernel/domain/ports.js';
import type { NewsPublisher, NewsRecipient, NewsRepository, NotificationPreferenceRepository, TrainingReminderPublisher } from './news-ports.js';
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
      return write(id, adminId, await validate(input), state);
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
