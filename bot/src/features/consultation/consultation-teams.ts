import { randomUUID } from 'node:crypto';
import { MessageFactory, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { CardAttachment } from '../../kernel/cards/adaptive-card.js';
import { buildConsultationConfirmationCard } from './cards/consultation-confirmation-card.js';
import { buildConsultationFormCard, type ConsultationFormValues } from './cards/consultation-form-card.js';
import { CONSULTATION_VERBS, TICKET_ACTION_VERBS, ticketActionOfVerb } from './cards/consultation-verbs.js';
import { buildFaqAnswerCard } from './cards/faq-answer-card.js';
import { buildFaqDraftCard, type FaqDraftValues } from './cards/faq-draft-card.js';
import type { FaqLibrary } from './domain/faq-library.js';
import { t } from '../../kernel/cards/messages.js';
import { buildSatisfactionCard } from './cards/satisfaction-card.js';
import { buildTicketCard } from './cards/ticket-card.js';
import { buildTicketListCard } from './cards/ticket-list-card.js';
import type { Locale } from '../../kernel/domain/catalog/localized-text.js';
import { DESK_VIEWER, type ActionOrigin, type ConsultationService, type TicketRequest } from './domain/consultation-service.js';
import { InvalidConsultationInputError, type TicketAction } from './domain/tickets.js';
import { AppError } from '../../kernel/domain/errors.js';
import { FAQ_QUERY_MAX_CHARS, searchableQuery } from './domain/faq-search.js';
import type { ChannelInvokeRoutes, ChannelTextRoutes, ChannelTurnScope, CommandHandler, FreeTextHandler, InvokeResult, InvokeRoutes } from '../../kernel/teams/route-types.js';
import { normalizeCommandText } from '../../kernel/teams/router.js';

export interface ConsultationFeatureDeps {
  consultations: ConsultationService;
  /** The FAQ デジタル推進課 edits: 「FAQにする」's 公開 creates an entry through its rules. */
  faq: Pick<FaqLibrary, 'create'>;
}

/** Phrases an admin types after @mentioning the bot in the division's channel. */
const SET_DESK_PHRASES = ['相談窓口に設定', '相談窓口に設定する', '相談窓口として設定', 'set as desk', 'set as consultation desk'];

// Text inputs are bounded here only against abuse; the 4,000-character rule is the domain's, with its message.
const LONG_TEXT = z.string().max(50_000);
const submissionIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
const ticketDataSchema = z.object({
  ticketNumber: z.string().max(40),
  version: z.number().int().min(1).max(1_000_000).optional(),
  comment: LONG_TEXT.optional(),
  resolutionNote: LONG_TEXT.optional(),
  reopenReason: LONG_TEXT.optional(),
  assigneeId: z.string().max(100).optional(),
  rating: z.union([z.number(), z.string().max(3)]).optional(),
  /** Set by the satisfaction card's rating buttons; absent on the ticket card's. */
  card: z.literal('satisfaction').optional().catch(undefined),
});
type TicketData = z.infer<typeof ticketDataSchema>;
const openFormSchema = z.object({ title: z.string().max(1_000).optional() });
const faqResolvedSchema = z.object({ query: z.string().max(5_000).optional(), faqIds: z.array(z.string().max(100)).max(10) });
const FORM_FIELDS = ['category', 'title', 'details', 'preferredContact', 'urgency'] as const;
const ticketNumberSchema = z.string().regex(/^DX-\d{4}-\d{4,6}$/);
const faqDraftSchema = z.object({ ticketNumber: ticketNumberSchema });
// The draft card's fields as typed; every rule with its message is the FAQ's (faq-rules.ts).
const faqPublishSchema = z.object({
  sourceTicket: ticketNumberSchema,
  faqCategory: z.string().max(40).default(''),
  faqQuestionJa: LONG_TEXT.default(''),
  faqAnswerJa: LONG_TEXT.default(''),
  faqQuestionEn: LONG_TEXT.default(''),
  faqAnswerEn: LONG_TEXT.default(''),
  faqKeywords: z.string().max(5_000).default(''),
});

/**
 * Free text that finds no FAQ entry still gets the FAQ card (with 相談する) when it reads like a question or a
 * request; a short word with no question mark (「ok」「ありがとう」) gets the help card instead, which says what the
 * bot can do. Empty text never reaches here (the help card).
 */
export function looksLikeQuestion(text: string): boolean {
  return [...text.trim()].length >= 6 || /[?？]/.test(text);
}

/** The strings of a refused form, so it comes back as the employee left it. */
function formValuesOf(raw: Record<string, unknown>): ConsultationFormValues {
  const values: ConsultationFormValues = {};
  for (const field of FORM_FIELDS) {
    const value = raw[field];
    if (typeof value === 'string') values[field] = value.slice(0, 20_000);
  }
  return values;
}

function commandOf(action: TicketAction, data: TicketData): TicketRequest {
  switch (action) {
    case 'assign':
      return { action, assigneeId: data.assigneeId };
    case 'reassign':
      return { action, assigneeId: data.assigneeId ?? '' };
    case 'comment':
      return { action, text: data.comment ?? '' };
    case 'resolve':
      return { action, note: data.resolutionNote ?? '' };
    case 'reopen':
      return { action, reason: data.reopenReason };
    case 'rate':
      return { action, rating: Number(data.rating) };
    default:
      return { action };
  }
}

/** The channel a channel turn is in: a card or mention arrives in a thread (`19:…@thread.tacv2;messageid=…`). */
function channelConversationId(context: TurnContext): string {
  const { activity } = context;
  const channelId = (activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
  return channelId ?? activity.conversation.id.replace(/;messageid=.*$/, '');
}

const card = (attachment: CardAttachment): InvokeResult => ({ kind: 'card', card: attachment });
const newMessage = (attachment: CardAttachment): InvokeResult => ({ kind: 'message', card: attachment });
const isUserProblem = (error: unknown): error is AppError => error instanceof AppError && error.code !== 'internal';

/**
 * DX相談 in Teams. Personal chat: free text → FAQ card, 相談する → form → ticket (confirmation in place of the form),
 * 相談状況, ticket cards, the requester's comment/reopen/close/rate. Team channel: an admin's 「相談窓口に設定」, and
 * デジタル推進課's actions on the ticket cards posted there (the card is answered in place and the channel message
 * updated for everyone by the notifier).
 */
export function createConsultationFeature(deps: ConsultationFeatureDeps) {
  const { consultations, faq } = deps;
  const formCard = (locale: Locale, values?: ConsultationFormValues, errorMessage?: string, submissionId: string = randomUUID()) =>
    buildConsultationFormCard({ locale, submissionId, ...(values ? { values } : {}), ...(errorMessage ? { errorMessage } : {}) });

  /** The requester's or admin's own view of a ticket, with a refusal shown on it. */
  async function ownCard(actorId: string, ticketNumber: string, locale: Locale, errorMessage?: string): Promise<InvokeResult> {
    try {
      const view = await consultations.view(actorId, ticketNumber);
      return card(buildTicketCard({ ticket: view.ticket, history: view.history, viewer: view.viewer, locale, ...(errorMessage ? { errorMessage } : {}) }));
    } catch (error) {
      if (!isUserProblem(error)) throw error;
      return { kind: 'error', status: 404, message: errorMessage ?? error.userMessage[locale] };
    }
  }

  /** The channel's card, drawn for デジタル推進課 as a whole. */
  async function deskCard(ticketNumber: string, locale: Locale, errorMessage?: string): Promise<InvokeResult> {
    try {
      const { ticket, history, colleagues, sla } = await consultations.deskView(ticketNumber);
      return card(buildTicketCard({ ticket, history, viewer: DESK_VIEWER, locale, colleagues, sla, ...(errorMessage ? { errorMessage } : {}) }));
    } catch (error) {
      if (!isUserProblem(error)) throw error;
      return { kind: 'error', status: 404, message: error.userMessage[locale] };
    }
  }

  async function act(origin: ActionOrigin, actorId: string | undefined, action: TicketAction, raw: unknown, locale: Locale): Promise<InvokeResult> {
    const parsed = ticketDataSchema.safeParse(raw);
    if (!parsed.success) return { kind: 'error', status: 400, message: t('invalidCardData', locale) };
    const { ticketNumber, version } = parsed.data;
    const redraw = (message?: string) => (origin === 'desk' ? deskCard(ticketNumber, locale, message) : ownCard(actorId ?? '', ticketNumber, locale, message));
    try {
      const change = await consultations.act(actorId ?? '', ticketNumber, commandOf(action, parsed.data), { expectedVersion: version, origin });
      const onSatisfactionCard = action === 'rate' && origin === 'own' && parsed.data.card === 'satisfaction';
      if (onSatisfactionCard) return card(buildSatisfactionCard({ ticket: change.ticket, locale }));
      return await redraw();
    } catch (error) {
      if (!isUserProblem(error)) throw error;
      if (error.code === 'not-found') return { kind: 'error', status: 404, message: error.userMessage[locale] };
      if (action === 'rate' && origin === 'own' && parsed.data.card === 'satisfaction') {
        // A second press on the rating card: it shows the rating already given instead of a ticket card.
        const { ticket } = await consultations.view(actorId ?? '', ticketNumber);
        if (ticket.rating) return card(buildSatisfactionCard({ ticket, locale }));
      }
      // Refused (not allowed, not now, bad text, or a stale card): the current state, with the reason on it.
      return redraw(error.userMessage[locale]);
    }
  }

  const consult: CommandHandler = async ({ context, locale }) => {
    await context.sendActivity(MessageFactory.attachment(formCard(locale)));
  };
  const consultStatus: CommandHandler = async ({ context, locale, profile }) => {
    await context.sendActivity(MessageFactory.attachment(buildTicketListCard({ tickets: await consultations.mine(profile.id), locale })));
  };
  const freeText: FreeTextHandler = async ({ context, locale }, text) => {
    const entries = await consultations.answer(text);
    if (entries.length === 0 && !looksLikeQuestion(text)) return false;
    if (searchableQuery(text).capped) await context.sendActivity(MessageFactory.text(t('consultFaqQueryCapped', locale, { max: String(FAQ_QUERY_MAX_CHARS) })));
    await context.sendActivity(MessageFactory.attachment(buildFaqAnswerCard({ query: text, entries, locale })));
    return true;
  };

  const invokeRoutes: InvokeRoutes = {
    [CONSULTATION_VERBS.openForm]: async ({ locale }, data) => {
      const parsed = openFormSchema.safeParse(data ?? {});
      const title = parsed.success ? parsed.data.title?.trim() : undefined;
      return newMessage(formCard(locale, title ? { title } : undefined));
    },
    [CONSULTATION_VERBS.faqResolved]: async ({ locale }, data) => {
      const parsed = faqResolvedSchema.safeParse(data);
      if (!parsed.success) return { kind: 'error', status: 400, message: t('invalidCardData', locale) };
      const entries = await consultations.faqResolved(parsed.data.faqIds);
      // The answers the person just read stay, marked 解決済み (the card's own next state).
      return card(buildFaqAnswerCard({ query: parsed.data.query ?? '', entries, locale, resolved: true }));
    },
    [CONSULTATION_VERBS.submit]: async ({ locale, profile }, data) => {
      const raw = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
      const submissionId = submissionIdSchema.safeParse(raw.submissionId);
      if (!submissionId.success) return { kind: 'error', status: 400, message: t('invalidCardData', locale) };
      try {
        const filed = await consultations.file(profile, raw, submissionId.data);
        const note = filed.deskConfigured ? undefined : t('consultNoDeskNote', locale);
        return card(buildConsultationConfirmationCard({ ticket: filed.ticket, locale, ...(note ? { note } : {}) }));
      } catch (error) {
        if (!(error instanceof InvalidConsultationInputError)) throw error;
        return card(formCard(locale, formValuesOf(raw), error.userMessage[locale], submissionId.data));
      }
    },
    [CONSULTATION_VERBS.listMine]: async ({ locale, profile }) => newMessage(buildTicketListCard({ tickets: await consultations.mine(profile.id), locale })),
    [CONSULTATION_VERBS.openTicket]: async ({ locale, profile }, data) => {
      const parsed = ticketDataSchema.safeParse(data);
      if (!parsed.success) return { kind: 'error', status: 400, message: t('invalidCardData', locale) };
      const opened = await ownCard(profile.id, parsed.data.ticketNumber, locale);
      // 開く on a confirmation, a notice or the list shows the ticket below; the card that was read stays.
      return opened.kind === 'card' ? newMessage(opened.card) : opened;
    },
    ...Object.fromEntries(
      Object.values(TICKET_ACTION_VERBS).map((verb) => {
        const action = ticketActionOfVerb(verb)!;
        const route: InvokeRoutes[string] = ({ locale, profile }, data) => act('own', profile.id, action, data, locale);
        return [verb, route];
      }),
    ),
  };
  // A refresh is the ticket card asking for its own current state: it replaces itself.
  invokeRoutes[CONSULTATION_VERBS.refreshTicket] = async ({ locale, profile }, data) => {
    const parsed = ticketDataSchema.safeParse(data);
    if (!parsed.success) return { kind: 'error', status: 400, message: t('invalidCardData', locale) };
    return ownCard(profile.id, parsed.data.ticketNumber, locale);
  };

  /**
   * Every desk-card invoke from a channel passes here first: an admin in the configured desk channel, or a refusal
   * that names no ticket (an error, not a card: a card would have to show some ticket state).
   */
  const deskOnly = (handler: ChannelInvokeRoutes[string]): ChannelInvokeRoutes[string] => async (scope, data) => {
    try {
      await consultations.assertDeskChannel(scope.actorId, channelConversationId(scope.context));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'forbidden') throw error;
      return { kind: 'error', status: 403, message: error.userMessage[scope.locale] };
    }
    return handler(scope, data);
  };
  const openDeskCard = deskOnly(async ({ locale }, data) => {
    const parsed = ticketDataSchema.safeParse(data);
    if (!parsed.success) return { kind: 'error', status: 400, message: t('invalidCardData', locale) };
    return deskCard(parsed.data.ticketNumber, locale);
  });
  /** 「FAQにする」 on a resolved desk card: the draft (personal details removed) below, as a card to edit and publish. */
  const draftFaq = deskOnly(async ({ locale, actorId }, data) => {
    const parsed = faqDraftSchema.safeParse(data);
    if (!parsed.success) return { kind: 'error', status: 400, message: t('invalidCardData', locale) };
    try {
      const draft = await consultations.faqDraft(actorId ?? '', parsed.data.ticketNumber);
      return newMessage(buildFaqDraftCard({ sourceTicket: draft.sourceTicket, values: draft, locale }));
    } catch (error) {
      if (!isUserProblem(error)) throw error;
      return { kind: 'error', status: error.code === 'not-found' ? 404 : 400, message: error.userMessage[locale] };
    }
  });
  /** 公開 on the draft card: the entry as edited, through the same rules as the tab; a refusal keeps what was typed. */
  const publishFaq = deskOnly(async ({ locale, actorId }, data) => {
    const parsed = faqPublishSchema.safeParse(data);
    if (!parsed.success) return { kind: 'error', status: 400, message: t('invalidCardData', locale) };
    const fields = parsed.data;
    const values: FaqDraftValues = {
      category: fields.faqCategory,
      question: { ja: fields.faqQuestionJa, en: fields.faqQuestionEn },
      answer: { ja: fields.faqAnswerJa, en: fields.faqAnswerEn },
      keywords: fields.faqKeywords.split(/[、,，]/u).map((keyword) => keyword.trim()).filter(Boolean),
    };
    try {
      const entry = await faq.create(actorId ?? '', values);
      return card(buildFaqDraftCard({ sourceTicket: fields.sourceTicket, values, locale, published: { question: entry.question.ja } }));
    } catch (error) {
      if (!isUserProblem(error)) throw error;
      return card(buildFaqDraftCard({ sourceTicket: fields.sourceTicket, values, locale, errorMessage: error.userMessage[locale] }));
    }
  });
  const channelInvokeRoutes: ChannelInvokeRoutes = {
    [CONSULTATION_VERBS.openTicket]: openDeskCard,
    [CONSULTATION_VERBS.refreshTicket]: openDeskCard,
    [CONSULTATION_VERBS.faqDraft]: draftFaq,
    [CONSULTATION_VERBS.faqPublish]: publishFaq,
    ...Object.fromEntries(
      (['assign', 'reassign', 'start', 'comment', 'resolve', 'reopen', 'close'] as const).map((action) => {
        const route = deskOnly(({ locale, actorId }, data) => act('desk', actorId, action, data, locale));
        return [TICKET_ACTION_VERBS[action], route];
      }),
    ),
  };

  const setDesk = async ({ context, locale, actorId }: ChannelTurnScope) => {
    const { activity } = context;
    const reference = TurnContext.getConversationReference(activity) as Record<string, unknown>;
    const conversationId = channelConversationId(context);
    const { activityId: _thread, ...rest } = reference;
    try {
      await consultations.setDesk(actorId ?? '', { conversationId, reference: { ...rest, conversation: { ...(rest.conversation as object), id: conversationId } } });
      await context.sendActivity(MessageFactory.text(t('consultDeskSet', locale)));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'forbidden') throw error;
      await context.sendActivity(MessageFactory.text(t('consultDeskAdminOnly', locale)));
    }
  };
  const channelTextRoutes: ChannelTextRoutes = Object.fromEntries(SET_DESK_PHRASES.map((phrase) => [normalizeCommandText(phrase), setDesk]));

  return {
    consult,
    consultStatus,
    freeText,
    invokeRoutes,
    channelInvokeRoutes,
    channelTextRoutes,
    channelHelp: async ({ context, locale }: ChannelTurnScope) => {
      await context.sendActivity(MessageFactory.text(t('consultChannelHelp', locale)));
    },
  };
}
