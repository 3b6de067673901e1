/**
 * 相談の分析 at a busy desk's scale: a fiscal year with BENCH_TICKETS requests (default 5,000) beside
 * BENCH_OTHER_TICKETS (default 2,000) of the year before, on in-memory Azurite. Times the year's read (one row-key
 * range of the `consultation` partition, projected to eight columns, narrowed by filing time on the server), the
 * pure computation, the CSV, and the whole GET /api/tab/admin/desk-metrics over HTTP.
 * Usage: npm run bench:desk-metrics  (prints figures; never fails on timing; compare runs on a quiet machine)
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startApp } from '../bot/src/app.js';
import { loadConfig } from '../bot/src/config.js';
import { startEmbeddedAzurite } from '../bot/src/dev/azurite.js';
import { freePort } from '../bot/src/dev/ports.js';
import { CONSULTATION_CATEGORIES } from '../bot/src/features/consultation/domain/categories.js';
import { computeDeskMetrics, deskMetricsCsv } from '../bot/src/features/consultation/domain/desk-metrics.js';
import { DEFAULT_SLA_SETTINGS } from '../bot/src/features/consultation/domain/sla.js';
import { openTicket, parseConsultationInput, ticketYearOf } from '../bot/src/features/consultation/domain/tickets.js';
import { fiscalYearBounds } from '../bot/src/kernel/domain/jst.js';
import { createLogger } from '../bot/src/logger.js';
import { seededRandom } from './support/seeded-random.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 5_000);
const OTHER = Number(process.env.BENCH_OTHER_TICKETS ?? 2_000);
const YEAR = 2026;
const TENANT = '00000000-0000-4000-8000-000000000001';
const ADMIN = '00000000-0000-4000-8000-00000000ad01';
const HOUR = 3_600_000;


const azurite = await startEmbeddedAzurite({ tablePort: await freePort(), queuePort: await freePort() });
const app = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TENANT }), {
  storage: { connectionString: azurite.connectionString },
  log: createLogger({ silent: true }),
  tablePrefix: 'benchdeskmetrics',
});

/** `count` requests filed across a fiscal year, most answered and resolved, about half rated. */
async function seed(fiscalYear: number, count: number) {
  const next = seededRandom(fiscalYear * 7 + count);
  const { start, end } = fiscalYearBounds(fiscalYear);
  const span = end.getTime() - start.getTime();
  const input = parseConsultationInput({ category: 'tool', title: 'bench', details: 'bench', preferredContact: 'chat', urgency: 'medium' });
  for (let offset = 0; offset < count; offset += 400) {
    await Promise.all(
      Array.from({ length: Math.min(400, count - offset) }, (_unused, index) => {
        const filedAt = new Date(start.getTime() + Math.floor(((offset + index + next()) / count) * span));
        const requesterId = `bench-${(offset + index) % 5_200}`;
        const category = CONSULTATION_CATEGORIES[Math.floor(next() ** 2 * CONSULTATION_CATEGORIES.length)]!;
        const answered = next() < 0.95;
        const resolved = answered && next() < 0.85;
        const rating = resolved && next() < 0.5 ? 1 + Math.floor(next() * 5) : undefined;
        return app.repositories.consultations.create({
          year: ticketYearOf(filedAt),
          requesterId,
          build: (ticketNumber) => {
            const change = openTicket({ ...input, category }, { id: requesterId, name: 'bench' }, ticketNumber, filedAt);
            return {
              ...change,
              ticket: {
                ...change.ticket,
                status: rating ? 'closed' : resolved ? 'resolved' : answered ? 'assigned' : 'new',
                firstResponseAt: answered ? new Date(filedAt.getTime() + next() * 30 * HOUR).toISOString() : undefined,
                resolvedAt: resolved ? new Date(filedAt.getTime() + (30 + next() * 200) * HOUR).toISOString() : undefined,
                rating,
              },
            };
          },
        });
      }),
    );
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

function report(label: string, times: number[], extra = '') {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1).padStart(7)} ms   max ${sorted.at(-1)!.toFixed(1).padStart(7)} ms   (${times.length} runs)${extra}`);
}

try {
  console.log(`desk metrics bench — node ${process.version}, in-memory Azurite in this process, ${TICKETS} requests in ${YEAR}年度 and ${OTHER} in ${YEAR - 1}年度`);
  await app.repositories.employees.save({ id: ADMIN, displayName: 'bench admin', email: undefined, departmentId: undefined, jobLevel: 'chief', roles: ['employee', 'admin'], locale: undefined, tenantId: TENANT, installedAt: undefined });
  const seeding = await timed(async () => {
    await seed(YEAR, TICKETS);
    await seed(YEAR - 1, OTHER);
  });
  console.log(`seeded in ${(seeding.ms / 1000).toFixed(1)} s (each request: ticket, history, requester and status rows)`);
  for (let month = 0; month < 12; month++) {
    const at = new Date(Date.UTC(YEAR, 3 + month, 10, 3));
    for (let shown = 0; shown < 40; shown++) await app.repositories.consultationDesk.recordFaqShown(at);
    await app.repositories.consultationDesk.recordFaqResolved(['desk-what', 'kintone-form'], at);
  }

  const bounds = fiscalYearBounds(YEAR);
  const reads: number[] = [];
  const computes: number[] = [];
  const csvs: number[] = [];
  let rows = 0;
  for (let run = 0; run < 7; run++) {
    const read = await timed(() => app.repositories.deskMetrics.ticketsFiledBetween(bounds.start, bounds.end));
    const faqMonths = await app.repositories.deskMetrics.faqMonths(YEAR);
    rows = read.value.length;
    reads.push(read.ms);
    const started = performance.now();
    const metrics = computeDeskMetrics({ fiscalYear: YEAR, tickets: read.value, faqMonths, sla: DEFAULT_SLA_SETTINGS, now: new Date(Date.UTC(YEAR + 1, 4, 1)) });
    computes.push(performance.now() - started);
    const csvStarted = performance.now();
    deskMetricsCsv(metrics, 'ja');
    csvs.push(performance.now() - csvStarted);
  }
  report('read the year (range + projection)', reads, `   ${rows} tickets returned`);
  report('computeDeskMetrics (office-hours durations)', computes);
  report('deskMetricsCsv', csvs);

  const { accessToken } = await app.devIdentity!.issueToken({ oid: ADMIN, name: 'bench admin' });
  const gets: number[] = [];
  for (let run = 0; run < 7; run++) {
    const answer = await timed(() => fetch(`${app.baseUrl}/api/tab/admin/desk-metrics?fiscalYear=${YEAR}`, { headers: { Authorization: `Bearer ${accessToken}` } }).then(async (response) => ({ status: response.status, body: (await response.json()) as { year: { requests: number } } })));
    if (answer.value.status !== 200 || answer.value.body.year.requests !== TICKETS) throw new Error(`unexpected answer ${answer.value.status} ${JSON.stringify(answer.value.body).slice(0, 200)}`);
    gets.push(answer.ms);
  }
  report('GET /api/tab/admin/desk-metrics over HTTP', gets);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')} (figures from a busy machine are not comparable)`);
} finally {
  await app.stop();
  await azurite.stop();
}
