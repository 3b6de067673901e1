import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor, employeeIdFor, newsVariants, startDeliveryStack, type DeliveryStack } from '../support/delivery-stack.js';
import { azuriteConnectionString, uniqueTablePrefix } from '../support/storage.js';
import { startThrottlingConnector, type ThrottlingConnector } from '../support/throttling-connector.js';
import { waitUntil } from '../support/wait.js';


describe('a broadcast started outside working hours (simulated clock)', () => {
  let connector: ThrottlingConnector;
  let stack: DeliveryStack;
  // Friday 2026-12-04 17:20 JST: five minutes after the default window closed.
  let now = new Date('2026-12-04T17:20:00+09:00');
  const people = Array.from({ length: 20 }, (_, index) => employeeIdFor(index + 1));

  beforeAll(async () => {
    connector = await startThrottlingConnector({ latencyMs: [1, 5] });
    stack = await startDeliveryStack({
      connectionString: azuriteConnectionString(),
      prefix: uniqueTablePrefix(),
      // The waiting work item surfaces every 300 ms here (15 min in production) to look at the clock again.
      options: { messagesPerSecond: 100, batchSize: 10, idlePollMs: 100, maxRequeueDelayMs: 300, workingHours: true },
      clock: () => now,
    });
    await stack.seedReferences(people, connector.serviceUrl);
    await stack.engine.start();
  });
  afterAll(async () => {
    await stack?.engine.stop();
    await connector?.stop();
  });

  it('when news goes out on Friday at 17:20, then nothing is sent over the weekend and everything goes when Monday 08:30 comes', async () => {
    const { broadcast } = await stack.engine.send({
      id: 'news-after-hours',
      kind: 'news',
      createdBy: 'admin-1',
      title: '週末のお知らせ',
      audience: 'everyone',
      variants: newsVariants('週末のお知らせ'),
      recipients: people.map((employeeId) => ({ employeeId, variant: 'ja' })),
      workingHours: true,
    });
    expect(broadcast.notBefore).toBe(new Date('2026-12-07T08:30:00+09:00').toISOString());

    // Saturday noon, then Monday 08:29: the item keeps coming back and is put off each time.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    now = new Date('2026-12-05T12:00:00+09:00');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    now = new Date('2026-12-07T08:29:00+09:00');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(connector.counts.requests).toBe(0);
    expect((await stack.engine.report('news-after-hours'))!.counts).toMatchObject({ queued: people.length, sent: 0 });

    now = new Date('2026-12-07T08:30:00+09:00');
    await waitUntil(async () => (await stack.engine.report('news-after-hours'))?.broadcast.state === 'completed', 'the broadcast to complete', 20_000);
    expect((await stack.engine.report('news-after-hours'))!.counts).toMatchObject({ total: people.length, sent: people.length });
    for (const employeeId of people) expect(connector.recorder.list({ conversationId: conversationIdFor(employeeId) })).toHaveLength(1);
  });

  it('when a reply to a person\'s own request (no working-hours flag) goes out at night, then it is sent at once', async () => {
    now = new Date('2026-12-07T22:00:00+09:00');
    const before = connector.counts.requests;
    const { broadcast } = await stack.engine.send({
      id: 'ticket-notice-night',
      kind: 'ticket-notification',
      createdBy: 'system',
      title: '相談の進捗',
      audience: 'requester',
      variants: newsVariants('相談の進捗'),
      recipients: [{ employeeId: people[0]! }],
    });
    expect(broadcast.notBefore).toBeUndefined();
    await waitUntil(() => connector.counts.requests > before, 'the notice to be sent', 10_000);
  });
});
