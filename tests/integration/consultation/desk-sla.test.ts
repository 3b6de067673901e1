import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { CONSULTATION_VERBS } from '../../../bot/src/features/consultation/cards/consultation-verbs.js';
import { openTicket, parseConsultationInput } from '../../../bot/src/features/consultation/domain/tickets.js';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';
import { postActivity, textMessage } from '../../support/activities.js';
import { parseAdaptiveCard } from '../../support/cards.js';
import { channelInvoke, channelMention, type TestChannel } from '../../support/channel-activities.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import { tabApi } from '../../support/tab-api.js';
import { testStaff } from '../../support/staff.js';
import { startTestApp } from '../../support/test-app.js';

const { employee, userOf } = testStaff(5);
const REQUESTER = employee(1, '戸越 申請', ['employee']);
const ADMIN = employee(2, '品川 デジタ', ['employee', 'admin']);
const DESK: TestChannel = { teamId: '19:dx-team-sla@thread.tacv2', channelId: '19:dx-desk-sla@thread.tacv2' };
const text = (value: unknown) => JSON.stringify(value);
const jst = (local: string) => new Date(`${local}+09:00`);
const SLA = '/api/tab/admin/consultations/sla-settings';

let app: RunningApp;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let api: ReturnType<typeof tabApi>;

/** A request filed at a given moment (the clocks run from the filing time), straight through the repository. */
async function fileAt(at: Date, urgency: 'high' | 'medium' | 'low', title: string) {
  const input = parseConsultationInput({ category: 'tool', title, details: '詳細', preferredContact: 'chat', urgency });
  const { ticket } = await app.repositories.consultations.create({
    year: 2026,
    requesterId: REQUESTER.id,
    build: (ticketNumber) => openTicket(input, { id: REQUESTER.id, name: REQUESTER.displayName }, ticketNumber, at),
  });
  return ticket.number;
}

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
  api = tabApi(app);
  await Promise.all([REQUESTER, ADMIN].map((person) => app.repositories.employees.save(person)));
  const activity = channelMention(userOf(ADMIN), connector.serviceUrl, DESK, '相談窓口に設定');
  expect((await postActivity(app.baseUrl, activity)).status).toBeLessThan(300);
  await connector.recorder.waitFor((entries) => entries.length > 0, { conversationId: activity.conversation.id });
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.stop()]);
});

/** A person says something to the bot once, so their personal chat can be reached proactively. */
async function chatOnce(person: Employee) {
  const activity = textMessage(userOf(person), connector.serviceUrl, 'ok');
  expect((await postActivity(app.baseUrl, activity)).status).toBeLessThan(300);
  await connector.recorder.waitFor((entries) => entries.length > 0, { conversationId: activity.conversation.id });
}

