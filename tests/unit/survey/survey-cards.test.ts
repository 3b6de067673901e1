import { describe, expect, it } from 'vitest';
import { ANSWER_SCALE, SURVEY_INDICATORS } from '../../../bot/src/kernel/domain/catalog/survey-indicators.js';
import type { Locale } from '../../../bot/src/kernel/domain/catalog/localized-text.js';
import type { CardAttachment, CardElement } from '../../../bot/src/kernel/cards/adaptive-card.js';
import { buildSurveyAnsweredCard } from '../../../bot/src/features/survey/cards/survey-answered-card.js';
import { SURVEY_VERBS, answerInputId, buildSurveyCard, surveySubmissionFromCardData } from '../../../bot/src/features/survey/cards/survey-card.js';
import { buildSurveyResultsCard } from '../../../bot/src/features/survey/cards/survey-results-card.js';
import { aggregateSurveyRound } from '../../../bot/src/features/survey/domain/survey-results.js';
import { ANNUAL_QUESTION_IDS, checkSubmission, type SurveyAnswers, type SurveyRound } from '../../../bot/src/features/survey/domain/survey-rounds.js';
import { parseAdaptiveCard } from '../../support/cards.js';
import { responsesWithSums } from '../../support/survey-answers.js';

const LOCALES: Locale[] = ['ja', 'en'];
const MAX_CARD_BYTES = 28 * 1024;

const round: SurveyRound = {
  id: 'fy2026-annual',
  kind: 'annual',
  fiscalYear: 2026,
  questionIds: [...ANNUAL_QUESTION_IDS],
  opensAt: '2026-06-01T00:00:00.000Z',
  closesAt: '2026-06-30T08:00:00.000Z',
  audience: { kind: 'everyone' },
  reminderDaysBeforeClose: [3],
  status: 'started',
  createdBy: 'admin',
  createdAt: '2026-05-01T00:00:00.000Z',
};
const pulse: SurveyRound = { ...round, id: 'fy2026-pulse-q2', kind: 'pulse', questionIds: ['03', '06'] };

/** Every element of a card body, containers flattened, in order. */
function elements(card: CardAttachment): CardElement[] {
  const all: CardElement[] = [];
  const walk = (list: CardElement[]) => {
    for (const element of list) {
      all.push(element);
      if (element.type === 'Container') walk(element.items);
    }
  };
  walk(card.content.body);
  return all;
}
const texts = (card: CardAttachment) => elements(card).flatMap((element) => (element.type === 'TextBlock' ? [element.text] : []));
const choiceSets = (card: CardAttachment) => elements(card).filter((element) => element.type === 'Input.ChoiceSet');

function expectValidCard(card: CardAttachment) {
  const { problems, bytes } = parseAdaptiveCard(card.content);
  expect(problems).toEqual([]);
  expect(bytes).toBeLessThan(MAX_CARD_BYTES);
}

const allFour: SurveyAnswers = Object.fromEntries(ANNUAL_QUESTION_IDS.map((id) => [id, 4]));

