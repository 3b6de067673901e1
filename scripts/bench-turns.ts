/**
 * Chat turns under a crowd, against a bare botbuilder bot in the same run. 200 staff (BENCH_USERS) send the same kind
 * of turn at once, as Teams would post it over HTTP, for every chat path (ヘルプ, an FAQ question, 研修を探す, 申し込む,
 * アンケート 送信, 相談する 送信, 通知設定 保存), BENCH_ROUNDS rounds each. Before every project wave the same 200 staff
 * message a bare echo bot (restify + CloudAdapter, nothing else), so both see the same machine at the same moment.
 * The stack is the app on embedded in-memory Azurite with the demo data, a Bot Connector stand-in on 127.0.0.1 for
 * every reply, and 200 employees of the bench's own. Prints p50 / p99 / max per path and each path's p99 over the
 * echo bot's p99. Every wave starts from a quiet stack: a lone echo message back to its calibrated speed (work a
 * slow wave left behind, such as retry loops of turns the client gave up on, must not land on the next wave). The
 * desk channel's cards are not waited for: they follow at Teams' pace for one conversation (one per 550 ms), as in
 * production, so 200 filings' cards drip on through later waves; the end says how many were posted. Bounded: every request gives up after BENCH_TIMEOUT_MS (an error), and no new
 * round starts after BENCH_MAX_SECONDS; BENCH_PATHS=研修,相談 runs only the paths naming one of those words. Usage:
 * npm run bench:turns  (prints figures; never fails on timing).
 */
import { loadavg, cpus } from 'node:os';
import { constants as perfConstants, performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import restify from 'restify';
import { startApp } from '../bot/src/app.js';
import { loadConfig } from '../bot/src/config.js';
import { seedDemoData } from '../bot/src/dev/demo-data.js';
import { startEmbeddedAzurite } from '../bot/src/dev/azurite.js';
import { freePort } from '../bot/src/dev/ports.js';
import { CONSULTATION_VERBS } from '../bot/src/features/consultation/cards/consultation-verbs.js';
import { NOTIFICATION_VERBS, categoryInputId } from '../bot/src/features/news/cards/notification-settings-card.js';
import { NEWS_CATEGORIES } from '../bot/src/features/news/domain/news-items.js';
import { SURVEY_VERBS, answerInputId } from '../bot/src/features/survey/cards/survey-card.js';
import { ANNUAL_QUESTION_IDS, fiscalYearBounds, fiscalYearOf } from '../bot/src/features/survey/domain/survey-rounds.js';
import { TRAINING_VERBS } from '../bot/src/features/training/cards/session-finder-card.js';
import { t } from '../bot/src/kernel/cards/messages.js';
import type { Employee } from '../bot/src/kernel/domain/employee.js';
import { close, listen } from '../bot/src/kernel/http/server.js';
import { createLogger } from '../bot/src/logger.js';
import { executeActivity, textMessage, type TestUser } from '../tests/support/activities.js';
import { channelMention } from '../tests/support/channel-activities.js';
import { startConnectorStandIn } from '../tests/support/connector-stand-in.js';
import { TEST_TENANT_ID } from '../tests/support/tenant.js';

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
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const GENERIC_ERROR = t('genericError', 'ja').slice(0, 20);
const load = () => loadavg().map((value) => value.toFixed(1)).join(' / ');

/** One request as Teams sends it: its latency, or an error (HTTP status ≥ 400, a generic-error reply, a timeout). */
async function post(baseUrl: string, activity: unknown): Promise<{ ms: number; body: string; error?: string }> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status >= 400) return { ms, body, error: `HTTP ${response.status} ${body.slice(0, 120)}` };
    if (body.includes('application/vnd.microsoft.error')) return { ms, body, error: `invoke error ${body.slice(0, 160)}` };
    return { ms, body };
  } catch (error) {
    return { ms: performance.now() - started, body: '', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

// The bare botbuilder bot: restify + CloudAdapter + an ActivityHandler that echoes. Nothing else.
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context: TurnContext, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}
async function startEchoBot() {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'echo-bot' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => close(server) };
}

