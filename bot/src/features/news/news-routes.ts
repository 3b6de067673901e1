import type { Request, Server } from 'restify';
import { z } from 'zod';
import { buildNewsCard, cardBytes } from './cards/news-card.js';
import type { DeliveryEngine } from '../../delivery/delivery-engine.js';
import { adminCheck } from '../../kernel/domain/access.js';
import { isTerminal } from '../../delivery/domain/delivery.js';
import { broadcastCountsCsv, broadcastReportCsv, workingHoursNotice } from './domain/broadcast-report.js';
import { NEWS_CATEGORIES, type NewsContent } from './domain/news-items.js';
import type { NewsService } from './domain/news-service.js';
import type { DepartmentRepository, EmployeeRepository } from '../../kernel/domain/ports.js';
import type { Logger } from '../../logger.js';
import { authenticatedRoute, FileResponse, localeOfRequest, parseInput, type Contract } from '../../kernel/http/tab-routes.js';
import type { TabTokenVerifier } from '../../kernel/http/tab-token-verifier.js';
import type { workingHoursSchema, confirmationReportsSchema, confirmedSchema, newsItemsSchema, newsListSchema, savedNewsSchema, preferencesSchema as preferencesResponseSchema } from './news-api.js';

const newsIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/);
const broadcastIdSchema = z.string().trim().min(1).max(200);
// Lengths are generous on purpose: the domain measures the card and says "too long" in words an admin can act on.
const newsInputSchema = z.object({
  title: z.string().max(300),
  summary: z.string().max(2_000).default(''),
  body: z.string().max(100_000).default(''),
  link: z.string().max(2_000).optional(),
  imageUrl: z.string().max(2_000).optional(),
  category: z.string().max(40),
  audience: z.object({
    kind: z.string().max(40),
    departmentIds: z.array(z.string().max(100)).max(500).optional(),
    jobLevels: z.array(z.string().max(20)).max(10).optional(),
  }),
  // The domain checks the range (1–30 whole days) and says so in words.
  confirmation: z.object({ followUpDays: z.number().optional() }).nullable().optional(),
});
const saveSchema = z.object({ item: newsInputSchema, state: z.enum(['draft', 'scheduled']) });
const sendSchema = z.object({ item: newsInputSchema.optional() });
const workingHoursInputSchema = z.object({ start: z.string().max(10), end: z.string().max(10) });
const preferencesSchema = z.object({ categories: z.array(z.string().max(40)).max(NEWS_CATEGORIES.length * 2) });

/** Rows of a live report beyond the counts: the ones an admin acts on (not yet sent or not deliverable). */
const MAX_REPORT_ROWS = 500;

export interface NewsRouteDeps {
  verifier: () => TabTokenVerifier;
  news: NewsService;
  delivery: Pick<DeliveryEngine, 'list' | 'report' | 'workingHours'>;
  employees: EmployeeRepository;
  departments: DepartmentRepository;
  log: Logger;
}

/**
 * インフォメーション: compose, preview, save and send news (admins), broadcasts with their live delivery reports and
 * CSV (admins), and for everyone the latest news and their notification settings.
 */
