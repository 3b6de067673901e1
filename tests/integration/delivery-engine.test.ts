import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekSlot } from '../../bot/src/delivery/domain/schedule-slots.js';
import { createScheduleLeaseRepository } from '../../bot/src/delivery/storage/schedule-lease-repository.js';
import { deliveryReportCsv } from '../../bot/src/delivery/domain/delivery.js';
import { DEFAULT_RETRY_POLICY } from '../../bot/src/delivery/domain/retry-policy.js';
import { conversationIdFor, employeeIdFor, newsVariants, startDeliveryStack, type DeliveryStack } from '../support/delivery-stack.js';
import { azuriteConnectionString, uniqueTablePrefix } from '../support/storage.js';
import { startThrottlingConnector, type ThrottlingConnector } from '../support/throttling-connector.js';
import { waitUntil } from '../support/wait.js';


const fastRetries = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 200, maxDelayMs: 1_000 };

describe('one broadcast to 300 employees through a throttling connector', () => {
  let connector: ThrottlingConnector;
  let stack: DeliveryStack;
  const everyone = Array.from({ length: 300 }, (_, index) => employeeIdFor(index + 1));
  const withoutReference = new Set(everyone.slice(280));
  const blocked = new Set(everyone.filter((_, index) => index % 28 === 5 && index < 280));
  const flaky = new Set(everyone.filter((employeeId, index) => index % 9 === 2 && index < 280 && !blocked.has(employeeId)));
  const english = new Set(everyone.filter((_, index) => index % 4 === 0));

  beforeAll(async () => {
    connector = await startThrottlingConnector({
      // Tighter than the engine's own pace, so the connector has to push back with 429s.
      globalPerSecond: 40,
      retryAfterSeconds: 1,
      forbidden: new Set([...blocked].map(conversationIdFor)),
      failFirst: (conversationId) => (flaky.has(conversationId.replace('a:personal-', '')) ? 2 : 0),
      latencyMs: [2, 15],
    });
    stack = await startDeliveryStack({
      connectionString: azuriteConnectionString(),
      prefix: uniqueTablePrefix(),
      options: { messagesPerSecond: 60, batchSize: 25, retry: fastRetries, idlePollMs: 200 },
    });
    await stack.seedReferences(everyone.filter((employeeId) => !withoutReference.has(employeeId)), connector.serviceUrl);
    await stack.engine.start();
  });
  afterAll(async () => {
    await stack?.engine.stop();
    await connector?.stop();
  });

  it('when the broadcast is sent, then every reachable employee gets exactly one message, in their language, and the report accounts for everyone', async () => {
    const { broadcast, created } = await stack.engine.send({
      id: 'news-300',
      kind: 'news',
      createdBy: 'admin-1',
      title: 'DX 勉強会のお知らせ',
      audience: 'everyone',
      variants: newsVariants('DX 勉強会'),
      recipients: everyone.map((employeeId) => ({ employeeId, variant: english.has(employeeId) ? 'en' : 'ja' })),
    });
    expect(created).toBe(true);
    expect(broadcast).toMatchObject({ state: 'sending', recipientCount: 300 });

    await waitUntil(async () => (await stack.engine.report('news-300'))?.broadcast.state === 'completed', 'the broadcast to complete', 40_000);
    const report = (await stack.engine.report('news-300'))!;
    const reachable = everyone.filter((employeeId) => !withoutReference.has(employeeId) && !blocked.has(employeeId));
    expect(report.counts).toEqual({
      total: 300,
      queued: 0,
      sending: 0,
      retrying: 0,
      sent: reachable.length,
      failed: 0,
      unreachable: blocked.size,
      noReference: withoutReference.size,
      inDoubt: 0,
    });
    expect(report.broadcast.finalCounts).toEqual(report.counts);

    const received = connector.messagesPerConversation();
    for (const employeeId of reachable) expect(received.get(conversationIdFor(employeeId)), employeeId).toBe(1);
    for (const employeeId of [...blocked, ...withoutReference]) expect(received.has(conversationIdFor(employeeId))).toBe(false);
    const textOf = (employeeId: string) => connector.recorder.list({ conversationId: conversationIdFor(employeeId) })[0]?.activity.text;
    expect(textOf(reachable.find((employeeId) => english.has(employeeId))!)).toBe('[News] DX 勉強会');
    expect(textOf(reachable.find((employeeId) => !english.has(employeeId))!)).toBe('【お知らせ】DX 勉強会');

    const byEmployee = new Map(report.deliveries.map((delivery) => [delivery.employeeId, delivery]));
    for (const employeeId of blocked) expect(byEmployee.get(employeeId)).toMatchObject({ state: 'unreachable', reason: 'http-403', lastStatus: 403 });
    for (const employeeId of withoutReference) expect(byEmployee.get(employeeId)).toMatchObject({ state: 'no-reference', attempts: 0 });
    for (const employeeId of flaky) expect(byEmployee.get(employeeId)?.attempts).toBeGreaterThanOrEqual(3);
    expect(deliveryReportCsv(report.deliveries).split('\r\n').filter((line) => line.includes(',unreachable,'))).toHaveLength(blocked.size);

    // The connector pushed back and the engine honoured it; each recorded attempt was at most one HTTP request (the
    // SDK's own retries are off), so 429s and 500s were retried by the engine alone. On a starved machine a few
    // attempts fail before reaching the connector (a reset keep-alive socket) and are retried by the engine too.
    expect(connector.counts.throttledGlobal).toBeGreaterThan(0);
    expect(connector.counts.requests).toBeLessThanOrEqual(stack.engine.worker.stats.attempts);
    expect(report.deliveries.reduce((sum, delivery) => sum + delivery.attempts, 0)).toBe(stack.engine.worker.stats.attempts);
  });

  it('when "send now" is pressed again for the same news item, then nothing is sent twice', async () => {
    const before = connector.counts.requests;
    const again = await stack.engine.send({
      id: 'news-300',
      kind: 'news',
      createdBy: 'admin-1',
      title: 'DX 勉強会のお知らせ',
      audience: 'everyone',
      variants: newsVariants('DX 勉強会'),
      recipients: everyone.map((employeeId) => ({ employeeId })),
    });
    expect(again.created).toBe(false);
    expect(again.broadcast.state).toBe('completed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(connector.counts.requests).toBe(before);
  });
});

describe('throttling: app-wide and per-conversation 429s', () => {
  let connector: ThrottlingConnector;
  let stack: DeliveryStack;
  beforeAll(async () => {
    connector = await startThrottlingConnector({ latencyMs: [5, 20] });
    stack = await startDeliveryStack({
      connectionString: azuriteConnectionString(),
      prefix: uniqueTablePrefix(),
      options: { messagesPerSecond: 40, batchSize: 25, retry: fastRetries, idlePollMs: 200 },
    });
    await stack.engine.start();
  });
  afterAll(async () => {
    await stack?.engine.stop();
    await connector?.stop();
  });

  it('when the connector answers an app-wide 429 with Retry-After 3 s, then no further send reaches it until the 3 s are over, and the broadcast then completes', async () => {
    const everyone = Array.from({ length: 240 }, (_, index) => employeeIdFor(7000 + index));
    await stack.seedReferences(everyone, connector.serviceUrl);
    await stack.engine.send({ id: 'news-app-429', kind: 'news', createdBy: 'admin-1', title: '全体スロットリング', audience: 'everyone', variants: newsVariants('app-429'), recipients: everyone.map((employeeId) => ({ employeeId })) });
    await waitUntil(() => connector.counts.accepted >= 60, '60 messages before the throttling', 20_000);
    const throttledUntil = Date.now() + 3_000;
    connector.throttleApp(3);

    await waitUntil(async () => (await stack.engine.report('news-app-429'))?.broadcast.state === 'completed', 'the broadcast to complete', 40_000);
    const first429 = connector.requests.find((request) => request.throttledBy === 'app')!;
    // Only sends already on their way when the first 429 came back may arrive inside the Retry-After window.
    const insideWindow = connector.requests.filter((request) => request.at > first429.at && request.at < throttledUntil);
    expect(insideWindow.length).toBeLessThanOrEqual(stack.engine.maxInFlight);
    expect(connector.counts.throttledGlobal).toBeLessThanOrEqual(stack.engine.maxInFlight + 1);
    expect(connector.requests.some((request) => request.at >= throttledUntil && request.status === 200)).toBe(true);
    const received = connector.messagesPerConversation();
    for (const employeeId of everyone) expect(received.get(conversationIdFor(employeeId)), employeeId).toBe(1);
    expect(stack.engine.worker.stats.throttledApp).toBeGreaterThan(0);
  });

  it('when one conversation answers 429, then only that conversation waits its Retry-After while the others keep receiving', async () => {
    const busy = employeeIdFor(7900);
    const others = Array.from({ length: 100 }, (_, index) => employeeIdFor(8000 + index));
    await stack.seedReferences([busy, ...others], connector.serviceUrl);
    await stack.engine.send({ id: 'reminder-busy', kind: 'training-reminder', createdBy: 'system', title: '研修リマインダー', audience: 'one', variants: newsVariants('reminder'), recipients: [{ employeeId: busy }] });
    await waitUntil(() => connector.messagesPerConversation().get(conversationIdFor(busy)) === 1, 'the first message to the busy employee', 10_000);
    connector.throttleConversation(conversationIdFor(busy), 3);
    const throttledUntil = Date.now() + 3_000;
    await stack.engine.send({ id: 'news-busy', kind: 'news', createdBy: 'admin-1', title: '会話スロットリング', audience: 'everyone', variants: newsVariants('busy'), recipients: [busy, ...others].map((employeeId) => ({ employeeId })) });

    await waitUntil(async () => (await stack.engine.report('news-busy'))?.broadcast.state === 'completed', 'the broadcast to complete', 30_000);
    const busyRequests = connector.requests.filter((request) => request.conversationId === conversationIdFor(busy));
    const refused = busyRequests.find((request) => request.throttledBy === 'conversation')!;
    expect(refused).toBeDefined();
    const othersMeanwhile = connector.requests.filter((request) => request.conversationId !== conversationIdFor(busy) && request.at > refused.at && request.at < throttledUntil);
    expect(othersMeanwhile.length).toBeGreaterThan(20);
    expect(busyRequests.filter((request) => request.status === 200).at(-1)!.at).toBeGreaterThanOrEqual(throttledUntil);
    expect(connector.messagesPerConversation().get(conversationIdFor(busy))).toBe(2);
  });
});

/** A bot instance's delivery worker in its own process, on the shared Azurite. */
function spawnWorker(env: Record<string, string>) {
  const script = fileURLToPath(new URL('../support/delivery-worker-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, AZURITE_CONNECTION_STRING: azuriteConnectionString(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) events.push(JSON.parse(line) as Record<string, unknown>);
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    events,
    exited,
    stderr: () => stderr,
    ready: () => waitUntil(() => events.some((event) => event.event === 'ready') || child.exitCode !== null, 'a worker process to start', 20_000).then(() => {
      if (child.exitCode !== null) throw new Error(`worker process exited: ${stderr}`);
    }),
  };
}

const children: ChildProcess[] = [];
const track = (worker: ReturnType<typeof spawnWorker>) => {
  children.push(worker.child);
  return worker;
};
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('a sending process killed half-way', () => {
  it('when the worker is killed (SIGKILL) with sends in flight, then a fresh process finishes and every employee has exactly one message', async () => {
    const prefix = uniqueTablePrefix();
    const connector = await startThrottlingConnector({ latencyMs: [2, 10] });
    const stack = await startDeliveryStack({ connectionString: azuriteConnectionString(), prefix });
    try {
      const everyone = Array.from({ length: 200 }, (_, index) => employeeIdFor(1000 + index));
      await stack.seedReferences(everyone, connector.serviceUrl);
      await stack.engine.send({ id: 'news-crash', kind: 'news', createdBy: 'admin-1', title: '障害テスト', audience: 'everyone', variants: newsVariants('crash'), recipients: everyone.map((employeeId) => ({ employeeId })) });

      const first = track(spawnWorker({ DELIVERY_PREFIX: prefix, WORKER_ID: 'worker-a', MESSAGES_PER_SECOND: '60', CLAIM_TTL_MS: '3000', VISIBILITY_MS: '4000', HEARTBEAT_TIMEOUT_MS: '2000' }));
      await first.ready();
      await waitUntil(() => connector.counts.accepted >= 80, '80 messages from the first worker', 20_000);
      // From here the connector accepts nothing: the worker's next requests hang, claimed but unanswered.
      connector.hold();
      const sentCount = async () => (await stack.engine.report('news-crash'))!.counts.sent;
      await waitUntil(async () => connector.heldCount >= 3 && (await sentCount()) === connector.counts.accepted, 'in-flight sends and recorded results', 10_000);
      const acceptedBeforeCrash = connector.counts.accepted;
      const midway = (await stack.engine.report('news-crash'))!;
      expect(midway.counts.sending).toBeGreaterThanOrEqual(3);
      expect(midway.counts.sent).toBe(acceptedBeforeCrash);
      first.child.kill('SIGKILL');
      await first.exited;
      connector.release({ drop: true });

      const second = track(spawnWorker({ DELIVERY_PREFIX: prefix, WORKER_ID: 'worker-b', MESSAGES_PER_SECOND: '60', CLAIM_TTL_MS: '3000', VISIBILITY_MS: '4000', HEARTBEAT_TIMEOUT_MS: '2000' }));
      await second.ready();
      await waitUntil(async () => (await stack.engine.report('news-crash'))?.broadcast.state === 'completed', 'the second worker to finish', 30_000);

      const report = (await stack.engine.report('news-crash'))!;
      expect(report.counts).toMatchObject({ total: 200, sent: 200, failed: 0 });
      const received = connector.messagesPerConversation();
      for (const employeeId of everyone) expect(received.get(conversationIdFor(employeeId)), employeeId).toBe(1);
      // The sends cut off mid-flight were taken over from the dead worker's expired claims.
      const takenOver = report.deliveries.filter((delivery) => delivery.inDoubt > 0);
      expect(takenOver.length).toBeGreaterThanOrEqual(3);
      for (const delivery of takenOver) expect(delivery.claimedBy).toBe('worker-b');
      expect(report.deliveries.filter((delivery) => delivery.claimedBy === 'worker-a')).toHaveLength(acceptedBeforeCrash);
    } finally {
      await stack.engine.stop();
      await connector.stop();
    }
  });
});

describe('an instance killed mid-broadcast and restarted', () => {
  it('when the instance is killed (SIGKILL) mid-broadcast and started again, then it resumes within 15 s, everyone gets the news, and duplicates stay within its in-flight cap and are reported as in doubt', async () => {
    const prefix = uniqueTablePrefix();
    // Teams-like: an app-wide cap of 50/s and 20-80 ms answers.
    const connector = await startThrottlingConnector({ globalPerSecond: 50, latencyMs: [20, 80] });
    const stack = await startDeliveryStack({ connectionString: azuriteConnectionString(), prefix });
    try {
      const everyone = Array.from({ length: 400 }, (_, index) => employeeIdFor(3000 + index));
      await stack.seedReferences(everyone, connector.serviceUrl);
      await stack.engine.send({ id: 'news-restart', kind: 'news', createdBy: 'admin-1', title: '再起動テスト', audience: 'everyone', variants: newsVariants('restart'), recipients: everyone.map((employeeId) => ({ employeeId })) });

      // The production defaults for the queue visibility (30 s) and claim expiry (120 s): recovery must not wait for them.
      const instance = { DELIVERY_PREFIX: prefix, WORKER_ID: 'instance-a', MESSAGES_PER_SECOND: '50', CLAIM_TTL_MS: '120000', BATCH_ITEMS_IN_FLIGHT: '16' };
      const first = track(spawnWorker(instance));
      await first.ready();
      const ready = first.events.find((event) => event.event === 'ready');
      const maxInFlight = Number(ready?.maxInFlight);
      const maxClaimsAhead = Number(ready?.maxClaimsAhead);
      expect(maxInFlight).toBe(10);
      expect(maxClaimsAhead).toBe(5);
      await waitUntil(() => connector.counts.accepted >= 150, '150 messages before the crash', 30_000);
      first.child.kill('SIGKILL');
      await first.exited;
      // Requests the dead process had in flight are still answered (and count as delivered: the duplicates to be).
      await new Promise((resolve) => setTimeout(resolve, 300));
      const requestsBeforeRestart = connector.requests.length;

      const restartedAt = Date.now();
      const second = track(spawnWorker(instance));
      await second.ready();
      await waitUntil(() => connector.requests.length > requestsBeforeRestart, 'sending to resume after the restart', 15_000);
      const resumedAfterMs = (connector.requests[requestsBeforeRestart]?.at ?? Infinity) - restartedAt;
      expect(resumedAfterMs).toBeLessThan(15_000);

      await waitUntil(async () => (await stack.engine.report('news-restart'))?.broadcast.state === 'completed', 'the restarted instance to finish', 60_000);
      const report = (await stack.engine.report('news-restart'))!;
      expect(report.counts).toMatchObject({ total: 400, sent: 400, failed: 0 });
      const received = connector.messagesPerConversation();
      for (const employeeId of everyone) expect(received.get(conversationIdFor(employeeId)) ?? 0, employeeId).toBeGreaterThanOrEqual(1);
      const duplicates = [...received.values()].reduce((sum, count) => sum + count - 1, 0);
      expect(duplicates).toBeLessThanOrEqual(maxInFlight);
      // Every duplicate is among the recipients the report counts as in doubt; those are at most the sends in flight
      // and the recipients claimed ahead of their send (sent again after the crash, never twice).
      expect(report.counts.inDoubt).toBeGreaterThanOrEqual(duplicates);
      expect(report.counts.inDoubt).toBeLessThanOrEqual(maxInFlight + maxClaimsAhead);
      console.info(`kill test: resumed ${resumedAfterMs} ms after the restart; ${duplicates} duplicates, ${report.counts.inDoubt} in doubt (cap ${maxInFlight} in flight + ${maxClaimsAhead} claimed ahead)`);
    } finally {
      await stack.engine.stop();
      await connector.stop();
    }
    }, 120_000);
});

describe('two bot instances on one Azurite', () => {
  it('when two worker processes share a broadcast and both fire the weekly digest, then nobody gets anything twice and the digest slot runs once', async () => {
    const prefix = uniqueTablePrefix();
    const connector = await startThrottlingConnector({ globalPerSecond: 100, latencyMs: [2, 10] });
    const stack = await startDeliveryStack({ connectionString: azuriteConnectionString(), prefix });
    try {
      const everyone = Array.from({ length: 150 }, (_, index) => employeeIdFor(5000 + index));
      await stack.seedReferences(everyone, connector.serviceUrl);
      const workerEnv = (id: string) => ({
        DELIVERY_PREFIX: prefix,
        WORKER_ID: id,
        MESSAGES_PER_SECOND: '30',
        BATCH_ITEMS_IN_FLIGHT: '2',
        DIGEST_RECIPIENTS: JSON.stringify(everyone),
      });
      const workers = [track(spawnWorker(workerEnv('instance-1'))), track(spawnWorker(workerEnv('instance-2')))];
      await Promise.all(workers.map((worker) => worker.ready()));
      await stack.engine.send({
        id: 'news-shared',
        kind: 'news',
        createdBy: 'admin-1',
        title: '庁内優良事例',
        audience: 'everyone',
        variants: newsVariants('shared'),
        recipients: everyone.map((employeeId) => ({ employeeId })),
      });

      const slot = isoWeekSlot(new Date(), 'Asia/Tokyo');
      const digestId = `weekly-digest-${slot}`;
      const completed = async (id: string) => (await stack.engine.report(id))?.broadcast.state === 'completed';
      await waitUntil(async () => (await completed('news-shared')) && (await completed(digestId)), 'both broadcasts to complete', 40_000);
      // Both instances kept firing the job every second meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 1_500));

      const digestRuns = workers.flatMap((worker) => worker.events.filter((event) => event.event === 'digest-run'));
      expect(digestRuns).toEqual([{ event: 'digest-run', slot }]);
      const lease = await createScheduleLeaseRepository(stack.storage).get('weekly-digest', slot);
      expect(lease).toMatchObject({ state: 'done' });

      for (const employeeId of everyone) {
        const texts = connector.recorder.list({ conversationId: conversationIdFor(employeeId) }).map((entry) => entry.activity.text);
        expect(texts.sort(), employeeId).toEqual([`週刊DXニュース ${slot} / ${employeeId}`, '【お知らせ】shared'].sort());
      }
      const shared = (await stack.engine.report('news-shared'))!;
      const senders = new Set(shared.deliveries.map((delivery) => delivery.claimedBy));
      expect(senders).toEqual(new Set(['instance-1', 'instance-2']));
      expect(connector.counts.requests).toBe(everyone.length * 2 + connector.counts.throttledGlobal + connector.counts.throttledConversation);
    } finally {
      await stack.engine.stop();
      await connector.stop();
    }
  });
});
