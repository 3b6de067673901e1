import { z } from 'zod';
import type { LocalizedText, Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { ANSWER_SCALE, SURVEY_INDICATORS } from '../../../kernel/domain/catalog/survey-indicators.js';
import { formatJst, questionNumber, type SurveyAnswers, type SurveyRound } from '../domain/survey-rounds.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { t } from '../../../kernel/cards/messages.js';

/** Action.Execute verbs of the survey cards, shared with their handlers. */
export const SURVEY_VERBS = {
  /** 送信: data carries roundId and one `answer-<questionId>` input per question. */
  submit: 'survey.submit',
  /** 回答を修正: data carries roundId; the handler answers with the survey card filled with the current answers. */
  edit: 'survey.edit',
} as const;

const ANSWER_INPUT_PREFIX = 'answer-';
export const answerInputId = (questionId: string) => `${ANSWER_INPUT_PREFIX}${questionId}`;

export type SurveyCardRound = Pick<SurveyRound, 'id' | 'kind' | 'fiscalYear' | 'questionIds' | 'closesAt'>;

export const surveyTitle = (round: Pick<SurveyRound, 'kind' | 'fiscalYear'>, locale: Locale) =>
  t(round.kind === 'annual' ? 'surveyTitleAnnual' : 'surveyTitlePulse', locale, { year: String(round.fiscalYear) });

const indicatorById = (questionId: string) => {
  const indicator = SURVEY_INDICATORS.find((candidate) => candidate.id === questionId);
  if (!indicator) throw new RangeError(`no survey indicator ${questionId}`);
  return indicator;
};

// The question elements depend only on the question set and the locale: built once, reused for every card sent.
const questionElementsCache = new Map<string, readonly CardElement[]>();

function questionElements(questionIds: readonly string[], locale: Locale): readonly CardElement[] {
  const cacheKey = `${locale}|${questionIds.join(',')}`;
  const cached = questionElementsCache.get(cacheKey);
  if (cached) return cached;
  const elements = questionIds.map((questionId): CardElement => {
    const indicator = indicatorById(questionId);
    const number = questionNumber({ questionIds: [...questionIds] }, questionId);
    return {
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: number, weight: 'Bolder', color: 'Accent', spacing: 'None' },
        { type: 'TextBlock', text: indicator.question[locale], wrap: true, weight: 'Bolder', spacing: 'Small' },
        ...(indicator.note ? [{ type: 'TextBlock' as const, text: indicator.note[locale], wrap: true, isSubtle: true, size: 'Small' as const, spacing: 'Small' as const }] : []),
        {
          type: 'Input.ChoiceSet',
          id: answerInputId(questionId),
          label: t('surveyAnswerLabel', locale, { number }),
          style: 'expanded',
          isRequired: true,
          errorMessage: t('surveyAnswerRequired', locale, { number }),
          choices: ANSWER_SCALE.map((choice) => ({ title: choice.label[locale], value: String(choice.value) })),
          spacing: 'Small',
        },
      ],
    };
  });
  questionElementsCache.set(cacheKey, elements);
  return elements;
}

/** Pre-selects answers (for 回答を修正) on copies, leaving the shared elements untouched. */
function withAnswers(elements: readonly CardElement[], answers: SurveyAnswers): CardElement[] {
  return elements.map((element) => {
    if (element.type !== 'Container') return element;
    return {
      ...element,
      items: element.items.map((item) => {
        if (item.type !== 'Input.ChoiceSet') return item;
        const value = answers[item.id.slice(ANSWER_INPUT_PREFIX.length)];
        return value === undefined ? item : { ...item, value: String(value) };
      }),
    };
  });
}

/**
 * The survey as one card: every question of the round with its ※ note verbatim from the policy, five labelled
 * choices (そう思う=5 … そう思わない=1), all required, and 送信. `problem` is a refusal to show above the
 * questions; `answers` fills in earlier answers when the employee edits them.
 */
export function buildSurveyCard(data: { round: SurveyCardRound; locale: Locale; answers?: SurveyAnswers; problem?: LocalizedText }): CardAttachment {
  const { round, locale } = data;
  const questions = questionElements(round.questionIds, locale);
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: surveyTitle(round, locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: t('surveyIntro', locale), wrap: true },
      { type: 'TextBlock', text: t('surveyDeadline', locale, { closesAt: formatJst(round.closesAt) }), wrap: true, isSubtle: true, spacing: 'Small' },
      ...(data.problem ? [{ type: 'TextBlock' as const, text: data.problem[locale], wrap: true, color: 'Attention' as const, weight: 'Bolder' as const }] : []),
      ...(data.answers ? withAnswers(questions, data.answers) : questions),
    ],
    actions: [{ type: 'Action.Execute', title: t('surveySubmit', locale), verb: SURVEY_VERBS.submit, data: { roundId: round.id } }],
  });
}

const cardDataSchema = z.looseObject({ roundId: z.string().min(1).max(64) });

/**
 * Reads the Action.Execute data of 送信 (the card's data merged with its inputs): the round and the raw answer
 * per question id, for checkSubmission to judge. Returns undefined when there is no round id at all.
 */
export function surveySubmissionFromCardData(data: unknown): { roundId: string; answers: Record<string, unknown> } | undefined {
  const parsed = cardDataSchema.safeParse(data);
  if (!parsed.success) return undefined;
  // fromEntries defines own properties, so an input named answer-__proto__ is a forged question, not a prototype.
  const answers: Record<string, unknown> = Object.fromEntries(
    Object.entries(parsed.data)
      .filter(([name]) => name.startsWith(ANSWER_INPUT_PREFIX))
      .map(([name, value]) => [name.slice(ANSWER_INPUT_PREFIX.length), value]),
  );
  return { roundId: parsed.data.roundId, answers };
}