describe('survey card', () => {
  it.each(LOCALES)('when the annual card is built in %s, then every question and ※ note is the policy’s text and the card parses cleanly', (locale) => {
    const card = buildSurveyCard({ round, locale });
    expectValidCard(card);
    const shown = texts(card);
    for (const indicator of SURVEY_INDICATORS) {
      expect(shown).toContain(indicator.question[locale]);
      if (indicator.note) expect(shown).toContain(indicator.note[locale]);
    }
    expect(shown.filter((text) => text.startsWith('※') || text.startsWith('*'))).toHaveLength(SURVEY_INDICATORS.filter((indicator) => indicator.note).length);
    const inputs = choiceSets(card);
    expect(inputs.map((input) => input.type === 'Input.ChoiceSet' && input.id)).toEqual(ANNUAL_QUESTION_IDS.map(answerInputId));
    for (const input of inputs) {
      if (input.type !== 'Input.ChoiceSet') continue;
      expect(input).toMatchObject({ style: 'expanded', isRequired: true });
      expect(input.errorMessage).toBeTruthy();
      expect(input.choices).toEqual(ANSWER_SCALE.map((choice) => ({ title: choice.label[locale], value: String(choice.value) })));
    }
    expect(card.content.actions).toEqual([{ type: 'Action.Execute', title: locale === 'ja' ? '送信' : 'Submit', verb: SURVEY_VERBS.submit, data: { roundId: 'fy2026-annual' } }]);
  });

  it('when the policy’s verbatim Japanese is checked, then the card shows the questions exactly as printed, そう思う first', () => {
    const shown = texts(buildSurveyCard({ round, locale: 'ja' }));
    expect(shown).toContain('あなたの職場のサービスは、適切なセキュリティ対策が実施されている。');
    expect(shown).toContain('※ここでいう「ニーズをとらえた施策」は区民向けのみではなく、庁内の職員向けなども含むものとします。');
    const first = choiceSets(buildSurveyCard({ round, locale: 'ja' }))[0];
    expect(first?.type === 'Input.ChoiceSet' && first.choices.map((choice) => `${choice.value}:${choice.title}`)).toEqual(['5:そう思う', '4:ややそう思う', '3:どちらともいえない', '2:あまりそう思わない', '1:そう思わない']);
  });

  it('when the same question set is sent twice, then the question elements are built once and shared', () => {
    const a = buildSurveyCard({ round, locale: 'ja' });
    const b = buildSurveyCard({ round: { ...round, id: 'another-round-same-questions' }, locale: 'ja' });
    const questionsOf = (card: CardAttachment) => card.content.body.filter((element) => element.type === 'Container');
    expect(questionsOf(a)).toHaveLength(8);
    questionsOf(a).forEach((element, index) => expect(questionsOf(b)[index]).toBe(element));
    expect(b.content.actions?.[0]).toMatchObject({ data: { roundId: 'another-round-same-questions' } });
  });

  it('when an employee edits their answers, then the card comes back filled in without changing the shared card', () => {
    const edited = buildSurveyCard({ round, locale: 'ja', answers: { ...allFour, '03': 1 } });
    expectValidCard(edited);
    expect(choiceSets(edited).map((input) => input.type === 'Input.ChoiceSet' && input.value)).toEqual(['4', '1', '4', '4', '4', '4', '4', '4']);
    expect(choiceSets(buildSurveyCard({ round, locale: 'ja' })).every((input) => input.type === 'Input.ChoiceSet' && input.value === undefined)).toBe(true);
  });

  it('when a submission is refused, then the card shows the reason above the questions', () => {
    const card = buildSurveyCard({ round, locale: 'en', problem: { ja: '締め切られました。', en: 'This survey closed.' } });
    expectValidCard(card);
    expect(card.content.body[3]).toMatchObject({ type: 'TextBlock', text: 'This survey closed.', color: 'Attention' });
  });

  it('when a pulse card is built, then it asks only the pulse’s questions, numbered from Q1', () => {
    for (const locale of LOCALES) {
      const card = buildSurveyCard({ round: pulse, locale });
      expectValidCard(card);
      expect(choiceSets(card)).toHaveLength(2);
      expect(texts(card)).toContain(SURVEY_INDICATORS.find((indicator) => indicator.id === '06')!.question[locale]);
      expect(texts(card)).toContain('Q2');
      expect(texts(card)[0]).toBe(locale === 'ja' ? 'DX推進に関するパルス調査（2026年度）' : 'DX pulse survey (fiscal year 2026)');
    }
  });

  it('when 送信 data arrives （card data merged with inputs）, then the round and answers are read for checking', () => {
    const data = { roundId: 'fy2026-annual', ...Object.fromEntries(ANNUAL_QUESTION_IDS.map((id) => [answerInputId(id), '3'])), 'answer-02': '5', other: 'x' };
    const read = surveySubmissionFromCardData(data);
    expect(read?.roundId).toBe('fy2026-annual');
    expect(read?.answers['02']).toBe('5');
    expect(read?.answers).not.toHaveProperty('other');
    // The forged answer-02 reaches the domain, which refuses it.
    expect(() => checkSubmission(round, read!.answers, new Date('2026-06-15T00:00:00Z'))).toThrow('forged');
    expect(surveySubmissionFromCardData({ 'answer-01': '3' })).toBeUndefined();
    const sneaky = surveySubmissionFromCardData(JSON.parse('{"roundId":"fy2026-annual","answer-__proto__":{"01":"5"}}'));
    expect(() => checkSubmission(round, sneaky!.answers, new Date('2026-06-15T00:00:00Z'))).toThrow('forged');
    expect(surveySubmissionFromCardData('nonsense')).toBeUndefined();
  });
});

