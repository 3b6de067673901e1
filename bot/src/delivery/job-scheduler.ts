import { Cron } from 'croner';
import { canTakeOver, instantSlot, isoWeekSlot, type SlotLease } from './domain/schedule-slots.js';
import { ConcurrencyError } from '../kernel/domain/errors.js';
import type { ScheduleLeaseRepository } from './domain/delivery-ports.js';
import type { Logger } from '../logger.js';

export interface ScheduledJob {
  /** Also the lease's partition: `weekly-digest`, `training-reminders`. */
  name: string;
  /** A cron pattern (5 or 6 fields) in `timezone`, or one instant (tests, one-off jobs). */
  pattern: string | Date;
  timezone?: string;
  /** Names the slot of a scheduled instant; the default is the instant itself to the second. */
  slotOf?: (scheduledAt: Date) => string;
  /** On start, a slot missed by at most this much (every instance was down) still runs. */
  catchUpMs?: number;
  /**
   * The job's work: usually deciding recipients and calling the engine's `send` with an id derived from the slot.
   * It must finish within the lease (`leaseMs`); the sending itself happens in the workers, not here.
   */
  run(slot: { job: string; slot: string; scheduledAt: Date }): Promise<void>;
}

export type FireOutcome = 'ran' | 'taken' | 'failed';

/** Every Monday 09:00 in Tokyo by default; one slot per ISO week, so a restart on Monday does not send twice. */
export function weeklyDigestJob(options: {
  pattern?: string;
  timezone?: string;
  run: ScheduledJob['run'];
}): ScheduledJob {
  const timezone = options.timezone ?? 'Asia/Tokyo';
  return {
    name: 'weekly-digest',
    pattern: options.pattern ?? '0 9 * * 1',
    timezone,
    slotOf: (at) => isoWeekSlot(at, timezone),
    catchUpMs: 6 * 3600_000,
    run: options.run,
  };
}

/**
 * Runs scheduled jobs once per slot across all instances: every instance's croner fires, each tries to insert the
 * slot's lease row, and only the one that inserted it (or took over a failed or expired one, ETag-guarded) runs.
 */
export function createJobScheduler(deps: { leases: ScheduleLeaseRepository; log: Logger; owner: string; clock: () => Date; leaseMs: number }) {
  const { leases, log } = deps;
  const crons: Cron[] = [];

  async function acquire(job: string, slot: string): Promise<SlotLease & { etag?: string } | undefined> {
    const now = deps.clock();
    const lease: SlotLease = {
      job,
      slot,
      owner: deps.owner,
      state: 'running',
      claimedAt: now.toISOString(),
      leaseUntil: new Date(now.getTime() + deps.leaseMs).toISOString(),
      finishedAt: undefined,
      error: undefined,
    };
    if (await leases.create(lease)) return lease;
    const existing = await leases.get(job, slot);
    if (!existing || !canTakeOver(existing, now)) return undefined;
    try {
      await leases.update({ ...lease, etag: existing.etag });
      log.warn('scheduled slot taken over', { job, slot, previousOwner: existing.owner, previousState: existing.state });
      return lease;
    } catch (error) {
      if (error instanceof ConcurrencyError) return undefined;
      throw error;
    }
  }

  async function finish(lease: SlotLease, state: 'done' | 'failed', error?: string) {
    const current = await leases.get(lease.job, lease.slot);
    if (!current || current.owner !== deps.owner || current.claimedAt !== lease.claimedAt) {
      log.warn('scheduled slot lease was taken over while running', { job: lease.job, slot: lease.slot });
      return;
    }
    try {
      await leases.update({ ...current, state, finishedAt: deps.clock().toISOString(), error });
    } catch (updateError) {
      if (!(updateError instanceof ConcurrencyError)) throw updateError;
    }
  }

  /** Runs the job's slot for `scheduledAt` here unless another instance has it (or had it) already. */
  async function fire(job: ScheduledJob, scheduledAt: Date): Promise<FireOutcome> {
    const slot = job.slotOf?.(scheduledAt) ?? instantSlot(scheduledAt);
    const lease = await acquire(job.name, slot);
    if (!lease) return 'taken';
    log.info('scheduled job running', { job: job.name, slot, owner: deps.owner });
    try {
      await job.run({ job: job.name, slot, scheduledAt });
      await finish(lease, 'done');
      return 'ran';
    } catch (error) {
      log.error('scheduled job failed; the slot may be run again', { job: job.name, slot, error });
      await finish(lease, 'failed', error instanceof Error ? error.message : String(error));
      return 'failed';
    }
  }

  const fireLogged = (job: ScheduledJob, at: Date) =>
    fire(job, at).catch((error: unknown) => {
      log.error('scheduled job could not start', { job: job.name, error });
      return 'failed' as const;
    });

  return {
    fire,
    /** Schedules the jobs on this instance and runs any slot missed within its catch-up window. */
    start(jobs: readonly ScheduledJob[]) {
      for (const job of jobs) {
        const cron = new Cron(job.pattern, { timezone: job.timezone, protect: true }, async (self) => {
          await fireLogged(job, self.getOnce() ?? self.currentRun() ?? deps.clock());
        });
        crons.push(cron);
        if (job.catchUpMs && typeof job.pattern === 'string') {
          const now = deps.clock();
          const missed = new Cron(job.pattern, { timezone: job.timezone, paused: true }).previousRuns(1, now)[0];
          if (missed && now.getTime() - missed.getTime() <= job.catchUpMs) void fireLogged(job, missed);
        }
      }
    },
    stop() {
      for (const cron of crons.splice(0)) cron.stop();
    },
  };
}

export type JobScheduler = ReturnType<typeof createJobScheduler>;
