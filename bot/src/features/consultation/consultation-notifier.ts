import { cardMessage } from '../../kernel/teams/outgoing-message.js';
import type { OutgoingMessage } from '../../delivery/domain/delivery.js';
import { buildSatisfactionCard } from './cards/satisfaction-card.js';
import { buildTicketCard } from './cards/ticket-card.js';
import { buildTicketNoticeCard, type NoticeAction } from './cards/ticket-notice-card.js';
import { buildUnassignedReminderCard } from './cards/unassigned-reminder-card.js';
import { localeFrom } from '../../kernel/cards/messages.js';
import type { CardAttachment } from '../../kernel/cards/adaptive-card.js';
import type { Locale } from '../../kernel/domain/catalog/localized-text.js';
import { DESK_VIEWER, divisionColleaguesOf } from './domain/consultation-service.js';
import { buildAssigneeNoticeCard } from './cards/assignee-notice-card.js';
import { buildSlaReminderCard } from './cards/sla-reminder-card.js';
import { DEFAULT_SLA_SETTINGS, slaClockOf } from './domain/sla.js';
import type { Ticket, TicketHistoryEntry } from './domain/tickets.js';
import { decideAfterFailure, type RetryPolicy } from '../../delivery/domain/retry-policy.js';
import type { ConsultationDesk, ConsultationDeskRepository, ConsultationNotifier, ConsultationRepository } from './domain/consultation-ports.js';
import type { ConversationMessenger, SendResult } from '../../delivery/domain/delivery-ports.js';
import type { EmployeeRepository } from '../../kernel/domain/ports.js';
import type { Logger } from '../../logger.js';
import type { DeliveryEngine } from '../../delivery/delivery-engine.js';
import { createReadCache } from '../../kernel/storage/read-cache.js';
import { TEAMS_CONVERSATION_GAP_MS } from '../../delivery/domain/adaptive-pace.js';
import PQueue from 'p-queue';

const DESK_LOCALE: Locale = 'ja';

/**
 * Channel posts are one message each, not a broadcast, so the retry is here: the delivery engine's classification
 * (429 waits Retry-After, 5xx and network errors back off, 4xx give up), with fewer tries because an admin is
 * waiting to see the card.
 */
export const DESK_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  maxThrottledAttempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  defaultRetryAfterMs: 1_000,
  maxRetryAfterMs: 60_000,
};

const NOTICE_ACTIONS: readonly string[] = ['assign', 'reassign', 'comment', 'resolve'] satisfies NoticeAction[];
const isNotice = (entry: TicketHistoryEntry): entry is TicketHistoryEntry & { action: NoticeAction } => NOTICE_ACTIONS.includes(entry.action);


/** The stored channel reference, pointed at `conversationId` (a ticket's post may be in an earlier desk channel). */
function referenceFor(reference: Record<string, unknown>, conversationId: string): Record<string, unknown> {
  const conversation = (reference.conversation ?? {}) as Record<string, unknown>;
  return { ...reference, conversation: { ...conversation, id: conversationId } };
}

/**
 * How long one instance holds the claim to post a ticket's desk card. Longer than the worst retry of DESK_RETRY_POLICY
 * (8 throttled waits of at most 60 s), so a live post is never taken over; a crashed instance's claim expires and
 * the hourly re-post takes it.
 */
export const DESK_POST_LEASE_MS = 15 * 60_000;

