/**
 * The Teams side of `npm run bench:turns`, on a worker thread of its own: the 200 staff who post turns at once, and
 * the Bot Connector stand-in that takes every reply. In production neither runs in the bot's process; on the bots'
 * thread they added their own work (building and sending 200 requests, reading 200 responses, parsing every reply
 * card the connector receives) and their own garbage to the waves they were measuring, more for the paths whose
 * replies are big cards. On a worker they have their own event loop and their own V8 heap, so what the bench times
 * is the bots' work (each bot on a thread of its own, on the same machine).
 *
 * Protocol (worker_threads messages): the worker starts the stand-in and says `ready` with its service URL; `run`
 * gives it what the stack set up (the people, the survey round, the session); it answers `paths`, then per wave a
 * `mark` just before the wave is posted, which the main thread answers with `marked` once it has read its CPU
 * clocks, and a `wave` after it (absolute start and end times, so the main thread can set its garbage collections
 * against them); a `round` per round and `done`; `stop` stops the stand-in.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { CONSULTATION_VERBS } from '../../bot/src/features/consultation/cards/consultation-verbs.js';
import { NOTIFICATION_VERBS, categoryInputId } from '../../bot/src/features/news/cards/notification-settings-card.js';
import { NEWS_CATEGORIES } from '../../bot/src/features/news/domain/news-items.js';
import { SURVEY_VERBS, answerInputId } from '../../bot/src/features/survey/cards/survey-card.js';
import { ANNUAL_QUESTION_IDS } from '../../bot/src/features/survey/domain/survey-rounds.js';
import { TRAINING_VERBS } from '../../bot/src/features/training/cards/session-finder-card.js';
import { t } from '../../bot/src/kernel/cards/messages.js';
import { executeActivity, personalConversationId, textMessage, type TestUser } from '../../tests/support/activities.js';
import { startConnectorStandIn } from '../../tests/support/connector-stand-in.js';
import { percentile } from './percentile.js';

export interface CrowdRun {
  appUrl: string;
  echoUrl: string;
  admin: TestUser;
  crowd: TestUser[];
  warmUpCrowd: TestUser[];
  surveyRoundId: string;
  sessionId: string;
  deskChannelId: string;
  rounds: number;
  timeoutMs: number;
  /** No new round starts once this absolute time (performance.timeOrigin + now, ms) has passed. */
  deadline: number;
  /** Only the paths whose name holds one of these words (all when empty). */
  onlyPaths: string[];
}

export type CrowdMessage =
  | { type: 'ready'; serviceUrl: string }
  | { type: 'paths'; names: string[] }
  | { type: 'mark' }
  /** `once`: a wave each person meets only once (not a path's steady state), printed apart from the table. */
  | { type: 'wave'; name: string; startedAt: number; endedAt: number; latencies: number[]; errors: string[]; once?: true }
  | { type: 'round'; done: number }
  | { type: 'done'; roundsRun: number; apologies: number; deskCards: number; calmMs: number; quietWaitMs: number; warmUpErrors: string[] }
  | { type: 'stopped' };

export type MainMessage = { type: 'run'; run: CrowdRun } | { type: 'marked' } | { type: 'stop' };

const port = parentPort;
if (!port) throw new Error('bench-turns-crowd runs as a worker thread of scripts/bench-turns.ts');
const say = (message: CrowdMessage) => port.postMessage(message);
/** Absolute time in ms, comparable across threads (each thread's performance.now() has its own origin). */
const absoluteNow = () => performance.timeOrigin + performance.now();
const GENERIC_ERROR = t('genericError', 'ja').slice(0, 20);

/** Answers of the main thread to `mark`, in order (one mark is outstanding at a time). */
const markAnswers: (() => void)[] = [];
/** The main thread reads its CPU clocks (its own thread's and Azurite's) when the stack is quiet, before a wave. */
const mark = () =>
  new Promise<void>((resolve) => {
    markAnswers.push(resolve);
    say({ type: 'mark' });
  });

const connector = await startConnectorStandIn();
say({ type: 'ready', serviceUrl: connector.serviceUrl });

