/**
 * Chat turns under a crowd, against a bare botbuilder bot in the same run. 200 staff (BENCH_USERS) send the same kind
 * of turn at once, as Teams would post it over HTTP, for every chat path (ヘルプ, an FAQ question, 研修を探す, 申し込む,
 * アンケート 送信, 相談する 送信, 通知設定 保存), BENCH_ROUNDS rounds each. Before every project wave the same 200 staff
 * message a bare echo bot (restify + CloudAdapter, nothing else), so both see the same machine at the same moment.
 * The stack is the app on embedded in-memory Azurite with the demo data and 200 employees of the bench's own, on
 * this thread; the echo bot runs on a worker thread (scripts/support/bench-turns-echo.ts), so each bot pays for its
 * own garbage. The Teams side (the staff's HTTP client and the Bot Connector stand-in that takes every reply) runs
 * on another worker thread, scripts/support/bench-turns-crowd.ts, as Teams is not in a bot's process. Prints p50 /
 * p99 / max per path, each path's p99 over the echo bot's p99, the CPU one turn of each path costs (its bot's
 * thread's and Azurite's, over its waves) and that over the echo bot's, the Teams side's CPU per turn of each path
 * (it shares the cores here), the kernel's listen-queue overflows and SYN retransmissions during the waves (what a
 * turn of about a second comes from), and each wave's p99 with the garbage
 * collection its bot's thread did during it. Every wave starts from a quiet stack, after its
 * activities are built (相談する opens its forms): a lone echo message back to its calibrated speed (work a slow wave
 * or the building left behind must not land in the timed wave). The desk
 * channel's cards are not waited for: they follow at Teams' pace for one conversation (one per 550 ms), as in
 * production, so 200 filings' cards drip on through later waves; the end says how many were posted. Bounded: every
 * request gives up after BENCH_TIMEOUT_MS (an error), and no new round starts after BENCH_MAX_SECONDS;
 * BENCH_PATHS=研修,相談 runs only the paths naming one of those words. Usage: npm run bench:turns (prints figures;
 * never fails on timing).
 */
import { loadavg, cpus } from 'node:os';
import { constants as perfConstants, performance, PerformanceObserver } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { startApp } from '../bot/src/app.js';
import { loadConfig } from '../bot/src/config.js';
import { seedDemoData } from '../bot/src/dev/demo-data.js';
import { startEmbeddedAzurite } from '../bot/src/dev/azurite.js';
import { freePort } from '../bot/src/dev/ports.js';
import { fiscalYearBounds, fiscalYearOf } from '../bot/src/features/survey/domain/survey-rounds.js';
import type { Employee } from '../bot/src/kernel/domain/employee.js';
import { createLogger } from '../bot/src/logger.js';
import { postActivity, type TestUser } from '../tests/support/activities.js';
import { channelMention } from '../tests/support/channel-activities.js';
import { TEST_TENANT_ID } from '../tests/support/tenant.js';
import type { CrowdMessage, CrowdRun, MainMessage } from './support/bench-turns-crowd.js';
import type { EchoMessage, EchoRequest } from './support/bench-turns-echo.js';
import { collectionOf, type Collection } from './support/collections.js';
import { percentile } from './support/percentile.js';
import { cpuMsOf, processCpuMs } from './support/process-cpu.js';
import { tcpCounters } from './support/tcp-counters.js';
import { watchFailedRequests } from './support/failed-requests.js';

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
const USERS = positive('BENCH_USERS', 200);
const ROUNDS = positive('BENCH_ROUNDS', 3);
const TIMEOUT_MS = positive('BENCH_TIMEOUT_MS', 60_000);
const MAX_SECONDS = positive('BENCH_MAX_SECONDS', 900);
// BENCH_PATHS=研修,相談 runs only the paths whose name contains one of the words (the echo waves always run).
const ONLY_PATHS = (process.env.BENCH_PATHS ?? '').split(',').map((word) => word.trim()).filter(Boolean);
const DESK = { teamId: '19:bench-team@thread.tacv2', channelId: '19:bench-desk@thread.tacv2' };

