import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { CONSULTATION_VERBS } from '../../../bot/src/features/consultation/cards/consultation-verbs.js';
import type { RecordedActivity } from '../../../bot/src/dev/connector-recorder.js';
import { FAQ_ENTRIES } from '../../../bot/src/features/consultation/domain/faq-entries.js';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';
import { personalConversationId, postActivity, textMessage } from '../../support/activities.js';
import { botConversation, cardOf } from '../../support/bot-conversation.js';
import { parseAdaptiveCard } from '../../support/cards.js';
import { actionDataOf, channelInvoke, channelMention, type TestChannel } from '../../support/channel-activities.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import { tabApi } from '../../support/tab-api.js';
import { testStaff } from '../../support/staff.js';
import { startTestApp } from '../../support/test-app.js';

const { employee, userOf } = testStaff(3);
const REQUESTER = employee(1, '大井 相談', ['employee']);
const ADMIN = employee(2, '品川 デジタ', ['employee', 'admin']);
const OTHER = employee(3, '五反田 一般', ['employee']);
const DESK: TestChannel = { teamId: '19:dx-team@thread.tacv2', channelId: '19:dx-desk@thread.tacv2' };
const PERSONAL = (person: Employee) => personalConversationId(person.id);
const text = (value: unknown) => JSON.stringify(value);
const validForm = { category: 'tool', title: 'kintoneで申請受付アプリを作りたい', details: '紙の申請書を kintone で受け付けたいです。', preferredContact: 'online-meeting', urgency: 'medium' };

let app: RunningApp;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let chat: ReturnType<typeof botConversation>;
let api: ReturnType<typeof tabApi>;

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
  chat = botConversation(app, connector);
  api = tabApi(app);
  await Promise.all([REQUESTER, ADMIN, OTHER].map((person) => app.repositories.employees.save(person)));
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.stop()]);
});