export interface ConsultationNotifierDeps {
  engine: Pick<DeliveryEngine, 'send'>;
  employees: EmployeeRepository;
  tickets: ConsultationRepository;
  desk: ConsultationDeskRepository;
  channel: ConversationMessenger;
  log: Logger;
  retry?: RetryPolicy;
  /** DESK_POST_LEASE_MS unless a test needs a crashed claim to expire sooner. */
  postLeaseMs?: number;
  /** The least gap between two starts of desk channel work: TEAMS_CONVERSATION_GAP_MS (the channel is one conversation). */
  channelGapMs?: number;
  clock?: () => Date;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * DX相談's notifications. The desk channel: one card per ticket, posted when it is filed and updated in place on
 * every change (updateActivity), so the whole channel sees the current state; the work for one ticket runs in
 * order, each step drawing the card from the stored ticket, so a late update never shows an older state. The
 * requester: assigned, commented and resolved notices (and the 1–5 rating card) as one-recipient broadcasts of the
 * delivery engine, with ids from the ticket and its history entry, so a repeat never sends twice.
 */
export function createConsultationNotifier(deps: ConsultationNotifierDeps): ConsultationNotifier & { idle(): Promise<void>; stop(): Promise<void> } {
  const { log } = deps;
  const policy = deps.retry ?? DESK_RETRY_POLICY;
  const clock = deps.clock ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const chains = new Map<string, Promise<void>>();
  let stopping = false;
  /**
   * Every message the desk channel gets (a new ticket's card, a card update, a reminder) starts from this queue, at
   * most one per channelGapMs. The channel is one Teams conversation, which takes 60 messages per 30 s: 200 staff
   * filing at once would otherwise send 200 cards in a second, have most of them throttled (429) and retried, and
   * spend the claim, the card and the connector call of every one of them while the crowd's own turns wait for the
   * same event loop. Paced, the filings are answered first and the desk's cards follow at the rate Teams accepts.
   * An update (someone acted on a ticket) goes before waiting new cards: that person is looking at the card.
   */
  const channelGapMs = deps.channelGapMs ?? TEAMS_CONVERSATION_GAP_MS;
  const channelQueue = new PQueue({ intervalCap: 1, interval: channelGapMs, strict: true });
  /**
   * The queue spaces the starts of desk work; a post then takes its claim (storage round trips of varying length)
   * before it sends, so two sends could come closer than the gap by that difference. Each call to the channel (a
   * retry too) therefore also waits until the gap has passed since the previous one began: what Teams counts. The
   * queue's own pacing stays: it keeps each claim at its post's turn, so a stop finds no claim waiting for the gap.
   * (The delivery engine's Pacer also spaces at the moment of sending, but around an adaptive app-wide pace and
   * 429 pauses for thousands of conversations that this one channel does not need.)
   */
  let lastChannelCallAt = -Infinity;
  async function awaitChannelGap(): Promise<void> {
    const remaining = () => lastChannelCallAt + channelGapMs - performance.now();
    while (remaining() > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil(remaining())));
    lastChannelCallAt = performance.now();
  }
  const channel: ConversationMessenger = {
    async send(...args) {
      await awaitChannelGap();
      return deps.channel.send(...args);
    },
    async update(...args) {
      await awaitChannelGap();
      return deps.channel.update(...args);
    },
  };
  const PRIORITY = { update: 1, post: 0 } as const;
  // Once the app is stopping, work handed over later (a scheduled job still running) is dropped like the waiting
  // work: queued, it would keep the stop waiting at the channel's pace, a card every gap, for as long as it came.
  const paced =
    <Result>(kind: keyof typeof PRIORITY, work: () => Promise<Result>) =>
    (): Promise<Result> =>
      stopping ? Promise.reject(new DOMException('the desk channel is stopping', 'AbortError')) : channelQueue.add(work, { priority: PRIORITY[kind] });

  /** Runs work for one ticket after the earlier work for it; failures are logged, never thrown at the user's turn. */
  function inOrder(key: string, work: () => Promise<void>): void {
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous.then(work).catch((error: unknown) => {
      // Work the shutdown dropped before it started (see stop) is not a failure.
      if (stopping && error instanceof DOMException && error.name === 'AbortError') return;
      log.error('desk channel update failed', { ticketNumber: key, error });
    });
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
  }

  async function withRetry(what: string, attempt: () => Promise<SendResult>): Promise<SendResult> {
    const counters = { attempts: 0, throttled: 0 };
    for (;;) {
      const result = await attempt();
      counters.attempts++;
      if (result.ok) return result;
      const decision = decideAfterFailure(result.failure, counters, policy, clock(), random);
      if (decision.state !== 'retrying') {
        log.warn('desk channel message not delivered', { what, reason: decision.reason, status: result.failure.status });
        return result;
      }
      if (decision.throttled) counters.throttled++;
      log.info('desk channel message retrying', { what, reason: decision.reason, delayMs: decision.delayMs });
      await sleep(decision.delayMs);
    }
  }

  // The division's members for a desk card come from a scan of every employee (5,200 rows): through a read cache
  // (single-flight), so 200 filings at once cost one scan, not 200. A minute, not the shared few seconds: the cards
  // of a crowd's filings drip out for minutes at the channel's pace, and a scan every few seconds would land on
  // every wave of turns meanwhile. The list only fills the card's 担当者 choice; an assignment reads the chosen
  // colleague afresh and is refused unless they are a current member, so a minute-old list cannot assign wrongly.
  const colleagueList = createReadCache<ReturnType<typeof divisionColleaguesOf>>({ maxEntries: 1, ttlMs: 60_000 });
  const colleagues = () => colleagueList.get('division', async () => divisionColleaguesOf(await deps.employees.list()));

