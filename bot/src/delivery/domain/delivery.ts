import { toCsv } from '../../kernel/domain/csv.js';

/**
 * Broadcasts and deliveries: everything the bot pushes to many people (weekly digest, urgent news, training
 * reminders, survey invitations, ticket notifications) is one broadcast, stored first, with one delivery
 * record per recipient stored before anything is sent.
 *
 * A delivery moves
 *   queued → sending → sent
 *                    → retrying → sending → … (429, 5xx, network errors, up to the retry policy's limits)
 *                    → failed (reason)            (400 and other refusals, or retries exhausted)
 *                    → unreachable                (403/404: the employee blocked or removed the app)
 *   queued → no-reference                         (the employee never opened the bot, so Teams gave us no
 *                                                  conversation to write to)
 * `sending` is a claim written (ETag-guarded) just before the HTTP call, and `sent` is written right after the
 * connector's 200, so a restart never re-sends what was recorded as sent. The one window the bot cannot see
 * into is a crash between the connector's 200 and the `sent` write: the claim is then taken over and the message
 * is sent again (see `InDoubtPolicy`); the engine keeps that window small by capping sends in flight, and the
 * report counts the recipients it touched (`inDoubt`).
 *
 * A claim names the instance (`claimedBy`) and the run of its process (`claimRun`). It is alive while that run's
 * heartbeat is fresh and the claim has not expired: a claim of this instance's previous run is free at once (the
 * restarted instance knows its old process is gone), another instance's claim is free a few seconds after its
 * heartbeat stopped, and claimExpiresAt bounds a claimant that beats but never answers.
 */

/** Bot Framework activity fields (type, text, attachments…) exactly as they will be sent; opaque to the domain. */
export type OutgoingMessage = Record<string, unknown>;

export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'retrying', 'failed', 'unreachable', 'no-reference'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

const TERMINAL: ReadonlySet<DeliveryState> = new Set<DeliveryState>(['sent', 'failed', 'unreachable', 'no-reference']);
export const isTerminal = (state: DeliveryState): boolean => TERMINAL.has(state);

export type BroadcastState = 'expanding' | 'sending' | 'completed';

/** What a feature asks the engine to send. Calling again with the same id never sends twice. */
export interface BroadcastRequest {
  /** Stable and derived from what is sent (`news-<itemId>`, `weekly-digest-2026-W48`), so a repeat is a no-op. */
  id: string;
  /** news, weekly-digest, training-reminder, survey-invitation, ticket-notification… */
  kind: string;
  /** Employee id of the admin, or `system` for scheduled jobs. */
  createdBy: string;
  /** Shown in the delivery report. */
  title: string;
  /** Human description of the audience as chosen (e.g. `departments: 情報推進課`), for the report. */
  audience: string;
  /** The message in each variant (usually per locale: `ja`, `en`). */
  variants: Record<string, OutgoingMessage>;
  recipients: RecipientSpec[];
  /**
   * The report shows counts only, to anyone: per-person delivery state is kept for delivering and never
   * reported. Survey invitations and reminders set it (who was reminded says who had not answered).
   */
  countsOnly?: boolean;
  /**
   * Proactive news, digests, reminders and follow-ups: sent only inside working hours (see working-hours.ts); a
   * broadcast started outside them waits for the next window and its report says so. Replies to a person's own
   * action (a DX相談's progress) leave it unset and go at once.
   */
  workingHours?: boolean;
}

export interface RecipientSpec {
  employeeId: string;
  /** Which of the broadcast's variants this recipient gets; the first variant when absent. */
  variant?: string;
  /** A message for this recipient only (the weekly digest differs per person); overrides the variant. */
  message?: OutgoingMessage;
}

export interface Broadcast {
  id: string;
  kind: string;
  createdBy: string;
  title: string;
  audience: string;
  createdAt: string;
  state: BroadcastState;
  recipientCount: number;
  /** Set once every delivery reached a final state. */
  completedAt: string | undefined;
  /** Counts as they were at completion; the live report counts the delivery records instead. */
  finalCounts: DeliveryCounts | undefined;
  /** See BroadcastRequest.countsOnly. */
  countsOnly: boolean;
  /** Started outside working hours: nothing is sent before this instant (ISO); undefined when it went at once. */
  notBefore?: string | undefined;
}

