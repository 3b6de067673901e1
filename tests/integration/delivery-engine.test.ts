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

const waitUntil = async (condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

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

    await waitUntil(async () => (await stack.engine.report('news-300'))?.broadcast.state === 'completed', 40_000, 'the broadcast to complete');
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

    // The connector pushed back and the engine honoured it; each recorded attempt was one HTTP request (the
    // SDK's own retries are off), so 429s and 500s were retried by the engine alone.
    expect(connector.counts.throttledGlobal).toBeGreaterThan(0);
    expect(connector.counts.requests).toBe(stack.engine.worker.stats.attempts);
    expect(report.deliveries.reduce((sum, delivery) => sum + delivery.attempts, 0)).toBe(connector.counts.requests);
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
    ready: () => waitUntil(() => events.some((event) => event.event === 'ready') || child.exitCode !== null, 20_000, 'a worker process to start').then(() => {
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

      const first = track(spawnWorker({ DELIVERY_PREFIX: prefix, WORKER_ID: 'worker-a', MESSAGES_PER_SECOND: '60', CLAIM_TTL_MS: '3000', VISIBILITY_MS: '4000' }));
      await first.ready();
      await waitUntil(() => connector.counts.accepted >= 80, 20_000, '80 messages from the first worker');
      // From here the connector accepts nothing: the worker's next requests hang, claimed but unanswered.
      connector.hold();
      const sentCount = async () => (await stack.engine.report('news-crash'))!.counts.sent;
      await waitUntil(async () => connector.heldCount >= 3 && (await sentCount()) === connector.counts.accepted, 10_000, 'in-flight sends and recorded results');
      const acceptedBeforeCrash = connector.counts.accepted;
      const midway = (await stack.engine.report('news-crash'))!;
      expect(midway.counts.sending).toBeGreaterThanOrEqual(3);
      expect(midway.counts.sent).toBe(acceptedBeforeCrash);
      first.child.kill('SIGKILL');
      await first.exited;
      connector.release({ drop: true });

      const second = track(spawnWorker({ DELIVERY_PREFIX: prefix, WORKER_ID: 'worker-b', MESSAGES_PER_SECOND: '60', CLAIM_TTL_MS: '3000', VISIBILITY_MS: '4000' }));
      await second.ready();
      await waitUntil(async () => (await stack.engine.report('news-crash'))?.broadcast.state === 'completed', 30_000, 'the second worker to finish');

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
      await waitUntil(async () => (await completed('news-shared')) && (await completed(digestId)), 40_000, 'both broadcasts to complete');
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