/** Presses a card button in the desk channel; the invoke's answer is what Teams shows in place of the card. */
async function pressInChannel(person: Employee, cardActivityId: string, verb: string, data: unknown) {
  const response = await postActivity(app.baseUrl, channelInvoke(userOf(person), connector.serviceUrl, DESK, cardActivityId, verb, data));
  return (await response.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
}
async function mentionInChannel(person: Employee, words: string) {
  const activity = channelMention(userOf(person), connector.serviceUrl, DESK, words);
  const before = connector.recorder.list({ conversationId: activity.conversation.id }).length;
  expect((await postActivity(app.baseUrl, activity)).status).toBeLessThan(300);
  const replies = await connector.recorder.waitFor((entries) => entries.length > before, { conversationId: activity.conversation.id });
  return replies.at(-1)!;
}
const deskEntries = () => connector.recorder.list({ conversationId: DESK.channelId });
const sentTo = (conversationId: string, containing: string) =>
  connector.recorder.waitFor((entries) => entries.some((entry) => text(entry.activity).includes(containing)), { conversationId, timeoutMs: 15_000 });
const ticketCount = async () => (await app.repositories.consultations.listByStatus(['new', 'assigned', 'in-progress', 'resolved', 'reopened', 'closed'])).length;

describe('DX相談 end to end over HTTP (chat, desk channel, delivery engine, tab API)', () => {
  let formSubmission: Record<string, unknown>;
  let earlyTicket: string;
  let ticketNumber: string;
  let deskCard: RecordedActivity;

  it('when an employee asks a question in free text, then the FAQ answers it with 解決しました and 相談する, and 解決しました is counted', async () => {
    const [reply] = await chat.converse(textMessage(userOf(REQUESTER), connector.serviceUrl, 'kintoneでアンケートを作りたい'));
    const card = cardOf(reply!);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    const kintoneForm = FAQ_ENTRIES.find((entry) => entry.id === 'kintone-form')!;
    expect(text(card)).toContain(kintoneForm.question.ja);
    const solved = actionDataOf(card, CONSULTATION_VERBS.faqResolved)!;
    expect(solved.faqIds).toHaveLength(3);
    expect((solved.faqIds as string[])[0]).toBe('kintone-form');
    expect(actionDataOf(card, CONSULTATION_VERBS.openForm)).toEqual({ title: 'kintoneでアンケートを作りたい' });

    const thanks = await chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.faqResolved, solved);
    expect(thanks.statusCode).toBe(200);
    // The card's next state keeps the answers that were read, marked 解決済み, with no button to press twice.
    expect(parseAdaptiveCard(thanks.value).problems).toEqual([]);
    expect(text(thanks.value)).toContain('解決済み');
    expect(text(thanks.value)).toContain(kintoneForm.question.ja);
    expect(text(thanks.value)).toContain(kintoneForm.answer.ja);
    expect(thanks.value.actions).toBeUndefined();
    const statistics = await api('GET', '/api/tab/admin/consultations/faq-statistics', ADMIN.id);
    expect(statistics.body).toMatchObject({ shown: 1, resolved: 1 });
    expect(statistics.body.entries.find((entry: { id: string }) => entry.id === (solved.faqIds as string[])[0]).resolved).toBe(1);
  });

  it('when the text is empty-ish or a short word, then the help card comes instead of the FAQ', async () => {
    const [reply] = await chat.converse(textMessage(userOf(REQUESTER), connector.serviceUrl, 'ok'));
    expect(text(cardOf(reply!))).toContain('DX Navi でできること');
  });

  it('when 相談する is pressed on the FAQ card, then the form comes as a new message with the question as its title and the FAQ card stays', async () => {
    const { answer, sent } = await chat.executeForNewMessage(userOf(REQUESTER), CONSULTATION_VERBS.openForm, { title: 'kintoneでアンケートを作りたい' });
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '新しいメッセージでお送りしました。' });
    expect(sent).toHaveLength(1);
    const form = cardOf(sent[0]!);
    expect(parseAdaptiveCard(form).problems).toEqual([]);
    expect(text(form)).toContain('"id":"title"');
    expect(text(form)).toContain('"value":"kintoneでアンケートを作りたい"');
  });

  it('when the question is one the FAQ does not cover (「パスワードを忘れました」), then the card says plainly no FAQ fits and 相談する, prefilled, is the one action', async () => {
    const [reply] = await chat.converse(textMessage(userOf(REQUESTER), connector.serviceUrl, 'パスワードを忘れました'));
    const card = cardOf(reply!);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(text(card)).toContain('合うよくある質問はありません');
    expect(text(card)).toContain('「パスワードを忘れました」に合うよくある質問は見つかりませんでした。');
    expect(actionDataOf(card, CONSULTATION_VERBS.faqResolved)).toBeUndefined();
    expect(card.actions).toEqual([expect.objectContaining({ title: '相談する', style: 'positive', data: { title: 'パスワードを忘れました' } })]);
    // Nothing was shown, so nothing is counted as an FAQ answer.
    expect((await api('GET', '/api/tab/admin/consultations/faq-statistics', ADMIN.id)).body).toMatchObject({ shown: 1 });
  });

  it('when a ticket is filed before any desk channel is set, then it is created and the confirmation says the desk sees it in the tab', async () => {
    const [reply] = await chat.converse(textMessage(userOf(REQUESTER), connector.serviceUrl, '相談したい'));
    const submit = actionDataOf(cardOf(reply!), CONSULTATION_VERBS.submit)!;
    const confirmation = await chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.submit, { ...submit, ...validForm, title: 'RPAで転記を自動化したい' });
    expect(text(confirmation.value)).toContain('相談を受け付けました');
    expect(text(confirmation.value)).toContain('相談窓口のチャネルがまだ設定されていないため');
    earlyTicket = /DX-\d{4}-\d{4}/.exec(text(confirmation.value))![0];
    expect(await ticketCount()).toBe(1);
  });

  it('when someone who is not an admin says 相談窓口に設定 in a channel, then they are politely refused and nothing is set', async () => {
    const refusal = await mentionInChannel(OTHER, '相談窓口に設定');
    expect(refusal.activity.text).toBe('申し訳ありません。相談窓口の設定はデジタル推進課（管理者）のみ行えます。');
    expect(await app.repositories.consultationDesk.getDesk()).toBeUndefined();
    // Nobody's personal reference is stored for a channel turn.
    expect(await app.repositories.conversationReferences.get(OTHER.id)).toBeUndefined();
  });

  it('when an admin says @DX Navi 相談窓口に設定 in the channel, then the channel (not the thread) becomes the desk', async () => {
    const reply = await mentionInChannel(ADMIN, '相談窓口に設定');
    expect(reply.activity.text).toBe('このチャネルを DX相談の相談窓口に設定しました。新しい相談はここにカードで届きます。');
    const desk = await app.repositories.consultationDesk.getDesk();
    expect(desk).toMatchObject({ conversationId: DESK.channelId, setBy: ADMIN.id });
    expect(await app.repositories.conversationReferences.get(ADMIN.id)).toBeUndefined();
  });

  it('when the form is submitted empty, over-long or with an unknown category, then the form comes back with the message and what was typed, and nothing is created', async () => {
    const [reply] = await chat.converse(textMessage(userOf(REQUESTER), connector.serviceUrl, '相談'));
    formSubmission = actionDataOf(cardOf(reply!), CONSULTATION_VERBS.submit)!;
    expect(formSubmission.submissionId).toMatch(/^[0-9a-f-]{36}$/);

    const emptyTitle = await chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.submit, { ...formSubmission, ...validForm, title: '  ' });
    expect(emptyTitle.statusCode).toBe(200);
    expect(text(emptyTitle.value)).toContain('件名を入力してください。');
    expect(text(emptyTitle.value)).toContain(`"value":"${validForm.details}"`);
    expect(parseAdaptiveCard(emptyTitle.value).problems).toEqual([]);

    const emptyDetails = await chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.submit, { ...formSubmission, ...validForm, details: '' });
    expect(text(emptyDetails.value)).toContain('相談内容を入力してください。');
    const tooLong = await chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.submit, { ...formSubmission, ...validForm, details: 'あ'.repeat(4_001) });
    expect(text(tooLong.value)).toContain('相談内容は4,000文字以内で入力してください。');
    const unknownCategory = await chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.submit, { ...formSubmission, ...validForm, category: 'lunch' });
    expect(text(unknownCategory.value)).toContain('相談の分類を選んでください。');
    expect(text(unknownCategory.value)).toContain(`"value":"${validForm.title}"`);
    const forgedForm = await chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.submit, { ...validForm, submissionId: '../../x' });
    expect(forgedForm.statusCode).toBe(400);
    expect(await ticketCount()).toBe(1);
  });

  it('when the form is submitted (twice, as a double click would), then one ticket is created and the form is replaced by its confirmation', async () => {
    const [first, second] = await Promise.all([
      chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.submit, { ...formSubmission, ...validForm }),
      chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.submit, { ...formSubmission, ...validForm }),
    ]);
    expect(parseAdaptiveCard(first.value).problems).toEqual([]);
    expect(text(first.value)).toContain('相談を受け付けました');
    expect(text(first.value)).not.toContain('"type":"Input.Text"');
    expect(text(first.value)).not.toContain('相談窓口のチャネルがまだ設定されていないため');
    ticketNumber = /DX-\d{4}-\d{4}/.exec(text(first.value))![0];
    expect(text(second.value)).toContain(ticketNumber);
    expect(await ticketCount()).toBe(2);
  });

  it('when 相談状況 is pressed on the confirmation card, then the list comes as a new message and the confirmation (number, details) stays', async () => {
    const conversationId = PERSONAL(REQUESTER);
    const updatesBefore = connector.recorder.list({ conversationId }).filter((entry) => entry.kind !== 'send').length;
    const { answer, sent } = await chat.executeForNewMessage(userOf(REQUESTER), CONSULTATION_VERBS.listMine, {});
    // Not a card: Teams leaves the pressed confirmation as it was.
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(text(answer)).not.toContain('AdaptiveCard');
    expect(connector.recorder.list({ conversationId }).filter((entry) => entry.kind !== 'send')).toHaveLength(updatesBefore);
    expect(sent).toHaveLength(1);
    expect(parseAdaptiveCard(cardOf(sent[0]!)).problems).toEqual([]);
    expect(text(cardOf(sent[0]!))).toContain(`${ticketNumber} ${validForm.title}`);
  });

  it('when the ticket is filed, then the desk channel receives its card with 担当する', async () => {
    const received = await sentTo(DESK.channelId, ticketNumber);
    deskCard = received.find((entry) => entry.kind === 'send' && text(entry.activity).includes(ticketNumber))!;
    const card = cardOf(deskCard);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(text(card)).toContain(`${ticketNumber} ${validForm.title}`);
    expect(text(card)).toContain('"title":"担当する"');
    expect(text(card)).toContain(REQUESTER.displayName);
    // The early ticket (filed before the desk existed) was not posted.
    expect(deskEntries().some((entry) => text(entry.activity).includes(earlyTicket))).toBe(false);
  });

  it('when someone who is not an admin presses 担当する in the channel, then they are refused without the ticket and nothing changes', async () => {
    const answer = await pressInChannel(OTHER, deskCard.activityId, CONSULTATION_VERBS.assign, actionDataOf(cardOf(deskCard), CONSULTATION_VERBS.assign));
    expect(answer.statusCode).toBe(403);
    expect(text(answer.value)).toContain('この操作はデジタル推進課の担当者のみ行えます。');
    expect(text(answer)).not.toContain(validForm.title);
    expect(await app.repositories.consultations.get(ticketNumber)).toMatchObject({ status: 'new', version: 1 });
  });

  it('when an admin presses 担当する in the channel, then the card is answered in place, updated for everyone, and the requester is told through the delivery engine', async () => {
    const answer = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.assign, actionDataOf(cardOf(deskCard), CONSULTATION_VERBS.assign));
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(text(answer.value)).toContain('"value":"担当者決定"');
    expect(text(answer.value)).toContain(`"title":"担当","value":"${ADMIN.displayName}"`);
    expect(text(answer.value)).toContain('"title":"対応中"');
    const updates = await connector.recorder.waitFor((entries) => entries.some((entry) => entry.kind === 'update' && entry.activityId === deskCard.activityId), {
      conversationId: DESK.channelId,
    });
    expect(text(updates.find((entry) => entry.kind === 'update')!.activity)).toContain('担当者決定');
    const notices = await sentTo(PERSONAL(REQUESTER), `${ticketNumber} の担当者が決まりました`);
    expect(parseAdaptiveCard(cardOf(notices.at(-1)!)).problems).toEqual([]);
    expect(text(notices.at(-1)!.activity)).toContain(`${ADMIN.displayName} さんが担当します。`);
    await expect.poll(async () => (await app.delivery.report(`ticket-${ticketNumber}-2`))?.counts, { timeout: 15_000 }).toMatchObject({ sent: 1 });
  });

  it('when a stale card is pressed (担当する again on version 1), then the card refreshes to the current state with the message and nothing changes', async () => {
    const stale = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.assign, { ticketNumber, version: 1 });
    expect(text(stale.value)).toContain('この相談はほかの方が先に更新しました（現在「担当者決定」）。');
    expect(text(stale.value)).toContain('"value":"担当者決定"');
    expect(await app.repositories.consultations.get(ticketNumber)).toMatchObject({ status: 'assigned', version: 2 });
  });

  it('when a verb, a ticket number or the data is forged, then the card gets a message and nothing changes', async () => {
    const forgedVerb = await pressInChannel(ADMIN, deskCard.activityId, 'consult.delete-everything', { ticketNumber, version: 2 });
    expect(forgedVerb.statusCode).toBe(400);
    const unknown = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.start, { ticketNumber: 'DX-2026-9999', version: 1 });
    expect(unknown).toMatchObject({ statusCode: 404 });
    expect(unknown.value.message).toBe('この相談は見つかりませんでした。');
    const garbage = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.start, { ticketNumber: "DX-2026-0001' or 1 eq 1", version: 2 });
    expect(garbage.statusCode).toBe(404);
    const badData = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.start, 'nonsense');
    expect(badData.statusCode).toBe(400);
    // A requester cannot act on someone else's ticket from personal chat either.
    const notTheirs = await chat.execute(userOf(OTHER), CONSULTATION_VERBS.comment, { ticketNumber, version: 2, comment: 'こんにちは' });
    expect(notTheirs.statusCode).toBe(404);
    expect(await app.repositories.consultations.get(ticketNumber)).toMatchObject({ status: 'assigned', version: 2 });
  });

  it('when the admin comments (and an empty or over-long comment is refused on the card), then the requester gets the comment', async () => {
    const empty = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.comment, { ticketNumber, version: 2, comment: '   ' });
    expect(text(empty.value)).toContain('コメントを入力してください。');
    const tooLong = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.comment, { ticketNumber, version: 2, comment: 'あ'.repeat(4_001) });
    expect(text(tooLong.value)).toContain('4,000文字以内');
    expect(await app.repositories.consultations.get(ticketNumber)).toMatchObject({ version: 2 });

    const answer = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.comment, { ticketNumber, version: 2, comment: '来週オンラインで画面を見ながら進めましょう。' });
    expect(text(answer.value)).toContain('来週オンラインで画面を見ながら進めましょう。');
    const notices = await sentTo(PERSONAL(REQUESTER), `${ticketNumber} にコメントが届きました`);
    expect(text(notices.at(-1)!.activity)).toContain('来週オンラインで画面を見ながら進めましょう。');
  });

  it('when the admin resolves with a note, then the requester is told and asked for a 1–5 rating, and rating once closes the ticket', async () => {
    const noNote = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.resolve, { ticketNumber, version: 3, resolutionNote: '' });
    expect(text(noNote.value)).toContain('解決内容を入力してください。');
    const resolved = await pressInChannel(ADMIN, deskCard.activityId, CONSULTATION_VERBS.resolve, { ticketNumber, version: 3, resolutionNote: 'アプリを一緒に作成し、運用を開始しました。' });
    expect(text(resolved.value)).toContain('"value":"解決"');
    await sentTo(PERSONAL(REQUESTER), `${ticketNumber} が解決しました`);
    const ratingCards = await sentTo(PERSONAL(REQUESTER), '1（不満）〜5（満足）');
    const ratingCard = cardOf(ratingCards.find((entry) => text(entry.activity).includes('1（不満）〜5（満足）'))!);
    expect(parseAdaptiveCard(ratingCard).problems).toEqual([]);
    const rate4 = actionDataOf(ratingCard, CONSULTATION_VERBS.rate)!;

    const rated = await chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.rate, { ...rate4, rating: 4 });
    expect(text(rated.value)).toContain('満足度 4 をいただきました。');
    const again = await chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.rate, { ...rate4, rating: 1 });
    expect(text(again.value)).toContain('満足度 4 をいただきました。');
    expect(await app.repositories.consultations.get(ticketNumber)).toMatchObject({ status: 'closed', rating: 4 });
    await app.consultationChannelIdle();
    const lastUpdate = deskEntries().filter((entry) => entry.kind === 'update').at(-1)!;
    expect(text(lastUpdate.activity)).toContain('"value":"完了"');
  });

  it('when the requester types 相談状況, then their tickets are listed with status and each can be opened', async () => {
    const [reply] = await chat.converse(textMessage(userOf(REQUESTER), connector.serviceUrl, '相談状況'));
    const card = cardOf(reply!);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(text(card)).toContain(`${ticketNumber} ${validForm.title}`);
    expect(text(card)).toContain('状況: 完了');
    const { answer, sent } = await chat.executeForNewMessage(userOf(REQUESTER), CONSULTATION_VERBS.openTicket, actionDataOf(card, CONSULTATION_VERBS.openTicket));
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(text(cardOf(sent[0]!))).toContain('経過');
  });

  it('when the tab API is read, then it shows the same history; other people and forged numbers get nothing', async () => {
    const own = await api('GET', `/api/tab/consultations/${ticketNumber}`, REQUESTER.id);
    expect(own.status).toBe(200);
    expect(own.body.history.map((entry: { action: string }) => entry.action)).toEqual(['create', 'assign', 'comment', 'resolve', 'rate']);
    expect(own.body.history[1]).toMatchObject({ actorId: ADMIN.id, actorName: ADMIN.displayName, fromStatus: 'new', toStatus: 'assigned' });
    expect(own.body.ticket).toMatchObject({ status: 'closed', rating: 4, resolution: 'アプリを一緒に作成し、運用を開始しました。' });
    const mine = await api('GET', '/api/tab/consultations', REQUESTER.id);
    expect(mine.body.tickets.map((ticket: { number: string }) => ticket.number).sort()).toEqual([earlyTicket, ticketNumber].sort());
    expect((await api('GET', `/api/tab/consultations/${ticketNumber}`, OTHER.id)).status).toBe(404);
    expect((await api('GET', '/api/tab/consultations/DX-2026-00x1', REQUESTER.id)).status).toBe(400);
    expect((await api('GET', '/api/tab/admin/consultations', OTHER.id)).status).toBe(403);
    expect((await api('POST', `/api/tab/admin/consultations/${earlyTicket}/actions`, OTHER.id, { action: 'assign', version: 1 })).status).toBe(403);
  });

  it('when the admin acts in the tab, then the same rules and store apply: queue counts and filters, assignment notice, stale version refused', async () => {
    const queue = await api('GET', '/api/tab/admin/consultations', ADMIN.id);
    expect(queue.status).toBe(200);
    expect(queue.body.counts.byStatus).toMatchObject({ new: 1, closed: 1 });
    expect(queue.body.tickets.map((ticket: { number: string }) => ticket.number)).toEqual([earlyTicket]);
    const closed = await api('GET', '/api/tab/admin/consultations?status=closed&category=tool', ADMIN.id);
    expect(closed.body.tickets.map((ticket: { number: string }) => ticket.number)).toEqual([ticketNumber]);
    expect((await api('GET', '/api/tab/admin/consultations?status=lunch', ADMIN.id)).status).toBe(400);

    const assigned = await api('POST', `/api/tab/admin/consultations/${earlyTicket}/actions`, ADMIN.id, { action: 'assign', version: 1 });
    expect(assigned.status).toBe(200);
    expect(assigned.body.ticket).toMatchObject({ status: 'assigned', assigneeName: ADMIN.displayName });
    expect(assigned.body.allowedActions).toEqual(expect.arrayContaining(['start', 'comment', 'resolve']));
    const stale = await api('POST', `/api/tab/admin/consultations/${earlyTicket}/actions`, ADMIN.id, { action: 'assign', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('ほかの方が先に更新しました');
    await sentTo(PERSONAL(REQUESTER), `${earlyTicket} の担当者が決まりました`);
    const byAssignee = await api('GET', `/api/tab/admin/consultations?assignee=${ADMIN.id}&status=assigned`, ADMIN.id);
    expect(byAssignee.body.tickets.map((ticket: { number: string }) => ticket.number)).toEqual([earlyTicket]);

    const comment = await api('POST', `/api/tab/consultations/${earlyTicket}/actions`, REQUESTER.id, { action: 'comment', text: '資料を添付します。', version: 2 });
    expect(comment.status).toBe(200);
    expect(comment.body.history.at(-1)).toMatchObject({ action: 'comment', actorId: REQUESTER.id, text: '資料を添付します。' });
    const requesterResolves = await api('POST', `/api/tab/consultations/${earlyTicket}/actions`, REQUESTER.id, { action: 'resolve', text: 'x', version: 3 });
    expect(requesterResolves.status).toBe(400);
  });

  it('when the requester rates on the ticket card itself, then that card redraws as the closed ticket (not the satisfaction card)', async () => {
    const resolved = await api('POST', `/api/tab/admin/consultations/${earlyTicket}/actions`, ADMIN.id, { action: 'resolve', text: '手順をお送りしました。', version: 3 });
    expect(resolved.status).toBe(200);
    const answer = await chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.rate, { ticketNumber: earlyTicket, version: 4, rating: 5 });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(text(answer.value)).toContain(`${earlyTicket} RPAで転記を自動化したい`);
    expect(text(answer.value)).toContain('"value":"5 / 5"');
    expect(text(answer.value)).not.toContain('満足度 5 をいただきました。');
    expect(await app.repositories.consultations.get(earlyTicket)).toMatchObject({ status: 'closed', rating: 5 });
  });

  it('when a new ticket stays unassigned for 2 business days, then the channel gets one reminder, however often the job runs', async () => {
    const filed = await app.consultations.file(OTHER.id, { ...validForm, title: '誰も担当していない相談' }, undefined);
    await sentTo(DESK.channelId, filed.ticket.number);
    const later = new Date(Date.now() + 7 * 86_400_000);
    expect(await app.consultations.sendUnassignedReminders(new Date())).toBe(0);
    expect(await app.consultations.sendUnassignedReminders(later)).toBe(1);
    expect(await app.consultations.sendUnassignedReminders(later)).toBe(0);
    const reminders = await sentTo(DESK.channelId, '担当者が決まっていない相談があります');
    const reminder = reminders.filter((entry) => text(entry.activity).includes('担当者が決まっていない相談があります'));
    expect(reminder).toHaveLength(1);
    expect(text(reminder[0]!.activity)).toContain(filed.ticket.number);
    expect(parseAdaptiveCard(cardOf(reminder[0]!)).problems).toEqual([]);
  });
});