export interface Delivery {
  broadcastId: string;
  employeeId: string;
  state: DeliveryState;
  variant: string;
  /** Per-recipient message, when the broadcast has one for this employee. */
  message: OutgoingMessage | undefined;
  /** HTTP attempts made so far (each claim counts one). */
  attempts: number;
  /** How many of those attempts were answered 429. */
  throttled: number;
  nextAttemptAt: string | undefined;
  /** The worker that made the last attempt (while `sending`: holds the claim until claimExpiresAt). */
  claimedBy: string | undefined;
  /** The run (process start) of claimedBy that made the claim; absent on rows written before runs existed. */
  claimRun: string | undefined;
  claimExpiresAt: string | undefined;
  /** Claims that expired without a recorded result (a crashed worker) and were taken over. */
  inDoubt: number;
  lastStatus: number | undefined;
  reason: string | undefined;
  sentAt: string | undefined;
  activityId: string | undefined;
  updatedAt: string;
}

export type Versioned<T> = T & { etag: string };

export function newDelivery(broadcastId: string, spec: RecipientSpec, defaultVariant: string, now: Date): Delivery {
  return {
    broadcastId,
    employeeId: spec.employeeId,
    state: 'queued',
    variant: spec.variant ?? defaultVariant,
    message: spec.message,
    attempts: 0,
    throttled: 0,
    nextAttemptAt: undefined,
    claimedBy: undefined,
    claimRun: undefined,
    claimExpiresAt: undefined,
    inDoubt: 0,
    lastStatus: undefined,
    reason: undefined,
    sentAt: undefined,
    activityId: undefined,
    updatedAt: now.toISOString(),
  };
}

/**
 * What a worker may do with a delivery now: nothing (final), wait (a retry is scheduled, or another worker's
 * claim is still alive), or send — `inDoubt` when it takes over a claim whose claimant died without a result.
 */
export type Readiness = { kind: 'done' } | { kind: 'wait'; until: Date } | { kind: 'ready'; inDoubt: boolean };

/** The last heartbeat an instance wrote: which run of it is alive, and when it last said so. */
export interface InstanceHeartbeat {
  run: string;
  beatAt: Date;
}

/** What a worker knows about claimants when it looks at a claim: itself and every instance's last heartbeat. */
export interface ClaimantView {
  instanceId: string;
  run: string;
  heartbeats: ReadonlyMap<string, InstanceHeartbeat>;
  /** A heartbeat older than this means its run is gone. */
  heartbeatTimeoutMs: number;
}

/** Until when the claimant of a `sending` row is presumed alive (undefined: it is gone, the claim is free). */
function claimantAliveUntil(delivery: Delivery, now: Date, view: ClaimantView | undefined): Date | undefined {
  const expires = new Date(delivery.claimExpiresAt ?? 0);
  if (expires <= now) return undefined;
  // Rows claimed before runs and heartbeats existed, or a worker without a view: the expiry alone decides.
  if (!view || !delivery.claimRun || !delivery.claimedBy) return expires;
  if (delivery.claimedBy === view.instanceId) return delivery.claimRun === view.run ? expires : undefined;
  const heartbeat = view.heartbeats.get(delivery.claimedBy);
  // No heartbeat row yet: the claimant has not written its first beat; give it the heartbeat timeout.
  if (!heartbeat) return new Date(Math.min(expires.getTime(), new Date(delivery.updatedAt).getTime() + view.heartbeatTimeoutMs));
  if (heartbeat.run !== delivery.claimRun) return undefined;
  const beatUntil = heartbeat.beatAt.getTime() + view.heartbeatTimeoutMs;
  return beatUntil > now.getTime() ? new Date(Math.min(expires.getTime(), beatUntil)) : undefined;
}

export function readiness(delivery: Delivery, now: Date, view?: ClaimantView): Readiness {
  if (isTerminal(delivery.state)) return { kind: 'done' };
  if (delivery.state === 'retrying' && delivery.nextAttemptAt) {
    const at = new Date(delivery.nextAttemptAt);
    if (at > now) return { kind: 'wait', until: at };
  }
  if (delivery.state === 'sending') {
    const until = claimantAliveUntil(delivery, now, view);
    if (until && until > now) return { kind: 'wait', until };
    return { kind: 'ready', inDoubt: true };
  }
  return { kind: 'ready', inDoubt: false };
}