const employeeId = (index: number) => `00000000-0000-4000-8000-9${String(index).padStart(11, '0')}`;
const load = () => loadavg().map((value) => value.toFixed(1)).join(' / ');

/**
 * A worker thread of this bench and its messages: `until(type)` calls `onMessage` for every other message until one
 * of that type arrives, and answers that one; a worker that fails or exits fails every wait.
 */
function startWorker<Incoming extends { type: string }, Outgoing extends { type: string }>(file: string, name: string) {
  const worker = new Worker(new URL(file, import.meta.url));
  const listeners = new Set<(message: Incoming) => void>();
  let failure: Error | undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    worker.on('error', (error) => reject((failure = error)));
    worker.on('exit', (code) => reject((failure ??= new Error(`the ${name} worker exited with code ${code}`))));
  });
  failed.catch(() => undefined);
  worker.on('message', (message: Incoming) => listeners.forEach((listener) => listener(message)));
  const send = (message: Outgoing) => worker.postMessage(message);
  const until = <Type extends Incoming['type']>(type: Type, onMessage: (message: Incoming) => void = () => undefined) => {
    let listener: (message: Incoming) => void = () => undefined;
    const arrived = new Promise<Extract<Incoming, { type: Type }>>((resolve) => {
      listener = (message) => (message.type === type ? resolve(message as Extract<Incoming, { type: Type }>) : onMessage(message));
      listeners.add(listener);
    });
    return Promise.race([arrived, failed]).finally(() => listeners.delete(listener));
  };
  return {
    until,
    send,
    /** The worker thread's CPU time so far, in ms. */
    cpuMs: async () => cpuMsOf(await worker.cpuUsage()),
    async stop(stopMessage: Outgoing, stoppedType: Incoming['type']) {
      if (!failure) {
        send(stopMessage);
        await until(stoppedType).catch(() => undefined);
      }
      await worker.terminate();
    },
  };
}

