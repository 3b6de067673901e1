import { z } from 'zod';
import { CONSULTATION_CATEGORIES } from './domain/categories.js';
import { TICKET_ACTIONS, TICKET_STATUSES } from './domain/tickets.js';

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
  firstResponseAt: z.string().optional(),
  resolvedAt: z.string().optional(),
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
export const slaClockSchema = z.object({ firstResponseDueAt: z.string(), resolutionDueAt: z.string(), firstResponseOverdue: z.boolean(), resolutionOverdue: z.boolean() });
export const queueTicketSchema = ticketSchema.extend({ sla: slaClockSchema, overdue: z.boolean() });
export type QueueTicketView = z.infer<typeof queueTicketSchema>;
export const queueSchema = z.object({ tickets: z.array(queueTicketSchema), counts: countsSchema, total: z.number() });

const slaHours = z.number();
export const slaSettingsSchema = z.object({
  firstResponseHours: slaHours,
  resolutionHours: z.object({ high: slaHours, medium: slaHours, low: slaHours }),
  updatedBy: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type SlaSettingsView = z.infer<typeof slaSettingsSchema>;
export type QueueView = z.infer<typeof queueSchema>;

export const faqStatisticsSchema = z.object({
  shown: z.number(),
  resolved: z.number(),
  entries: z.array(z.object({ id: z.string(), question: z.object({ ja: z.string(), en: z.string() }), resolved: z.number() })),
});

/** デジタル推進課's members a ticket can be assigned to (担当者の指定・変更). */
export const colleaguesSchema = z.object({ colleagues: z.array(z.object({ id: z.string(), name: z.string() })) });
export type ColleaguesView = z.infer<typeof colleaguesSchema>;

/** What a ticket action sends: the action, its text or rating, and the version the screen showed. */
export interface TicketActionInput {
  action: (typeof TICKET_ACTIONS)[number];
  text?: string;
  rating?: number;
  /** assign / reassign: the colleague who takes the ticket. */
  assigneeId?: string;
  version: number;
}

export interface QueueFilterInput {
  status?: string;
  category?: string;
  assignee?: string;
  /** 'true': 期限超過 only. */
  overdue?: string;
}
