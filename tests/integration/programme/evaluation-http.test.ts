import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { demoEmployees, demoPastSessionId, seedDemoData } from '../../../bot/src/dev/demo-data.js';
import { fiscalYearOf } from '../../../bot/src/features/survey/domain/survey-rounds.js';
import { SURVEY_INDICATORS } from '../../../bot/src/kernel/domain/catalog/survey-indicators.js';
import { tabApi } from '../../support/tab-api.js';
import { startTestApp, TEST_TENANT_ID } from '../../support/test-app.js';
import { startThrottlingConnector, type ThrottlingConnector } from '../../support/throttling-connector.js';
import { fiscalYearBounds } from '../../../bot/src/kernel/domain/jst.js';
import { personalChatReference } from '../../support/activities.js';

let app: RunningApp;
let connector: ThrottlingConnector;
let call: ReturnType<typeof tabApi>;
const employees = demoEmployees(TEST_TENANT_ID);
const admin = employees.find((employee) => employee.roles.includes('admin'))!;
const staff = employees.find((employee) => employee.roles.length === 1 && employee.roles[0] === 'employee')!;
const currentYear = fiscalYearOf(new Date());
const RESPONDENTS = employees.slice(0, 10);
// Q01 all 4 (target 3.5 met, next "at least 4.000"); Q03 all 2 (below 2.5: next benchmark 3); 08-security all 4
// (target: baseline 3.683 or above, met); the rest 3 (not met, next 3.5).
const answerOf = (questionId: string) => (questionId === '01' || questionId === '08-security' ? 4 : questionId === '03' ? 2 : 3);

type Outcome = { outcomeId: string; outputs: { key: string; value: number; breakdown?: { id: string; value: number }[] }[]; indicators: Record<string, unknown>[]; hrMeasured?: { figure?: { value: number } } };
const outcome = (body: { outcomes: Outcome[] }, id: string) => body.outcomes.find((entry) => entry.outcomeId === id)!;
const output = (entry: Outcome, key: string) => entry.outputs.find((figure) => figure.key === key)!;
// Five staff have the bot in Teams: news reaches them; the others have no conversation yet.
const WITH_CHAT = employees.slice(0, 5);
const CONFIRMERS = employees.filter((employee) => !employee.roles.includes('admin')).slice(0, 2);
const jstDay = (at: Date) => new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
const waitForCompletion = async (broadcastId: string) => {
  const deadline = Date.now() + 15_000;
  while ((await app.delivery.report(broadcastId))?.broadcast.state !== 'completed') {
    if (Date.now() > deadline) throw new Error(`${broadcastId} did not complete`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp({ DELIVERY_MESSAGES_PER_SECOND: '200' }), startThrottlingConnector()]);
  await seedDemoData(app.repositories, { tenantId: TEST_TENANT_ID });
  call = tabApi(app);
  for (const employee of WITH_CHAT) {
    await app.repositories.conversationReferences.save(personalChatReference(employee.id, connector.serviceUrl));
  }

  // IT exam passes: two this year (ITパスポート, 情報セキュリティマネジメント), one on the last day of last year.
  const today = jstDay(new Date());
  const lastDayOfLastYear = jstDay(new Date(fiscalYearBounds(currentYear).start.getTime() - 3600_000));
  expect((await call('PUT', '/api/tab/exams/ip', employees[1]!.id, { passedOn: today })).status).toBe(200);
  expect((await call('PUT', '/api/tab/exams/sg', employees[2]!.id, { passedOn: today })).status).toBe(200);
  expect((await call('PUT', '/api/tab/exams/ip', employees[3]!.id, { passedOn: lastDayOfLastYear })).status).toBe(200);

  // An important news item asking for 確認しました, delivered to the five with a chat; two staff confirm.
  const important = await call('POST', '/api/tab/admin/news/rules-2026/send', admin.id, {
    item: { title: '情報セキュリティ規程の改正', summary: '', body: '必ずお読みください。', category: 'notices', audience: { kind: 'everyone' }, confirmation: { followUpDays: 3 } },
  });
  expect(important.status).toBe(200);
  await waitForCompletion('news-rules-2026');
  for (const employee of CONFIRMERS) expect((await call('POST', '/api/tab/news/rules-2026/confirm', employee.id)).status).toBe(200);

  // This year's annual survey, answered by ten people and closed.
  const now = Date.now();
  const round = await call('POST', '/api/tab/admin/surveys', admin.id, {
    kind: 'annual',
    fiscalYear: currentYear,
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
    audience: { kind: 'everyone' },
  });
  const roundId = round.body.round.id as string;
  await call('POST', `/api/tab/admin/surveys/${roundId}/start`, admin.id);
  for (const person of RESPONDENTS) {
    await app.surveys.submit(person.id, roundId, Object.fromEntries(SURVEY_INDICATORS.map((indicator) => [indicator.id, answerOf(indicator.id)])));
  }
  await app.surveys.writeAnswerBatches();
  await call('POST', `/api/tab/admin/surveys/${roundId}/close`, admin.id);

  // Two people attended this month's ITリテラシー研修.
  const attendees = employees.filter((employee) => employee.displayName === '大崎 健太' || employee.displayName === '中延 翔').map((employee) => employee.id);
  expect((await call('PUT', `/api/tab/admin/sessions/${demoPastSessionId(new Date())}/attendance`, admin.id, { attended: attendees })).status).toBe(200);

  // Two DX相談 requests this year, one resolved and rated 4; the FAQ shown twice and once 「解決しました」.
  const form = { category: 'tool', title: 'kintoneで申請受付アプリを作りたい', details: '紙の申請書を kintone で受け付けたいです。', preferredContact: 'online-meeting', urgency: 'medium' };
  const { ticket } = await app.consultations.file(staff.id, form, undefined);
  await app.consultations.file(staff.id, { ...form, title: 'Teamsの会議録画' }, undefined);
  const deskAct = async (body: Record<string, unknown>) => {
    const current = await call('GET', `/api/tab/admin/consultations/${ticket.number}`, admin.id);
    const answer = await call('POST', `/api/tab/admin/consultations/${ticket.number}/actions`, admin.id, { ...body, version: current.body.ticket.version });
    expect(answer.status).toBe(200);
    return answer;
  };
  await deskAct({ action: 'assign' });
  const resolved = await deskAct({ action: 'resolve', text: '手順書を送りました。' });
  expect((await call('POST', `/api/tab/consultations/${ticket.number}/actions`, staff.id, { action: 'rate', rating: 4, version: resolved.body.ticket.version })).status).toBe(200);
  await app.consultations.answer('kintoneとは');
  await app.consultations.answer('相談窓口はどこ');
  await app.consultations.faqResolved(['desk-what']);

  // One practice awarded this year.
  const nominated = await call('POST', '/api/tab/awards/nominations', staff.id, { title: '申請書の電子化', departmentId: staff.departmentId, whatChanged: '紙をやめた', effect: '年間500時間削減' });
  await call('POST', `/api/tab/admin/awards/nominations/${nominated.body.nomination.id}/review`, admin.id, { decision: 'accept' });
  await call('POST', `/api/tab/admin/awards/nominations/${nominated.body.nomination.id}/award`, admin.id, { fiscalYear: currentYear, category: 'grand' });
});
afterAll(async () => {
  await app?.stop();
  await connector?.stop();
});

