/**
 * Survey submissions under load, end to end: 5,000 employees each press 送信 (an Action.Execute invoke to the real
 * bot server over HTTP, as Teams would post it), 100 at a time, against an in-memory Azurite. Prints p50/p99
 * latency, checks that no answer was lost (5,000 distinct sheets, every employee linked to one), and times the
 * results: over HTTP for the 5,000 stored sheets and for 50,000 stored sheets, then the in-process aggregation
 * bench (scripts/bench-survey-aggregate.ts) for 5,000 and 50,000 generated responses.
 * Usage: npm run bench:survey  (prints figures; never fails on timing)
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { startApp } from '../bot/src/app.js';
import { SURVEY_VERBS, answerInputId } from '../bot/src/features/survey/cards/survey-card.js';
import { loadConfig } from '../bot/src/config.js';
import { startEmbeddedAzurite } from '../bot/src/dev/azurite.js';
import { freePort } from '../bot/src/dev/ports.js';
import { JOB_LEVELS } from '../bot/src/kernel/domain/catalog/job-levels.js';
import type { Employee } from '../bot/src/kernel/domain/employee.js';
import { ANNUAL_QUESTION_IDS, fiscalYearBounds, fiscalYearOf } from '../bot/src/features/survey/domain/survey-rounds.js';
import { createLogger } from '../bot/src/logger.js';
import { executeActivity } from '../tests/support/activities.js';
import { keys } from '../bot/src/kernel/storage/keys.js';
import { createTableStorage, listAll } from '../bot/src/kernel/storage/table-storage.js';
import { percentile } from './support/percentile.js';

// BENCH_EMPLOYEES / BENCH_LARGE_ROUND shrink the run for a smoke test on a busy machine.
const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 5_000);
const CONCURRENCY = 100;
const LARGE_ROUND = Number(process.env.BENCH_LARGE_ROUND ?? 50_000);
const TENANT = '00000000-0000-4000-8000-000000000001';
const PREFIX = 'bench';

const employeeId = (index: number) => `00000000-0000-4000-8000-7${String(index).padStart(11, '0')}`;

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const azurite = await startEmbeddedAzurite({ tablePort: await freePort(), queuePort: await freePort() });
const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TENANT });
const app = await startApp(config, { storage: { connectionString: azurite.connectionString }, log: createLogger({ silent: true }), tablePrefix: PREFIX });
try {
  console.log(`survey submission bench — node ${process.version}, in-memory Azurite, ${EMPLOYEES.toLocaleString('en-US')} employees, ${CONCURRENCY} concurrent`);
  const adminId = employeeId(0);
  const employees: Employee[] = Array.from({ length: EMPLOYEES }, (_, index) => ({
    id: employeeId(index),
    displayName: `職員 ${index}`,
    email: undefined,
    departmentId: `d${index % 40}`,
    jobLevel: JOB_LEVELS[index % 3],
    roles: index === 0 ? ['employee', 'admin'] : ['employee'],
    locale: 'ja-JP',
    tenantId: TENANT,
    installedAt: undefined,
  }));
  await inParallel(employees, CONCURRENCY, (employee) => app.repositories.employees.save(employee));

  const { accessToken } = await app.devIdentity!.issueToken({ oid: adminId, name: 'admin' });
  const admin = async (method: string, path: string, body?: unknown) => {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return { json, ms: performance.now() - started };
  };
  const now = new Date();
  const fiscalYear = fiscalYearOf(now);
  const closesAt = new Date(Math.min(now.getTime() + 7 * 86_400_000, fiscalYearBounds(fiscalYear).end.getTime() - 60_000)).toISOString();
  const window = { fiscalYear, opensAt: new Date(now.getTime() - 60_000).toISOString(), closesAt, audience: { kind: 'everyone' } };
  const round = (await admin('POST', '/api/tab/admin/surveys', { kind: 'annual', ...window })).json.round as { id: string };
  await admin('POST', `/api/tab/admin/surveys/${round.id}/start`);

  const latencies: number[] = [];
  let refused = 0;
  const started = performance.now();
  await inParallel(employees, CONCURRENCY, async (employee) => {
    const data = { roundId: round.id, ...Object.fromEntries(ANNUAL_QUESTION_IDS.map((id, q) => [answerInputId(id), String(1 + ((employee.id.charCodeAt(35) + q) % 5))])) };
    const activity = executeActivity({ aadObjectId: employee.id, name: employee.displayName }, `${app.baseUrl}/dev/connector/`, SURVEY_VERBS.submit, data);
    const sent = performance.now();
    const response = await fetch(`${app.baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
    const body = await response.text();
    latencies.push(performance.now() - sent);
    if (!response.ok || !body.includes('回答済み')) refused += 1;
  });
  const wallSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(`\n${EMPLOYEES.toLocaleString('en-US')} submissions in ${wallSeconds.toFixed(1)} s (${(EMPLOYEES / wallSeconds).toFixed(0)}/s): p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms, refused ${refused}`);

  // Answers wait sealed until the batch job writes them; run it as the scheduler would, then count.
  const batchStarted = performance.now();
  const written = await app.surveys.writeAnswerBatches();
  console.log(`answer batch: ${written.toLocaleString('en-US')} waiting answers written as sheets in ${((performance.now() - batchStarted) / 1000).toFixed(1)} s (shuffled, 100 per transaction)`);
  const sheets = await app.repositories.surveyResponses.listResponses(round.id);
  const storage = createTableStorage({ connectionString: azurite.connectionString }, PREFIX);
  const participation = await listAll(storage.client('SurveyParticipation'));
  const unlinked = await app.repositories.surveyResponses.notAnswered(round.id, employees.map((employee) => employee.id));
  const rowKeys = new Set((await listAll(storage.client('SurveyResponses'))).map((row) => row.rowKey));
  console.log(
    `stored: ${sheets.length.toLocaleString('en-US')} answer sheets (${rowKeys.size.toLocaleString('en-US')} distinct ids), ${participation.length.toLocaleString('en-US')} participation rows, ${unlinked.length} employees without a sheet → lost answers: ${EMPLOYEES - sheets.length + unlinked.length}`,
  );

  // Results exist once the round is closed (or as a daily snapshot); close it to read the final results.
  await admin('POST', `/api/tab/admin/surveys/${round.id}/close`);
  const resultsTimes: number[] = [];
  for (let run = 0; run < 5; run++) resultsTimes.push((await admin('GET', `/api/tab/admin/surveys/${round.id}/results`)).ms);
  resultsTimes.sort((a, b) => a - b);
  console.log(`GET results over HTTP, ${sheets.length.toLocaleString('en-US')} stored sheets: median ${resultsTimes[2]!.toFixed(0)} ms (5 runs, read from Azurite + aggregate)`);

  // 50,000 sheets written straight into the table in 100-row batches (a bench shortcut past 50,000 invokes), in the
  // row shape survey-repository.ts writes.
  const pulse = (await admin('POST', '/api/tab/admin/surveys', { kind: 'pulse', questionIds: [...ANNUAL_QUESTION_IDS], ...window })).json.round as { id: string };
  const responsesTable = storage.client('SurveyResponses');
  const batches = Array.from({ length: LARGE_ROUND / 100 }, (_, batch) => batch);
  const writeStarted = performance.now();
  await inParallel(batches, 10, async (batch) => {
    await responsesTable.submitTransaction(
      Array.from({ length: 100 }, (_, row) => {
        const index = batch * 100 + row;
        return [
          'create',
          {
            ...keys.surveyResponse(pulse.id, randomUUID()),
            answersJson: JSON.stringify(Object.fromEntries(ANNUAL_QUESTION_IDS.map((id, q) => [id, 1 + ((index + q) % 5)]))),
            departmentId: `d${index % 40}`,
            jobLevel: JOB_LEVELS[index % 3],
            submittedOn: now.toISOString().slice(0, 10),
          },
        ] as const;
      }),
    );
  });
  console.log(`(wrote ${LARGE_ROUND.toLocaleString('en-US')} sheets in ${((performance.now() - writeStarted) / 1000).toFixed(1)} s)`);
  await admin('POST', `/api/tab/admin/surveys/${pulse.id}/start`);
  await admin('POST', `/api/tab/admin/surveys/${pulse.id}/close`);
  const largeTimes: number[] = [];
  for (let run = 0; run < 3; run++) largeTimes.push((await admin('GET', `/api/tab/admin/surveys/${pulse.id}/results`)).ms);
  largeTimes.sort((a, b) => a - b);
  console.log(`GET results over HTTP, ${LARGE_ROUND.toLocaleString('en-US')} stored sheets: median ${largeTimes[1]!.toFixed(0)} ms (3 runs, read from Azurite + aggregate)`);
} finally {
  await app.stop();
  await azurite.stop();
}

console.log('\nin-process aggregation (npm run bench:survey-aggregate):');
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-survey-aggregate.ts'], { stdio: 'inherit' });