export function registerNewsRoutes(server: Server, deps: NewsRouteDeps): void {
  const handle = (work: (req: Request, employeeId: string) => Promise<unknown>) => authenticatedRoute(deps, work);
  const asAdmin = adminCheck(deps.employees);
  const newsIdOf = (req: Request) => parseInput(newsIdSchema, req.params.newsId);
  const broadcastIdOf = (req: Request) => parseInput(broadcastIdSchema, req.params.broadcastId);
  const people = async () => {
    const [employees, departments] = await Promise.all([deps.employees.list(), deps.departments.list()]);
    const departmentName = new Map(departments.map((department) => [department.id, department.name]));
    const byId = new Map(employees.map((employee) => [employee.id, { name: employee.displayName, department: departmentName.get(employee.departmentId ?? '') ?? '' }]));
    return (employeeId: string) => byId.get(employeeId) ?? { name: '', department: '' };
  };
  /** The exact cards that would be sent, for the tab's preview, with the size Teams' limit is checked against. */
  const bothCards = (content: NewsContent) => {
    const ja = buildNewsCard({ item: content, locale: 'ja' });
    const en = buildNewsCard({ item: content, locale: 'en' });
    return { cards: { ja: ja.content, en: en.content }, bytes: Math.max(cardBytes(ja), cardBytes(en)) };
  };

  server.get('/api/tab/admin/news', handle(async (_req, employeeId): Promise<Contract<typeof newsListSchema>> => deps.news.list(employeeId)));
  server.post(
    '/api/tab/admin/news/preview',
    handle(async (req, employeeId) => {
      const content = await deps.news.preview(employeeId, parseInput(newsInputSchema, req.body));
      return { content, ...bothCards(content) };
    }),
  );
  server.put(
    '/api/tab/admin/news/:newsId',
    handle(async (req, employeeId): Promise<Contract<typeof savedNewsSchema>> => {
      const input = parseInput(saveSchema, req.body);
      return { item: await deps.news.save(employeeId, newsIdOf(req), input.item, input.state) };
    }),
  );
  server.post('/api/tab/admin/news/:newsId/send', handle(async (req, employeeId) => deps.news.sendNow(employeeId, newsIdOf(req), parseInput(sendSchema, req.body ?? {}).item)));

  /** A broadcast as the report shows it, with 「勤務時間外のため … から配信します」 while it waits for working hours. */
  const withNotice = <T extends { notBefore?: string | undefined }>(broadcast: T, req: Request) => {
    const notice = workingHoursNotice(broadcast.notBefore, new Date());
    return notice ? { ...broadcast, waitingNotice: notice[localeOfRequest(req)] } : broadcast;
  };
  server.get(
    '/api/tab/admin/broadcasts',
    handle(async (req, employeeId) => {
      await asAdmin(employeeId);
      const broadcasts = await deps.delivery.list();
      // Finished broadcasts carry their final counts; the few still running are counted from their deliveries.
      const live = await Promise.all(broadcasts.map(async (broadcast) => (broadcast.finalCounts ? broadcast.finalCounts : (await deps.delivery.report(broadcast.id))?.counts)));
      return { broadcasts: broadcasts.map((broadcast, index) => ({ ...withNotice(broadcast, req), counts: live[index] })) };
    }),
  );
  server.get(
    '/api/tab/admin/delivery/working-hours',
    handle(async (_req, employeeId): Promise<Contract<typeof workingHoursSchema>> => {
      await asAdmin(employeeId);
      return { enabled: deps.delivery.workingHours.enabled, ...(await deps.delivery.workingHours.get()) };
    }),
  );
  server.put(
    '/api/tab/admin/delivery/working-hours',
    handle(async (req, employeeId): Promise<Contract<typeof workingHoursSchema>> => {
      await asAdmin(employeeId);
      const saved = await deps.delivery.workingHours.save(parseInput(workingHoursInputSchema, req.body));
      return { enabled: deps.delivery.workingHours.enabled, ...saved };
    }),
  );
  server.get(
    '/api/tab/admin/broadcasts/:broadcastId',
    handle(async (req, employeeId) => {
      await asAdmin(employeeId);
      const report = await deps.delivery.report(broadcastIdOf(req));
      if (!report) return { broadcast: null };
      const who = await people();
      const attention = report.deliveries.filter((delivery) => delivery.state !== 'sent');
      return {
        broadcast: withNotice(report.broadcast, req),
        counts: report.counts,
        rows: attention.slice(0, MAX_REPORT_ROWS).map((delivery) => ({
          employeeId: delivery.employeeId,
          displayName: who(delivery.employeeId).name,
          state: delivery.state,
          reason: delivery.reason ?? null,
          attempts: delivery.attempts,
          final: isTerminal(delivery.state),
        })),
        moreRows: Math.max(0, attention.length - MAX_REPORT_ROWS),
      };
    }),
  );
  server.get(
    '/api/tab/admin/broadcasts/:broadcastId/report.csv',
    handle(async (req, employeeId) => {
      await asAdmin(employeeId);
      const broadcastId = broadcastIdOf(req);
      const report = await deps.delivery.report(broadcastId);
      const locale = localeOfRequest(req);
      // A counts-only broadcast (survey invitations and reminders) never names anyone, in any format.
      const body = report?.broadcast.countsOnly ? broadcastCountsCsv(report.counts, locale) : broadcastReportCsv(report?.deliveries ?? [], await people(), locale);
      return new FileResponse({ contentType: 'text/csv; charset=utf-8', fileName: `${locale === 'en' ? 'delivery-report' : '配信レポート'}_${broadcastId}.csv`, body });
    }),
  );

  server.get(
    '/api/tab/news/confirmations',
    handle(async (_req, employeeId): Promise<Contract<typeof confirmationReportsSchema>> => ({ reports: await deps.news.confirmationReports(employeeId) })),
  );
  server.get(
    '/api/tab/news/:newsId/confirmations',
    handle(async (req, employeeId): Promise<Contract<typeof confirmationReportsSchema>> => ({ reports: await deps.news.confirmationReports(employeeId, newsIdOf(req)) })),
  );
  server.post(
    '/api/tab/news/:newsId/confirm',
    handle(async (req, employeeId): Promise<Contract<typeof confirmedSchema>> => {
      const { confirmation, created } = await deps.news.confirm(employeeId, newsIdOf(req));
      return { newsId: confirmation.newsId, confirmedAt: confirmation.confirmedAt, created };
    }),
  );
  server.get('/api/tab/news', handle(async (_req, employeeId): Promise<Contract<typeof newsItemsSchema>> => ({ items: await deps.news.latest(employeeId, 10) })));
  server.get('/api/tab/notifications', handle(async (_req, employeeId): Promise<Contract<typeof preferencesResponseSchema>> => deps.news.preferences(employeeId)));
  server.put('/api/tab/notifications', handle((req, employeeId) => deps.news.savePreferences(employeeId, parseInput(preferencesSchema, req.body).categories)));
}
