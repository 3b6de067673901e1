import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryReportCsv } from '../../bot/src/domain/delivery/delivery.js';
import { DEFAULT_RETRY_POLICY } from '../../bot/src/domain/delivery/retry-policy.js';
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
