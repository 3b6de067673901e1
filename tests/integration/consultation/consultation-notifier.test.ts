import { describe, expect, it } from 'vitest';
import { createConsultationNotifier } from '../../../bot/src/features/consultation/consultation-notifier.js';
import { openTicket, type TicketChange } from '../../../bot/src/features/consultation/domain/tickets.js';
import type { BroadcastRequest } from '../../../bot/src/delivery/domain/delivery.js';
import type { ConversationMessenger, SendResult } from '../../../bot/src/delivery/domain/delivery-ports.js';
import { createLogger } from '../../../bot/src/logger.js';
import { createConsultationRepository } from '../../../bot/src/features/consultation/storage/consultation-repository.js';
import { createConsultationDeskRepository } from '../../../bot/src/features/consultation/storage/consultation-desk-repository.js';
import { createEmployeeRepository } from '../../../bot/src/kernel/storage/employee-repository.js';
import { testTableStorage } from '../../support/storage.js';

const input = { category: 'data', title: 'BIで集計したい', details: '毎月の集計を自動化したい', preferredContact: 'chat', urgency: 'low' } as const;
const requester = { id: 'requester-1', name: '大崎 依頼' };

/** Teams' connector as the notifier sees it: scripted answers per call (the edge of the world). */
function scriptedChannel(answers: SendResult[]) {
  const calls: { kind: 'send' | 'update'; activityId?: string }[] = [];
  const next = () => answers.shift() ?? { ok: true as const, activityId: 'posted-1' };
  const channel: ConversationMessenger = {
    send: async () => {
      calls.push({ kind: 'send' });
      return next();
    },
    update: async (_reference, activityId) => {
      calls.push({ kind: 'update', activityId });
      return next();
    },
  };
  return { channel, calls };
}

async function setUp(answers: SendResult[], options: { withDesk?: boolean } = {}) {
  const storage = await testTableStorage();
  const tickets = createConsultationRepository(storage);
  const desk = createConsultationDeskRepository(storage);
  if (options.withDesk !== false) await desk.saveDesk({ conversationId: '19:desk@thread.tacv2', reference: { conversation: { id: '19:desk@thread.tacv2' }, serviceUrl: 'http://127.0.0.1:1/' }, setBy: 'admin', setAt: new Date().toISOString() });
  let filed: TicketChange | undefined;
  const { ticket } = await tickets.create({ year: 2026, requesterId: requester.id, build: (number) => (filed = openTicket(input, requester, number, new Date())) });
  const slept: number[] = [];
  const sent: BroadcastRequest[] = [];
  const scripted = scriptedChannel(answers);
  const notifier = createConsultationNotifier({
    engine: {
      send: async (request) => {
        sent.push(request);
        // The notifier does not read the engine's answer; the engine itself is tested in delivery-engine.test.ts.
        return { broadcast: undefined as never, created: true };
      },
    },
    employees: createEmployeeRepository(storage),
    tickets,
    desk,
    channel: scripted.channel,
    log: createLogger({ silent: true }),
    sleep: async (ms) => void slept.push(ms),
    random: () => 0,
  });
  return { notifier, tickets, desk, ticket, filed: filed!, slept, sent, calls: scripted.calls };
}

const throttled = (retryAfter: string): SendResult => ({ ok: false, failure: { status: 429, retryAfter, networkCode: undefined, message: 'throttled' } });

