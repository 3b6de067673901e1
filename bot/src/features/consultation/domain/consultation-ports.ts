import type { FaqMonthCounts } from './desk-metrics.js';
import type { SlaClock, SlaClockName, SlaSettings } from './sla.js';
import type { Ticket, TicketChange, TicketHistoryEntry, TicketStatus } from './tickets.js';

/**
 * DX相談 tickets. Creating allocates the next number of the year with no gaps or duplicates, even from several
 * instances at once; a transition re-reads the ticket, lets `change` decide (the domain's applyTransition), and
 * writes the ticket, its history entry and its index rows together, guarded by the ticket's ETag; a lost race
 * re-runs `change` on the new state, so a stale action meets the current status and is refused there.
 */
export interface ConsultationRepository {
  create(request: {
    year: number;
    requesterId: string;
    /**
     * The form's id: a second submit of the same form by the same requester returns the first ticket instead of
     * making another. Keyed by requester + id, so someone else's id files a ticket of the caller's own.
     */
    submissionId?: string | undefined;
    build: (ticketNumber: string) => TicketChange;
  }): Promise<{ ticket: Ticket; created: boolean }>;
  get(ticketNumber: string): Promise<Ticket | undefined>;
  /** Oldest first. */
  history(ticketNumber: string): Promise<TicketHistoryEntry[]>;
  /** The requester's tickets, newest first ("私の相談", 「相談状況」). */
  listByRequester(requesterId: string): Promise<Ticket[]>;
  /** The queue: tickets in any of these statuses, oldest first. */
  listByStatus(statuses: readonly TicketStatus[]): Promise<Ticket[]>;
  /** Throws AppError('not-found') for an unknown number; whatever `change` throws reaches the caller unchanged. */
  transition(ticketNumber: string, change: (current: Ticket) => TicketChange | Promise<TicketChange>): Promise<TicketChange>;
  /**
   * Claims the one "unassigned for 2 business days" reminder, if the ticket is still new and unclaimed; true only for
   * the caller that claimed it, so two instances never both send it (releaseReminder gives back one not sent).
   */
  claimUnassignedReminder(ticketNumber: string, at: Date): Promise<boolean>;
  /** Claims the one reminder for this SLA clock; true only for the caller that claimed it (see releaseReminder). */
  claimSlaReminder(ticketNumber: string, which: SlaClockName, at: Date): Promise<boolean>;
  /**
   * Gives back a reminder claimed at `claimedAt` that was not sent after all (the app stopped before its turn in the
   * channel, or Teams refused it for good), so the job's next run sends it; a later claim is left alone.
   */
  releaseReminder(ticketNumber: string, reminder: 'unassigned' | SlaClockName, claimedAt: Date): Promise<void>;
}

/** デジタル推進課's desk channel, as an admin set it with 「相談窓口に設定」 (issue 3). */
export interface ConsultationDesk {
  /** The channel's conversation id (no thread suffix): new tickets start new posts there. */
  conversationId: string;
  /** The Bot Framework conversation reference for proactive posts, as Teams sent it. */
  reference: Record<string, unknown>;
  setBy: string;
  setAt: string;
}

/** The channel message that shows a ticket, so every later change can update that one card for everyone. */
export interface TicketPost {
  ticketNumber: string;
  conversationId: string;
  activityId: string;
  postedAt: string;
}

export interface ConsultationDeskRepository {
  getDesk(): Promise<ConsultationDesk | undefined>;
  /** Replaces the desk (one channel at a time: the last admin to set it wins). */
  saveDesk(desk: ConsultationDesk): Promise<void>;
  /** The ticket's channel message, once it was posted (a claim alone is not a post). */
  getTicketPost(ticketNumber: string): Promise<TicketPost | undefined>;
  /**
   * Claims the posting of a ticket's card for one instance until `leaseUntil`: true when there was no post and no
   * live claim (or an expired one, which a crashed instance left). Exactly one caller gets true at a time.
   */
  claimTicketPost(ticketNumber: string, claim: { leaseUntil: string; now: string }): Promise<boolean>;
  /** Gives a claim back after the post failed for good, so the next re-post run tries again. */
  releaseTicketPost(ticketNumber: string): Promise<void>;
  saveTicketPost(post: TicketPost): Promise<void>;
  /**
   * How often an FAQ card's 「解決しました」 was pressed, per FAQ entry shown on it (process evaluation); counted to
   * date and in the JST month of `at` (desk metrics).
   */
  recordFaqResolved(faqIds: readonly string[], at?: Date): Promise<void>;
  /** How many FAQ answer cards were shown (to date and in the JST month of `at`). */
  recordFaqShown(at?: Date): Promise<void>;
  faqStatistics(): Promise<{ shown: number; resolved: number; resolvedByEntry: Record<string, number> }>;
  /** The FAQ counters per JST month of a fiscal year (one partition per fiscal year). */
  faqMonths(fiscalYear: number): Promise<FaqMonthCounts[]>;
  /** The SLA settings an admin saved; undefined until then (DEFAULT_SLA_SETTINGS apply). */
  getSlaSettings(): Promise<SlaSettings | undefined>;
  saveSlaSettings(settings: SlaSettings): Promise<void>;
}

/**
 * What the desk and the requester are told about tickets. Implemented over Teams: the desk channel gets a card
 * per ticket that is updated in place; the requester's notices go through the delivery engine (durable, paced).
 * Calls return once the work is accepted, not when it reached Teams.
 */
export interface ConsultationNotifier {
  /** A new ticket: post its card in the desk channel; false when no desk channel is set (nothing to post to). */
  ticketFiled(filed: TicketChange): Promise<boolean>;
  /** A ticket changed: refresh its channel card, and tell the requester when someone else assigned, commented or resolved. */
  ticketChanged(change: TicketChange): Promise<void>;
  /**
   * The desk cards that are missing: queues a post, at the channel's pace, for each of these tickets that has no
   * channel message (a crash between filing and posting); the post is skipped at its turn if a live claim holds it.
   * Returns how many it queued.
   */
  postMissingDeskCards(tickets: readonly Ticket[]): Promise<number>;
  /**
   * Tickets nobody took for 2 business days: one reminder post in the desk channel. `unsent` is called if it is not
   * posted after all (no desk channel, the app stopped first, Teams refused it for good), to give its claims back.
   */
  unassignedReminder(tickets: readonly Ticket[], unsent: () => Promise<void>): Promise<void>;
  /**
   * An SLA clock ran out: one reminder to the assignee's chat (delivery engine, which keeps it until sent), or the
   * desk channel if unassigned; `unsent` as for unassignedReminder.
   */
  slaReminder(ticket: Ticket, which: SlaClockName, clock: SlaClock, unsent: () => Promise<void>): Promise<void>;
}
