import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import {
  countDeliveries,
  isFinished,
  newDelivery,
  type Broadcast,
  type BroadcastRequest,
  type Delivery,
  type DeliveryCounts,
} from './domain/delivery.js';
import { DEFAULT_RETRY_POLICY } from './domain/retry-policy.js';
import { claimsAheadFor, sendsInFlightFor, TEAMS_CONVERSATION_GAP_MS } from './domain/adaptive-pace.js';
import { DEFAULT_WORKING_HOURS, nextWorkingInstant, validateWorkingHours, type WorkingHours } from './domain/working-hours.js';
import { createWorkingHoursRepository } from './storage/working-hours-repository.js';
import { createInstanceHeartbeatRepository } from './storage/instance-heartbeat-repository.js';
import { AppError, ConcurrencyError } from '../kernel/domain/errors.js';
import type { ConversationReferenceRepository } from '../kernel/domain/ports.js';
import type { DeliveryWorkQueue, ProactiveSender } from './domain/delivery-ports.js';
import type { Logger } from '../logger.js';
import type { AppConfig } from '../config.js';
import { createBroadcastRepository } from './storage/broadcast-repository.js';
import { createDeliveryRepository } from './storage/delivery-repository.js';
import { keys } from '../kernel/storage/keys.js';
import { createScheduleLeaseRepository } from './storage/schedule-lease-repository.js';
import type { TableStorage } from '../kernel/storage/table-storage.js';
import { createPacer, type PacerOptions } from './delivery-pacer.js';
import { createDeliveryWorker, type DeliveryWorkerOptions } from './delivery-worker.js';
import { createJobScheduler, type ScheduledJob } from './job-scheduler.js';

export interface DeliveryEngineOptions extends Omit<DeliveryWorkerOptions, 'run'>, Omit<PacerOptions, 'maxInFlight'> {
  /** Sends in flight at once (see PacerOptions.maxInFlight); undefined: pace × typicalSendLatencyMs. */
  maxInFlight: number | undefined;
  /** The connector's usual answer time, from which the in-flight cap is derived (50/s × 0.2 s = 10). */
  typicalSendLatencyMs: number;
  /** Recipients per work item: small enough to share a broadcast among instances, large enough to be cheap. */
  batchSize: number;
  /** A broadcast still `expanding` after this long is presumed abandoned and a repeated `send` resumes it. */
  expansionStaleMs: number;
  /** How long a scheduled slot's lease protects a running job. */
  scheduleLeaseMs: number;
  /** Whether broadcasts that ask for it (BroadcastRequest.workingHours) wait for working hours. */
  workingHours: boolean;
}

export const DEFAULT_DELIVERY_OPTIONS: Omit<DeliveryEngineOptions, 'workerId'> = {
  // Teams allows a bot about 50 requests per second per tenant; leave room for replies to users' own turns.
  messagesPerSecond: 30,
  perConversationGapMs: TEAMS_CONVERSATION_GAP_MS,
  maxInFlight: undefined,
  typicalSendLatencyMs: 200,
  batchSize: 50,
  receiveMax: 16,
  maxItemsInFlight: 16,
  backlogLimit: 500,
  visibilityTimeoutMs: 30_000,
  claimTtlMs: 120_000,
  heartbeatIntervalMs: 2_000,
  heartbeatTimeoutMs: 10_000,
  maxDequeueCount: 5,
  idlePollMs: 2_000,
  maxRequeueDelayMs: 15 * 60_000,
  inDoubt: 'resend',
  retry: DEFAULT_RETRY_POLICY,
  expansionStaleMs: 60_000,
  scheduleLeaseMs: 10 * 60_000,
  workingHours: false,
};

/** The engine's options from the app's configuration (config.ts documents each setting). */
export function deliveryOptions(config: AppConfig['delivery']): Partial<DeliveryEngineOptions> {
  return {
    messagesPerSecond: config.messagesPerSecond,
    maxInFlight: config.maxInFlight,
    visibilityTimeoutMs: config.visibilityTimeoutMs,
    claimTtlMs: config.claimTtlMs,
    heartbeatTimeoutMs: config.heartbeatTimeoutMs,
    workingHours: config.workingHours,
    ...(config.instanceId ? { workerId: config.instanceId } : {}),
  };
}