  const slaOf = async (ticket: Ticket) => slaClockOf(ticket, (await deps.desk.getSlaSettings()) ?? DEFAULT_SLA_SETTINGS, clock());

  async function deskCard(ticketNumber: string): Promise<Record<string, unknown> | undefined> {
    const [ticket, history, members] = await Promise.all([deps.tickets.get(ticketNumber), deps.tickets.history(ticketNumber), colleagues()]);
    return ticket && cardMessage(buildTicketCard({ ticket, history, viewer: DESK_VIEWER, locale: DESK_LOCALE, colleagues: members, sla: await slaOf(ticket) }));
  }

  /** A colleague given a ticket by someone else hears it in their chat, through the delivery engine (one id per change). */
  async function tellAssignee(ticket: Ticket, entry: TicketHistoryEntry) {
    if (!ticket.assigneeId || ticket.assigneeId === entry.actorId) return;
    const locale = await localeOf(ticket.assigneeId);
    await deps.engine.send({
      id: `ticket-${ticket.number}-${entry.sequence}-assignee`,
      kind: 'ticket-notification',
      title: `${ticket.number} assigned`,
      createdBy: entry.actorId,
      audience: `assignee of ${ticket.number}`,
      recipients: [{ employeeId: ticket.assigneeId, variant: locale }],
      variants: { [locale]: cardMessage(buildAssigneeNoticeCard({ ticket, entry, locale })) },
    });
  }

  async function localeOf(employeeId: string): Promise<Locale> {
    return localeFrom((await deps.employees.get(employeeId))?.locale);
  }

  async function tellRequester(ticket: Ticket, entry: TicketHistoryEntry & { action: NoticeAction }) {
    const locale = await localeOf(ticket.requesterId);
    const variants = (build: (locale: Locale) => CardAttachment) => ({ [locale]: cardMessage(build(locale)) });
    const base = { createdBy: entry.actorId, audience: `requester of ${ticket.number}`, recipients: [{ employeeId: ticket.requesterId, variant: locale }] };
    await deps.engine.send({
      ...base,
      id: `ticket-${ticket.number}-${entry.sequence}`,
      kind: 'ticket-notification',
      title: `${ticket.number} ${entry.action}`,
      variants: variants((chosen) => buildTicketNoticeCard({ ticket, entry, locale: chosen })),
    });
    if (entry.action === 'resolve') {
      await deps.engine.send({
        ...base,
        id: `ticket-${ticket.number}-${entry.sequence}-rating`,
        kind: 'ticket-satisfaction',
        title: `${ticket.number} satisfaction`,
        variants: variants((chosen) => buildSatisfactionCard({ ticket, locale: chosen })),
      });
    }
  }

  const postLeaseMs = deps.postLeaseMs ?? DESK_POST_LEASE_MS;

  /**
   * A reminder's post in the desk channel, at the channel's pace. Its claim was taken before it was queued, so a
   * reminder not posted after all (dropped as the app stops, or refused for good) gives its claim back through
   * `unsent`, and the job's next run, on this instance or another, sends it.
   */
  const reminderPost = (desk: ConsultationDesk, what: string, message: OutgoingMessage, unsent: () => Promise<void>) => async () => {
    let posted = false;
    try {
      posted = await paced('post', async () => (await withRetry(what, () => channel.send(desk.reference, message))).ok)();
    } finally {
      if (!posted) await unsent();
    }
  };

  /**
   * Posts a ticket's desk card once across instances and crashes: the post is claimed (a lease row) before it is
   * sent and recorded with its activity id after; a post that failed for good gives the claim back. The one window
   * left is a crash after Teams accepted the card and before the id was stored (milliseconds): the re-post then
   * sends it again once the lease expires, as the delivery engine's in-doubt 'resend' does.
   */
  function postCard(ticketNumber: string, desk: ConsultationDesk, draw: () => Promise<Record<string, unknown> | undefined>): void {
    // The claim is taken at the post's turn of the pace: a post still waiting when the process stops holds no claim,
    // so the re-post at the next start sends it at once instead of after the lease.
    inOrder(
      ticketNumber,
      paced('post', async () => {
        if (await claimPost(ticketNumber)) await sendPost(ticketNumber, desk, draw);
      }),
    );
  }

  const claimPost = (ticketNumber: string) => {
    const now = clock();
    return deps.desk.claimTicketPost(ticketNumber, { now: now.toISOString(), leaseUntil: new Date(now.getTime() + postLeaseMs).toISOString() });
  };

