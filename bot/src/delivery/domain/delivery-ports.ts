import type { Broadcast, Delivery, InstanceHeartbeat, OutgoingMessage, Versioned } from './delivery.js';
import type { SendFailure } from './retry-policy.js';
import type { SlotLease } from './schedule-slots.js';
import type { WorkingHours } from './working-hours.js';

/** The content of a broadcast: one message per variant (usually per locale). */
export interface BroadcastContent {
  variants: Record<string, OutgoingMessage>;
  /** Kept with the content the worker caches, so the working-hours gate costs no extra read per work item. */
  notBefore?: string | undefined;
}

/** The admins' working hours for proactive sends (DeliverySettings table, one row). */
export interface WorkingHoursRepository {
  get(): Promise<WorkingHours | undefined>;
  save(hours: WorkingHours): Promise<void>;
}

/** Broadcasts table: one row per broadcast. */
export interface BroadcastRepository {
  /** Inserts the broadcast; 'exists' (and nothing written) when one with this id is already stored. */
  create(broadcast: Broadcast, content: BroadcastContent): Promise<'created' | 'exists'>;
  get(id: string): Promise<Versioned<Broadcast> | undefined>;
  content(id: string): Promise<BroadcastContent | undefined>;
  /** Replaces the row guarded by its ETag; ConcurrencyError when someone else wrote it first. */
  update(broadcast: Versioned<Broadcast>): Promise<void>;
  list(): Promise<Broadcast[]>;
}

/** Deliveries table: PartitionKey = broadcast id, one row per recipient. */
export interface DeliveryRepository {
  /** Inserts rows that do not exist yet and leaves existing ones untouched (expansion may be repeated). */
  insertMissing(deliveries: Delivery[]): Promise<void>;
  get(broadcastId: string, employeeId: string): Promise<Versioned<Delivery> | undefined>;
  /** The rows of these recipients (missing ones are left out). */
  getMany(broadcastId: string, employeeIds: readonly string[]): Promise<Versioned<Delivery>[]>;
  list(broadcastId: string): Promise<Delivery[]>;
  /** True while any delivery of the broadcast is queued, sending or retrying. */
  hasUnfinished(broadcastId: string): Promise<boolean>;
  /** Replaces the row guarded by its ETag and returns the new ETag; ConcurrencyError on a lost race. */
  update(delivery: Versioned<Delivery>): Promise<string>;
  /** Deletes every delivery row of the broadcast (a finished counts-only broadcast keeps its counts only). */
  removeAll(broadcastId: string): Promise<void>;
}

/** A unit of work on the queue: some recipients of one broadcast. */
export interface WorkItem {
  broadcastId: string;
  employeeIds: string[];
}

export interface ReceivedWorkItem {
  /** Undefined when the message could not be read (it is then dropped and logged). */
  item: WorkItem | undefined;
  /** How many times the queue handed this message out, this time included. */
  dequeueCount: number;
  /** Opaque handle for extend/complete. */
  receipt: { messageId: string; popReceipt: string };
}

/** The work queue several bot instances share (Azure Storage Queue). */
export interface DeliveryWorkQueue {
  ensure(): Promise<void>;
  enqueue(items: readonly WorkItem[], options?: { delayMs?: number }): Promise<void>;
  /** Takes up to `max` items and hides them from other workers for `visibilityMs`. */
  receive(max: number, visibilityMs: number): Promise<ReceivedWorkItem[]>;
  /** Keeps an item hidden for another `visibilityMs`; returns the new receipt, or undefined if it was lost. */
  extend(received: ReceivedWorkItem, visibilityMs: number): Promise<ReceivedWorkItem | undefined>;
  /** Makes an item another run of this instance held visible again at once; false when its receipt is stale. */
  release(held: HeldWorkItem): Promise<boolean>;
  /** Deletes a finished item; an item already gone is fine. */
  complete(received: ReceivedWorkItem): Promise<void>;
}

/** A work item an instance holds hidden on the queue: enough to hand it back (make it visible) after a crash. */
export interface HeldWorkItem {
  messageId: string;
  popReceipt: string;
}

/** One row per bot instance: which run of it is alive, when it last said so, and the work items it holds. */
export interface InstanceHeartbeatRepository {
  beat(instanceId: string, heartbeat: InstanceHeartbeat, held: readonly HeldWorkItem[]): Promise<void>;
  get(instanceId: string): Promise<(InstanceHeartbeat & { held: HeldWorkItem[] }) | undefined>;
  all(): Promise<Map<string, InstanceHeartbeat>>;
}

/** ScheduleLeases table: one row per job slot. */
export interface ScheduleLeaseRepository {
  get(job: string, slot: string): Promise<Versioned<SlotLease> | undefined>;
  /** Inserts the lease; false when the slot already has one. */
  create(lease: SlotLease): Promise<boolean>;
  /** ETag-guarded replace; ConcurrencyError when someone else wrote it first. */
  update(lease: Versioned<SlotLease>): Promise<void>;
}

export type SendResult = { ok: true; activityId: string | undefined } | { ok: false; failure: SendFailure };

/** Sends one message into a stored conversation (Teams proactive messaging). One HTTP attempt per call. */
export interface ProactiveSender {
  send(reference: Record<string, unknown>, message: OutgoingMessage): Promise<SendResult>;
}

/** Posts into and updates messages in a stored conversation (a Teams channel). One HTTP attempt per call. */
export interface ConversationMessenger extends ProactiveSender {
  update(reference: Record<string, unknown>, activityId: string, message: Record<string, unknown>): Promise<SendResult>;
}