describe('survey answered and results cards', () => {
  it.each(LOCALES)('when an employee has answered （%s）, then 回答済み shows their answers and 回答を修正 until the close', (locale) => {
    const open = buildSurveyAnsweredCard({ round, locale, answers: { ...allFour, '01': 5 }, now: new Date('2026-06-15T00:00:00Z') });
    expectValidCard(open);
    expect(texts(open)).toContain(locale === 'ja' ? '✓ 回答済み' : '✓ Answered');
    expect(texts(open)).toContain(ANSWER_SCALE[0]!.label[locale]);
    expect(open.content.actions).toEqual([{ type: 'Action.Execute', title: locale === 'ja' ? '回答を修正' : 'Edit my answers', verb: SURVEY_VERBS.edit, data: { roundId: 'fy2026-annual' } }]);
    const closed = buildSurveyAnsweredCard({ round, locale, answers: allFour, now: new Date('2026-06-30T08:00:00Z') });
    expectValidCard(closed);
    expect(closed.content.actions).toBeUndefined();
    expect(texts(closed)).toContain(locale === 'ja' ? 'このアンケートは締め切られました。' : 'This survey has closed.');
  });

  it.each(LOCALES)('when the admin asks for results (%s), then each question shows mean, target, achievement and next benchmark, with the 2024 rate', (locale) => {
    const sums = { '01': 3043, '03': 2848, '04': 3016, '05': 3022, '06': 2953, '07': 3042, '08': 2994, '08-security': 3683 };
    const results = aggregateSurveyRound(round, responsesWithSums(1000, sums), 2320);
    const card = buildSurveyResultsCard({ results, locale, tabUrl: 'https://example.invalid/tab' });
    expectValidCard(card);
    const facts = elements(card).flatMap((element) => (element.type === 'FactSet' ? element.facts : []));
    const values = facts.map((fact) => fact.value);
    expect(values).toEqual(expect.arrayContaining(['1,000', '2,320', '43.1%', '3.043', '2.848', '3.683']));
    expect(values).toContain(locale === 'ja' ? '2,251名・43.1%' : '2,251 answers, 43.1%');
    expect(values).toContain(locale === 'ja' ? '基準値以上' : 'Baseline or more');
    expect(values).toContain(locale === 'ja' ? '今年度の数字以上（3.683）' : 'This year’s figure or more (3.683)');
    expect(values.filter((value) => value === '3.5')).toHaveLength(7 * 2);
    expect(texts(card).at(-1)).toContain('02: ');
  });

  it.each(LOCALES)('when the summary is a running round’s snapshot (%s), then the card says breakdowns come after the close', (locale) => {
    const results = aggregateSurveyRound(pulse, responsesWithSums(12, { '03': 36, '06': 36 }), 40, { breakdowns: false });
    const card = buildSurveyResultsCard({ results, locale });
    expectValidCard(card);
    expect(texts(card)).toContain(locale === 'ja' ? '途中集計です。所属別・職層別は締切後に表示します。' : 'Interim snapshot. Breakdowns by department and job level appear after the close.');
    const final = buildSurveyResultsCard({ results: aggregateSurveyRound(pulse, responsesWithSums(12, { '03': 36, '06': 36 }), 40), locale });
    expect(texts(final).join(' ')).not.toContain(locale === 'ja' ? '途中集計' : 'Interim');
  });

  it('when a pulse had fewer than 5 respondents, then its results card hides the means', () => {
    const results = aggregateSurveyRound(pulse, responsesWithSums(3, { '03': 9, '06': 9 }), 40);
    const card = buildSurveyResultsCard({ results, locale: 'ja' });
    expectValidCard(card);
    const values = elements(card).flatMap((element) => (element.type === 'FactSet' ? element.facts.map((fact) => fact.value) : []));
    expect(values.filter((value) => value === '非表示（回答者5名未満）')).toHaveLength(2);
    expect(values).not.toContain('3.000');
  });
});