describe('desk channel posts', () => {
  it('when Teams answers 429 with Retry-After, then the post waits that long, is sent again and its message id is kept for later updates', async () => {
    const { notifier, desk, ticket, filed, slept, calls } = await setUp([throttled('3'), throttled('1')]);
    await notifier.ticketFiled(filed);
    await notifier.idle();
    expect(slept).toEqual([3_000, 1_000]);
    expect(calls.map((call) => call.kind)).toEqual(['send', 'send', 'send']);
    expect(await desk.getTicketPost(ticket.number)).toMatchObject({ activityId: 'posted-1', conversationId: '19:desk@thread.tacv2' });
  });

  it('when the bot was removed from the team (403), then it gives up at once and a later change updates nothing', async () => {
    const { notifier, desk, tickets, ticket, filed, calls, slept } = await setUp([{ ok: false, failure: { status: 403, retryAfter: undefined, networkCode: undefined, message: 'forbidden' } }]);
    await notifier.ticketFiled(filed);
    await notifier.idle();
    expect(calls).toHaveLength(1);
    expect(slept).toEqual([]);
    expect(await desk.getTicketPost(ticket.number)).toBeUndefined();
    const change: TicketChange = await tickets.transition(ticket.number, (current) => ({
      ticket: { ...current, status: 'assigned', assigneeId: 'admin', assigneeName: '品川', version: 2 },
      history: { ticketNumber: current.number, sequence: 2, at: new Date().toISOString(), actorId: 'admin', actorName: '品川', action: 'assign', fromStatus: 'new', toStatus: 'assigned', text: undefined, rating: undefined },
    }));
    await notifier.ticketChanged(change);
    await notifier.idle();
    expect(calls).toHaveLength(1);
  });

  it('when Teams refuses a reminder for good (403), then its claim is given back; a posted one keeps it', async () => {
    const forbidden: SendResult = { ok: false, failure: { status: 403, retryAfter: undefined, networkCode: undefined, message: 'forbidden' } };
    const { notifier, ticket, calls } = await setUp([forbidden, forbidden]);
    const givenBack: string[] = [];
    const clock = { firstResponseDueAt: new Date().toISOString(), resolutionDueAt: new Date().toISOString(), firstResponseOverdue: true, resolutionOverdue: false };
    await notifier.unassignedReminder([ticket], async () => void givenBack.push('unassigned'));
    await notifier.slaReminder(ticket, 'first-response', clock, async () => void givenBack.push('sla'));
    await notifier.idle();
    expect(calls).toHaveLength(2);
    expect(givenBack.sort()).toEqual(['sla', 'unassigned']);
    // The next answer is the default 200: posted, nothing given back.
    await notifier.unassignedReminder([ticket], async () => void givenBack.push('unassigned again'));
    await notifier.idle();
    expect(calls).toHaveLength(3);
    expect(givenBack).toHaveLength(2);
  });

  it('when no desk channel is set, then a reminder is not sent and its claim is given back at once', async () => {
    const { notifier, ticket, calls } = await setUp([], { withDesk: false });
    const givenBack: string[] = [];
    await notifier.unassignedReminder([ticket], async () => void givenBack.push('unassigned'));
    await notifier.idle();
    expect(calls).toHaveLength(0);
    expect(givenBack).toEqual(['unassigned']);
  });

  it('when an admin acts, then the channel card is updated and the requester gets one broadcast with an id from the ticket and history entry', async () => {
    const { notifier, tickets, ticket, filed, calls, sent } = await setUp([]);
    await notifier.ticketFiled(filed);
    const change = await tickets.transition(ticket.number, (current) => ({
      ticket: { ...current, status: 'resolved', resolution: '手順書を送りました', assigneeId: 'admin', assigneeName: '品川', version: 2 },
      history: { ticketNumber: current.number, sequence: 2, at: new Date().toISOString(), actorId: 'admin', actorName: '品川', action: 'resolve', fromStatus: 'new', toStatus: 'resolved', text: '手順書を送りました', rating: undefined },
    }));
    await notifier.ticketChanged(change);
    await notifier.idle();
    expect(calls).toEqual([{ kind: 'send' }, { kind: 'update', activityId: 'posted-1' }]);
    expect(sent.map((request) => request.id)).toEqual([`ticket-${ticket.number}-2`, `ticket-${ticket.number}-2-rating`]);
    expect(sent[0]!.recipients).toEqual([{ employeeId: requester.id, variant: 'ja' }]);
  });
});

/** Several tickets filed at once, a desk channel that records when each call arrived, and a notifier at `channelGapMs`. */
async function crowdSetUp(count: number, channelGapMs: number) {
  const storage = await testTableStorage();
  const tickets = createConsultationRepository(storage);
  const desk = createConsultationDeskRepository(storage);
  await desk.saveDesk({ conversationId: '19:desk@thread.tacv2', reference: { conversation: { id: '19:desk@thread.tacv2' }, serviceUrl: 'http://127.0.0.1:1/' }, setBy: 'admin', setAt: new Date().toISOString() });
  const filings = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      let filed: TicketChange | undefined;
      await tickets.create({ year: 2026, requesterId: `requester-${index}`, build: (number) => (filed = openTicket(input, { id: `requester-${index}`, name: `職員 ${index}` }, number, new Date())) });
      return filed!;
    }),
  );
  const calls: { kind: 'send' | 'update'; at: number; activityId?: string }[] = [];
  let posted = 0;
  const channel: ConversationMessenger = {
    send: async () => {
      calls.push({ kind: 'send', at: performance.now() });
      return { ok: true, activityId: `posted-${++posted}` };
    },
    update: async (_reference, activityId) => {
      calls.push({ kind: 'update', at: performance.now(), activityId });
      return { ok: true, activityId };
    },
  };
  const notifierWith = (gapMs: number) =>
    createConsultationNotifier({
      engine: { send: async () => ({ broadcast: undefined as never, created: true }) },
      employees: createEmployeeRepository(storage),
      tickets,
      desk,
      channel,
      log: createLogger({ silent: true }),
      channelGapMs: gapMs,
    });
  return { notifier: notifierWith(channelGapMs), notifierWith, tickets, desk, filings, calls };
}

