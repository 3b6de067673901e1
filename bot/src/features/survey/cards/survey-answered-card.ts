import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { ANSWER_SCALE, SURVEY_INDICATORS } from '../../../kernel/domain/catalog/survey-indicators.js';
import { formatJst, questionNumber, type SurveyAnswers } from '../domain/survey-rounds.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { t } from '../../../kernel/cards/messages.js';
import { SURVEY_VERBS, surveyTitle, type SurveyCardRound } from './survey-card.js';

/** 「回答済み」: what the employee answered and, until the round closes, 回答を修正. */
export function buildSurveyAnsweredCard(data: { round: SurveyCardRound; locale: Locale; answers: SurveyAnswers; now: Date }): CardAttachment {
  const { round, locale } = data;
  const editable = data.now < new Date(round.closesAt);
  const answers: CardElement[] = round.questionIds.map((questionId) => {
    const indicator = SURVEY_INDICATORS.find((candidate) => candidate.id === questionId);
    const value = data.answers[questionId];
    const label = ANSWER_SCALE.find((choice) => choice.value === value)?.label[locale] ?? t('surveyNotApplicable', locale);
    return {
      type: 'Container',
      separator: true,
      spacing: 'Small',
      items: [
        { type: 'TextBlock', text: `${questionNumber(round, questionId)} ${indicator?.question[locale] ?? questionId}`, wrap: true, isSubtle: true, size: 'Small' },
        { type: 'TextBlock', text: label, weight: 'Bolder', spacing: 'None', wrap: true },
      ],
    };
  });
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: surveyTitle(round, locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: `✓ ${t('surveyAnswered', locale)}`, color: 'Good', weight: 'Bolder', size: 'Large' },
      { type: 'TextBlock', text: t('surveyThanks', locale), wrap: true, spacing: 'Small' },
      ...answers,
      {
        type: 'TextBlock',
        text: editable ? t('surveyEditUntil', locale, { closesAt: formatJst(round.closesAt) }) : t('surveyClosed', locale),
        wrap: true,
        isSubtle: true,
        spacing: 'Medium',
      },
    ],
    actions: editable ? [{ type: 'Action.Execute', title: t('surveyEdit', locale), verb: SURVEY_VERBS.edit, data: { roundId: round.id } }] : [],
  });
}