/** One request as Teams sends it: its latency, or an error (HTTP status ≥ 400, an invoke error, a timeout). */
async function post(baseUrl: string, activity: unknown, timeoutMs: number): Promise<{ ms: number; body: string; error?: string }> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
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

async function runCrowd(run: CrowdRun): Promise<void> {
  const { serviceUrl } = connector;
  const send = (baseUrl: string, activity: unknown) => post(baseUrl, activity, run.timeoutMs);

  /** `answered`: what a correct answer's body holds (invokes answer in the HTTP body; messages reply through the connector). */
  type Path = { name: string; answered?: RegExp; activity: (user: TestUser, round: number, index: number) => Promise<unknown> | unknown };
  const text = (words: string) => (user: TestUser) => textMessage(user, serviceUrl, words);
  const invoke = (verb: string, data: unknown) => (user: TestUser) => executeActivity(user, serviceUrl, verb, data);
  const allPaths: Path[] = [
    { name: 'ヘルプ', activity: text('ヘルプ') },
    { name: 'FAQ question (RPAとは何ですか)', activity: text('RPAとは何ですか?どんな業務に向いていますか?') },
    { name: '研修を探す', activity: text('研修を探す') },
    { name: '申し込む (Action.Execute)', answered: /申し込みました|キャンセル待ち|申し込み済み/, activity: invoke(TRAINING_VERBS.enroll, { sessionId: run.sessionId }) },
    {
      name: 'アンケート 送信 (Action.Execute)',
      answered: /回答済み/,
      activity: (user, roundIndex) =>
        executeActivity(user, serviceUrl, SURVEY_VERBS.submit, {
          roundId: run.surveyRoundId,
          ...Object.fromEntries(ANNUAL_QUESTION_IDS.map((id, q) => [answerInputId(id), String(1 + ((roundIndex + q) % 5))])),
        }),
    },
    {
      name: '相談する 送信 (Action.Execute)',
      answered: /相談を受け付けました/,
      // Each filing submits its own form: the form is opened (untimed) just before, as a person would.
      activity: async (user, roundIndex) => {
        const conversationId = personalConversationId(user.aadObjectId);
        const before = connector.recorder.list({ conversationId }).length;
        const form = await send(run.appUrl, executeActivity(user, serviceUrl, CONSULTATION_VERBS.openForm, { title: `kintoneの相談 ${roundIndex}` }));
        // The form arrives as a new message below the pressed card: read it from the connector stand-in.
        const sentForm = connector.recorder.list({ conversationId }).slice(before).map((entry) => JSON.stringify(entry.activity)).join('');
        const submissionId = /"submissionId":"([0-9a-f-]+)"/.exec(sentForm)?.[1];
        if (!submissionId) throw new Error(`the form did not open: ${form.error ?? form.body.slice(0, 120)}`);
        return executeActivity(user, serviceUrl, CONSULTATION_VERBS.submit, {
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
        executeActivity(user, serviceUrl, NOTIFICATION_VERBS.save, Object.fromEntries(NEWS_CATEGORIES.map((category, c) => [categoryInputId(category), String((roundIndex + index + c) % 2 === 0)]))),
    },
  ];
  const paths = run.onlyPaths.length === 0 ? allPaths : allPaths.filter((path) => run.onlyPaths.some((word) => path.name.includes(word)));
  say({ type: 'paths', names: paths.map((path) => path.name) });

  // Replies the connector has taken are counted (generic apologies, desk cards) and let go between waves, as Teams
  // keeps them and the bench need not.
  let apologies = 0;
  let deskCards = 0;
  const settleConnector = () => {
    const received = connector.recorder.list();
    apologies += received.filter((entry) => JSON.stringify(entry.activity).includes(GENERIC_ERROR)).length;
    deskCards += received.filter((entry) => entry.conversationId === run.deskChannelId).length;
    connector.recorder.clear();
  };

  // A lone echo turn's speed when nothing else runs: later probes must come back to it before a wave starts.
  const probe = (n: number) => send(run.echoUrl, textMessage(run.admin, serviceUrl, `probe ${n}`));
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

  /**
   * One wave: every user's activity is built first (for 相談する, each opens a form), the stack is let come back to
   * quiet (the building's own trailing work must not land in the timed wave), then all are posted at once.
   */
  async function wave(name: string, baseUrl: string, build: (user: TestUser, index: number) => Promise<unknown> | unknown, answered?: RegExp, people = run.crowd, once?: true) {
    settleConnector();
    const errors: string[] = [];
    const built = await Promise.all(
      people.map(async (person, index) => {
        try {
          return await build(person, index);
        } catch (error) {
          errors.push(String(error));
          return undefined;
        }
      }),
    );
    await quiesce();
    await mark();
    const startedAt = absoluteNow();
    const results = await Promise.all(built.filter((activity) => activity !== undefined).map((activity) => send(baseUrl, activity)));
    const endedAt = absoluteNow();
    for (const result of results) {
      if (result.error) errors.push(result.error);
      else if (answered && !answered.test(result.body)) errors.push(`unexpected answer ${result.body.slice(0, 160)}`);
    }
    say({ type: 'wave', name, startedAt, endedAt, latencies: results.map((result) => result.ms), errors, ...(once ? { once } : {}) });
    return errors;
  }


  // Unmeasured waves first, as the echo bot's probes warm it: a project path's first wave would otherwise also pay
  // for compiling its code (V8 optimises a function after it has run many times, and again when a new branch such
  // as 申し込み済み first runs) and opening 200 sockets to Azurite, once per process, not per crowd. Each path is
  // warmed by a crowd of its own, so the measured staff meet every path fresh (not yet signed up, answered or
  // filed); the measured crowd only says ヘルプ once, as staff who have the bot installed have talked to it before.
  // The echo bot, on a thread and heap of its own, gets a warm-up wave before each of the project's, as in the
  // measured rounds: its heap then reaches its working size before anything is measured, as the project's does.
  const warmUpErrors: string[] = [];
  const echoWarmUp = async () => warmUpErrors.push(...(await wave('warm-up', run.echoUrl, (user) => textMessage(user, serviceUrl, 'echo warm-up'))));
  await echoWarmUp();
  warmUpErrors.push(...(await wave('warm-up', run.appUrl, text('ヘルプ'))));
  // Their first 研修を探す since records carry a copy of the skills ticks and goals (Employee.skillSummary): each
  // reads the assessment once and stores the copy, once per person. Timed and printed apart: the measured waves are
  // the turns after it.
  if (paths.some((path) => path.name === '研修を探す')) {
    await echoWarmUp();
    await wave('研修を探す, each person’s first since the skills copy (reads the assessment, stores the copy)', run.appUrl, text('研修を探す'), undefined, run.crowd, true);
  }
  for (const path of paths) {
    // Twice: a first time (a sign-up, a first answer, a new filing) and a repeat (申し込み済み, a replaced answer),
    // as the measured crowd meets both, round 1 and the rounds after.
    for (const pass of [run.rounds, run.rounds + 1]) {
      await echoWarmUp();
      warmUpErrors.push(...(await wave('warm-up', run.appUrl, (user, index) => path.activity(user, pass, index), undefined, run.warmUpCrowd)));
    }
  }

  let roundsRun = 0;
  for (let roundIndex = 0; roundIndex < run.rounds && absoluteNow() < run.deadline; roundIndex++) {
    for (const path of paths) {
      await wave('echo bot', run.echoUrl, (user) => textMessage(user, serviceUrl, `echo ${roundIndex}`));
      await wave(path.name, run.appUrl, (user, index) => path.activity(user, roundIndex, index), path.answered);
    }
    roundsRun += 1;
    say({ type: 'round', done: roundsRun });
  }
  settleConnector();
  say({ type: 'done', roundsRun, apologies, deskCards, calmMs, quietWaitMs, warmUpErrors });
}

port.on('message', (message: MainMessage) => {
  if (message.type === 'run') {
    // A failure is an unhandled rejection, which ends the worker with an error event: the main thread fails with it.
    void runCrowd(message.run);
  } else if (message.type === 'marked') {
    markAnswers.shift()?.();
  } else {
    void connector.stop().then(() => say({ type: 'stopped' }));
  }
});
