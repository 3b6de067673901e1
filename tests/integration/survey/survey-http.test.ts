import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../bot/src/app.js';
import { SURVEY_VERBS, answerInputId } from '../../../bot/src/features/survey/cards/survey-card.js';
import { loadConfig } from '../../../bot/src/config.js';
import type { JobLevel } from '../../../bot/src/kernel/domain/catalog/job-levels.js';
import { SURVEY_INDICATORS } from '../../../bot/src/kernel/domain/catalog/survey-indicators.js';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';
import type { SurveyNotifier } from '../../../bot/src/features/survey/domain/survey-ports.js';
import { publishedMean } from '../../../bot/src/features/survey/domain/survey-results.js';
import { fiscalYearBounds, fiscalYearOf, type SurveyRound } from '../../../bot/src/features/survey/domain/survey-rounds.js';
import { createSurveyService } from '../../../bot/src/features/survey/domain/survey-service.js';
import { createLogger } from '../../../bot/src/logger.js';
import { textMessage, type TestUser } from '../../support/activities.js';
import { botConversation, cardOf } from '../../support/bot-conversation.js';
import { parseAdaptiveCard } from '../../support/cards.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import { storageReadsDuring } from '../../support/network-observers.js';
import { azuriteConnectionString, uniqueTablePrefix } from '../../support/storage.js';
import { answersWithSum } from '../../support/survey-answers.js';
import { tabApi } from '../../support/tab-api.js';
import { TEST_TENANT_ID, startTestApp } from '../../support/test-app.js';

/** A test double of the internal port the delivery engine will implement: it records what it was asked to send. */
function recordingNotifier() {
  const calls: { kind: 'invite' | 'remind'; roundId: string; employeeIds: string[] }[] = [];
  const notifier: SurveyNotifier = {
    invite: async (round, employeeIds) => void calls.push({ kind: 'invite', roundId: round.id, employeeIds: [...employeeIds] }),
    remind: async (round, employeeIds) => void calls.push({ kind: 'remind', roundId: round.id, employeeIds: [...employeeIds] }),
  };
  return { notifier, calls };
}

// The issue asks for 300 sample employees, but no number of respondents up to 300 reproduces all eight baselines
// to three decimals (2.848 needs 250 or 1,000 answers, 3.043 neither); 644 is the smallest count that does.
const AUDIENCE = 654;
const NON_RESPONDENTS = 10;
const RESPONDENTS = AUDIENCE - NON_RESPONDENTS;
// Skewed like a ward office; the 3-person department must be hidden in the breakdown.
const DEPARTMENTS: [id: string, name: string, size: number][] = [
  ['resident-registry', '地域振興部 戸籍住民課', 250],
  ['welfare-planning', '福祉部 福祉計画課', 160],
  ['child-development', '子ども未来部 子ども育成課', 120],
  ['environment', '都市環境部 環境課', 80],
  ['personnel', '総務部 人事課', 41],
  ['digital-promotion', '企画経営部 デジタル推進課', 3],
];
const jobLevelOf = (index: number): JobLevel => (index % 10 < 7 ? 'general' : index % 10 < 9 ? 'chief' : 'manager');
const employeeId = (index: number) => `00000000-0000-4000-8000-5${String(index).padStart(11, '0')}`;
const userOf = (index: number): TestUser => ({ aadObjectId: employeeId(index), name: `職員 ${index}` });
const departmentOf = (index: number) => {
  let remaining = index;
  for (const [id, , size] of DEPARTMENTS) {
    if (remaining < size) return id;
    remaining -= size;
  }
  throw new RangeError(`no department for ${index}`);
};
// The admin (デジタル推進課) is one of the audience; the non-respondents are spread over the large departments.
const ADMIN = AUDIENCE - 1;
const nonRespondent = (index: number) => index % 29 === 5 && index < 290;
const respondents = Array.from({ length: AUDIENCE }, (_, index) => index).filter((index) => !nonRespondent(index));

const sampleEmployees = (): Employee[] =>
  Array.from({ length: AUDIENCE }, (_, index) => ({
    id: employeeId(index),
    displayName: `職員 ${index}`,
    email: undefined,
    departmentId: departmentOf(index),
    jobLevel: jobLevelOf(index),
    roles: index === ADMIN ? ['employee', 'admin'] : ['employee'],
    locale: undefined,
    tenantId: TEST_TENANT_ID,
    installedAt: undefined,
  }));

