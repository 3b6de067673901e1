import { randomUUID } from 'node:crypto';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import type { RecordedActivity } from '../../../bot/src/dev/connector-recorder.js';
import { CONSULTATION_VERBS } from '../../../bot/src/features/consultation/cards/consultation-verbs.js';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';
import { postActivity, textMessage } from '../../support/activities.js';
import { botConversation, cardOf } from '../../support/bot-conversation.js';
import { parseAdaptiveCard } from '../../support/cards.js';
import { channelInvoke, channelMention, type TestChannel } from '../../support/channel-activities.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import { tabApi } from '../../support/tab-api.js';
import { testStaff } from '../../support/staff.js';
import { startTestApp } from '../../support/test-app.js';

/**
 * The attacks of issue 14 against DX相談, each replayed over the bot's real HTTP server (and the tab API) with the
 * connector stand-in: long text, channel ticket access with guessed numbers, another person's submissionId,
 * invisible/bidirectional characters in titles, and Markdown typed by a requester.
 */
const { employee, userOf } = testStaff(4);
const REQUESTER = employee(1, '大井 依頼', ['employee']);
const ADMIN = employee(2, '品川 管理', ['employee', 'admin']);
const PROBER = employee(3, '目黒 探索', ['employee']);
const DESK: TestChannel = { teamId: '19:dx-team@thread.tacv2', channelId: '19:hardening-desk@thread.tacv2' };
const ELSEWHERE: TestChannel = { teamId: '19:other-team@thread.tacv2', channelId: '19:random-channel@thread.tacv2' };
const text = (value: unknown) => JSON.stringify(value);
const SECRET_TITLE = '人事評価の相談 秘密';
const SECRET_DETAILS = '上司との面談記録について内密に相談したいです。';
const form = { category: 'tool', title: SECRET_TITLE, details: SECRET_DETAILS, preferredContact: 'online-meeting', urgency: 'medium' };

let app: RunningApp;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let chat: ReturnType<typeof botConversation>;
let api: ReturnType<typeof tabApi>;

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
  chat = botConversation(app, connector);
  api = tabApi(app);
  await Promise.all([REQUESTER, ADMIN, PROBER].map((person) => app.repositories.employees.save(person)));
  const mention = channelMention(userOf(ADMIN), connector.serviceUrl, DESK, '相談窓口に設定');
  expect((await postActivity(app.baseUrl, mention)).status).toBeLessThan(300);
  await connector.recorder.waitFor((entries) => entries.length > 0, { conversationId: mention.conversation.id });
  expect(await app.repositories.consultationDesk.getDesk()).toMatchObject({ conversationId: DESK.channelId });
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.stop()]);
});

const submit = (person: Employee, fields: Record<string, unknown>, submissionId: string = randomUUID()) =>
  chat.execute(userOf(person), CONSULTATION_VERBS.submit, { submissionId, ...form, ...fields });
const ticketNumberIn = (value: unknown) => /DX-\d{4}-\d{4}/.exec(text(value))?.[0];

async function pressIn(channel: TestChannel, person: Employee, verb: string, data: unknown) {
  const response = await postActivity(app.baseUrl, channelInvoke(userOf(person), connector.serviceUrl, channel, randomUUID(), verb, data));
  return (await response.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
}

/** What a Markdown renderer (CommonMark + GFM autolinks, as Teams renders TextBlocks) makes of every text on a card. */
function renderedHtmlOf(card: unknown): string {
  const texts: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if ((key === 'text' || key === 'value' || key === 'title') && typeof value === 'string') texts.push(value);
    return value;
  });
  return texts.map((value) => marked.parse(value, { async: false, gfm: true })).join('\n');
}