describe('the desk channel’s pace (one Teams conversation: 60 messages per 30 s)', () => {
  it('when many requests are filed at once, then every card is posted and the channel never gets two messages closer than the gap', async () => {
    const { notifier, desk, filings, calls } = await crowdSetUp(8, 150);
    await Promise.all(filings.map((filed) => notifier.ticketFiled(filed)));
    // Filing returns before any card is sent: the requester's answer never waits for the channel.
    expect(calls.length).toBeLessThanOrEqual(1);
    await notifier.idle();
    expect(calls.map((call) => call.kind)).toEqual(Array(8).fill('send'));
    // The gap holds between the channel calls themselves, however long each post's claim took before it (a
    // millisecond is left for the clock's rounding).
    const gaps = calls.slice(1).map((call, index) => call.at - calls[index]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(149);
    const posts = await Promise.all(filings.map((filed) => desk.getTicketPost(filed.ticket.number)));
    expect(new Set(posts.map((post) => post?.activityId)).size).toBe(8);
  });

  it('when someone acts on a posted ticket while new cards wait, then its card is updated before the waiting cards are posted', async () => {
    const { notifier, tickets, filings, calls } = await crowdSetUp(6, 150);
    await notifier.ticketFiled(filings[0]!);
    await notifier.idle();
    await Promise.all(filings.slice(1).map((filed) => notifier.ticketFiled(filed)));
    const first = filings[0]!.ticket;
    const change = await tickets.transition(first.number, (current) => ({
      ticket: { ...current, status: 'assigned', assigneeId: 'admin', assigneeName: '品川', version: 2 },
      history: { ticketNumber: current.number, sequence: 2, at: new Date().toISOString(), actorId: 'admin', actorName: '品川', action: 'assign', fromStatus: 'new', toStatus: 'assigned', text: undefined, rating: undefined },
    }));
    await notifier.ticketChanged(change);
    await notifier.idle();
    const kinds = calls.map((call) => call.kind);
    expect(kinds.filter((kind) => kind === 'send')).toHaveLength(6);
    // The first waiting card may already have started; the update comes no later than second among the rest.
    expect(kinds.indexOf('update')).toBeLessThanOrEqual(3);
  });

  it('when a job keeps handing the desk cards while the app stops, then the stop does not wait for them and they hold no claim', async () => {
    const { notifier, notifierWith, desk, filings, calls } = await crowdSetUp(5, 60_000);
    await notifier.ticketFiled(filings[0]!);
    const stopped = notifier.stop();
    // A scheduled job (SLA reminders, the hourly re-post) still running hands over more work after the stop began.
    await Promise.all(filings.slice(1).map((filed) => notifier.ticketFiled(filed)));
    const outcome = await Promise.race([stopped.then(() => 'stopped'), new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000))]);
    expect(outcome).toBe('stopped');
    expect(calls).toHaveLength(1);
    // Nothing was claimed for them: the next start posts them.
    const restarted = notifierWith(150);
    expect(await restarted.postMissingDeskCards(filings.map((filed) => filed.ticket))).toBe(4);
    await restarted.idle();
    const posts = await Promise.all(filings.map((filed) => desk.getTicketPost(filed.ticket.number)));
    expect(posts.every((post) => post !== undefined)).toBe(true);
  });

  it('when the app stops with cards still waiting, then those hold no claim and the next start posts them at once, each once', async () => {
    const { notifier, notifierWith, desk, filings, calls } = await crowdSetUp(5, 60_000);
    await Promise.all(filings.map((filed) => notifier.ticketFiled(filed)));
    await notifier.stop();
    expect(calls).toHaveLength(1);
    const restarted = notifierWith(150);
    // The re-post at start: a claim left by the stopped instance would hold these back for the 15-minute lease.
    expect(await restarted.postMissingDeskCards(filings.map((filed) => filed.ticket))).toBe(4);
    await restarted.idle();
    expect(calls).toHaveLength(5);
    const posts = await Promise.all(filings.map((filed) => desk.getTicketPost(filed.ticket.number)));
    expect(posts.every((post) => post !== undefined)).toBe(true);
  });
});