/** The answer total whose published (3-decimal) mean comes nearest the baseline. */
const nearestSum = (baseline: number, n: number) =>
  [-2, -1, 0, 1, 2].map((step) => Math.round(baseline * n) + step).sort((a, b) => Math.abs(publishedMean(a, n) - baseline) - Math.abs(publishedMean(b, n) - baseline))[0]!;
/** Per question, the answers of the respondents, adding up to the total whose mean is the baseline. */
const plannedAnswers = Object.fromEntries(
  SURVEY_INDICATORS.map((indicator, column) => [indicator.id, answersWithSum(RESPONDENTS, nearestSum(indicator.baseline, RESPONDENTS), column + 1)]),
);
const answersOf = (respondentNumber: number) => Object.fromEntries(SURVEY_INDICATORS.map((indicator) => [indicator.id, plannedAnswers[indicator.id]![respondentNumber]!]));
const cardData = (roundId: string, answers: Record<string, number | string>) => ({
  roundId,
  ...Object.fromEntries(Object.entries(answers).map(([questionId, value]) => [answerInputId(questionId), String(value)])),
});

let app: RunningApp;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let chat: ReturnType<typeof botConversation>;
let api: ReturnType<typeof tabApi>;
const recorder = recordingNotifier();
const now = new Date();
const fiscalYear = fiscalYearOf(now);
const yearEnd = fiscalYearBounds(fiscalYear).end.getTime();
const closesAt = new Date(Math.min(now.getTime() + 7 * 86_400_000, yearEnd - 60_000)).toISOString();
const opensAt = new Date(now.getTime() - 60_000).toISOString();
let round: SurveyRound;
const text = (value: unknown) => JSON.stringify(value);

/** The value pre-selected in a question's choice set on a returned card, if any. */
function selectedOn(card: unknown, questionId: string): string | undefined {
  let found: string | undefined;
  JSON.stringify(card, (_key, value: unknown) => {
    const element = value as { type?: string; id?: string; value?: string } | null;
    if (element?.type === 'Input.ChoiceSet' && element.id === answerInputId(questionId)) found = element.value;
    return value;
  });
  return found;
}

beforeAll(async () => {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TEST_TENANT_ID });
  [app, connector] = await Promise.all([
    startApp(config, {
      storage: { connectionString: azuriteConnectionString() },
      log: createLogger({ silent: true }),
      tablePrefix: uniqueTablePrefix(),
      surveyNotifier: recorder.notifier,
    }),
    startConnectorStandIn(),
  ]);
  chat = botConversation(app, connector);
  api = tabApi(app);
  await Promise.all(DEPARTMENTS.map(([id, name]) => app.repositories.departments.save({ id, name })));
  await Promise.all(sampleEmployees().map((employee) => app.repositories.employees.save(employee)));
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.stop()]);
});

