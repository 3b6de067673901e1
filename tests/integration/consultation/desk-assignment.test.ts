import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { CONSULTATION_VERBS } from '../../../bot/src/features/consultation/cards/consultation-verbs.js';
import type { RecordedActivity } from '../../../bot/src/dev/connector-recorder.js';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';
import { personalConversationId, postActivity, textMessage } from '../../support/activities.js';
import { botConversation, cardOf } from '../../support/bot-conversation.js';
import { parseAdaptiveCard } from '../../support/cards.js';
import { actionDataOf, channelInvoke, channelMention, type TestChannel } from '../../support/channel-activities.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import { tabApi } from '../../support/tab-api.js';
import { testStaff } from '../../support/staff.js';
import { startTestApp } from '../../support/test-app.js';

const { employee, userOf } = testStaff(4);
const REQUESTER = employee(1, '戸越 申請', ['employee']);
const ADMIN = employee(2, '品川 デジタ', ['employee', 'admin']);
const COLLEAGUE = employee(3, '大崎 推進', ['employee', 'admin']);
const OUTSIDER = employee(4, '五反田 一般', ['employee']);
const LEAVER = employee(5, '目黒 退職', ['employee', 'admin'], { directoryStatus: 'left' });
const DESK: TestChannel = { teamId: '19:dx-team-assign@thread.tacv2', channelId: '19:dx-desk-assign@thread.tacv2' };
const PERSONAL = (person: Employee) => personalConversationId(person.id);
const text = (value: unknown) => JSON.stringify(value);
const validForm = { category: 'tool', title: 'RPAで集計を自動化したい', details: '毎月のExcel集計をRPAにしたいです。', preferredContact: 'chat', urgency: 'high' };

let app: RunningApp;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let chat: ReturnType<typeof botConversation>;
let api: ReturnType<typeof tabApi>;

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
  chat = botConversation(app, connector);
  api = tabApi(app);
  await Promise.all([REQUESTER, ADMIN, COLLEAGUE, OUTSIDER, LEAVER].map((person) => app.repositories.employees.save(person)));
  // The colleague and the requester have talked to the bot, so their chats can be reached proactively.
  for (const person of [REQUESTER, COLLEAGUE, ADMIN]) await chat.converse(textMessage(userOf(person), connector.serviceUrl, 'ok'));
  const activity = channelMention(userOf(ADMIN), connector.serviceUrl, DESK, '相談窓口に設定');
  expect((await postActivity(app.baseUrl, activity)).status).toBeLessThan(300);
  await connector.recorder.waitFor((entries) => entries.length > 0, { conversationId: activity.conversation.id });
  if ((await app.repositories.consultationDesk.getDesk())?.conversationId !== DESK.channelId) throw new Error('the desk channel was not set');
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.stop()]);
});

async function pressInChannel(person: Employee, cardActivityId: string, verb: string, data: unknown) {
  const response = await postActivity(app.baseUrl, channelInvoke(userOf(person), connector.serviceUrl, DESK, cardActivityId, verb, data));
  return (await response.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
}
const sentTo = (conversationId: string, containing: string) =>
  connector.recorder.waitFor((entries) => entries.some((entry) => text(entry.activity).includes(containing)), { conversationId, timeoutMs: 15_000 });

async function fileTicket(title: string): Promise<string> {
  const [reply] = await chat.converse(textMessage(userOf(REQUESTER), connector.serviceUrl, '相談'));
  const submission = actionDataOf(cardOf(reply!), CONSULTATION_VERBS.submit)!;
  const filed = await chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.submit, { ...submission, ...validForm, title });
  return /DX-\d{4}-\d{4}/.exec(text(filed.value))![0];
}