export interface DeliveryEngineDeps {
  /** The app's table storage; its ensureTables() creates Broadcasts, Deliveries and ScheduleLeases. */
  storage: TableStorage;
  workQueue: DeliveryWorkQueue;
  conversationReferences: ConversationReferenceRepository;
  sender: ProactiveSender;
  log: Logger;
  options?: Partial<DeliveryEngineOptions>;
  clock?: () => Date;
  random?: () => number;
}

export interface DeliveryReport {
  broadcast: Broadcast;
  counts: DeliveryCounts;
  deliveries: Delivery[];
}

const invalid = (detail: string, ja: string, en: string) => new AppError('invalid-input', { detail, userMessage: { ja, en } });

/**
 * The delivery engine: `send` stores a broadcast and one delivery per recipient and queues the work; the worker
 * (one per instance) sends at a paced rate; the scheduler fires weekly digests and reminders once per slot.
 *
 * Guarantees, as far as the bot can tell:
 * - A delivery recorded `sent` is never sent again (claims and results are ETag-guarded writes).
 * - Nothing is lost: work items never expire; an item that keeps crashing workers (maxDequeueCount) records its
 *   unfinished deliveries as failed (`poison-work-item-…`) instead of vanishing.
 * - Quick recovery: each instance beats every heartbeatIntervalMs, writing the work items it holds. Restarted,
 *   it hands those items back to the queue at once and takes over its previous run's claims at once; another
 *   instance's claims are free heartbeatTimeoutMs after its heartbeat stopped, and its items reappear after the
 *   queue visibility timeout (visibilityTimeoutMs). claimTtlMs bounds a claim whose instance beats but hangs.
 * - The one window: a crash after the connector accepted a message and before `sent` was written. `sent` is
 *   written as each answer arrives and sends in flight are capped to what the pace needs (maxInFlight, by default
 *   pace × typicalSendLatencyMs), so a crash duplicates at most maxInFlight messages. With inDoubt 'resend'
 *   (default) those employees get the message twice; with 'give-up' once or not at all (recorded failed
 *   `in-doubt`). The report counts them (`counts.inDoubt`).
 * - Rate: messagesPerSecond is per instance; with N instances configure the app's share (cap / N). An app-wide
 *   429 holds every send until its Retry-After and lowers the pace, which then climbs back slowly to just under
 *   the throttled pace; a conversation's 429 holds only that conversation (see domain/adaptive-pace.ts).
 * - botbuilder's connector client retries 429/5xx itself (3 times); the proactive sender removes that policy, so
 *   every attempt is one HTTP request, counted in `Delivery.attempts`.
 */
