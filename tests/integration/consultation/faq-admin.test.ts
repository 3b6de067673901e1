import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { CONSULTATION_VERBS } from '../../../bot/src/features/consultation/cards/consultation-verbs.js';
import { FAQ_ENTRIES } from '../../../bot/src/features/consultation/domain/faq-entries.js';
import { textMessage } from '../../support/activities.js';
import { botConversation, cardOf } from '../../support/bot-conversation.js';
import { parseAdaptiveCard } from '../../support/cards.js';
import { actionDataOf, channelInvoke, channelMention, type TestChannel } from '../../support/channel-activities.js';
import { postActivity } from '../../support/activities.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import { testStaff } from '../../support/staff.js';
import { tabApi } from '../../support/tab-api.js';
import { startTestApp } from '../../support/test-app.js';

const { employee, userOf } = testStaff(8);
const ADMIN = employee(1, '品川 デジタ', ['employee', 'admin']);
const STAFF = employee(2, '五反田 一般', ['employee']);
const REQUESTER = employee(3, '大崎 花子', ['employee'], { email: 'hanako.osaki@city.shinagawa.example', staffNumber: 'S7654321' });
const text = (value: unknown) => JSON.stringify(value);
const DESK: TestChannel = { teamId: '19:faq-team@thread.tacv2', channelId: '19:faq-desk@thread.tacv2' };

let app: RunningApp;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let chat: ReturnType<typeof botConversation>;
let api: ReturnType<typeof tabApi>;

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
  chat = botConversation(app, connector);
  api = tabApi(app);
  await Promise.all([ADMIN, STAFF, REQUESTER].map((person) => app.repositories.employees.save(person)));
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.stop()]);
});

/** What the bot answers a staff member's free-text question with (the FAQ card). */
async function ask(question: string) {
  const [reply] = await chat.converse(textMessage(userOf(STAFF), connector.serviceUrl, question));
  const card = cardOf(reply!);
  expect(parseAdaptiveCard(card).problems).toEqual([]);
  return card;
}
const listFaq = async () => (await api('GET', '/api/tab/admin/faq', ADMIN.id)).body as { generation: number; entries: { id: string; version: number; status: string; question: { ja: string }; answer: { ja: string } }[] };

const powerAutomate = {
  category: 'tool',
  question: { ja: 'Power Automateで承認の通知を自動化できますか?', en: 'Can Power Automate send approval notices automatically?' },
  answer: { ja: 'できます。**承認フロー**のテンプレートから始めてください。\n\n- 申請の受付\n- 承認者への通知', en: 'Yes. Start from the **approval flow** template.' },
  keywords: ['Power Automate', 'パワーオートメート', '承認フロー'],
};