// The Teams side (the staff's client and the Bot Connector stand-in) and the bare botbuilder bot, each on its own thread.
const crowdWorker = startWorker<CrowdMessage, MainMessage>('./support/bench-turns-crowd.ts', 'crowd');
const echoWorker = startWorker<EchoMessage, EchoRequest>('./support/bench-turns-echo.ts', 'echo bot');
const [{ serviceUrl }, echo] = await Promise.all([crowdWorker.until('ready'), echoWorker.until('ready')]);
const [tablePort, queuePort] = [await freePort(), await freePort()];
const azurite = await startEmbeddedAzurite({ tablePort, queuePort });
const app = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TEST_TENANT_ID }), {
  storage: { connectionString: azurite.connectionString },
  log: createLogger({ silent: true }),
  tablePrefix: 'benchturns',
});
const failedRequests = watchFailedRequests(
  new Map([
    [new URL(serviceUrl).host, 'Bot Connector'],
    [`127.0.0.1:${tablePort}`, 'storage (tables)'],
    [`127.0.0.1:${queuePort}`, 'storage (queue)'],
  ]),
);
const benchStarted = performance.now();
try {
  console.log(`chat turns bench — node ${process.version}, ${cpus().length} cores, in-memory Azurite with demo data`);
  console.log(`${USERS} staff at once per wave, ${ROUNDS} rounds per path, echo and project waves interleaved; load average at start ${load()}`);
  await seedDemoData(app.repositories, { tenantId: TEST_TENANT_ID });
  const departments = (await app.repositories.departments.list()).map((department) => department.id);
  // The admin, the measured crowd, and as many more who warm each path up before anything is measured.
  const staff: Employee[] = Array.from({ length: 2 * USERS + 1 }, (_, index) => ({
    id: employeeId(index),
    displayName: `職員 ${index}`,
    email: undefined,
    departmentId: departments[index % departments.length],
    jobLevel: 'general',
    roles: index === 0 ? ['employee', 'admin'] : ['employee'],
    locale: 'ja-JP',
    tenantId: TEST_TENANT_ID,
    installedAt: undefined,
  }));
  await Promise.all(staff.map((person) => app.repositories.employees.save(person)));
  const userOf = (person: Employee): TestUser => ({ aadObjectId: person.id, name: person.displayName });
  const [admin, ...others] = staff.map(userOf) as [TestUser, ...TestUser[]];

  // The desk channel (for 相談する 送信), an open annual survey round (アンケート 送信) and an upcoming session (申し込む).
  const setDesk = await postActivity(app.baseUrl, channelMention(admin, serviceUrl, DESK, '相談窓口に設定'));
  if (!setDesk.ok || !(await app.repositories.consultationDesk.getDesk())) throw new Error(`the desk channel could not be set: ${setDesk.status} ${await setDesk.text()}`);
  const { accessToken } = await app.devIdentity!.issueToken({ oid: admin.aadObjectId, name: admin.name });
  const adminApi = async (path: string, body?: unknown) => {
    const response = await fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const now = new Date();
  const fiscalYear = fiscalYearOf(now);
  const closesAt = new Date(Math.min(now.getTime() + 7 * 86_400_000, fiscalYearBounds(fiscalYear).end.getTime() - 60_000)).toISOString();
  const round = (await adminApi('/api/tab/admin/surveys', { kind: 'annual', fiscalYear, opensAt: new Date(now.getTime() - 60_000).toISOString(), closesAt, audience: { kind: 'everyone' } })).round as { id: string };
  await adminApi(`/api/tab/admin/surveys/${round.id}/start`);
  // The round's invitations (a broadcast to every employee at the delivery engine's pace) are let finish first: a
  // send under way in the background would land on whichever waves, echo or project, happen to run beside it.
  const invitationsStarted = performance.now();
  for (;;) {
    const reports = await Promise.all((await app.delivery.list()).map((broadcast) => app.delivery.report(broadcast.id)));
    if (reports.every((report) => report?.broadcast.state === 'completed')) break;
    if (performance.now() - invitationsStarted > 120_000) throw new Error('the survey invitations did not finish within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.log(`survey invitations delivered in ${((performance.now() - invitationsStarted) / 1000).toFixed(1)} s before the first wave`);
  const session = (await app.repositories.trainingSessions.listUpcoming(now)).find((candidate) => !candidate.cancelled);
  if (!session) throw new Error('the demo data has no upcoming session');

  // Garbage collections of the project bot's thread, so each wave can say how much of its time went to them (the
  // echo bot's thread keeps its own list): a major collection landing in one wave is its slow tail.
  const appCollections: Collection[] = [];
  const gcObserver = new PerformanceObserver((list) => appCollections.push(...list.getEntries().map(collectionOf)));
  gcObserver.observe({ entryTypes: ['gc'] });

  // CPU each path costs per turn, from clocks read just before each of its waves and once the wave has ended: the
  // thread of the bot it talks to (the project's, this one; or the echo bot's) and Azurite's table process. With 200
  // turns at once a wave's last answers come when its CPU is spent, so a p99 ratio near the CPU ratio is work, not
  // contention; one far above it is waiting (rows fought over, a slow wave).
  // teamsMs: the crowd worker's thread (the staff's client and the Bot Connector stand-in), which shares this
  // machine's cores with the bots and Azurite in the bench but runs at Microsoft in production.
  type CpuFigures = { botMs: number; azuriteMs: number | undefined; teamsMs: number; turns: number };
  // Listen-queue overflows and SYN retransmissions (system-wide) during a path's waves: a turn of about a second.
  type TcpFigures = { listenOverflows: number; synRetransmits: number };
  type Wave = { startedAt: number; endedAt: number; p99: number };
  const figures = new Map<string, { latencies: number[]; errors: string[]; waves: Wave[]; cpu: CpuFigures; tcp: TcpFigures }>();
  const onceWaves: Extract<CrowdMessage, { type: 'wave' }>[] = [];
  const addPath = (name: string) => figures.set(name, { latencies: [], errors: [], waves: [], cpu: { botMs: 0, azuriteMs: 0, teamsMs: 0, turns: 0 }, tcp: { listenOverflows: 0, synRetransmits: 0 } });
  addPath('echo bot');
  const clocks = async () => ({ appMs: cpuMsOf(process.threadCpuUsage()), echoMs: await echoWorker.cpuMs(), teamsMs: await crowdWorker.cpuMs(), azuriteMs: processCpuMs(azurite.tablePid), tcp: tcpCounters() });
  // Clock reads run one after another, so a mark never overtakes the end of the wave before it.
  let clockReads: Promise<unknown> = Promise.resolve();
  let atMark = await clocks();
  const run: CrowdRun = {
    appUrl: app.baseUrl,
    echoUrl: echo.baseUrl,
    admin,
    crowd: others.slice(0, USERS),
    warmUpCrowd: others.slice(USERS),
    surveyRoundId: round.id,
    sessionId: session.id,
    deskChannelId: DESK.channelId,
    rounds: ROUNDS,
    timeoutMs: TIMEOUT_MS,
    deadline: performance.timeOrigin + benchStarted + MAX_SECONDS * 1000,
    onlyPaths: ONLY_PATHS,
  };
  crowdWorker.send({ type: 'run', run });
  const done = await crowdWorker.until('done', (message) => {
    if (message.type === 'paths') message.names.forEach(addPath);
    else if (message.type === 'mark') {
      clockReads = clockReads.then(async () => {
        atMark = await clocks();
        crowdWorker.send({ type: 'marked' });
      });
    } else if (message.type === 'round') console.log(`round ${message.done}/${ROUNDS} done at ${((performance.now() - benchStarted) / 1000).toFixed(0)} s, load average ${load()}`);
    else if (message.type === 'wave' && message.once) onceWaves.push(message);
    else if (message.type === 'wave' && message.name !== 'warm-up') {
      const target = figures.get(message.name)!;
      const before = atMark;
      clockReads = clockReads.then(async () => {
        const after = await clocks();
        const bot = message.name === 'echo bot' ? 'echoMs' : 'appMs';
        target.cpu.botMs += after[bot] - before[bot];
        const azuriteMs = after.azuriteMs !== undefined && before.azuriteMs !== undefined ? after.azuriteMs - before.azuriteMs : undefined;
        target.cpu.azuriteMs = target.cpu.azuriteMs === undefined || azuriteMs === undefined ? undefined : target.cpu.azuriteMs + azuriteMs;
        target.cpu.teamsMs += after.teamsMs - before.teamsMs;
        if (after.tcp && before.tcp) {
          target.tcp.listenOverflows += after.tcp.listenOverflows - before.tcp.listenOverflows;
          target.tcp.synRetransmits += after.tcp.synRetransmits - before.tcp.synRetransmits;
        }
        target.cpu.turns += message.latencies.length;
      });
      target.latencies.push(...message.latencies);
      target.errors.push(...message.errors);
      target.waves.push({ startedAt: message.startedAt, endedAt: message.endedAt, p99: percentile([...message.latencies].sort((a, b) => a - b), 99) });
    }
  });
  await clockReads;
  gcObserver.disconnect();
  echoWorker.send({ type: 'collections' });
  const echoCollections = (await echoWorker.until('collections')).collections;
  if (done.roundsRun < ROUNDS) console.log(`stopping after ${done.roundsRun} rounds: BENCH_MAX_SECONDS (${MAX_SECONDS} s) passed`);
  if (done.warmUpErrors.length > 0) console.log(`warm-up errors (not counted): ${done.warmUpErrors.slice(0, 3).join('; ')}`);

  const echoP99 = percentile([...figures.get('echo bot')!.latencies].sort((a, b) => a - b), 99);
  const perTurn = (ms: number | undefined, cpu: CpuFigures) => (ms === undefined || cpu.turns === 0 ? undefined : ms / cpu.turns);
  const echoCpuPerTurn = perTurn(figures.get('echo bot')!.cpu.botMs, figures.get('echo bot')!.cpu);
  const rows = [...figures].map(([name, { latencies, errors, cpu }]) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    const ratio = name === 'echo bot' ? '—' : `×${(p99 / echoP99).toFixed(2)}`;
    const over5s = sorted.filter((ms) => ms > 5_000).length;
    const bot = perTurn(cpu.botMs, cpu);
    const azuriteCpu = perTurn(cpu.azuriteMs, cpu);
    const cpuCell = `${bot?.toFixed(2) ?? '?'} ms · ${azuriteCpu?.toFixed(2) ?? 'n/a'} ms`;
    const cpuRatio = name === 'echo bot' || bot === undefined || !echoCpuPerTurn ? '—' : `×${(bot / echoCpuPerTurn).toFixed(2)}`;
    return `| ${name} | ${sorted.length} | ${percentile(sorted, 50).toFixed(0)} ms | ${p99.toFixed(0)} ms | ${(sorted.at(-1) ?? NaN).toFixed(0)} ms | ${ratio} | ${cpuCell} | ${cpuRatio} | ${over5s} | ${errors.length} |`;
  });
  console.log(
    `\n| path | turns | p50 | p99 | max | p99 vs echo | CPU per turn: its bot's thread · Azurite | bot CPU vs echo | over 5 s | errors |\n|---|---|---|---|---|---|---|---|---|---|\n${rows.join('\n')}`,
  );
  // The Teams side works on the same cores in the bench: if a path's replies cost it much more than the echo bot's,
  // that would be the bench's own load in the path's waves, not the bot's.
  const teamsCells = [...figures].map(([name, { cpu }]) => `${name} ${perTurn(cpu.teamsMs, cpu)?.toFixed(2) ?? '?'} ms`);
  console.log(`the Teams side's CPU per turn (the crowd worker: the staff's client and the Bot Connector stand-in): ${teamsCells.join(' · ')}`);
  const tcpCells = [...figures].filter(([, { tcp }]) => tcp.listenOverflows + tcp.synRetransmits > 0).map(([name, { tcp }]) => `${name} ${tcp.listenOverflows} listen overflows, ${tcp.synRetransmits} SYN retransmits`);
  if (tcpCounters()) console.log(`the kernel's TCP counters during the waves (a turn of about a second): ${tcpCells.length > 0 ? tcpCells.join(' · ') : 'no listen overflow and no SYN retransmit in any wave'}`);
  console.log(`the bot's outgoing requests that failed, whole run (its SDKs retry each about a second later): ${failedRequests.summary()}`);
  for (const once of onceWaves) {
    const sorted = [...once.latencies].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    console.log(`once per person, not in the table: ${once.name}: ${sorted.length} turns, p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (×${(p99 / echoP99).toFixed(2)} of the echo bot's p99), max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms, ${once.errors.length} errors`);
  }
  const waveCell = (name: string, wave: Wave) => {
    const during = (name === 'echo bot' ? echoCollections : appCollections).filter((entry) => entry.startedAt >= wave.startedAt && entry.startedAt <= wave.endedAt);
    const gcMs = during.reduce((sum, entry) => sum + entry.durationMs, 0);
    const majors = during.filter((entry) => entry.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR).length;
    return `${wave.p99.toFixed(0)} ms (gc ${gcMs.toFixed(0)} ms${majors > 0 ? `, ${majors} major` : ''})`;
  };
  console.log(`\neach wave's p99, and the time its bot's thread spent collecting garbage during it (echo: the wave before each project wave)`);
  for (const [name, { waves }] of figures) console.log(`  ${name}: ${waves.map((wave) => waveCell(name, wave)).join(' · ')}`);
  for (const [name, { errors }] of figures) if (errors.length > 0) console.log(`errors in ${name}: ${errors.length}, e.g.\n  ${[...new Set(errors)].slice(0, 3).join('\n  ')}`);
  // A message turn that failed still answers HTTP 200: its failure is the generic apology sent through the connector.
  console.log(`generic-error replies sent through the connector (failed turns of any path): ${done.apologies}`);
  console.log(`desk channel: ${done.deskCards} ticket cards posted during the bench at Teams' pace; the rest wait in the queue and app.stop drops them (the next start re-posts them)`);
  console.log(`a lone echo turn: ${done.calmMs.toFixed(0)} ms counted as quiet; ${(done.quietWaitMs / 1000).toFixed(0)} s spent waiting for quiet between waves`);
  console.log(`\n${done.roundsRun} rounds in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s; load average at the end ${load()} (a shared machine inflates every figure: compare ratios, re-run on a quiet one)`);
} finally {
  await app.stop();
  await echoWorker.stop({ type: 'stop' }, 'stopped');
  await crowdWorker.stop({ type: 'stop' }, 'stopped');
  await azurite.stop();
}
