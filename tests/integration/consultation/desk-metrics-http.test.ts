import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { CONSULTATION_VERBS } from '../../../bot/src/features/consultation/cards/consultation-verbs.js';
import { jstMonthOf } from '../../../bot/src/features/consultation/domain/desk-metrics.js';
import { applyTransition, openTicket, parseConsultationInput, type TicketActor, type TicketCommand } from '../../../bot/src/features/consultation/domain/tickets.js';
import { fiscalYearBounds, fiscalYearOf } from '../../../bot/src/kernel/domain/jst.js';
import { textMessage } from '../../support/activities.js';
import { botConversation, cardOf } from '../../support/bot-conversation.js';
import { actionDataOf } from '../../support/channel-activities.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import { testStaff } from '../../support/staff.js';
import { tabApi } from '../../support/tab-api.js';
import { startTestApp } from '../../support/test-app.js';

const { employee, userOf } = testStaff(3);
const REQUESTER = employee(1, '大崎 依頼', ['employee']);
const ADMIN = employee(2, '品川 デジタ', ['employee', 'admin']);
const STAFF = employee(3, '五反田 一般', ['employee']);
const asActor = (person: typeof ADMIN): TicketActor => ({ id: person.id, name: person.displayName, isAdmin: person.roles.includes('admin') });
const jst = (local: string) => new Date(`${local}+09:00`);
const METRICS = '/api/tab/admin/desk-metrics';
const CURRENT_YEAR = fiscalYearOf(new Date());
const CURRENT_MONTH = jstMonthOf(new Date());

let app: RunningApp;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let api: ReturnType<typeof tabApi>;
let chat: ReturnType<typeof botConversation>;

/** A request of 2025年度 filed at a fixed JST moment, then moved by the ticket rules at fixed moments. */
async function history(filedAt: string, form: { category: string; urgency: string }, steps: [string, typeof ADMIN, TicketCommand][]) {
  const input = parseConsultationInput({ ...form, title: `相談 ${filedAt}`, details: '詳細', preferredContact: 'chat' });
  const { ticket } = await app.repositories.consultations.create({
    year: 2025,
    requesterId: REQUESTER.id,
    build: (ticketNumber) => openTicket(input, { id: REQUESTER.id, name: REQUESTER.displayName }, ticketNumber, jst(filedAt)),
  });
  for (const [at, who, command] of steps) await app.repositories.consultations.transition(ticket.number, (current) => applyTransition(current, command, asActor(who), jst(at)));
}

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
  api = tabApi(app);
  chat = botConversation(app, connector);
  await Promise.all([REQUESTER, ADMIN, STAFF].map((person) => app.repositories.employees.save(person)));

  // June 2025: Friday 16:15 answered Monday 9:30 (2 office hours over a weekend), resolved 12:00, rated 5.
  await history('2025-06-06T16:15', { category: 'tool', urgency: 'medium' }, [
    ['2025-06-09T09:30', ADMIN, { action: 'assign' }],
    ['2025-06-09T12:00', ADMIN, { action: 'resolve', note: '手順書を送りました。' }],
    ['2025-06-09T13:00', REQUESTER, { action: 'rate', rating: 5 }],
  ]);
  // Wednesday 10:00, high: a comment after 1 hour, resolved the next day at 10:00 (8.75 office hours: over the 8 h target), rated 3.
  await history('2025-06-11T10:00', { category: 'ai', urgency: 'high' }, [
    ['2025-06-11T11:00', ADMIN, { action: 'comment', text: '確認します。' }],
    ['2025-06-11T11:05', ADMIN, { action: 'assign' }],
    ['2025-06-12T10:00', ADMIN, { action: 'resolve', note: '設定を変えました。' }],
    ['2025-06-12T11:00', REQUESTER, { action: 'rate', rating: 3 }],
  ]);
  // One minute before July in Japan (still June), never answered; and 1 July 00:00 JST (30 June in UTC).
  await history('2025-06-30T23:59', { category: 'security', urgency: 'low' }, []);
  await history('2025-07-01T00:00', { category: 'data', urgency: 'medium' }, []);
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.stop()]);
});

