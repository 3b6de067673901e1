import type { Request, Server } from 'restify';
import { z } from 'zod';
import { adminCheck } from '../../kernel/domain/access.js';
import { CONSULTATION_CATEGORIES } from './domain/categories.js';
import type { ActionOrigin, ConsultationService, TicketRequest, TicketView } from './domain/consultation-service.js';
import { TICKET_STATUSES, type TicketAction } from './domain/tickets.js';
import type { EmployeeRepository } from '../../kernel/domain/ports.js';
import type { Logger } from '../../logger.js';
import { authenticatedRoute, parseInput, type Contract } from '../../kernel/http/tab-routes.js';
import type { TabTokenVerifier } from '../../kernel/http/tab-token-verifier.js';
import type { colleaguesSchema, faqStatisticsSchema, ticketDetailSchema, ticketSchema } from './consultation-api.js';

// The 4,000-character rule is the domain's (with its message); this bound only stops abuse.
const LONG_TEXT = z.string().max(50_000);
const ticketNumberSchema = z.string().regex(/^DX-\d{4}-\d{4,6}$/);
const versionSchema = z.number().int().min(1).max(1_000_000);
const fileSchema = z.object({ submissionId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/).optional() }).loose();
const ownActionSchema = z.object({
  action: z.enum(['comment', 'reopen', 'close', 'rate']),
  text: LONG_TEXT.optional(),
  rating: z.number().int().optional(),
  version: versionSchema,
});
const deskActionSchema = z.object({
  action: z.enum(['assign', 'reassign', 'start', 'comment', 'resolve', 'reopen', 'close']),
  text: LONG_TEXT.optional(),
  /** assign (optional: oneself when absent) and reassign: the colleague of デジタル推進課 who takes the ticket. */
  assigneeId: z.string().max(100).optional(),
  version: versionSchema,
});
const listOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .max(200)
    .transform((text) => text.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));
const queueQuerySchema = z.object({
  status: listOf(TICKET_STATUSES).optional(),
  category: z.enum(CONSULTATION_CATEGORIES).optional(),
  assignee: z.string().max(100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

type ActionBody = { text?: string | undefined; rating?: number | undefined; assigneeId?: string | undefined };

function commandOf(action: TicketAction, body: ActionBody): TicketRequest {
  switch (action) {
    case 'assign':
      return { action, assigneeId: body.assigneeId };
    case 'reassign':
      return { action, assigneeId: body.assigneeId ?? '' };
    case 'comment':
      return { action, text: body.text ?? '' };
    case 'resolve':
      return { action, note: body.text ?? '' };
    case 'reopen':
      return { action, reason: body.text };
    case 'rate':
      return { action, rating: body.rating ?? 0 };
    default:
      return { action };
  }
}

const viewBody = (view: TicketView) => ({ ticket: view.ticket, history: view.history, allowedActions: view.allowedActions });

/**
 * DX相談 in the tab. /consultations: the caller's own requests (私の相談: file, read, comment, reopen, close, rate).
 * /admin/consultations: デジタル推進課's desk (queue with filters and counts, every action). Each action is the
 * caller's from the verified token and goes through the same service, rules and store as the chat and channel.
 */
export function registerConsultationRoutes(server: Server, deps: { verifier: () => TabTokenVerifier; consultations: ConsultationService; employees: EmployeeRepository; log: Logger }): void {
  const handle = (work: (req: Request, employeeId: string) => Promise<unknown>) => authenticatedRoute(deps, work);
  const { consultations } = deps;
  const numberOf = (req: Request) => parseInput(ticketNumberSchema, req.params.ticketNumber);
  const asAdmin = adminCheck(deps.employees);
  const act = async (req: Request, employeeId: string, origin: ActionOrigin, body: ActionBody & { action: TicketAction; version: number }) => {
    const ticketNumber = numberOf(req);
    await consultations.act(employeeId, ticketNumber, commandOf(body.action, body), { expectedVersion: body.version, origin });
    return viewBody(await consultations.view(employeeId, ticketNumber));
  };

  server.get('/api/tab/consultations', handle(async (_req, employeeId): Promise<{ tickets: Contract<typeof ticketSchema>[] }> => ({ tickets: await consultations.mine(employeeId) })));
  server.post(
    '/api/tab/consultations',
    handle(async (req, employeeId) => {
      const body = parseInput(fileSchema, req.body ?? {});
      return consultations.file(employeeId, body, body.submissionId);
    }),
  );
  server.get('/api/tab/consultations/:ticketNumber', handle(async (req, employeeId): Promise<Contract<typeof ticketDetailSchema>> => viewBody(await consultations.view(employeeId, numberOf(req)))));
  server.post('/api/tab/consultations/:ticketNumber/actions', handle((req, employeeId) => act(req, employeeId, 'own', parseInput(ownActionSchema, req.body))));

  server.get(
    '/api/tab/admin/consultations',
    handle(async (req, employeeId) => {
      const query = parseInput(queueQuerySchema, req.query ?? {});
      return consultations.queue(employeeId, { statuses: query.status, category: query.category, assignee: query.assignee, overdue: query.overdue === 'true' });
    }),
  );
  server.get('/api/tab/admin/consultations/sla-settings', handle((_req, employeeId) => consultations.slaSettings(employeeId)));
  // The body's shape and the hours > 0 rule are the domain's (parseSlaSettings), with its message.
  server.put('/api/tab/admin/consultations/sla-settings', handle((req, employeeId) => consultations.updateSlaSettings(employeeId, req.body ?? {})));
  server.get('/api/tab/admin/consultations/colleagues', handle(async (_req, employeeId): Promise<Contract<typeof colleaguesSchema>> => ({ colleagues: await consultations.colleagues(employeeId) })));
  server.get('/api/tab/admin/consultations/faq-statistics', handle(async (_req, employeeId): Promise<Contract<typeof faqStatisticsSchema>> => consultations.faqStatistics(employeeId)));
  server.get(
    '/api/tab/admin/consultations/:ticketNumber',
    handle(async (req, employeeId) => {
      await asAdmin(employeeId);
      return viewBody(await consultations.view(employeeId, numberOf(req)));
    }),
  );
  server.post('/api/tab/admin/consultations/:ticketNumber/actions', handle((req, employeeId) => act(req, employeeId, 'desk', parseInput(deskActionSchema, req.body))));
}