/**
 * What to do with a claim that expired without a recorded result. `resend` (default): the bot cannot tell
 * whether the connector accepted it, and a missed reminder is worse than a rare second copy. `give-up`: record
 * it as failed (`in-doubt`) so nobody can get two.
 */
export type InDoubtPolicy = 'resend' | 'give-up';

export function claim(delivery: Delivery, options: { workerId: string; run?: string; now: Date; claimTtlMs: number; inDoubt: boolean }): Delivery {
  return {
    ...delivery,
    state: 'sending',
    attempts: delivery.attempts + 1,
    claimedBy: options.workerId,
    claimRun: options.run,
    claimExpiresAt: new Date(options.now.getTime() + options.claimTtlMs).toISOString(),
    inDoubt: delivery.inDoubt + (options.inDoubt ? 1 : 0),
    nextAttemptAt: undefined,
    updatedAt: options.now.toISOString(),
  };
}

// claimedBy stays: after the result it says which instance made the last attempt.
const settle = (delivery: Delivery, now: Date, fields: Partial<Delivery>): Delivery => ({
  ...delivery,
  claimExpiresAt: undefined,
  nextAttemptAt: undefined,
  updatedAt: now.toISOString(),
  ...fields,
});

export const markSent = (delivery: Delivery, now: Date, activityId: string | undefined): Delivery =>
  settle(delivery, now, { state: 'sent', sentAt: now.toISOString(), activityId, lastStatus: 200, reason: undefined });

export const markNoReference = (delivery: Delivery, now: Date): Delivery =>
  settle(delivery, now, { state: 'no-reference', reason: 'no-conversation-reference' });

export const markFailed = (delivery: Delivery, now: Date, reason: string, status?: number): Delivery =>
  settle(delivery, now, { state: 'failed', reason, lastStatus: status ?? delivery.lastStatus });

export const markUnreachable = (delivery: Delivery, now: Date, reason: string, status: number | undefined): Delivery =>
  settle(delivery, now, { state: 'unreachable', reason, lastStatus: status });

export const markRetrying = (
  delivery: Delivery,
  now: Date,
  retry: { delayMs: number; reason: string; status: number | undefined; throttled: boolean },
): Delivery =>
  settle(delivery, now, {
    state: 'retrying',
    nextAttemptAt: new Date(now.getTime() + retry.delayMs).toISOString(),
    reason: retry.reason,
    lastStatus: retry.status,
    throttled: delivery.throttled + (retry.throttled ? 1 : 0),
  });

export interface DeliveryCounts {
  total: number;
  queued: number;
  sending: number;
  retrying: number;
  sent: number;
  failed: number;
  unreachable: number;
  noReference: number;
  /**
   * Recipients whose send was cut off by a crash after the HTTP call started (a claim taken over): they may have
   * the message twice (inDoubt 'resend') or not at all ('give-up'). Counted beside the states, not as one.
   */
  inDoubt: number;
}

export function countDeliveries(deliveries: Iterable<Pick<Delivery, 'state'> & Partial<Pick<Delivery, 'inDoubt'>>>): DeliveryCounts {
  const counts: DeliveryCounts = { total: 0, queued: 0, sending: 0, retrying: 0, sent: 0, failed: 0, unreachable: 0, noReference: 0, inDoubt: 0 };
  for (const { state, inDoubt } of deliveries) {
    counts.total++;
    if ((inDoubt ?? 0) > 0) counts.inDoubt++;
    if (state === 'no-reference') counts.noReference++;
    else counts[state]++;
  }
  return counts;
}

export const isFinished = (counts: DeliveryCounts): boolean => counts.queued + counts.sending + counts.retrying === 0;

/** The delivery report as CSV, through the one CSV writer (BOM, CRLF, RFC 4180, formulas defused). */
export function deliveryReportCsv(deliveries: readonly Delivery[]): string {
  const header = ['employeeId', 'state', 'reason', 'attempts', 'inDoubt', 'lastStatus', 'sentAt', 'updatedAt'];
  const rows = deliveries.map((d) => [d.employeeId, d.state, d.reason, d.attempts, d.inDoubt, d.lastStatus, d.sentAt, d.updatedAt]);
  return toCsv([header, ...rows]);
}