  /** Sends a claimed post and records it; a post that failed for good gives the claim back. */
  async function sendPost(ticketNumber: string, desk: ConsultationDesk, draw: () => Promise<Record<string, unknown> | undefined>): Promise<void> {
    const message = await draw();
    const result = message ? await withRetry(`post ${ticketNumber}`, () => channel.send(desk.reference, message)) : undefined;
    if (!result?.ok || !result.activityId) {
      await deps.desk.releaseTicketPost(ticketNumber);
      return;
    }
    await deps.desk.saveTicketPost({ ticketNumber, conversationId: desk.conversationId, activityId: result.activityId, postedAt: clock().toISOString() });
  }

  return {
    async ticketFiled({ ticket, history }) {
      const desk = await deps.desk.getDesk();
      if (!desk) return false;
      // Drawn from the new ticket itself: any later change is queued behind this post and redraws from the store.
      const draw = async () => cardMessage(buildTicketCard({ ticket, history: [history], viewer: DESK_VIEWER, locale: DESK_LOCALE, colleagues: await colleagues(), sla: await slaOf(ticket) }));
      // The filing is answered without waiting for the claim: claim, post and record follow in the ticket's order,
      // at the channel's pace. A crash before the claim leaves a ticket with no desk message, which each start and
      // the hourly job post.
      postCard(ticket.number, desk, draw);
      return true;
    },

    async postMissingDeskCards(tickets) {
      const desk = await deps.desk.getDesk();
      if (!desk) return 0;
      let queued = 0;
      for (const ticket of tickets) {
        if (await deps.desk.getTicketPost(ticket.number)) continue;
        postCard(ticket.number, desk, () => deskCard(ticket.number));
        queued++;
      }
      if (queued > 0) log.warn('desk cards queued for re-posting (missing after a crash or a failed post)', { count: queued });
      return queued;
    },

    async ticketChanged({ ticket, history }) {
      inOrder(
        ticket.number,
        paced('update', async () => {
          const [post, desk] = await Promise.all([deps.desk.getTicketPost(ticket.number), deps.desk.getDesk()]);
          if (!post || !desk) return;
          const message = await deskCard(ticket.number);
          if (!message) return;
          await withRetry(`update ${ticket.number}`, () => channel.update(referenceFor(desk.reference, post.conversationId), post.activityId, message));
        }),
      );
      if (isNotice(history) && history.actorId !== ticket.requesterId) await tellRequester(ticket, history);
      if (history.action === 'assign' || history.action === 'reassign') await tellAssignee(ticket, history);
    },

    async unassignedReminder(tickets, unsent) {
      if (tickets.length === 0) return;
      const desk = await deps.desk.getDesk();
      if (!desk) return unsent();
      const message = cardMessage(buildUnassignedReminderCard({ tickets, locale: DESK_LOCALE }));
      inOrder('unassigned-reminder', reminderPost(desk, 'unassigned reminder', message, unsent));
    },

    async slaReminder(ticket, which, clock, unsent) {
      if (ticket.assigneeId) {
        const locale = await localeOf(ticket.assigneeId);
        await deps.engine.send({
          id: `ticket-${ticket.number}-sla-${which}`,
          kind: 'ticket-notification',
          title: `${ticket.number} ${which} overdue`,
          createdBy: 'system',
          audience: `assignee of ${ticket.number}`,
          recipients: [{ employeeId: ticket.assigneeId, variant: locale }],
          variants: { [locale]: cardMessage(buildSlaReminderCard({ ticket, which, clock, locale, openable: true })) },
        });
        return;
      }
      const desk = await deps.desk.getDesk();
      if (!desk) return unsent();
      // The desk's card itself carries the buttons; the reminder in the channel only points at it.
      const message = cardMessage(buildSlaReminderCard({ ticket, which, clock, locale: DESK_LOCALE, openable: false }));
      inOrder(`sla-${ticket.number}`, reminderPost(desk, `sla reminder ${ticket.number}`, message, unsent));
    },

    /** Resolves once every queued channel post and update has finished (tests, benchmarks). */
    async idle() {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },

    /**
     * Shutdown: channel work that has not started is dropped, and so is any handed over from now on (a new ticket's
     * card then has no claim, and the re-post at the next start sends it; a dropped update is redrawn from the stored
     * ticket by the next change); the work already started is awaited.
     */
    async stop() {
      stopping = true;
      channelQueue.clear();
      await channelQueue.onPendingZero();
      await this.idle();
    },
  };
}
