import type { z } from 'zod';
import { faqDraftSchema, faqHistorySchema, faqListSchema, faqPreviewSchema, faqSavedSchema, type FaqInputBody } from '../../../bot/src/features/consultation/faq-api.js';

export * from '../../../bot/src/features/consultation/faq-api.js';

type Request = <T>(path: string, schema: z.ZodType<T>, init?: RequestInit) => Promise<T>;

/** 管理 → FAQ: the entries デジタル推進課 edits, their history, the card preview, and 「FAQにする」's draft. */
export function createFaqApi(request: Request) {
  const entry = (entryId: string) => `/api/tab/admin/faq/${encodeURIComponent(entryId)}`;
  const send = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
  return {
    list: () => request('/api/tab/admin/faq', faqListSchema),
    create: (input: FaqInputBody) => request('/api/tab/admin/faq', faqSavedSchema, send('POST', input)).then((body) => body.entry),
    update: (entryId: string, input: FaqInputBody, version: number) => request(entry(entryId), faqSavedSchema, send('PUT', { ...input, version })).then((body) => body.entry),
    retire: (entryId: string, version: number) => request(`${entry(entryId)}/retire`, faqSavedSchema, send('POST', { version })).then((body) => body.entry),
    restore: (entryId: string, version: number) => request(`${entry(entryId)}/restore`, faqSavedSchema, send('POST', { version })).then((body) => body.entry),
    history: (entryId: string) => request(`${entry(entryId)}/history`, faqHistorySchema).then((body) => body.history),
    preview: (input: FaqInputBody, entryId?: string) => request('/api/tab/admin/faq/preview', faqPreviewSchema, send('POST', { ...input, ...(entryId ? { entryId } : {}) })),
    draftFromTicket: (ticketNumber: string) => request(`/api/tab/admin/consultations/${encodeURIComponent(ticketNumber)}/faq-draft`, faqDraftSchema),
  };
}
