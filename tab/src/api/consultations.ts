import { z } from 'zod';
import { colleaguesSchema, faqStatisticsSchema, slaSettingsSchema, type SlaSettingsView, queueSchema, ticketDetailSchema, ticketSchema, type QueueFilterInput, type TicketActionInput } from '../../../bot/src/features/consultation/consultation-api.js';

export * from '../../../bot/src/features/consultation/consultation-api.js';

type Request = <T>(path: string, schema: z.ZodType<T>, init?: RequestInit) => Promise<T>;

/** DX相談 in the tab: the caller's own requests, and デジタル推進課's desk. */
export function createConsultationApi(request: Request) {
  const own = (ticketNumber: string) => `/api/tab/consultations/${encodeURIComponent(ticketNumber)}`;
  const desk = (ticketNumber: string) => `/api/tab/admin/consultations/${encodeURIComponent(ticketNumber)}`;
  const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
  return {
    mine: () => request('/api/tab/consultations', z.object({ tickets: z.array(ticketSchema) })).then((body) => body.tickets),
    get: (ticketNumber: string) => request(own(ticketNumber), ticketDetailSchema),
    act: (ticketNumber: string, input: TicketActionInput) => request(`${own(ticketNumber)}/actions`, ticketDetailSchema, post(input)),
    admin: {
      queue: (filter: QueueFilterInput) => {
        const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
        return request(`/api/tab/admin/consultations${query.size > 0 ? `?${query.toString()}` : ''}`, queueSchema);
      },
      get: (ticketNumber: string) => request(desk(ticketNumber), ticketDetailSchema),
      act: (ticketNumber: string, input: TicketActionInput) => request(`${desk(ticketNumber)}/actions`, ticketDetailSchema, post(input)),
      slaSettings: () => request('/api/tab/admin/consultations/sla-settings', slaSettingsSchema),
      saveSlaSettings: (settings: Pick<SlaSettingsView, 'firstResponseHours' | 'resolutionHours'>) =>
        request('/api/tab/admin/consultations/sla-settings', slaSettingsSchema, { method: 'PUT', body: JSON.stringify(settings) }),
      colleagues: () => request('/api/tab/admin/consultations/colleagues', colleaguesSchema).then((body) => body.colleagues),
      faqStatistics: () => request('/api/tab/admin/consultations/faq-statistics', faqStatisticsSchema),
    },
  };
}
