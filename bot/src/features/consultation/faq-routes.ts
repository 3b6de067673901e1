import type { Request, Server } from 'restify';
import { z } from 'zod';
import { adminCheck } from '../../kernel/domain/access.js';
import type { EmployeeRepository } from '../../kernel/domain/ports.js';
import { authenticatedRoute, parseInput, type Contract } from '../../kernel/http/tab-routes.js';
import type { TabTokenVerifier } from '../../kernel/http/tab-token-verifier.js';
import type { Logger } from '../../logger.js';
import { buildFaqAnswerCard, faqCardWorstBytes } from './cards/faq-answer-card.js';
import type { ConsultationService } from './domain/consultation-service.js';
import type { FaqLibrary } from './domain/faq-library.js';
import { FAQ_CARD_MAX_BYTES, type FaqContent } from './domain/faq-rules.js';
import { faqInputSchema, faqUpdateSchema, faqVersionSchema, type faqDraftSchema, type faqHistorySchema, type faqListSchema, type faqPreviewSchema, type faqSavedSchema } from './faq-api.js';

const entryIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const ticketNumberSchema = z.string().regex(/^DX-\d{4}-\d{4,6}$/);

/**
 * 管理 → FAQ: デジタル推進課 lists, creates, edits, retires and restores FAQ entries, reads each entry's history,
 * previews the exact card the bot sends, and drafts an entry from a resolved request (「FAQにする」). Admins only
 * (checked from the verified token before anything is read); every rule is the domain's, with its message.
 */
export function registerFaqRoutes(
  server: Server,
  deps: { verifier: () => TabTokenVerifier; faq: FaqLibrary; consultations: Pick<ConsultationService, 'faqDraft'>; employees: EmployeeRepository; log: Logger },
): void {
  const asAdmin = adminCheck(deps.employees);
  // The admin check comes before the body is read: a non-admin gets 403 whatever they send.
  const admin = (work: (req: Request, employeeId: string) => Promise<unknown>) =>
    authenticatedRoute(deps, async (req, employeeId) => {
      await asAdmin(employeeId);
      return work(req, employeeId);
    });
  const idOf = (req: Request) => parseInput(entryIdSchema, req.params.entryId);
  const { faq } = deps;
  const preview = (content: FaqContent): Contract<typeof faqPreviewSchema> => {
    const entry = { id: 'preview', ...content };
    const card = (locale: 'ja' | 'en') => buildFaqAnswerCard({ query: content.question[locale] || content.question.ja, entries: [entry], locale }).content;
    return { cards: { ja: card('ja'), en: card('en') }, bytes: faqCardWorstBytes(content), maxBytes: FAQ_CARD_MAX_BYTES };
  };

  server.get('/api/tab/admin/faq', admin(async (_req, employeeId): Promise<Contract<typeof faqListSchema>> => faq.list(employeeId)));
  server.post('/api/tab/admin/faq', admin(async (req, employeeId): Promise<Contract<typeof faqSavedSchema>> => ({ entry: await faq.create(employeeId, parseInput(faqInputSchema, req.body ?? {})) })));
  server.post(
    '/api/tab/admin/faq/preview',
    admin(async (req, employeeId): Promise<Contract<typeof faqPreviewSchema>> => {
      const body = parseInput(faqInputSchema.extend({ entryId: entryIdSchema.optional() }), req.body ?? {});
      return preview(await faq.preview(employeeId, body, body.entryId));
    }),
  );
  server.put(
    '/api/tab/admin/faq/:entryId',
    admin(async (req, employeeId): Promise<Contract<typeof faqSavedSchema>> => {
      const body = parseInput(faqUpdateSchema, req.body ?? {});
      return { entry: await faq.update(employeeId, idOf(req), body, body.version) };
    }),
  );
  server.post('/api/tab/admin/faq/:entryId/retire', admin(async (req, employeeId): Promise<Contract<typeof faqSavedSchema>> => ({ entry: await faq.retire(employeeId, idOf(req), parseInput(faqVersionSchema, req.body ?? {}).version) })));
  server.post('/api/tab/admin/faq/:entryId/restore', admin(async (req, employeeId): Promise<Contract<typeof faqSavedSchema>> => ({ entry: await faq.restore(employeeId, idOf(req), parseInput(faqVersionSchema, req.body ?? {}).version) })));
  server.get('/api/tab/admin/faq/:entryId/history', admin(async (req, employeeId): Promise<Contract<typeof faqHistorySchema>> => ({ history: await faq.history(employeeId, idOf(req)) })));
  server.get(
    '/api/tab/admin/consultations/:ticketNumber/faq-draft',
    admin(async (req, employeeId): Promise<Contract<typeof faqDraftSchema>> => deps.consultations.faqDraft(employeeId, parseInput(ticketNumberSchema, req.params.ticketNumber))),
  );
}