describe('事業評価: the logic-model dashboard', () => {
  it('when デジタル推進課 opens this year, then each of the eight outcomes shows its survey mean against baseline and target, achieved or not, and next year’s benchmark by the policy’s rule', async () => {
    const answer = await call('GET', `/api/tab/admin/evaluation?fiscalYear=${currentYear}`, admin.id);
    expect(answer.status).toBe(200);
    expect(answer.body.outcomes.map((entry: Outcome) => entry.outcomeId)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08']);
    expect(outcome(answer.body as { outcomes: Outcome[] }, '01').indicators).toEqual([
      expect.objectContaining({ questionId: '01', mean: 4, n: 10, baseline: 3.043, target: { kind: 'value', value: 3.5 }, achieved: true, nextBenchmark: { kind: 'at-least', value: 4 } }),
    ]);
    expect(outcome(answer.body as { outcomes: Outcome[] }, '03').indicators[0]).toMatchObject({ mean: 2, achieved: false, nextBenchmark: { kind: 'value', value: 3 } });
    // Year over year: the 2024 baseline survey, then this year.
    expect(outcome(answer.body as { outcomes: Outcome[] }, '01').indicators[0]!.history).toEqual([
      { fiscalYear: 2024, mean: 3.043 },
      { fiscalYear: currentYear, mean: 4 },
    ]);
    expect(outcome(answer.body as { outcomes: Outcome[] }, '04').indicators[0]).toMatchObject({ mean: 3, achieved: false, nextBenchmark: { kind: 'value', value: 3.5 } });
    const security = outcome(answer.body as { outcomes: Outcome[] }, '08').indicators.find((indicator) => indicator.questionId === '08-security');
    expect(security).toMatchObject({ mean: 4, target: { kind: 'at-least-baseline', value: 3.683 }, achieved: true });
    // Outcome 02 has no question of ours: 人事課 measures it.
    const hr = outcome(answer.body as { outcomes: Outcome[] }, '02');
    expect(hr.indicators).toEqual([]);
    expect(hr.hrMeasured).toMatchObject({ text: { ja: '左記直接アウトカムについては、人事課実施アンケートにより評価する。' } });
    expect(hr.hrMeasured).not.toHaveProperty('figure');
  });

  it('when the year has sessions, awards, promoters and news, then the outputs are counted from the app’s own records', async () => {
    const nominated = await call('POST', '/api/tab/awards/nominations', staff.id, { title: '窓口番号札のデジタル化', departmentId: staff.departmentId, whatChanged: '番号札を電子化', effect: '待ち時間30%減' });
    await call('POST', `/api/tab/admin/awards/nominations/${nominated.body.nomination.id}/review`, admin.id, { decision: 'accept' });
    await call('POST', `/api/tab/admin/awards/nominations/${nominated.body.nomination.id}/award`, admin.id, { fiscalYear: currentYear, category: 'excellent' });
    expect((await call('POST', `/api/tab/admin/awards/nominations/${nominated.body.nomination.id}/publish`, admin.id)).status).toBe(200);

    const body = (await call('GET', '/api/tab/admin/evaluation', admin.id)).body as { fiscalYear: number; outcomes: Outcome[] };
    expect(body.fiscalYear).toBe(currentYear);
    // ITリテラシー研修 serves outcome 05 (第2章 2.).
    const skills = outcome(body, '05');
    expect(output(skills, 'attendance').breakdown).toEqual(expect.arrayContaining([{ id: 'it-literacy', label: expect.anything(), value: 2 }]));
    expect(output(skills, 'sessions-held').breakdown).toEqual(expect.arrayContaining([{ id: 'it-literacy', label: expect.anything(), value: 1 }]));
    const awards = output(outcome(body, '03'), 'awards');
    expect(awards.value).toBe(2);
    expect(awards.breakdown).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'grand', value: 1 }), expect.objectContaining({ id: 'excellent', value: 1 })]));
    expect(output(outcome(body, '03'), 'nominations').value).toBe(2);
    expect(output(outcome(body, '04'), 'promoters').value).toBe(employees.filter((employee) => employee.roles.includes('promoter')).length);
    expect(output(outcome(body, '05'), 'good-practices-sent').value).toBe(1);
    expect(output(outcome(body, '05'), 'news-sent').value).toBe(2);
    // IT関連試験・講座助成 (03): this year's passes per exam; 人材データ (02): staff with a pass on record.
    expect(output(outcome(body, '03'), 'exam-passes')).toMatchObject({
      value: 2,
      breakdown: expect.arrayContaining([expect.objectContaining({ id: 'ip', value: 1 }), expect.objectContaining({ id: 'sg', value: 1 })]),
    });
    expect(output(outcome(body, '02'), 'staff-with-exam-pass').value).toBe(3);
    // Reach: the important item and the award's news, each delivered to the five with a chat.
    await waitForCompletion(`news-award-${nominated.body.nomination.id}`);
    const after = (await call('GET', '/api/tab/admin/evaluation', admin.id)).body as { outcomes: Outcome[] };
    expect(output(outcome(after, '05'), 'news-reach').value).toBe(WITH_CHAT.length * 2);
    const audience = (await call('GET', '/api/tab/news/rules-2026/confirmations', admin.id)).body.reports[0].total as number;
    expect(audience).toBe(employees.length);
    expect(output(outcome(after, '05'), 'news-confirmations')).toMatchObject({ value: 2, breakdown: [expect.objectContaining({ id: 'rules-2026', value: 2 })] });
    expect(output(outcome(after, '05'), 'news-confirmation-rate').value).toBe(Math.round((2 / audience) * 1000) / 10);
    for (const id of ['01', '04']) {
      const support = outcome(body, id);
      expect(output(support, 'consultations').value).toBe(2);
      expect(output(support, 'consultations-rated').value).toBe(1);
      expect(output(support, 'consultation-satisfaction').value).toBe(4);
      expect(output(support, 'faq-self-service-rate').value).toBe(50);
    }
  });

  it('when デジタル推進課 enters 人事課’s figure for outcome 02, then the dashboard shows it; a figure outside 1–5 or a year outside the policy is refused', async () => {
    expect((await call('PUT', '/api/tab/admin/evaluation/hr-figure', admin.id, { fiscalYear: currentYear, value: 3.25 })).status).toBe(200);
    const body = (await call('GET', '/api/tab/admin/evaluation', admin.id)).body as { outcomes: Outcome[] };
    expect(outcome(body, '02').hrMeasured?.figure).toMatchObject({ value: 3.25 });

    const tooHigh = await call('PUT', '/api/tab/admin/evaluation/hr-figure', admin.id, { fiscalYear: currentYear, value: 6 });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.text).toContain('1~5');
    expect((await call('PUT', '/api/tab/admin/evaluation/hr-figure', admin.id, { fiscalYear: 2024, value: 3 })).status).toBe(400);
    expect(outcome((await call('GET', '/api/tab/admin/evaluation', admin.id)).body as { outcomes: Outcome[] }, '02').hrMeasured?.figure).toMatchObject({ value: 3.25 });
  });

  it('when a year outside the policy is asked for, or someone not in デジタル推進課 asks, then it is refused', async () => {
    const before = await call('GET', '/api/tab/admin/evaluation?fiscalYear=2024', admin.id);
    expect(before.status).toBe(400);
    expect(before.text).toContain('評価できる年度ではありません');
    expect((await call('GET', `/api/tab/admin/evaluation?fiscalYear=${currentYear + 1}`, admin.id)).status).toBe(400);
    expect((await call('GET', '/api/tab/admin/evaluation', staff.id)).status).toBe(403);
    expect((await call('PUT', '/api/tab/admin/evaluation/hr-figure', staff.id, { fiscalYear: currentYear, value: 3 })).status).toBe(403);
  });
});