export function createDeliveryEngine(deps: DeliveryEngineDeps) {
  const options: DeliveryEngineOptions = {
    ...DEFAULT_DELIVERY_OPTIONS,
    workerId: hostname(),
    ...deps.options,
  };
  const maxInFlight = options.maxInFlight ?? sendsInFlightFor(options.messagesPerSecond, options.typicalSendLatencyMs);
  const clock = deps.clock ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const { log, workQueue } = deps;
  const broadcasts = createBroadcastRepository(deps.storage);
  const deliveries = createDeliveryRepository(deps.storage);
  const leases = createScheduleLeaseRepository(deps.storage);
  const heartbeats = createInstanceHeartbeatRepository(deps.storage);
  const workingHoursSettings = createWorkingHoursRepository(deps.storage);
  const currentWorkingHours = async (): Promise<WorkingHours> => (await workingHoursSettings.get()) ?? DEFAULT_WORKING_HOURS;
  const maxClaimsAhead = claimsAheadFor(maxInFlight);
  const pacer = createPacer({ ...options, maxInFlight, maxClaimsAhead });

  /** Writes the final counts once nothing is left to send; harmless when another instance does it too. */
  async function finalize(broadcastId: string, known?: Delivery[]) {
    const broadcast = await broadcasts.get(broadcastId);
    if (!broadcast || broadcast.state !== 'sending') return;
    if (!known && (await deliveries.hasUnfinished(broadcastId))) return;
    const counts = countDeliveries(known ?? (await deliveries.list(broadcastId)));
    if (!isFinished(counts)) return;
    try {
      await broadcasts.update({ ...broadcast, state: 'completed', completedAt: clock().toISOString(), finalCounts: counts });
      log.info('broadcast completed', { broadcastId, ...counts });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      return;
    }
    // Per-person state was for delivering only: once everyone is done, a counts-only broadcast keeps its counts.
    if (broadcast.countsOnly) await deliveries.removeAll(broadcastId);
  }

  // At most one completion check per broadcast per second and instance: the check scans the partition.
  const pendingChecks = new Map<string, NodeJS.Timeout>();
  const scheduleFinalize = (broadcastId: string) => {
    if (pendingChecks.has(broadcastId)) return;
    pendingChecks.set(
      broadcastId,
      setTimeout(() => {
        pendingChecks.delete(broadcastId);
        finalize(broadcastId).catch((error: unknown) => log.warn('could not finalise a broadcast', { broadcastId, error }));
      }, 1_000),
    );
  };

  const worker = createDeliveryWorker(
    { queue: workQueue, broadcasts, deliveries, heartbeats, conversationReferences: deps.conversationReferences, sender: deps.sender, pacer, log, clock, random, onMaybeFinished: scheduleFinalize },
    { ...options, run: randomUUID() },
  );
  const scheduler = createJobScheduler({ leases, log, owner: options.workerId, clock, leaseMs: options.scheduleLeaseMs });

  function validate(request: BroadcastRequest) {
    if (!request.id.trim()) throw invalid('broadcast without id', '配信IDがありません。', 'The broadcast has no id.');
    const variantNames = Object.keys(request.variants);
    if (variantNames.length === 0 && request.recipients.some((recipient) => !recipient.message)) {
      throw invalid('broadcast without content', '配信する内容がありません。', 'There is nothing to send.');
    }
    for (const recipient of request.recipients) {
      if (!recipient.message && recipient.variant !== undefined && !(recipient.variant in request.variants)) {
        throw invalid(`unknown variant ${recipient.variant}`, '配信内容の指定に誤りがあります。', 'The broadcast refers to a message it does not have.');
      }
    }
  }

  /**
   * Stores the broadcast, one delivery per recipient, then queues the work. Calling it again with the same id
   * sends nothing twice: a finished expansion is returned as is, an abandoned one is resumed.
   */
  async function send(request: BroadcastRequest): Promise<{ broadcast: Broadcast; created: boolean }> {
    validate(request);
    const now = clock();
    const unique = new Map(request.recipients.map((recipient) => [recipient.employeeId, recipient]));
    const broadcast: Broadcast = {
      id: request.id,
      kind: request.kind,
      createdBy: request.createdBy,
      title: request.title,
      audience: request.audience,
      createdAt: now.toISOString(),
      state: 'expanding',
      recipientCount: unique.size,
      completedAt: undefined,
      finalCounts: undefined,
      countsOnly: request.countsOnly === true,
    };
    if (request.workingHours && options.workingHours) {
      const opens = nextWorkingInstant(now, await currentWorkingHours());
      if (opens.getTime() > now.getTime()) broadcast.notBefore = opens.toISOString();
    }
    if ((await broadcasts.create(broadcast, { variants: request.variants, notBefore: broadcast.notBefore })) === 'exists') {
      const existing = await broadcasts.get(request.id);
      if (!existing) throw new Error(`broadcast ${request.id} vanished`);
      const abandoned = existing.state === 'expanding' && now.getTime() - new Date(existing.createdAt).getTime() > options.expansionStaleMs;
      if (!abandoned) return { broadcast: existing, created: false };
      log.warn('resuming an abandoned broadcast expansion', { broadcastId: request.id });
    }
    const defaultVariant = Object.keys(request.variants)[0] ?? '';
    const rows = [...unique.values()].map((recipient) => newDelivery(request.id, recipient, defaultVariant, now));
    await deliveries.insertMissing(rows);

    // Neighbouring row keys in one work item let a worker read its batch with one range query.
    const ordered = rows.map((row) => row.employeeId).sort((a, b) => {
      const left = keys.delivery(request.id, a).rowKey;
      const right = keys.delivery(request.id, b).rowKey;
      return left < right ? -1 : left > right ? 1 : 0;
    });
    const items = [];
    for (let start = 0; start < ordered.length; start += options.batchSize) {
      items.push({ broadcastId: request.id, employeeIds: ordered.slice(start, start + options.batchSize) });
    }
    // Outside working hours the work waits on the queue; the worker checks again when it surfaces.
    const waitMs = broadcast.notBefore ? Math.min(options.maxRequeueDelayMs, new Date(broadcast.notBefore).getTime() - now.getTime()) : 0;
    for (let start = 0; start < items.length; start += 32) await workQueue.enqueue(items.slice(start, start + 32), waitMs > 0 ? { delayMs: waitMs } : undefined);

    for (;;) {
      const stored = await broadcasts.get(request.id);
      if (!stored) throw new Error(`broadcast ${request.id} vanished`);
      if (stored.state !== 'expanding') return { broadcast: stored, created: true };
      try {
        const sending: Broadcast = { ...stored, state: ordered.length === 0 ? 'completed' : 'sending' };
        if (ordered.length === 0) {
          sending.completedAt = clock().toISOString();
          sending.finalCounts = countDeliveries([]);
        }
        await broadcasts.update({ ...sending, etag: stored.etag });
        log.info('broadcast queued', { broadcastId: request.id, kind: request.kind, recipients: ordered.length, workItems: items.length });
        return { broadcast: sending, created: true };
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
  }

  /**
   * The live delivery report: counts from the delivery records themselves, and the records (who, what state)
   * unless the broadcast is counts-only, whose report never carries a person.
   */
  async function report(broadcastId: string): Promise<DeliveryReport | undefined> {
    const broadcast = await broadcasts.get(broadcastId);
    if (!broadcast) return undefined;
    const rows = await deliveries.list(broadcastId);
    // A finished counts-only broadcast has no delivery rows left, only its final counts.
    const counts = broadcast.countsOnly && broadcast.finalCounts ? broadcast.finalCounts : countDeliveries(rows);
    if (broadcast.state === 'sending' && isFinished(counts)) await finalize(broadcastId, rows);
    const { etag: _etag, ...plain } = broadcast;
    return { broadcast: plain, counts, deliveries: broadcast.countsOnly ? [] : rows };
  }

  return {
    workerId: options.workerId,
    /** Sends this instance lets be in flight: the most a crash can duplicate. */
    maxInFlight,
    /** Recipients claimed ahead of their send: with maxInFlight, the most a crash can leave in doubt. */
    maxClaimsAhead,
    pacer,
    send,
    report,
    list: () => broadcasts.list(),
    /** Working hours for proactive sends: whether the gate is on (configuration) and the admins' hours. */
    workingHours: {
      enabled: options.workingHours,
      get: currentWorkingHours,
      /** Validated (HH:MM, start before end); applies to broadcasts started from now on. */
      async save(input: { start: string; end: string }): Promise<WorkingHours> {
        const hours = validateWorkingHours(input);
        await workingHoursSettings.save(hours);
        return hours;
      },
    },
    worker,
    scheduler,
    /** Creates the work queue, starts this instance's worker and schedules the jobs. */
    async start(jobs: readonly ScheduledJob[] = []) {
      await workQueue.ensure();
      await worker.start();
      scheduler.start(jobs);
    },
    /** Stops scheduling and taking work; waits for the work in hand (graceful shutdown). */
    async stop() {
      scheduler.stop();
      await worker.stop();
      pacer.stop();
      for (const timer of pendingChecks.values()) clearTimeout(timer);
      pendingChecks.clear();
    },
  };
}

export type DeliveryEngine = ReturnType<typeof createDeliveryEngine>;