describe('管理 → FAQ over HTTP and in chat', () => {
  let created: { id: string; version: number };

  it('when the app starts on fresh storage, then the shipped entries are stored, live, each with a 初期データ history', async () => {
    const { entries, generation } = await listFaq();
    expect(entries).toHaveLength(FAQ_ENTRIES.length);
    expect(entries.every((entry) => entry.status === 'active' && entry.version === 1)).toBe(true);
    expect(generation).toBeGreaterThan(0);
    const history = await api('GET', '/api/tab/admin/faq/kintone-form/history', ADMIN.id);
    expect(history.body.history).toEqual([expect.objectContaining({ action: 'seed', actorName: '初期データ', version: 1 })]);
  });

  it('when someone outside デジタル推進課 calls any FAQ route, then 403 with a message, and nothing is saved', async () => {
    const before = await listFaq();
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/tab/admin/faq'],
      ['POST', '/api/tab/admin/faq', powerAutomate],
      ['POST', '/api/tab/admin/faq/preview', powerAutomate],
      ['PUT', '/api/tab/admin/faq/kintone-form', { ...powerAutomate, version: 1 }],
      ['POST', '/api/tab/admin/faq/kintone-form/retire', { version: 1 }],
      ['GET', '/api/tab/admin/faq/kintone-form/history'],
      ['GET', '/api/tab/admin/consultations/DX-2026-0001/faq-draft'],
    ];
    for (const [method, path, body] of calls) {
      const answer = await api(method, path, STAFF.id, body);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body.error.message).toContain('権限');
    }
    expect(await listFaq()).toEqual(before);
  });

  it.each([
    ['no question', { ...powerAutomate, question: { ja: '', en: '' }, answer: { ja: 'A', en: '' } }, '質問（日本語）を入力してください', 'Enter the question in Japanese'],
    ['no answer', { ...powerAutomate, answer: { ja: '  ', en: 'Yes.' } }, '回答（日本語）を入力してください', 'Enter the answer in Japanese'],
    ['an answer over the card size budget', { ...powerAutomate, answer: { ja: 'とても長い回答。'.repeat(700), en: '' }, question: { ...powerAutomate.question, en: '' } }, '回答が長すぎます', 'too long'],
    ['a script tag in the answer', { ...powerAutomate, answer: { ...powerAutomate.answer, ja: '<script>alert(1)</script>' } }, 'HTMLタグ', 'HTML tags'],
    ['HTML in the question', { ...powerAutomate, question: { ...powerAutomate.question, ja: '<img src=x onerror=alert(1)>通知' } }, 'HTMLタグ', 'HTML tags'],
    ['HTML in a keyword', { ...powerAutomate, keywords: ['<iframe src="https://evil.example">'] }, 'HTMLタグ', 'HTML tags'],
    ['a non-https link', { ...powerAutomate, answer: { ...powerAutomate.answer, ja: '[手順書](http://intra.example/pa)を見てください。' } }, 'https://', 'https://'],
    ['a question an entry already asks (other width, case and spacing)', { ...powerAutomate, question: { ja: 'ＲＰＡとは何ですか?  どんな業務に向いていますか?', en: '' }, answer: { ja: '別の回答', en: '' } }, '同じ質問のFAQがすでにあります', 'already exists'],
  ])('when an admin saves an entry with %s, then it is refused with a message in Japanese (and English), and nothing is saved', async (_case, body, japanese, english) => {
    const before = await listFaq();
    for (const path of ['/api/tab/admin/faq', '/api/tab/admin/faq/preview']) {
      const refused = await api('POST', path, ADMIN.id, body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain(japanese);
    }
    const inEnglish = await api('POST', '/api/tab/admin/faq', ADMIN.id, body, { 'Accept-Language': 'en-US' });
    expect(inEnglish.body.error.message).toContain(english);
    // Editing an existing entry into the same state is refused the same way.
    expect((await api('PUT', '/api/tab/admin/faq/kintone-what', ADMIN.id, { ...body, version: 1 })).status).toBe(400);
    expect(await listFaq()).toEqual(before);
  });

  it('when an admin previews an entry, then the exact card comes back in both languages with its worst-case size under the limit', async () => {
    const preview = await api('POST', '/api/tab/admin/faq/preview', ADMIN.id, powerAutomate);
    expect(preview.status).toBe(200);
    expect(parseAdaptiveCard(preview.body.cards.ja).problems).toEqual([]);
    expect(parseAdaptiveCard(preview.body.cards.en).problems).toEqual([]);
    expect(text(preview.body.cards.ja)).toContain('承認フロー');
    expect(text(preview.body.cards.en)).toContain('approval flow');
    expect(preview.body.bytes).toBeLessThan(preview.body.maxBytes);
  });

  it('when an admin creates an entry, then the bot answers a chat question with it', async () => {
    const saved = await api('POST', '/api/tab/admin/faq', ADMIN.id, powerAutomate);
    expect(saved.status).toBe(200);
    created = saved.body.entry;
    const card = await ask('Power Automateで承認の通知を送りたい');
    expect(text(card)).toContain('承認フロー');
    expect((actionDataOf(card, CONSULTATION_VERBS.faqResolved)!.faqIds as string[])[0]).toBe(created.id);
  });

  it('when an admin edits a shipped entry, then the chat answers with the new text and the history says who changed what, when', async () => {
    const { entries } = await listFaq();
    const kintoneForm = entries.find((entry) => entry.id === 'kintone-form')!;
    const original = FAQ_ENTRIES.find((entry) => entry.id === 'kintone-form')!;
    const edited = { ...original, answer: { ja: 'kintoneのアンケートは「フォームブリッジ」で作れます。詳しくは[手順書](https://intra.example/kintone)へ。', en: original.answer.en } };
    const saved = await api('PUT', '/api/tab/admin/faq/kintone-form', ADMIN.id, { ...edited, version: kintoneForm.version });
    expect(saved.status).toBe(200);
    expect(saved.body.entry.version).toBe(kintoneForm.version + 1);

    const card = await ask('kintoneでアンケートを作りたい');
    expect(text(card)).toContain('フォームブリッジ');
    expect(text(card)).not.toContain(original.answer.ja);

    const history = (await api('GET', '/api/tab/admin/faq/kintone-form/history', ADMIN.id)).body.history as { action: string; actorName: string; at: string; changes: { field: string; before: string; after: string }[] }[];
    expect(history.map((entry) => entry.action)).toEqual(['seed', 'update']);
    expect(history[1]).toMatchObject({ actorName: '品川 デジタ', changes: [{ field: 'answer.ja', before: original.answer.ja, after: edited.answer.ja }] });
    expect(Date.now() - Date.parse(history[1]!.at)).toBeLessThan(60_000);

    // A second edit from the version the screen showed before the first is stale: refused, nothing saved.
    const stale = await api('PUT', '/api/tab/admin/faq/kintone-form', ADMIN.id, { ...edited, answer: { ja: '古い画面からの編集', en: '' }, question: { ...edited.question, en: '' }, version: kintoneForm.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('ほかの人が先に変更しました');
    expect((await listFaq()).entries.find((entry) => entry.id === 'kintone-form')!.answer.ja).toBe(edited.answer.ja);
  });

  it('when an admin retires an entry, then the bot no longer answers with it, and restoring brings it back', async () => {
    const retired = await api('POST', `/api/tab/admin/faq/${created.id}/retire`, ADMIN.id, { version: created.version });
    expect(retired.body.entry.status).toBe('retired');
    expect(text(await ask('Power Automateで承認の通知を送りたい'))).not.toContain('承認フロー');
    // The same question may now be written again as a new entry; restoring the old one would then duplicate it.
    const rewritten = await api('POST', '/api/tab/admin/faq', ADMIN.id, { ...powerAutomate, answer: { ja: '書き直した回答です。', en: 'A rewritten answer.' } });
    expect(rewritten.status).toBe(200);
    const duplicate = await api('POST', `/api/tab/admin/faq/${created.id}/restore`, ADMIN.id, { version: retired.body.entry.version });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toContain('同じ質問のFAQがすでにあります');
    await api('POST', `/api/tab/admin/faq/${rewritten.body.entry.id as string}/retire`, ADMIN.id, { version: 1 });
    const restored = await api('POST', `/api/tab/admin/faq/${created.id}/restore`, ADMIN.id, { version: retired.body.entry.version });
    expect(restored.body.entry.status).toBe('active');
    expect(text(await ask('Power Automateで承認の通知を送りたい'))).toContain('承認フロー');
  });

  it('when two admins save the same new question at the same moment, then exactly one entry is stored and the other is told it exists', async () => {
    const entry = { category: 'security', question: { ja: '在宅勤務でUSBメモリを使ってよいですか?', en: '' }, answer: { ja: '庁の規程に従い、許可された機器だけを使ってください。', en: '' }, keywords: ['USB'] };
    const before = (await listFaq()).entries.length;
    const answers = await Promise.all([api('POST', '/api/tab/admin/faq', ADMIN.id, entry), api('POST', '/api/tab/admin/faq', ADMIN.id, { ...entry, question: { ja: '在宅勤務で ＵＳＢメモリを使ってよいですか?', en: '' } })]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect(answers.find((answer) => answer.status === 400)!.body.error.message).toContain('同じ質問のFAQがすでにあります');
    expect((await listFaq()).entries.length).toBe(before + 1);
  });

  it('when 「解決しました」 is pressed on an edited entry, then the FAQ self-service counters count it under that entry', async () => {
    const card = await ask('kintoneでアンケートを作りたい');
    const solved = actionDataOf(card, CONSULTATION_VERBS.faqResolved)!;
    expect((await chat.execute(userOf(STAFF), CONSULTATION_VERBS.faqResolved, solved)).statusCode).toBe(200);
    const statistics = (await api('GET', '/api/tab/admin/consultations/faq-statistics', ADMIN.id)).body;
    expect(statistics.resolved).toBeGreaterThanOrEqual(1);
    expect(statistics.entries.find((entry: { id: string }) => entry.id === 'kintone-form').resolved).toBe(1);
  });

  it('when an admin presses 「FAQにする」 on a resolved request, then the draft has its question and answer without the requester’s personal details, and publishing it goes through the same rules', async () => {
    const filed = await api('POST', '/api/tab/consultations', REQUESTER.id, {
      submissionId: 'faq-draft-form-0001',
      category: 'ai',
      title: '生成AIで議事録を要約したい（大崎花子）',
      details: '戸籍住民課の大崎です。職員番号 S7654321、内線 2345、携帯 080-1111-2222。返事は hanako.osaki@city.shinagawa.example へ。会議の録音から議事録の要約を作りたいです。',
      preferredContact: 'chat',
      urgency: 'low',
    });
    const ticket = filed.body.ticket as { number: string; version: number };
    const early = await api('GET', `/api/tab/admin/consultations/${ticket.number}/faq-draft`, ADMIN.id);
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('解決済み');

    const assigned = await api('POST', `/api/tab/admin/consultations/${ticket.number}/actions`, ADMIN.id, { action: 'assign', version: ticket.version });
    await api('POST', `/api/tab/admin/consultations/${ticket.number}/actions`, ADMIN.id, {
      action: 'resolve',
      text: '庁内の生成AI環境で「要約」のプロンプト例を使えます。大崎さんには手順を 03-5742-9999 でお伝えしました。',
      version: assigned.body.ticket.version,
    });
    const draft = await api('GET', `/api/tab/admin/consultations/${ticket.number}/faq-draft`, ADMIN.id);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ category: 'ai', sourceTicket: ticket.number, question: { ja: expect.stringContaining('生成AIで議事録を要約したい') }, answer: { ja: expect.stringContaining('プロンプト例') } });
    for (const personal of ['大崎', '花子', 'S7654321', '2345', '080-1111-2222', '03-5742-9999', 'hanako.osaki', 'shinagawa.example']) {
      expect(draft.text, personal).not.toContain(personal);
    }
    // Nothing is stored until the admin publishes; then the entry answers in chat.
    const before = await listFaq();
    const published = await api('POST', '/api/tab/admin/faq', ADMIN.id, { ...draft.body, answer: { ...draft.body.answer, ja: `${draft.body.answer.ja as string}<script>x</script>` } });
    expect(published.status).toBe(400);
    expect(await listFaq()).toEqual(before);
    expect((await api('POST', '/api/tab/admin/faq', ADMIN.id, draft.body)).status).toBe(200);
    expect(text(await ask('生成AIで議事録を要約できますか'))).toContain('プロンプト例');
  });
});