describe('年次報告: the year as an Excel workbook', () => {
  it('when デジタル推進課 exports the year, then the workbook has a summary and one sheet per outcome with the same figures as the API', async () => {
    const { accessToken } = await app.devIdentity!.issueToken({ oid: admin.id, name: 'x' });
    const response = await fetch(`${app.baseUrl}/api/tab/admin/evaluation/report.xlsx?fiscalYear=${currentYear}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain(`事業評価_${currentYear}年度.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['概要', ...['01', '02', '03', '04', '05', '06', '07', '08'].map((id) => `アウトカム${id}`)]);

    const api = (await call('GET', `/api/tab/admin/evaluation?fiscalYear=${currentYear}`, admin.id)).body as { outcomes: (Outcome & { indicators: { questionId: string; mean?: number }[] })[] };
    const rows = (name: string) => workbook.getWorksheet(name)!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const summary = rows('概要');
    expect(summary[0]).toEqual([`${currentYear}年度 DX人材育成 事業評価(ロジックモデル)`]);
    const q01 = summary.find((row) => String(row[0]).startsWith('01 '))!;
    expect(q01.slice(1, 9)).toEqual(['業務の効率化が進んでいると感じる職員の割合', api.outcomes[0]!.indicators[0]!.mean, 10, undefined, 3.043, 3.5, '達成', '今年度の数字以上(4)']);
    expect(summary.find((row) => String(row[0]).startsWith('03 '))!.slice(7, 9)).toEqual(['未達成', 3]);
    expect(summary.find((row) => String(row[0]).startsWith('02 '))![2]).toBe(3.25);

    const awards = rows('アウトカム03').find((row) => row[0] === '表彰件数')!;
    expect(awards[1]).toBe(output(outcome(api, '03'), 'awards').value);
    expect(rows('アウトカム05').find((row) => row[0] === 'うち庁内優良事例')![1]).toBe(1);
    // The new outputs: exam passes on 03 and 02, news reach and confirmations on 05, on their sheets and the summary.
    const figures: [string, string, string][] = [
      ['03', 'exam-passes', 'IT関連試験の合格(延べ)'],
      ['02', 'staff-with-exam-pass', 'IT関連試験の合格を記録した職員(年度末まで)'],
      ['05', 'news-sent', 'インフォメーションの配信数'],
      ['05', 'news-reach', 'インフォメーションが届いた数(延べ・配信完了分)'],
      ['05', 'news-confirmations', '「確認しました」の数'],
      ['05', 'news-confirmation-rate', '確認率(確認を求めたお知らせ・%)'],
    ];
    for (const [outcomeId, key, label] of figures) {
      const expected = output(outcome(api, outcomeId), key).value;
      expect(rows(`アウトカム${outcomeId}`).find((row) => row[0] === label)![1], label).toBe(expected);
      expect(summary.find((row) => String(row[0]).startsWith(`${outcomeId} `) && row[1] === label)![2], `概要: ${label}`).toBe(expected);
    }
    expect(output(outcome(api, '03'), 'exam-passes').value).toBe(2);
    expect(output(outcome(api, '05'), 'news-reach').value).toBe(WITH_CHAT.length * 2);
    expect(rows('アウトカム03').find((row) => row[0] === '  ITパスポート')![1]).toBe(1);
  });

  it('when someone not in デジタル推進課 asks for the workbook, then it is refused', async () => {
    expect((await call('GET', '/api/tab/admin/evaluation/report.xlsx', staff.id)).status).toBe(403);
  });
});