describe('DX相談 assignment to a named colleague of デジタル推進課 (chat, desk channel, tab API)', () => {
  let ticketNumber: string;
  let deskCard: RecordedActivity;

  it('when a ticket reaches the desk channel, then its card offers 担当者を指定 with the division’s current members only', async () => {
    ticketNumber = await fileTicket('RPAで集計を自動化したい');
    const received = await sentTo(DESK.channelId, ticketNumber);
    deskCard = received.find((entry) => entry.kind === 'send' && text(entry.activity).includes(ticketNumber))!;
    const card = cardOf(deskCard);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(text(card)).toContain('"title":"担当者を指定"');
    expect(text(card)).toContain(`"title":"${COLLEAGUE.displayName}","value":"${COLLEAGUE.id}"`);
    expect(text(card)).toContain(`"value":"${ADMIN.id}"`);
    expect(text(card)).not.toContain(OUTSIDER.id);
    expect(text(card)).not.toContain(LEAVER.id);
  });

  it('when an admin gives the ticket to someone outside the division in the channel, then the card says why and nobody is assigned', async () => {
    const data = actionDataOf(cardOf(deskCard), CONSULTATION_VERBS.assign)!;
    for (const assigneeId of [OUTSIDER.id, LEAVER.id, 'no-such-person']) {
      const refused = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.assign, { ...data, assigneeId });
      expect(text(refused.value)).toContain('デジタル推進課の職員ではないため、担当者にできません。');
      expect(text(refused.value)).toContain('"value":"受付"');
    }
    expect(await app.repositories.consultations.get(ticketNumber)).toMatchObject({ status: 'new', version: 1 });
  });

  it('when an admin assigns the ticket to a named colleague in the channel, then the card shows the colleague, the colleague is told in chat and the requester hears who handles it', async () => {
    const data = actionDataOf(cardOf(deskCard), CONSULTATION_VERBS.assign)!;
    const answer = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.assign, { ...data, assigneeId: COLLEAGUE.id });
    expect(parseAdaptiveCard(answer.value).problems).toEqual([]);
    expect(text(answer.value)).toContain(`"title":"担当","value":"${COLLEAGUE.displayName}"`);
    expect(text(answer.value)).toContain('"title":"担当者を変更"');

    const notices = await sentTo(PERSONAL(COLLEAGUE), `${ticketNumber} の担当になりました`);
    const notice = notices.find((entry) => text(entry.activity).includes(`${ticketNumber} の担当になりました`))!;
    expect(parseAdaptiveCard(cardOf(notice)).problems).toEqual([]);
    expect(text(notice.activity)).toContain(`${ADMIN.displayName} さんがこの相談をあなたに割り当てました。`);
    await expect.poll(async () => (await app.delivery.report(`ticket-${ticketNumber}-2-assignee`))?.counts, { timeout: 15_000 }).toMatchObject({ sent: 1 });

    const told = await sentTo(PERSONAL(REQUESTER), `${ticketNumber} の担当者が決まりました`);
    expect(text(told.at(-1)!.activity)).toContain(`${COLLEAGUE.displayName} さんが担当します。`);
    // The admin who clicked was not given anything, so their chat gets no assignee notice.
    expect(connector.recorder.list({ conversationId: PERSONAL(ADMIN) }).some((entry) => text(entry.activity).includes('の担当になりました'))).toBe(false);
  });

  it('when the tab asks for the colleagues, then admins get the division (no outsiders, no leavers) and anyone else is refused', async () => {
    const colleagues = await api('GET', '/api/tab/admin/consultations/colleagues', ADMIN.id);
    expect(colleagues.status).toBe(200);
    expect(colleagues.body.colleagues.map((colleague: { id: string }) => colleague.id).sort()).toEqual([ADMIN.id, COLLEAGUE.id].sort());
    expect((await api('GET', '/api/tab/admin/consultations/colleagues', OUTSIDER.id)).status).toBe(403);
  });

  it('when an admin reassigns in the tab to someone outside the division, then it is refused with a message and the ticket keeps its assignee', async () => {
    for (const assigneeId of [OUTSIDER.id, LEAVER.id, undefined]) {
      const refused = await api('POST', `/api/tab/admin/consultations/${ticketNumber}/actions`, ADMIN.id, { action: 'reassign', version: 2, ...(assigneeId ? { assigneeId } : {}) });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('デジタル推進課の職員ではないため、担当者にできません。');
    }
    expect(await app.repositories.consultations.get(ticketNumber)).toMatchObject({ assigneeId: COLLEAGUE.id, version: 2 });
    const same = await api('POST', `/api/tab/admin/consultations/${ticketNumber}/actions`, ADMIN.id, { action: 'reassign', version: 2, assigneeId: COLLEAGUE.id });
    expect(same.status).toBe(400);
    expect(same.body.error.message).toContain(`${COLLEAGUE.displayName} さんはすでにこの相談の担当です。`);
  });

  it('when the colleague hands the ticket back to the admin in the tab, then the admin is told in chat, the desk card and queue show the admin, and 自分の担当 lists it for the admin only', async () => {
    const moved = await api('POST', `/api/tab/admin/consultations/${ticketNumber}/actions`, COLLEAGUE.id, { action: 'reassign', version: 2, assigneeId: ADMIN.id });
    expect(moved.status).toBe(200);
    expect(moved.body.ticket).toMatchObject({ status: 'assigned', assigneeId: ADMIN.id, assigneeName: ADMIN.displayName });
    expect(moved.body.history.at(-1)).toMatchObject({ action: 'reassign', actorId: COLLEAGUE.id, text: ADMIN.displayName });

    await sentTo(PERSONAL(ADMIN), `${ticketNumber} の担当になりました`);
    const updates = await connector.recorder.waitFor(
      (entries) => entries.some((entry) => entry.kind === 'update' && entry.activityId === deskCard.activityId && text(entry.activity).includes(`"title":"担当","value":"${ADMIN.displayName}"`)),
      { conversationId: DESK.channelId, timeoutMs: 15_000 },
    );
    expect(updates.length).toBeGreaterThan(0);

    const other = await fileTicket('Teamsの会議録画を共有したい');
    const mine = await api('GET', '/api/tab/admin/consultations?assignee=me', ADMIN.id);
    expect(mine.body.tickets.map((ticket: { number: string; assigneeName: string }) => [ticket.number, ticket.assigneeName])).toEqual([[ticketNumber, ADMIN.displayName]]);
    const theirs = await api('GET', '/api/tab/admin/consultations?assignee=me', COLLEAGUE.id);
    expect(theirs.body.tickets).toEqual([]);
    const all = await api('GET', '/api/tab/admin/consultations', COLLEAGUE.id);
    expect(all.body.tickets.map((ticket: { number: string }) => ticket.number)).toEqual([ticketNumber, other]);
  });

  it('when an admin reassigns on the desk card to a colleague, then the card redraws with the colleague and a stale 担当者を変更 is refused', async () => {
    const current = await app.repositories.consultations.get(ticketNumber);
    const answer = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.reassign, { ticketNumber, version: current!.version, assigneeId: COLLEAGUE.id });
    expect(text(answer.value)).toContain(`"title":"担当","value":"${COLLEAGUE.displayName}"`);
    const stale = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.reassign, { ticketNumber, version: current!.version, assigneeId: ADMIN.id });
    expect(text(stale.value)).toContain('この相談はほかの方が先に更新しました');
    expect(await app.repositories.consultations.get(ticketNumber)).toMatchObject({ assigneeId: COLLEAGUE.id });
    // A non-admin in the desk channel cannot reassign at all.
    const outsider = await pressInChannel(OUTSIDER, deskCard.activityId, CONSULTATION_VERBS.reassign, { ticketNumber, version: current!.version + 1, assigneeId: OUTSIDER.id });
    expect(outsider.statusCode).toBe(403);
  });
});