describe('相談の分析: desk metrics over HTTP', () => {
  it('when デジタル推進課 opens 2025年度, then June shows its requests by category, median times in office and calendar hours, SLA shares and ratings', async () => {
    const answer = await api('GET', `${METRICS}?fiscalYear=2025`, ADMIN.id);
    expect(answer.status).toBe(200);
    const months = answer.body.months as { month: string; requests: number; byCategory: Record<string, number> }[];
    expect(months.map((month) => month.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    const june = answer.body.months[2];
    expect(june.requests).toBe(3);
    expect(june.byCategory).toMatchObject({ tool: 1, ai: 1, security: 1, data: 0 });
    // First responses: 2 and 1 office hours (65.25 and 1 calendar hours); the 23:59 request is past its 4 hours unanswered.
    expect(june.firstResponse).toEqual({ count: 2, medianBusinessHours: 1.5, medianCalendarHours: 33.1, slaDecided: 3, withinSla: 2, withinSlaPercent: 66.7 });
    // Resolutions: 4.5 office hours (in time) and 8.75 (late for high); the unanswered one is past its target.
    expect(june.resolution).toEqual({ count: 2, medianBusinessHours: 6.6, medianCalendarHours: 45.9, slaDecided: 3, withinSla: 1, withinSlaPercent: 33.3 });
    expect(june.satisfaction).toEqual({ distribution: [0, 0, 1, 0, 1], rated: 2, mean: 4 });
    expect(answer.body.months[3]).toMatchObject({ month: '2025-07', requests: 1, byCategory: { data: 1 } });
    expect(answer.body.year).toMatchObject({ requests: 4, firstResponse: { slaDecided: 4, withinSla: 2, withinSlaPercent: 50 }, resolution: { withinSlaPercent: 25 } });
    expect(answer.body.years).toEqual(Array.from({ length: CURRENT_YEAR - 2024 }, (_unused, index) => 2025 + index));
  });

  it('when staff ask the bot and file a request in chat this month, then the FAQ self-service rate and the top FAQ entries follow, month by month', async () => {
    const [faqReply] = await chat.converse(textMessage(userOf(REQUESTER), connector.serviceUrl, 'kintoneでアンケートを作りたい'));
    const solved = actionDataOf(cardOf(faqReply!), CONSULTATION_VERBS.faqResolved)!;
    expect((await chat.execute(userOf(REQUESTER), CONSULTATION_VERBS.faqResolved, solved)).statusCode).toBe(200);
    await chat.converse(textMessage(userOf(STAFF), connector.serviceUrl, 'RPAの研修はありますか'));
    // A request filed through the chat form, taken and resolved on the tab, rated 4 by the requester.
    const [formReply] = await chat.converse(textMessage(userOf(STAFF), connector.serviceUrl, '相談したい'));
    const submit = actionDataOf(cardOf(formReply!), CONSULTATION_VERBS.submit)!;
    const filed = await chat.execute(userOf(STAFF), CONSULTATION_VERBS.submit, { ...submit, category: 'bpr', title: '紙の台帳をやめたい', details: '台帳の電子化', preferredContact: 'chat', urgency: 'medium' });
    const number = /DX-\d{4}-\d{4}/.exec(JSON.stringify(filed.value))![0];
    let version = (await api('GET', `/api/tab/admin/consultations/${number}`, ADMIN.id)).body.ticket.version as number;
    for (const body of [{ action: 'assign' }, { action: 'resolve', text: '電子化の手順を案内しました。' }]) {
      const acted = await api('POST', `/api/tab/admin/consultations/${number}/actions`, ADMIN.id, { ...body, version });
      expect(acted.status).toBe(200);
      version = acted.body.ticket.version;
    }
    expect((await api('POST', `/api/tab/consultations/${number}/actions`, STAFF.id, { action: 'rate', rating: 4, version })).status).toBe(200);

    const answer = await api('GET', METRICS, ADMIN.id);
    expect(answer.body.fiscalYear).toBe(CURRENT_YEAR);
    const month = answer.body.months.find((entry: { month: string }) => entry.month === CURRENT_MONTH);
    expect(month).toMatchObject({ requests: 1, byCategory: { bpr: 1 }, firstResponse: { count: 1 }, resolution: { count: 1 }, satisfaction: { distribution: [0, 0, 0, 1, 0], rated: 1, mean: 4 } });
    expect(month.faq).toEqual({ shown: 2, resolved: 1, selfServicePercent: 50 });
    expect(answer.body.topFaqEntries.map((entry: { id: string }) => entry.id)).toEqual([...(solved.faqIds as string[])].sort());
    expect(answer.body.topFaqEntries[0]).toMatchObject({ resolved: 1, question: { ja: expect.any(String) } });
    // The FAQ of this year is not counted in 2025年度.
    expect((await api('GET', `${METRICS}?fiscalYear=2025`, ADMIN.id)).body.year.faq).toEqual({ shown: 0, resolved: 0 });
  });

  it('when 事業評価 shows DX相談 for a year, then its figures are the desk metrics’ own (the two pages never disagree)', async () => {
    for (const fiscalYear of [2025, CURRENT_YEAR]) {
      const [metrics, evaluation] = await Promise.all([api('GET', `${METRICS}?fiscalYear=${fiscalYear}`, ADMIN.id), api('GET', `/api/tab/admin/evaluation?fiscalYear=${fiscalYear}`, ADMIN.id)]);
      expect(evaluation.status).toBe(200);
      for (const outcomeId of ['01', '04']) {
        const outputs = (evaluation.body.outcomes as { outcomeId: string; outputs: { key: string; value: number }[] }[]).find((entry) => entry.outcomeId === outcomeId)!.outputs;
        const value = (key: string) => outputs.find((figure) => figure.key === key)?.value;
        expect(value('consultations')).toBe(metrics.body.year.requests);
        expect(value('consultations-rated')).toBe(metrics.body.year.satisfaction.rated);
        expect(value('consultation-satisfaction')).toBe(metrics.body.year.satisfaction.mean);
        expect(value('faq-self-service-rate')).toBe(metrics.body.year.faq.selfServicePercent);
      }
    }
  });

  it('when デジタル推進課 exports 2025年度, then the CSV is UTF-8 with a BOM for Excel, with Japanese headers and June’s figures', async () => {
    const answer = await api('GET', `${METRICS}/report.csv?fiscalYear=2025`, ADMIN.id, undefined, { 'Accept-Language': 'ja' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/csv');
    expect(decodeURIComponent(answer.headers.get('content-disposition') ?? '')).toContain('相談の分析_2025年度.csv');
    expect(answer.text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(answer.text.slice(1), { relax_column_count: true }) as string[][];
    const header = rows[0]!;
    const june = rows.find((row) => row[0] === '2025-06')!;
    const cell = (name: string) => june[header.indexOf(name)];
    expect(cell('相談件数')).toBe('3');
    expect(cell('初回応答時間の中央値(業務時間)')).toBe('1.5');
    expect(cell('解決時間の中央値(暦時間)')).toBe('45.9');
    expect(cell('初回応答SLA内の割合(%)')).toBe('66.7');
    expect(cell('満足度の平均(5段階)')).toBe('4');
    expect(rows.find((row) => row[0] === '2025年度計')![1]).toBe('4');
  });

  it('when a year is read from storage, then only that year’s tickets come back, with only the columns the metrics use', async () => {
    const bounds = fiscalYearBounds(2025);
    const tickets = await app.repositories.deskMetrics.ticketsFiledBetween(bounds.start, bounds.end);
    expect(tickets.map((ticket) => ticket.createdAt).sort()).toEqual(['2025-06-06T07:15:00.000Z', '2025-06-11T01:00:00.000Z', '2025-06-30T14:59:00.000Z', '2025-06-30T15:00:00.000Z']);
    expect(Object.keys(tickets[0]!).sort()).toEqual(['category', 'createdAt', 'firstResponseAt', 'number', 'rating', 'resolvedAt', 'status', 'urgency']);
    // This year's request, filed in chat, is in this year's read and not in 2025年度's.
    const current = fiscalYearBounds(CURRENT_YEAR);
    expect((await app.repositories.deskMetrics.ticketsFiledBetween(current.start, current.end)).map((ticket) => ticket.category)).toEqual(['bpr']);
  });

  it('when someone outside デジタル推進課 asks, or asks for a year with no desk, then it is refused and nothing of the figures is sent', async () => {
    for (const path of [METRICS, `${METRICS}?fiscalYear=2025`, `${METRICS}/report.csv?fiscalYear=2025`]) {
      const refused = await api('GET', path, STAFF.id);
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain('requests');
    }
    const before = await api('GET', `${METRICS}?fiscalYear=2024`, ADMIN.id);
    expect(before.status).toBe(400);
    expect(before.body.error.message).toContain('2024年度の相談の分析はありません');
    expect((await api('GET', `${METRICS}?fiscalYear=${CURRENT_YEAR + 1}`, ADMIN.id)).status).toBe(400);
    expect((await api('GET', `${METRICS}?fiscalYear=abc`, ADMIN.id)).status).toBe(400);
  });
});
