import {
  claim,
  markFailed,
  markNoReference,
  markRetrying,
  markSent,
  markUnreachable,
  readiness,
  type ClaimantView,
  type Delivery,
  type InDoubtPolicy,
  type InstanceHeartbeat,
  type Versioned,
} from './domain/delivery.js';
import { decideAfterFailure, type RetryPolicy } from './domain/retry-policy.js';
import { ConcurrencyError } from '../kernel/domain/errors.js';
import type {
  BroadcastContent,
  BroadcastRepository,
  DeliveryRepository,
  DeliveryWorkQueue,
  HeldWorkItem,
  InstanceHeartbeatRepository,
  ProactiveSender,
  ReceivedWorkItem,
  WorkItem,
} from './domain/delivery-ports.js';
import type { ConversationReferenceRepository } from '../kernel/domain/ports.js';
import type { Logger } from '../logger.js';
import type { Pacer } from './delivery-pacer.js';
import { setBounded } from '../kernel/domain/bounded-map.js';

export interface DeliveryWorkerOptions {
  /**
   * This bot instance, stable across restarts (the host name by default): written into each claim, so the report
   * and the logs say which instance sent what, and so a restarted instance recognises its own unfinished work.
   */
  workerId: string;
  /** This process's run of the instance (new at every start): a claim of another run of this instance is free. */
  run: string;
  /** How often the instance writes its heartbeat (and the work items it holds). */
  heartbeatIntervalMs: number;
  /** A claim whose instance has not beaten for this long is free (its process is presumed dead). */
  heartbeatTimeoutMs: number;
  /** Work items taken from the queue per poll (Storage Queues allow up to 32). */
  receiveMax: number;
  /** Work items processed at once; enough to keep the pacer busy, few enough to keep memory flat. */
  maxItemsInFlight: number;
  /** Sends waiting in the pacer above which no more work items are taken. */
  backlogLimit: number;
  /** How long a received work item stays hidden from other workers; renewed at half-time while working. */
  visibilityTimeoutMs: number;
  /**
   * Longest a `sending` claim protects a delivery even while its instance beats (a send that never returns);
   * a dead instance's claims are free after heartbeatTimeoutMs already.
   */
  claimTtlMs: number;
  /** A work item handed out more often than this is poison: its unfinished deliveries are recorded as failed. */
  maxDequeueCount: number;
  /** Longest wait between polls of an empty queue. */
  idlePollMs: number;
  /** Cap on how long a retry may be parked on the queue before it is looked at again. */
  maxRequeueDelayMs: number;
  inDoubt: InDoubtPolicy;
  retry: RetryPolicy;
}

export interface DeliveryWorkerDeps {
  queue: DeliveryWorkQueue;
  broadcasts: BroadcastRepository;
  deliveries: DeliveryRepository;
  heartbeats: InstanceHeartbeatRepository;
  conversationReferences: ConversationReferenceRepository;
  sender: ProactiveSender;
  pacer: Pacer;
  log: Logger;
  clock: () => Date;
  random: () => number;
  /** Called when a broadcast may have finished, so its summary can be written. */
  onMaybeFinished(broadcastId: string): void;
}