describe('「FAQにする」 on the desk card in the channel', () => {
  const press = async (person: typeof ADMIN, cardActivityId: string, verb: string, data: unknown) => {
    const response = await postActivity(app.baseUrl, channelInvoke(userOf(person), connector.serviceUrl, DESK, cardActivityId, verb, data));
    return (await response.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
  };
  let ticketNumber: string;
  let draftCard: Record<string, unknown>;
  const thread = 'desk-card-faq-1';

  beforeAll(async () => {
    expect((await postActivity(app.baseUrl, channelMention(userOf(ADMIN), connector.serviceUrl, DESK, '相談窓口に設定'))).status).toBeLessThan(300);
    expect((await app.repositories.consultationDesk.getDesk())?.conversationId).toBe(DESK.channelId);
    const filed = await api('POST', '/api/tab/consultations', REQUESTER.id, {
      submissionId: 'faq-channel-form-0001',
      category: 'tool',
      title: 'Excelの集計を毎月手作業でしています',
      details: '大崎です（hanako.osaki@city.shinagawa.example、内線 2345）。毎月の集計を自動化したい。',
      preferredContact: 'chat',
      urgency: 'medium',
    });
    ticketNumber = filed.body.ticket.number;
    const assigned = await api('POST', `/api/tab/admin/consultations/${ticketNumber}/actions`, ADMIN.id, { action: 'assign', version: filed.body.ticket.version });
    await api('POST', `/api/tab/admin/consultations/${ticketNumber}/actions`, ADMIN.id, { action: 'resolve', text: 'Power Queryで毎月の集計を自動で更新できます。', version: assigned.body.ticket.version });
    await app.consultationChannelIdle();
  });

  it('when the desk card of a resolved request is drawn, then it offers 「FAQにする」, and pressing it posts an editable draft without the requester’s details', async () => {
    const desk = await press(ADMIN, thread, CONSULTATION_VERBS.openTicket, { ticketNumber });
    expect(actionDataOf(desk.value, CONSULTATION_VERBS.faqDraft)).toMatchObject({ ticketNumber });
    const answer = await press(ADMIN, thread, CONSULTATION_VERBS.faqDraft, { ticketNumber });
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    const posted = connector.recorder.list({ conversationId: `${DESK.channelId};messageid=${thread}` });
    draftCard = (posted.at(-1)!.activity.attachments as { content: Record<string, unknown> }[])[0]!.content;
    expect(parseAdaptiveCard(draftCard).problems).toEqual([]);
    expect(text(draftCard)).toContain('Excelの集計を毎月手作業でしています');
    expect(text(draftCard)).toContain('Power Queryで毎月の集計を自動で更新できます。');
    for (const personal of ['大崎', '花子', 'hanako.osaki', '2345']) expect(text(draftCard), personal).not.toContain(personal);
  });

  it('when someone outside デジタル推進課 presses 「FAQにする」 or 公開 in the channel, then it is refused (403) and nothing is stored', async () => {
    const before = await listFaq();
    expect((await press(STAFF, thread, CONSULTATION_VERBS.faqDraft, { ticketNumber })).statusCode).toBe(403);
    expect((await press(STAFF, thread, CONSULTATION_VERBS.faqPublish, { sourceTicket: ticketNumber, faqCategory: 'tool', faqQuestionJa: 'Q?', faqAnswerJa: 'A' })).statusCode).toBe(403);
    expect(await listFaq()).toEqual(before);
  });

  it('when 公開 is pressed with HTML or without an answer, then the draft comes back with the message and what was typed, and nothing is stored; with the draft as edited, it is published and answered in chat', async () => {
    const publish = actionDataOf(draftCard, CONSULTATION_VERBS.faqPublish)!;
    const fields = { faqCategory: 'tool', faqQuestionJa: 'Excelの毎月の集計を自動化できますか?', faqAnswerJa: 'Power Queryで毎月の集計を自動で更新できます。', faqKeywords: 'Excel、Power Query、集計' };
    const before = await listFaq();
    const withHtml = await press(ADMIN, thread, CONSULTATION_VERBS.faqPublish, { ...publish, ...fields, faqAnswerJa: '<script>alert(1)</script>' });
    expect(withHtml.statusCode).toBe(200);
    expect(text(withHtml.value)).toContain('HTMLタグ');
    expect(text(withHtml.value)).toContain('Excelの毎月の集計を自動化できますか?');
    const empty = await press(ADMIN, thread, CONSULTATION_VERBS.faqPublish, { ...publish, ...fields, faqAnswerJa: ' ' });
    expect(text(empty.value)).toContain('回答（日本語）を入力してください');
    expect(await listFaq()).toEqual(before);

    const published = await press(ADMIN, thread, CONSULTATION_VERBS.faqPublish, { ...publish, ...fields });
    expect(parseAdaptiveCard(published.value).problems).toEqual([]);
    expect(text(published.value)).toContain('FAQとして公開しました');
    expect(actionDataOf(published.value, CONSULTATION_VERBS.faqPublish)).toBeUndefined();
    expect((await listFaq()).entries.length).toBe(before.entries.length + 1);
    expect(text(await ask('Excelの集計を自動化したい'))).toContain('Power Query');
    // A second press on an old draft card is the same question again: refused as a duplicate, nothing stored.
    expect(text((await press(ADMIN, thread, CONSULTATION_VERBS.faqPublish, { ...publish, ...fields })).value)).toContain('同じ質問のFAQがすでにあります');
  });
});
