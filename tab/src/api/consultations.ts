import { z } from 'zod';
import { CONSULTATION_CATEGORIES } from '../../../bot/src/features/consultation/domain/categories.js';
import { TICKET_ACTIONS, TICKET_STATUSES } from '../../../bot/src/features/consultation/domain/tickets.js';

// JSON drops undefined fields: a missing assignee, resolution or rating means "none yet".
export const ticketSchema = z.object({
  number: z.string(),
  requesterId: z.string(),
  requesterName: z.string(),
  category: z.enum(CONSULTATION_CATEGORIES),
  title: z.string(),
  details: z.string(),
  preferredContact: z.enum(['chat', 'online-meeting', 'in-person']),
  urgency: z.enum(['low', 'medium', 'high']),
  status: z.enum(TICKET_STATUSES),
  assigneeId: z.string().optional(),
  assigneeName: z.string().optional(),
  resolution: z.string().optional(),
  rating: z.number().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TicketView = z.infer<typeof ticketSchema>;

export const historyEntrySchema = z.object({
  sequence: z.number(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.enum(['create', ...TICKET_ACTIONS]),
  fromStatus: z.enum(TICKET_STATUSES).optional(),
  toStatus: z.enum(TICKET_STATUSES),
  text: z.string().optional(),
  rating: z.number().optional(),
});
export type HistoryEntryView = z.infer<typeof historyEntrySchema>;

export const ticketDetailSchema = z.object({ ticket: ticketSchema, history: z.array(historyEntrySchema), allowedActions: z.array(z.enum(TICKET_ACTIONS)) });
export type TicketDetailView = z.infer<typeof ticketDetailSchema>;

const countsSchema = z.object({
  byStatus: z.record(z.enum(TICKET_STATUSES), z.number()),
  byCategory: z.record(z.enum(CONSULTATION_CATEGORIES), z.number()),
  byAssignee: z.array(z.object({ id: z.string().optional(), name: z.string().optional(), count: z.number() })),
});
export const queueSchema = z.object({ tickets: z.array(ticketSchema), counts: countsSchema, total: z.number() });
export type QueueView = z.infer<typeof queueSchema>;

export const faqStatisticsSchema = z.object({
  shown: z.number(),
  resolved: z.number(),
  entries: z.array(z.object({ id: z.string(), question: z.object({ ja: z.string(), en: z.string() }), resolved: z.number() })),
});

/** What a ticket action sends: the action, its text or rating, and the version the screen showed. */
export interface TicketActionInput {
  action: (typeof TICKET_ACTIONS)[number];
  text?: string;
  rating?: number;
  version: number;
}

export interface QueueFilterInput {
  status?: string;
  category?: string;
  assignee?: string;
}

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
      faqStatistics: () => request('/api/tab/admin/consultations/faq-statistics', faqStatisticsSchema),
    },
  };
}