/** Runs `work` over items with at most `limit` at a time. */
async function inBatches<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(Array.from({ length: limit }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

describe('pulse survey end to end over HTTP', () => {
  it('when the admin creates and starts the annual round for 654 employees, then the audience is invited through the notifier', async () => {
    const created = await api('POST', '/api/tab/admin/surveys', employeeId(ADMIN), {
      kind: 'annual',
      fiscalYear,
      opensAt,
      closesAt,
      audience: { kind: 'everyone' },
      reminderDaysBeforeClose: [3],
    });
    expect(created.status).toBe(200);
    round = created.body.round as SurveyRound;
    expect(round).toMatchObject({ kind: 'annual', status: 'draft', questionIds: SURVEY_INDICATORS.map((indicator) => indicator.id) });

    const started = await api('POST', `/api/tab/admin/surveys/${round.id}/start`, employeeId(ADMIN));
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ audienceSize: AUDIENCE, invitations: 'queued', round: { status: 'started' } });
    const invitations = recorder.calls.filter((call) => call.kind === 'invite');
    expect(invitations).toHaveLength(1);
    expect(new Set(invitations[0]!.employeeIds)).toEqual(new Set(sampleEmployees().map((employee) => employee.id)));

    const listed = await api('GET', '/api/tab/admin/surveys', employeeId(ADMIN));
    expect(listed.body.rounds.map((listedRound: SurveyRound) => listedRound.id)).toEqual([round.id]);
  });

  it('when a second annual round is created for the same fiscal year, then it is refused with the reason', async () => {
    const second = await api('POST', '/api/tab/admin/surveys', employeeId(ADMIN), { kind: 'annual', fiscalYear, opensAt, closesAt, audience: { kind: 'everyone' } });
    expect(second.status).toBe(400);
    expect(second.body.error.message).toContain(`${fiscalYear}年度の年次アンケート（${round.id}`);
    expect(second.body.error.message).toContain('期間も重なっています');
    expect((await api('GET', '/api/tab/admin/surveys', employeeId(ADMIN))).body.rounds).toHaveLength(1);
  });

  it('when someone who is not an admin calls the survey admin API, then it is forbidden', async () => {
    expect((await api('GET', '/api/tab/admin/surveys', employeeId(0))).status).toBe(403);
    expect((await api('POST', `/api/tab/admin/surveys/${round.id}/start`, employeeId(0))).status).toBe(403);
    expect((await api('GET', `/api/tab/admin/surveys/${round.id}/results`, employeeId(0))).status).toBe(403);
  });

  it('when an employee types アンケート, then the open round’s card comes with every question and 送信', async () => {
    const [reply] = await chat.converse(textMessage(userOf(0), connector.serviceUrl, 'アンケート'));
    const card = cardOf(reply!);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    for (const indicator of SURVEY_INDICATORS) expect(text(card)).toContain(indicator.question.ja);
    expect(text(card)).toContain(`"verb":"${SURVEY_VERBS.submit}","data":{"roundId":"${round.id}"}`);
  });

  it('when a submission is forged, out of range or incomplete, then the card comes back with the problem and nothing is stored', async () => {
    const answers = answersOf(0);
    const forged = await chat.execute(userOf(0), SURVEY_VERBS.submit, { ...cardData(round.id, answers), [answerInputId('99')]: '5' });
    expect(forged).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(text(forged.value)).toContain('このアンケートにない設問への回答が含まれています。');
    expect(parseAdaptiveCard(forged.value).problems).toEqual([]);

    const outOfRange = await chat.execute(userOf(0), SURVEY_VERBS.submit, cardData(round.id, { ...answers, '03': 7 }));
    expect(text(outOfRange.value)).toContain('Q2の回答は1〜5から選んでください。');
    // What the person had chosen is still selected on the returned card; the bad value is not.
    expect(selectedOn(outOfRange.value, '01')).toBe(String(answers['01']));
    expect(selectedOn(outOfRange.value, '03')).toBeUndefined();

    const { '05': _omitted, ...incomplete } = answers;
    const missing = await chat.execute(userOf(0), SURVEY_VERBS.submit, cardData(round.id, incomplete));
    expect(text(missing.value)).toContain('すべての設問に回答してください（未回答: Q4）。');

    const unknownRound = await chat.execute(userOf(0), SURVEY_VERBS.submit, cardData('fy2099-annual-none', answers));
    expect(unknownRound).toMatchObject({ statusCode: 404, type: 'application/vnd.microsoft.error' });
    expect(unknownRound.value.message).toBe('このアンケートは見つかりません。');

    expect(await app.repositories.surveyResponses.findOwn(round.id, employeeId(0))).toBeUndefined();
    expect(await app.repositories.surveyResponses.listResponses(round.id)).toHaveLength(0);
  });

  it('when 644 of the 654 submit on their cards, then each sees 回答済み with 回答を修正 and the round holds 644 sheets', async () => {
    const replies: unknown[] = [];
    await inBatches(respondents, 25, async (index) => {
      const answer = await chat.execute(userOf(index), SURVEY_VERBS.submit, cardData(round.id, answersOf(respondents.indexOf(index))));
      expect(answer.statusCode).toBe(200);
      replies.push(answer.value);
    });
    expect(replies).toHaveLength(RESPONDENTS);
    expect(text(replies[0])).toContain('回答済み');
    expect(text(replies[0])).toContain(`"verb":"${SURVEY_VERBS.edit}"`);
    expect(parseAdaptiveCard(replies[0]).problems).toEqual([]);
    // The answers wait, sealed, for the batch job; it writes them all at once.
    expect(await app.repositories.surveyResponses.listResponses(round.id)).toHaveLength(0);
    expect(await app.surveys.writeAnswerBatches()).toBe(RESPONDENTS);
    expect(await app.repositories.surveyResponses.listResponses(round.id)).toHaveLength(RESPONDENTS);
  });

  it('when the results are opened while the round runs and no snapshot was taken, then nothing is shown, with the reason', async () => {
    const { status, body } = await api('GET', `/api/tab/admin/surveys/${round.id}/results`, employeeId(ADMIN));
    expect(status).toBe(200);
    expect(body.results).toBeUndefined();
    expect(body.publication.kind).toBe('none');
    expect(body.publication.reason.ja).toContain('締切後にすべての結果を表示します');
  });

  it('when employees submit again (or press 回答を修正 and resend), then their sheet is replaced and n does not change', async () => {
    const edit = await chat.execute(userOf(respondents[0]!), SURVEY_VERBS.edit, { roundId: round.id });
    expect(text(edit.value)).toContain(`"verb":"${SURVEY_VERBS.submit}"`);
    for (const indicator of SURVEY_INDICATORS) expect(selectedOn(edit.value, indicator.id)).toBe(String(answersOf(0)[indicator.id]));
    const reads = await storageReadsDuring(async () => {
      for (const index of respondents.slice(0, 5)) {
        const again = await chat.execute(userOf(index), SURVEY_VERBS.submit, cardData(round.id, answersOf(respondents.indexOf(index))));
        expect(text(again.value)).toContain('回答済み');
      }
    });
    // A submission reads nothing of the survey's (the round comes from its cache, the key check was read once by
    // the round's first answer): 200 staff answering at once add no reads of one another's rows.
    expect(reads.filter((path) => /Survey(Participation|Pending|Responses|Rounds)\(/.test(path))).toEqual([]);
    expect(await app.surveys.writeAnswerBatches()).toBe(5);
    const sheets = await app.repositories.surveyResponses.listResponses(round.id);
    expect(sheets).toHaveLength(RESPONDENTS);
    const [reply] = await chat.converse(textMessage(userOf(respondents[1]!), connector.serviceUrl, 'アンケート'));
    expect(text(cardOf(reply!))).toContain('回答を修正');
  });

  it('when a reminder is due, then only the 10 who have not answered are reminded, and only once', async () => {
    const service = createSurveyService({
      rounds: app.repositories.surveyRounds,
      responses: app.repositories.surveyResponses,
      employees: app.repositories.employees,
      departments: app.repositories.departments,
      notifier: recorder.notifier,
    });
    const reminderAt = new Date(new Date(closesAt).getTime() - 3 * 86_400_000 + 60_000);
    expect(await service.dueReminders(new Date(reminderAt.getTime() - 120_000))).toEqual([]);
    expect((await service.dueReminders(reminderAt)).map((due) => due.roundId)).toEqual([round.id]);
    expect(await service.sendDueReminders(reminderAt)).toBe(NON_RESPONDENTS);
    const reminders = recorder.calls.filter((call) => call.kind === 'remind');
    expect(reminders).toHaveLength(1);
    const expected = Array.from({ length: AUDIENCE }, (_, index) => index).filter(nonRespondent).map(employeeId);
    expect(new Set(reminders[0]!.employeeIds)).toEqual(new Set(expected));
    expect(await service.sendDueReminders(reminderAt)).toBe(0);
    expect(recorder.calls.filter((call) => call.kind === 'remind')).toHaveLength(1);
  });

  it('when the admin closes the round and opens the results, then they report the policy’s baselines as the means, the targets and next year’s benchmarks', async () => {
    expect((await api('POST', `/api/tab/admin/surveys/${round.id}/close`, employeeId(0))).status).toBe(403);
    expect((await api('POST', `/api/tab/admin/surveys/${round.id}/close`, employeeId(ADMIN))).status).toBe(200);
    const { status, body } = await api('GET', `/api/tab/admin/surveys/${round.id}/results`, employeeId(ADMIN));
    expect(status).toBe(200);
    expect(body.publication).toEqual({ kind: 'final' });
    const { questions, responseRate, byDepartment } = body.results;
    expect(responseRate).toMatchObject({ respondents: RESPONDENTS, audienceSize: AUDIENCE, reference: { responses: 2251, responseRate: 0.431 } });
    expect(responseRate.rate).toBeCloseTo(RESPONDENTS / AUDIENCE, 10);
    for (const [index, indicator] of SURVEY_INDICATORS.entries()) {
      const question = questions[index];
      const submitted = plannedAnswers[indicator.id]!;
      const expectedMean = publishedMean(submitted.reduce((a, b) => a + b, 0), submitted.length);
      expect(question.questionId).toBe(indicator.id);
      expect(question.n).toBe(RESPONDENTS);
      expect(question.mean).toBe(expectedMean);
      expect(question.mean).toBe(indicator.baseline);
      expect(question.baseline).toBe(indicator.baseline);
      expect(question.distribution[1] + question.distribution[2] + question.distribution[3] + question.distribution[4] + question.distribution[5]).toBe(RESPONDENTS);
      if (indicator.id === '08-security') {
        expect(question.targetLabel.ja).toBe('基準値以上');
        expect(question.achieved).toBe(expectedMean >= indicator.baseline);
        expect(question.nextBenchmark).toEqual({ kind: 'at-least', value: expectedMean });
        expect(question.nextBenchmarkLabel.ja).toBe(`今年度の数字以上（${expectedMean.toFixed(3)}）`);
      } else {
        expect(question.targetLabel.ja).toBe('3.5');
        expect(question.achieved).toBe(false);
        expect(question.nextBenchmark).toEqual({ kind: 'value', value: 3.5 });
      }
    }
    expect(questions.map((question: { mean: number }) => question.mean)).toEqual([3.043, 2.848, 3.016, 3.022, 2.953, 3.042, 2.994, 3.683]);
    // The security question's target is "baseline or more": meeting the baseline meets it.
    expect(questions.at(-1).achieved).toBe(true);
    // The 3-person デジタル推進課 is too small to be reported at all: its sheets never carried it, and no group is
    // listed under 5; groups that are hidden are not listed by id.
    const groups = byDepartment.groups as { groupId?: string; respondents: number }[];
    expect(groups.map((group) => group.groupId)).not.toContain('digital-promotion');
    expect(groups.every((group) => group.respondents >= 5)).toBe(true);
    expect(groups.map((group) => group.groupId)).toContain('resident-registry');
    expect(body.departmentNames['resident-registry']).toBe('地域振興部 戸籍住民課');
  });

  it('when the admin asks アンケート結果 in chat, then the summary card comes; anyone else is politely refused', async () => {
    const [summary] = await chat.converse(textMessage(userOf(ADMIN), connector.serviceUrl, 'アンケート結果'));
    const card = cardOf(summary!);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(text(card)).toContain(`アンケート結果（${fiscalYear}年度・年次）`);
    expect(text(card)).toContain(`"value":"${RESPONDENTS}"`);
    expect(text(card)).toContain('2,251名・43.1%');
    const [refusal] = await chat.converse(textMessage(userOf(0), connector.serviceUrl, 'survey results'));
    expect(refusal!.activity.text).toBe('申し訳ありません。アンケート結果はデジタル推進課（管理者）のみ確認できます。');
  });

  it('when the CSV and the trend are requested, then they hold aggregates only and this year follows the 2024 baseline', async () => {
    const csv = await api('GET', `/api/tab/admin/surveys/${round.id}/results.csv`, employeeId(ADMIN));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.startsWith('\uFEFF区分,グループ,設問ID')).toBe(true);
    expect(csv.text).toContain('地域振興部 戸籍住民課');
    expect(csv.text).not.toContain(employeeId(0));
    expect(csv.text).not.toContain('職員 ');

    const trend = await api('GET', '/api/tab/admin/surveys/trend', employeeId(ADMIN));
    const security = trend.body.trend.find((question: { questionId: string }) => question.questionId === '08-security');
    expect(security.points.map((point: { fiscalYear: number }) => point.fiscalYear)).toEqual([2024, fiscalYear]);
    expect(security.points[0].mean).toBe(3.683);
    expect(security.points[1]).toMatchObject({ roundId: round.id, n: RESPONDENTS });
  });

  it('when a submission arrives after the round closed, then the card says it closed and nothing is stored', async () => {
    const pulse = await api('POST', '/api/tab/admin/surveys', employeeId(ADMIN), {
      kind: 'pulse',
      fiscalYear,
      questionIds: ['03'],
      opensAt,
      closesAt: new Date(Date.now() + 1500).toISOString(),
      audience: { kind: 'everyone' },
    });
    expect(pulse.status).toBe(200);
    const pulseId = pulse.body.round.id as string;
    expect((await api('POST', `/api/tab/admin/surveys/${pulseId}/start`, employeeId(ADMIN))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const late = await chat.execute(userOf(1), SURVEY_VERBS.submit, cardData(pulseId, { '03': 4 }));
    expect(text(late.value)).toContain('に締め切られました。');
    expect(await app.repositories.surveyResponses.listResponses(pulseId)).toHaveLength(0);
  });
});

describe('survey invitations through the delivery engine', () => {
  let bare: RunningApp;
  let inbox: Awaited<ReturnType<typeof startConnectorStandIn>>;
  beforeAll(async () => {
    [bare, inbox] = await Promise.all([startTestApp(), startConnectorStandIn()]);
    await bare.repositories.employees.save({ ...sampleEmployees()[ADMIN]! });
  });
  afterAll(async () => {
    await Promise.all([bare?.stop(), inbox?.stop()]);
  });

  it('when the admin starts a round, then everyone in the audience who has the bot gets the survey card once, and the others are reported', async () => {
    const audience = [0, 1, 2].map((index) => ({ ...sampleEmployees()[index]!, jobLevel: 'manager' as const }));
    await Promise.all(audience.map((employee) => bare.repositories.employees.save(employee)));
    // Two of the three have talked to the bot, so Teams gave it a conversation to write to.
    const chatting = botConversation(bare, inbox);
    for (const index of [0, 1]) await chatting.converse(textMessage(userOf(index), inbox.serviceUrl, 'ヘルプ'));
    const call = tabApi(bare);
    const created = await call('POST', '/api/tab/admin/surveys', employeeId(ADMIN), {
      kind: 'pulse',
      fiscalYear,
      questionIds: ['04', '01'],
      opensAt,
      closesAt,
      audience: { kind: 'job-levels', jobLevels: ['manager'] },
    });
    const roundId = created.body.round.id as string;
    const started = await call('POST', `/api/tab/admin/surveys/${roundId}/start`, employeeId(ADMIN));
    expect(started.body).toMatchObject({ invitations: 'queued', round: { status: 'started' } });

    const isSurveyCard = (entry: { activity: Record<string, unknown> }) => JSON.stringify(entry.activity).includes(`"verb":"${SURVEY_VERBS.submit}"`);
    for (const index of [0, 1]) {
      const received = await inbox.recorder.waitFor((entries) => entries.filter(isSurveyCard).length >= 1, { conversationId: `a:personal-${employeeId(index)}`, timeoutMs: 15_000 });
      expect(parseAdaptiveCard(cardOf(received.filter(isSurveyCard)[0]!)).problems).toEqual([]);
    }
    await expect.poll(async () => (await bare.delivery.report(`survey-invitation-${roundId}`))?.counts, { timeout: 15_000 }).toMatchObject({ sent: 2, noReference: 1 });
    // Starting again sends nothing more.
    await call('POST', `/api/tab/admin/surveys/${roundId}/start`, employeeId(ADMIN));
    expect(inbox.recorder.list().filter(isSurveyCard)).toHaveLength(2);
  });

  it('when the create body is malformed, then it is a 400 naming the field', async () => {
    const bad = await tabApi(bare)('POST', '/api/tab/admin/surveys', employeeId(ADMIN), { kind: 'annual', fiscalYear, opensAt: 'tomorrow', closesAt, audience: { kind: 'everyone' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('opensAt');
  });
});