const connector = await startConnectorStandIn();
const echo = await startEchoBot();
const azurite = await startEmbeddedAzurite({ tablePort: await freePort(), queuePort: await freePort() });
const app = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TEST_TENANT_ID }), {
  storage: { connectionString: azurite.connectionString },
  log: createLogger({ silent: true }),
  tablePrefix: 'benchturns',
});
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
  const [admin, ...others] = staff;
  const crowd = others.slice(0, USERS);
  const warmUpCrowd = others.slice(USERS);

  // The desk channel (for 相談する 送信), an open annual survey round (アンケート 送信) and an upcoming session (申し込む).
  const setDesk = await post(app.baseUrl, channelMention(userOf(admin!), connector.serviceUrl, DESK, '相談窓口に設定'));
  if (setDesk.error || !(await app.repositories.consultationDesk.getDesk())) throw new Error(`the desk channel could not be set: ${setDesk.error}`);
  const { accessToken } = await app.devIdentity!.issueToken({ oid: admin!.id, name: admin!.displayName });
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

  /** `answered`: what a correct answer's body holds (invokes answer in the HTTP body; messages reply through the connector). */
  type Path = { name: string; answered?: RegExp; activity: (user: TestUser, round: number, index: number) => Promise<unknown> | unknown };
  const text = (words: string) => (user: TestUser) => textMessage(user, connector.serviceUrl, words);
  const invoke = (verb: string, data: unknown) => (user: TestUser) => executeActivity(user, connector.serviceUrl, verb, data);
  const allPaths: Path[] = [
    { name: 'ヘルプ', activity: text('ヘルプ') },
    { name: 'FAQ question (RPAとは何ですか)', activity: text('RPAとは何ですか?どんな業務に向いていますか?') },
    { name: '研修を探す', activity: text('研修を探す') },
    { name: '申し込む (Action.Execute)', answered: /申し込みました|キャンセル待ち|申し込み済み/, activity: invoke(TRAINING_VERBS.enroll, { sessionId: session.id }) },
    {
      name: 'アンケート 送信 (Action.Execute)',
      answered: /回答済み/,
      activity: (user, roundIndex) =>
        executeActivity(user, connector.serviceUrl, SURVEY_VERBS.submit, {
          roundId: round.id,
          ...Object.fromEntries(ANNUAL_QUESTION_IDS.map((id, q) => [answerInputId(id), String(1 + ((roundIndex + q) % 5))])),
        }),
    },
    {
      name: '相談する 送信 (Action.Execute)',
      answered: /相談を受け付けました/,
      // Each filing submits its own form: the form is opened (untimed) just before, as a person would.
      activity: async (user, roundIndex) => {
        const conversationId = `a:personal-${user.aadObjectId}`;
        const before = connector.recorder.list({ conversationId }).length;
        const form = await post(app.baseUrl, executeActivity(user, connector.serviceUrl, CONSULTATION_VERBS.openForm, { title: `kintoneの相談 ${roundIndex}` }));
        // The form arrives as a new message below the pressed card: read it from the connector stand-in.
        const sentForm = connector.recorder.list({ conversationId }).slice(before).map((entry) => JSON.stringify(entry.activity)).join('');
        const submissionId = /"submissionId":"([0-9a-f-]+)"/.exec(sentForm)?.[1];
        if (!submissionId) throw new Error(`the form did not open: ${form.error ?? form.body.slice(0, 120)}`);
        return executeActivity(user, connector.serviceUrl, CONSULTATION_VERBS.submit, {
          submissionId,
          category: 'tool',
          title: `kintoneの相談 ${roundIndex}`,
          details: '申請受付をアプリにしたいです。',
          preferredContact: 'chat',
          urgency: 'medium',
        });
      },
    },
    {
      name: '通知設定 保存 (Action.Execute)',
      answered: /通知設定を保存しました/,
      activity: (user, roundIndex, index) =>
        executeActivity(user, connector.serviceUrl, NOTIFICATION_VERBS.save, Object.fromEntries(NEWS_CATEGORIES.map((category, c) => [categoryInputId(category), String((roundIndex + index + c) % 2 === 0)]))),
    },
  ];
  const paths = ONLY_PATHS.length === 0 ? allPaths : allPaths.filter((path) => ONLY_PATHS.some((word) => path.name.includes(word)));

  // Garbage collections of this process (the bots, the connector stand-in and the crowd's client share it), so each
  // wave can say how much of its time went to them: a major collection landing in one wave is its slow tail.
  const collections: PerformanceEntry[] = [];
  const gcObserver = new PerformanceObserver((list) => collections.push(...list.getEntries()));
  gcObserver.observe({ entryTypes: ['gc'] });
  type WaveFigures = { p99: number; gcMs: number; majorGcs: number };
  const waves = new Map<string, WaveFigures[]>();
  const figures = new Map<string, { latencies: number[]; errors: string[] }>([['echo bot', { latencies: [], errors: [] }], ...paths.map((path) => [path.name, { latencies: [], errors: [] }] as [string, { latencies: number[]; errors: string[] }])]);
  /** One wave: every user's activity is built first, then all are posted at once. */
  async function wave(name: string, baseUrl: string, build: (user: TestUser, index: number) => Promise<unknown> | unknown, answered?: RegExp, people = crowd) {
    const target = figures.get(name)!;
    const built = await Promise.all(
      people.map(async (person, index) => {
        try {
          return await build(userOf(person), index);
        } catch (error) {
          target.errors.push(String(error));
          return undefined;
        }
      }),
    );
    const started = performance.now();
    const results = await Promise.all(built.filter((activity) => activity !== undefined).map((activity) => post(baseUrl, activity)));
    const ended = performance.now();
    const during = collections.filter((entry) => entry.startTime >= started && entry.startTime <= ended);
    // Node puts the collection's kind in `detail` (its PerformanceEntry type does not declare it).
    const detailKind = (entry: PerformanceEntry) => ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind;
    const waveList = waves.get(name) ?? [];
    waveList.push({
      p99: percentile(results.map((result) => result.ms).sort((a, b) => a - b), 99),
      gcMs: during.reduce((sum, entry) => sum + entry.duration, 0),
      majorGcs: during.filter((entry) => detailKind(entry) === perfConstants.NODE_PERFORMANCE_GC_MAJOR).length,
    });
    waves.set(name, waveList);
    for (const result of results) {
      target.latencies.push(result.ms);
      if (result.error) target.errors.push(result.error);
      else if (answered && !answered.test(result.body)) target.errors.push(`unexpected answer ${result.body.slice(0, 160)}`);
    }
  }

  // A lone echo turn's speed when nothing else runs: later probes must come back to it before a wave starts.
  const probe = (n: number) => post(echo.baseUrl, textMessage(userOf(admin!), connector.serviceUrl, `probe ${n}`));
  const calibration: number[] = [];
  for (let n = 0; n < 10; n++) calibration.push((await probe(n)).ms);
  const calmMs = Math.max(50, 3 * percentile(calibration.sort((a, b) => a - b), 50));
  let quietWaitMs = 0;
  async function quiesce() {
    const started = performance.now();
    for (let calm = 0, n = 0; calm < 3 && performance.now() - started < 60_000; n++) {
      calm = (await probe(n)).ms <= calmMs ? calm + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    quietWaitMs += performance.now() - started;
  }

  // Unmeasured waves first, as the echo bot's probes warm it: a project path's first wave would otherwise also pay
  // for compiling its code (V8 optimises a function after it has run many times, and again when a new branch such
  // as 申し込み済み first runs) and opening 200 sockets to Azurite, once per process, not per crowd. Each path is
  // warmed by a crowd of its own, so the measured staff meet every path fresh (not yet signed up, answered or
  // filed); the measured crowd only says ヘルプ once, as staff who have the bot installed have talked to it before.
  figures.set('warm-up', { latencies: [], errors: [] });
  await wave('warm-up', echo.baseUrl, (user) => textMessage(user, connector.serviceUrl, 'echo warm-up'));
  await quiesce();
  await wave('warm-up', app.baseUrl, text('ヘルプ'));
  for (const path of paths) {
    // Twice: a first time (a sign-up, a first answer, a new filing) and a repeat (申し込み済み, a replaced answer),
    // as the measured crowd meets both, round 1 and the rounds after.
    for (const pass of [ROUNDS, ROUNDS + 1]) {
      await quiesce();
      await wave('warm-up', app.baseUrl, (user, index) => path.activity(user, pass, index), undefined, warmUpCrowd);
    }
  }
  const warmUpErrors = figures.get('warm-up')!.errors;
  if (warmUpErrors.length > 0) console.log(`warm-up errors (not counted): ${warmUpErrors.slice(0, 3).join('; ')}`);
  figures.delete('warm-up');

  let roundsRun = 0;
  for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
    if ((performance.now() - benchStarted) / 1000 > MAX_SECONDS) {
      console.log(`stopping after ${roundsRun} rounds: BENCH_MAX_SECONDS (${MAX_SECONDS} s) passed`);
      break;
    }
    for (const path of paths) {
      await quiesce();
      await wave('echo bot', echo.baseUrl, (user) => textMessage(user, connector.serviceUrl, `echo ${roundIndex}`));
      await quiesce();
      await wave(path.name, app.baseUrl, (user, index) => path.activity(user, roundIndex, index), path.answered);
    }
    roundsRun += 1;
    console.log(`round ${roundsRun}/${ROUNDS} done at ${((performance.now() - benchStarted) / 1000).toFixed(0)} s, load average ${load()}`);
  }
  // A message turn that failed still answers HTTP 200: its failure is the generic apology sent through the connector.
  const apologies = connector.recorder.list().filter((entry) => JSON.stringify(entry.activity).includes(GENERIC_ERROR)).length;

  const echoFigures = figures.get('echo bot')!;
  const echoP99 = percentile([...echoFigures.latencies].sort((a, b) => a - b), 99);
  const rows = [...figures].map(([name, { latencies, errors }]) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    const ratio = name === 'echo bot' ? '—' : `×${(p99 / echoP99).toFixed(1)}`;
    const over5s = sorted.filter((ms) => ms > 5_000).length;
    return `| ${name} | ${sorted.length} | ${percentile(sorted, 50).toFixed(0)} ms | ${p99.toFixed(0)} ms | ${(sorted.at(-1) ?? NaN).toFixed(0)} ms | ${ratio} | ${over5s} | ${errors.length} |`;
  });
  console.log(`\n| path | turns | p50 | p99 | max | p99 vs echo | over 5 s | errors |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}`);
  const waveCell = (wave: WaveFigures) => `${wave.p99.toFixed(0)} ms (gc ${wave.gcMs.toFixed(0)} ms${wave.majorGcs > 0 ? `, ${wave.majorGcs} major` : ''})`;
  console.log(`\neach wave's p99, and the time this process spent collecting garbage during it (echo: the wave before each project wave)`);
  for (const [name] of figures) console.log(`  ${name}: ${(waves.get(name) ?? []).map(waveCell).join(' · ')}`);
  gcObserver.disconnect();
  for (const [name, { errors }] of figures) if (errors.length > 0) console.log(`errors in ${name}: ${errors.length}, e.g.\n  ${[...new Set(errors)].slice(0, 3).join('\n  ')}`);
  console.log(`generic-error replies sent through the connector (failed turns of any path): ${apologies}`);
  const deskCards = connector.recorder.list({ conversationId: DESK.channelId }).length;
  console.log(`desk channel: ${deskCards} ticket cards posted during the bench at Teams' pace; the rest wait in the queue and app.stop drops them (the next start re-posts them)`);
  console.log(`a lone echo turn: ${calmMs.toFixed(0)} ms counted as quiet; ${(quietWaitMs / 1000).toFixed(0)} s spent waiting for quiet between waves`);
  console.log(`\n${roundsRun} rounds in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s; load average at the end ${load()} (a shared machine inflates every figure: compare ratios, re-run on a quiet one)`);
} finally {
  await app.stop();
  await echo.stop();
  await connector.stop();
  await azurite.stop();
}