describe('DX相談 SLA clocks (settings over HTTP, queue and desk card)', () => {
  let late: string;
  let fresh: string;

  it('when no admin saved settings, then the defaults apply; a non-admin can neither read nor change them', async () => {
    const read = await api('GET', SLA, ADMIN.id);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ firstResponseHours: 4, resolutionHours: { high: 8, medium: 24, low: 40 } });
    expect((await api('GET', SLA, REQUESTER.id)).status).toBe(403);
    expect((await api('PUT', SLA, REQUESTER.id, { firstResponseHours: 1, resolutionHours: { high: 1, medium: 1, low: 1 } })).status).toBe(403);
  });

  it('when an admin saves SLA hours ≤ 0 (or not numbers), then it is refused with a message and nothing is saved', async () => {
    for (const body of [
      { firstResponseHours: 0, resolutionHours: { high: 8, medium: 24, low: 40 } },
      { firstResponseHours: 4, resolutionHours: { high: -8, medium: 24, low: 40 } },
      { firstResponseHours: '4', resolutionHours: { high: 8, medium: 24, low: 40 } },
      {},
    ]) {
      const refused = await api('PUT', SLA, ADMIN.id, body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('SLAの時間は0より大きく');
    }
    expect(await app.repositories.consultationDesk.getSlaSettings()).toBeUndefined();
  });

  it('when requests are past their clocks, then the queue flags them overdue with the due times, and 期限超過 filters them', async () => {
    late = await fileAt(jst('2026-04-13T10:00'), 'high', '先月からの相談');
    fresh = await fileAt(new Date(), 'low', '今日の相談');
    const queue = await api('GET', '/api/tab/admin/consultations', ADMIN.id);
    const row = (number: string) => queue.body.tickets.find((ticket: { number: string }) => ticket.number === number);
    expect(row(late)).toMatchObject({ overdue: true, sla: { firstResponseDueAt: jst('2026-04-13T14:00').toISOString(), resolutionDueAt: jst('2026-04-14T09:15').toISOString(), firstResponseOverdue: true, resolutionOverdue: true } });
    expect(row(fresh)).toMatchObject({ overdue: false });
    const overdueOnly = await api('GET', '/api/tab/admin/consultations?overdue=true', ADMIN.id);
    expect(overdueOnly.body.tickets.map((ticket: { number: string }) => ticket.number)).toEqual([late]);
  });

  it('when the desk card of an overdue request is drawn, then it says 期限超過 and shows both due times', async () => {
    const answer = await postActivity(app.baseUrl, channelInvoke(userOf(ADMIN), connector.serviceUrl, DESK, 'activity-1', CONSULTATION_VERBS.openTicket, { ticketNumber: late }));
    const card = ((await answer.json()) as { value: Record<string, unknown> }).value;
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(text(card)).toContain('期限超過: 初回対応期限・解決目標');
    expect(text(card)).toContain('"title":"初回対応期限","value":"2026/04/13 14:00（期限超過）"');
    expect(text(card)).toContain('"title":"解決目標","value":"2026/04/14 09:15（期限超過）"');
    const freshCard = ((await (await postActivity(app.baseUrl, channelInvoke(userOf(ADMIN), connector.serviceUrl, DESK, 'activity-2', CONSULTATION_VERBS.openTicket, { ticketNumber: fresh }))).json()) as { value: Record<string, unknown> }).value;
    expect(text(freshCard)).not.toContain('期限超過');
    expect(text(freshCard)).toContain('"title":"初回対応期限"');
  });

  it('when clocks run out, then the job reminds once per clock: the desk channel for an unassigned request, the assignee’s chat otherwise, never twice', async () => {
    // The assigned request: answered in time (no first-response reminder), resolution overdue.
    const held = await fileAt(jst('2026-04-13T10:00'), 'medium', '担当済みの遅れ');
    const assigned = await api('POST', `/api/tab/admin/consultations/${held}/actions`, ADMIN.id, { action: 'assign', version: 1 });
    expect(assigned.status).toBe(200);
    await chatOnce(ADMIN);
    const sent = await app.consultations.sendSlaReminders(new Date());
    // late (unassigned): first response and resolution; fresh: nothing yet; held: the first response came (late), so resolution only.
    expect(sent).toBe(3);
    expect(await app.consultations.sendSlaReminders(new Date())).toBe(0);
    const desk = await connector.recorder.waitFor((entries) => entries.filter((entry) => text(entry.activity).includes(`${late} の`)).length >= 2, { conversationId: DESK.channelId, timeoutMs: 15_000 });
    const reminders = desk.filter((entry) => text(entry.activity).includes(`${late} の`));
    expect(reminders.map((entry) => text(entry.activity).includes('初回対応期限を過ぎました') || text(entry.activity).includes('解決目標を過ぎました'))).toEqual([true, true]);
    expect(parseAdaptiveCard(JSON.parse(text(reminders[0]!.activity)).attachments[0].content).problems).toEqual([]);
    const toAdmin = await connector.recorder.waitFor((entries) => entries.some((entry) => text(entry.activity).includes(`${held} の解決目標を過ぎました`)), { conversationId: `a:personal-${ADMIN.id}`, timeoutMs: 15_000 });
    expect(text(toAdmin.at(-1)!.activity)).toContain('期限は 2026/04/15 16:30 でした。');
    expect(text(desk)).not.toContain(fresh);
  });

  it('when an admin saves longer hours, then they are kept with who saved them and the clocks move at once', async () => {
    const saved = await api('PUT', SLA, ADMIN.id, { firstResponseHours: 2000, resolutionHours: { high: 2000, medium: 2000, low: 2000 } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ firstResponseHours: 2000, updatedBy: ADMIN.displayName });
    expect((await api('GET', SLA, ADMIN.id)).body).toMatchObject({ firstResponseHours: 2000, resolutionHours: { high: 2000 } });
    const overdueOnly = await api('GET', '/api/tab/admin/consultations?overdue=true', ADMIN.id);
    expect(overdueOnly.body.tickets).toEqual([]);
  });
});