describe('DX相談 against an attacker (issue 14)', () => {
  // The bound the issue asks for. /healthz includes a round trip to Azurite, which the other test files share while
  // they run in parallel, so a single slow probe may retry; the unfixed server took 42 s here, which no retry hides.
  it('when a 100,000-character one-word message arrives, then the bot answers in under 1 s with a note that only the start was searched, and /healthz stays under 100 ms', { retry: 2 }, async () => {
    await (await fetch(`${app.baseUrl}/healthz`)).arrayBuffer();
    const huge = 'kintoneapplication'.repeat(5_556).slice(0, 100_000);
    let slowestHealth = 0;
    let probing = true;
    const prober = (async () => {
      while (probing) {
        const started = performance.now();
        const health = await fetch(`${app.baseUrl}/healthz`);
        await health.arrayBuffer();
        slowestHealth = Math.max(slowestHealth, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const replies = await chat.converse(textMessage(userOf(REQUESTER), connector.serviceUrl, huge), 2);
    const elapsed = performance.now() - started;
    probing = false;
    await prober;
    expect(elapsed).toBeLessThan(1_000);
    expect(slowestHealth).toBeLessThan(100);
    expect(text(replies)).toContain('最初の500文字で検索しました');
    const card = replies.map((reply) => reply.activity.attachments).find(Boolean);
    expect(card).toBeDefined();
    for (const reply of replies) expect(Buffer.byteLength(text(reply.activity))).toBeLessThan(28_000);
  });

  it('when the long message comes from an English Teams, then the note is in English', async () => {
    const replies = await chat.converse(textMessage(userOf(REQUESTER, 'en-US'), connector.serviceUrl, 'How do I share files in Teams? '.repeat(40)), 2);
    expect(text(replies)).toContain('only the first 500 characters were searched');
  });

  it('when someone guesses sequential ticket numbers from a channel, then a non-admin (even in the desk channel) and an admin outside the desk get no ticket content', async () => {
    const filed = await submit(REQUESTER, {});
    const number = ticketNumberIn(filed.value)!;
    const year = number.slice(3, 7);
    const guesses = [1, 2, 3].map((sequence) => `DX-${year}-${String(sequence).padStart(4, '0')}`);
    expect(guesses).toContain(number);
    const verbs = [CONSULTATION_VERBS.openTicket, CONSULTATION_VERBS.refreshTicket, CONSULTATION_VERBS.assign, CONSULTATION_VERBS.comment];
    const attempts = [
      ...guesses.flatMap((guess) => verbs.map((verb) => pressIn(DESK, PROBER, verb, { ticketNumber: guess, version: 1, comment: '見せて' }))),
      ...guesses.flatMap((guess) => verbs.map((verb) => pressIn(ELSEWHERE, ADMIN, verb, { ticketNumber: guess, version: 1, comment: '見せて' }))),
      ...guesses.flatMap((guess) => verbs.map((verb) => pressIn(ELSEWHERE, REQUESTER, verb, { ticketNumber: guess, version: 1, comment: '見せて' }))),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.statusCode).toBe(403);
      expect(text(answer)).not.toContain(SECRET_TITLE);
      expect(text(answer)).not.toContain(SECRET_DETAILS);
      expect(text(answer)).not.toContain(REQUESTER.displayName);
      expect(answer.type).not.toBe('application/vnd.microsoft.card.adaptive');
    }
    expect(await app.repositories.consultations.get(number)).toMatchObject({ status: 'new', version: 1 });
    expect((await app.repositories.consultations.history(number)).map((entry) => entry.action)).toEqual(['create']);

    // The desk itself still works: an admin in the desk channel sees and acts on the card.
    const desk = await pressIn(DESK, ADMIN, CONSULTATION_VERBS.refreshTicket, { ticketNumber: number });
    expect(desk.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(text(desk.value)).toContain(SECRET_TITLE);
  });

  it("when another employee submits with someone else's submissionId, then they get a ticket of their own and never see the other's", async () => {
    const shared = randomUUID();
    const first = await submit(REQUESTER, {}, shared);
    const firstNumber = ticketNumberIn(first.value)!;
    const second = await submit(PROBER, { title: '自分の相談です', details: 'Teamsの使い方を教えてください。' }, shared);
    expect(text(second.value)).toContain('相談を受け付けました');
    const secondNumber = ticketNumberIn(second.value)!;
    expect(secondNumber).not.toBe(firstNumber);
    expect(text(second.value)).not.toContain(SECRET_TITLE);
    expect(await app.repositories.consultations.get(secondNumber)).toMatchObject({ requesterId: PROBER.id, title: '自分の相談です' });
    // The requester's own double click still files once.
    const again = await submit(REQUESTER, {}, shared);
    expect(ticketNumberIn(again.value)).toBe(firstNumber);
  });

  it('when a title is only zero-width spaces or carries U+202E, then the empty one is refused with a clear message and the other is stored without the control characters', async () => {
    const invisible = await submit(REQUESTER, { title: '\u200b\u200b\u200b\ufeff\u2060' });
    expect(ticketNumberIn(invisible.value)).toBeUndefined();
    expect(text(invisible.value)).toContain('件名に表示できる文字がありません');
    const invisibleApi = await api('POST', '/api/tab/consultations', REQUESTER.id, { ...form, title: '\u200b\u200c\u200d', submissionId: randomUUID() });
    expect(invisibleApi.status).toBe(400);
    expect(text(invisibleApi.body)).toContain('件名に表示できる文字がありません');

    const reordered = await submit(REQUESTER, { title: '請求書\u202Efdp.exe\u202C　ＡＢＣ\u0007' });
    const number = ticketNumberIn(reordered.value)!;
    const stored = await app.repositories.consultations.get(number);
    expect(stored?.title).toBe('請求書fdp.exe ABC');
    expect(text(reordered.value)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
  });

  it('when a requester types Markdown links and images, then the desk card and their own cards show them as text, never as links', async () => {
    const attack = {
      title: '[至急](https://evil.example/phish) ![x](https://evil.example/p.png)',
      details: '**重要** こちら: [ログイン](https://evil.example/login)\n\n![pixel](https://evil.example/track.gif) <https://evil.example/a> https://evil.example/b',
    };
    const filed = await submit(REQUESTER, attack);
    const number = ticketNumberIn(filed.value)!;
    const posted = await connector.recorder.waitFor((entries) => entries.some((entry) => text(entry.activity).includes(number)), {
      conversationId: DESK.channelId,
      timeoutMs: 15_000,
    });
    const deskPost = posted.find((entry: RecordedActivity) => entry.kind === 'send' && text(entry.activity).includes(number))!;
    // 開く answers with the ticket as a new message below the pressed card.
    const opened = await chat.executeForNewMessage(userOf(REQUESTER), CONSULTATION_VERBS.openTicket, { ticketNumber: number });
    const cards = [cardOf(deskPost), filed.value, cardOf(opened.sent[0]!)];
    for (const card of cards) {
      expect(parseAdaptiveCard(card).problems).toEqual([]);
      const html = renderedHtmlOf(card);
      expect(html).not.toContain('<a ');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<strong>重要');
      expect(html).toContain('https://evil.example/phish');
    }
    // The text itself is kept as typed: the tab shows it verbatim.
    expect((await app.repositories.consultations.get(number))?.title).toBe(attack.title);
  });
});
