/**
 * One bot instance's delivery side as a separate process (for crash and multi-instance tests): the delivery
 * engine's worker and, when asked, a weekly-digest job firing every second (one slot per ISO week, so only the
 * first fire of the first instance runs it). Prints one JSON line per event on stdout.
 *
 * Environment: AZURITE_CONNECTION_STRING, DELIVERY_PREFIX, WORKER_ID, MESSAGES_PER_SECOND, CLAIM_TTL_MS,
 * VISIBILITY_MS and HEARTBEAT_TIMEOUT_MS (the engine's defaults when absent), BATCH_ITEMS_IN_FLIGHT,
 * DIGEST_RECIPIENTS (JSON array of employee ids; no digest job without it).
 */
import { weeklyDigestJob } from '../../bot/src/delivery/job-scheduler.js';
import { DEFAULT_RETRY_POLICY } from '../../bot/src/delivery/domain/retry-policy.js';
import { startDeliveryStack } from './delivery-stack.js';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const itemsInFlight = Number(env('BATCH_ITEMS_IN_FLIGHT', '4'));
const stack = await startDeliveryStack({
  connectionString: env('AZURITE_CONNECTION_STRING'),
  prefix: env('DELIVERY_PREFIX'),
  options: {
    workerId: env('WORKER_ID'),
    messagesPerSecond: Number(env('MESSAGES_PER_SECOND', '50')),
    claimTtlMs: Number(env('CLAIM_TTL_MS', '3000')),
    ...(process.env.VISIBILITY_MS ? { visibilityTimeoutMs: Number(process.env.VISIBILITY_MS) } : {}),
    ...(process.env.HEARTBEAT_TIMEOUT_MS ? { heartbeatTimeoutMs: Number(process.env.HEARTBEAT_TIMEOUT_MS) } : {}),
    receiveMax: itemsInFlight,
    maxItemsInFlight: itemsInFlight,
    idlePollMs: 200,
    retry: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 200, maxDelayMs: 1_000 },
  },
  log: {
    info: () => {},
    warn: (message, fields) => emit({ event: 'warn', message, fields }),
    error: (message, fields) => emit({ event: 'error', message, fields: JSON.parse(JSON.stringify(fields ?? {})) as unknown }),
  },
});

const digestRecipients = process.env.DIGEST_RECIPIENTS ? (JSON.parse(process.env.DIGEST_RECIPIENTS) as string[]) : undefined;
const jobs = digestRecipients
  ? [
      {
        ...weeklyDigestJob({
          run: async ({ slot }) => {
            emit({ event: 'digest-run', slot });
            await stack.engine.send({
              id: `weekly-digest-${slot}`,
              kind: 'weekly-digest',
              createdBy: 'system',
              title: `週刊DXニュース ${slot}`,
              audience: 'everyone',
              variants: {},
              // The digest differs per person (only the news matching each one's audience).
              recipients: digestRecipients.map((employeeId) => ({ employeeId, message: { type: 'message', text: `週刊DXニュース ${slot} / ${employeeId}` } })),
            });
          },
        }),
        // Fires every second instead of Monday 09:00, on every instance: the slot lease lets one run it.
        pattern: '* * * * * *',
        catchUpMs: undefined,
      },
    ]
  : [];

await stack.engine.start(jobs);
emit({ event: 'ready', workerId: stack.engine.workerId, maxInFlight: stack.engine.maxInFlight, maxClaimsAhead: stack.engine.maxClaimsAhead, recoveredItems: stack.engine.worker.stats.recoveredItems });

process.on('SIGTERM', () => {
  void stack.engine.stop().then(() => {
    emit({ event: 'stopped', stats: stack.engine.worker.stats });
    process.exit(0);
  });
});