export interface WorkerStats {
  attempts: number;
  sent: number;
  throttled: number;
  /** 429s the pacer judged app-wide (every send paused until Retry-After). */
  throttledApp: number;
  retried: number;
  failed: number;
  unreachable: number;
  noReference: number;
  poisonItems: number;
  lostClaims: number;
  /** Work items a previous run of this instance held, handed back to the queue at start. */
  recoveredItems: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Takes work items from the queue and delivers them: claim, send, record, one recipient at a time per slot. */
export function createDeliveryWorker(deps: DeliveryWorkerDeps, options: DeliveryWorkerOptions) {
  const { queue, deliveries, log, pacer } = deps;
  const stats: WorkerStats = { attempts: 0, sent: 0, throttled: 0, throttledApp: 0, retried: 0, failed: 0, unreachable: 0, noReference: 0, poisonItems: 0, lostClaims: 0, recoveredItems: 0 };
  const inFlight = new Set<Promise<void>>();
  const contentCache = new Map<string, BroadcastContent>();
  let running = false;
  let loopDone: Promise<void> | undefined;

  // The work items in hand, by message id, with their current pop receipts: written into the heartbeat so that a
  // restart of this instance can hand them back to the queue at once instead of waiting out their visibility.
  const held = new Map<string, HeldWorkItem>();
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let beating: Promise<void> = Promise.resolve();
  let beatAgain = false;
  const writeHeartbeat = (): Promise<void> => {
    if (beatAgain) return beating;
    beatAgain = true;
    beating = beating.then(async () => {
      beatAgain = false;
      try {
        await deps.heartbeats.beat(options.workerId, { run: options.run, beatAt: deps.clock() }, [...held.values()]);
      } catch (error) {
        log.warn('could not write the delivery heartbeat', { error });
      }
    });
    return beating;
  };
  const hold = (received: ReceivedWorkItem) => {
    held.set(received.receipt.messageId, received.receipt);
    void writeHeartbeat();
  };
  const letGo = (received: ReceivedWorkItem) => {
    held.delete(received.receipt.messageId);
  };

  let heartbeatCache: { at: number; beats: Map<string, InstanceHeartbeat> } | undefined;
  async function claimantView(): Promise<ClaimantView> {
    const now = deps.clock().getTime();
    if (!heartbeatCache || now - heartbeatCache.at > 1_000) {
      heartbeatCache = { at: now, beats: await deps.heartbeats.all() };
    }
    return { instanceId: options.workerId, run: options.run, heartbeats: heartbeatCache.beats, heartbeatTimeoutMs: options.heartbeatTimeoutMs };
  }

  /** At start: the work items a previous run of this instance was holding when it died become visible at once. */
  async function recoverPreviousRun() {
    const previous = await deps.heartbeats.get(options.workerId);
    if (!previous || previous.run === options.run || previous.held.length === 0) return;
    const released = await Promise.all(previous.held.map((item) => queue.release(item).catch(() => false)));
    stats.recoveredItems = released.filter(Boolean).length;
    log.warn('handed back the work items of this instance before its restart', { previousRun: previous.run, items: previous.held.length, released: stats.recoveredItems });
  }

  async function contentOf(broadcastId: string) {
    let content = contentCache.get(broadcastId);
    if (!content) {
      content = await deps.broadcasts.content(broadcastId);
      if (content) {
        setBounded(contentCache, broadcastId, content, 50);
      }
    }
    return content;
  }

  /** Writes a final or retry state; a lost race means another worker already decided. */
  async function record(next: Versioned<Delivery>): Promise<boolean> {
    try {
      await deliveries.update(next);
      return true;
    } catch (error) {
      if (error instanceof ConcurrencyError) return false;
      throw error;
    }
  }

  /** Delivers to one recipient; returns when to look at it again, or undefined when it is settled. */
  async function deliverOne(row: Versioned<Delivery>, content: BroadcastContent, view: ClaimantView): Promise<Date | undefined> {
    const now = deps.clock();
    const ready = readiness(row, now, view);
    if (ready.kind === 'done') return undefined;
    if (ready.kind === 'wait') return ready.until;
    if (ready.inDoubt && options.inDoubt === 'give-up') {
      // Counted in doubt like a resent one: the report says they may not have it.
      await record({ ...markFailed({ ...row, inDoubt: row.inDoubt + 1 }, now, 'in-doubt'), etag: row.etag });
      stats.failed++;
      return undefined;
    }
    const reference = await deps.conversationReferences.get(row.employeeId);
    if (!reference) {
      if (await record({ ...markNoReference(row, now), etag: row.etag })) stats.noReference++;
      return undefined;
    }
    const message = row.message ?? content.variants[row.variant] ?? Object.values(content.variants)[0];
    if (!message) {
      if (await record({ ...markFailed(row, now, 'no-content'), etag: row.etag })) stats.failed++;
      return undefined;
    }
    const conversationId = (reference.reference.conversation as { id?: unknown } | undefined)?.id;
    const conversationKey = typeof conversationId === 'string' ? conversationId : row.employeeId;

    // The claim is written before the send slot is taken: the pace applies to the sends themselves, so a slow
    // claim write neither holds an in-flight slot nor releases sends in a bunch when several claims return together.
    return pacer.run(conversationKey, async (sendSlot) => {
      const claimedAt = deps.clock();
      const claimed = claim(row, { workerId: options.workerId, run: options.run, now: claimedAt, claimTtlMs: options.claimTtlMs, inDoubt: ready.inDoubt });
      let etag: string;
      try {
        etag = await deliveries.update({ ...claimed, etag: row.etag });
      } catch (error) {
        // Another worker claimed it between our read and now (a duplicate work item): it is theirs.
        if (error instanceof ConcurrencyError) return undefined;
        throw error;
      }
      await sendSlot();
      stats.attempts++;
      const result = await deps.sender.send(reference.reference, message);
      const after = deps.clock();
      let next: Delivery;
      let retryAt: Date | undefined;
      if (result.ok) {
        pacer.observe(conversationKey, { kind: 'accepted' });
        next = markSent(claimed, after, result.activityId);
        stats.sent++;
      } else {
        const decision = decideAfterFailure(result.failure, { attempts: claimed.attempts, throttled: claimed.throttled }, options.retry, after, deps.random);
        if (decision.state === 'retrying') {
          next = markRetrying(claimed, after, { delayMs: decision.delayMs, reason: decision.reason, status: result.failure.status, throttled: decision.throttled });
          retryAt = new Date(after.getTime() + decision.delayMs);
          if (decision.pauseAppMs !== undefined) {
            if (pacer.observe(conversationKey, { kind: 'throttled', retryAfterMs: decision.pauseAppMs }) === 'app') stats.throttledApp++;
            stats.throttled++;
          }
          stats.retried++;
        } else if (decision.state === 'unreachable') {
          next = markUnreachable(claimed, after, decision.reason, result.failure.status);
          stats.unreachable++;
        } else {
          next = markFailed(claimed, after, decision.reason, result.failure.status);
          stats.failed++;
          log.warn('delivery failed', { broadcastId: row.broadcastId, employeeId: row.employeeId, reason: decision.reason, detail: result.failure.message });
        }
      }
      if (!(await record({ ...next, etag }))) {
        // Our claim expired and another worker took it over before we recorded the result.
        stats.lostClaims++;
        log.warn('delivery claim was taken over before the result was recorded', { broadcastId: row.broadcastId, employeeId: row.employeeId, state: next.state });
        return undefined;
      }
      return retryAt;
    });
  }

  async function poison(received: ReceivedWorkItem & { item: NonNullable<ReceivedWorkItem['item']> }) {
    const { broadcastId, employeeIds } = received.item;
    const now = deps.clock();
    const rows = await deliveries.getMany(broadcastId, employeeIds);
    const view = await claimantView();
    for (const row of rows) {
      const ready = readiness(row, now, view);
      // A live claim belongs to a worker that is still sending; it records the outcome itself.
      if (ready.kind === 'done' || (ready.kind === 'wait' && row.state === 'sending')) continue;
      if (await record({ ...markFailed(row, now, `poison-work-item-after-${received.dequeueCount}-dequeues`), etag: row.etag })) stats.failed++;
    }
    stats.poisonItems++;
    log.error('poison work item: unfinished deliveries recorded as failed', { broadcastId, recipients: employeeIds.length, dequeueCount: received.dequeueCount });
    await queue.complete(received);
    deps.onMaybeFinished(broadcastId);
  }

  async function processItem(received: ReceivedWorkItem) {
    const { item } = received;
    if (!item) {
      log.error('unreadable delivery work item dropped', { messageId: received.receipt.messageId });
      await queue.complete(received);
      return;
    }
    if (received.dequeueCount > options.maxDequeueCount) {
      await poison({ ...received, item });
      return;
    }
    let current = received;
    let renewing: Promise<void> = Promise.resolve();
    const renewTimer = setInterval(() => {
      renewing = queue
        .extend(current, options.visibilityTimeoutMs)
        .then((next) => {
          if (next) {
            current = next;
            hold(next);
          }
        })
        .catch((error: unknown) => log.warn('could not extend a work item', { error }));
    }, options.visibilityTimeoutMs / 2);
    try {
      const content = await contentOf(item.broadcastId);
      if (!content) {
        log.error('work item for an unknown broadcast dropped', { broadcastId: item.broadcastId });
        return;
      }
      // A broadcast started outside working hours: the item goes back on the queue, unseen until the window opens.
      const waitMs = content.notBefore ? new Date(content.notBefore).getTime() - deps.clock().getTime() : 0;
      if (waitMs > 0) {
        await queue.enqueue([item], { delayMs: Math.min(options.maxRequeueDelayMs, waitMs) });
      } else {
        await deliverItem(item, content);
      }
    } finally {
      clearInterval(renewTimer);
      await renewing;
    }
    await queue.complete(current);
  }

  async function deliverItem(item: WorkItem, content: BroadcastContent) {
    const rows = await deliveries.getMany(item.broadcastId, item.employeeIds);
    const view = await claimantView();
    const results = await Promise.all(rows.map((row) => deliverOne(row, content, view).then((until) => ({ employeeId: row.employeeId, until }))));
    const later = results.filter((result): result is { employeeId: string; until: Date } => result.until !== undefined);
    if (later.length > 0) {
      const earliest = Math.min(...later.map((result) => result.until.getTime()));
      const delayMs = Math.min(options.maxRequeueDelayMs, Math.max(0, earliest - deps.clock().getTime()));
      // The follow-up is queued before this item is deleted: a crash in between leaves a duplicate, never a gap.
      await queue.enqueue([{ broadcastId: item.broadcastId, employeeIds: later.map((result) => result.employeeId) }], { delayMs });
    } else {
      deps.onMaybeFinished(item.broadcastId);
    }
  }

  async function loop() {
    let idleMs = 50;
    while (running) {
      if (inFlight.size >= options.maxItemsInFlight || pacer.backlog >= options.backlogLimit) {
        await Promise.race([...inFlight, sleep(50)]);
        continue;
      }
      let received: ReceivedWorkItem[];
      try {
        received = await queue.receive(Math.min(options.receiveMax, options.maxItemsInFlight - inFlight.size), options.visibilityTimeoutMs);
      } catch (error) {
        log.error('could not read the delivery queue', { error });
        await sleep(options.idlePollMs);
        continue;
      }
      if (received.length === 0) {
        await sleep(idleMs);
        idleMs = Math.min(options.idlePollMs, idleMs * 2);
        continue;
      }
      idleMs = 50;
      for (const item of received) hold(item);
      for (const item of received) {
        const work: Promise<void> = processItem(item)
          .catch((error: unknown) => log.error('delivery work item failed; it returns to the queue', { error, broadcastId: item.item?.broadcastId }))
          .finally(() => {
            letGo(item);
            inFlight.delete(work);
          });
        inFlight.add(work);
      }
    }
    await Promise.all(inFlight);
  }

  return {
    stats,
    /** Hands back what a previous run of this instance held, starts the heartbeat, then takes work. */
    async start() {
      if (running) return;
      running = true;
      try {
        await recoverPreviousRun();
      } catch (error) {
        log.warn('could not recover the work of this instance before its restart; it returns after the queue visibility timeout', { error });
      }
      await writeHeartbeat();
      heartbeatTimer = setInterval(() => void writeHeartbeat(), options.heartbeatIntervalMs);
      heartbeatTimer.unref();
      loopDone = loop();
    },
    /** Stops taking work and waits for the items in hand to finish. */
    async stop() {
      running = false;
      await loopDone;
      clearInterval(heartbeatTimer);
      await beating;
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
