import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { formatMean, formatRate, type QuestionResult, type SurveyRoundResults } from '../domain/survey-results.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { t } from '../../../kernel/cards/messages.js';

function questionFacts(question: QuestionResult, locale: Locale): { title: string; value: string }[] {
  const shown = question.mean !== undefined;
  const hiddenReason = question.suppressed ? t('surveySuppressed', locale) : t('surveyNoAnswers', locale);
  return [
    { title: t('surveyN', locale), value: question.n.toLocaleString('en-US') },
    { title: t('surveyMean', locale), value: shown ? formatMean(question.mean!) : hiddenReason },
    { title: t('surveyBaseline', locale), value: formatMean(question.baseline) },
    { title: t('surveyTarget', locale), value: question.targetLabel[locale] },
    {
      title: t('surveyAchievement', locale),
      value: question.achieved === undefined ? t('surveyNotApplicable', locale) : question.achieved ? `✓ ${t('surveyAchieved', locale)}` : t('surveyNotAchieved', locale),
    },
    { title: t('surveyNextBenchmark', locale), value: question.nextBenchmarkLabel?.[locale] ?? t('surveyNotApplicable', locale) },
  ];
}

/**
 * The admin's summary in chat: response rate against the audience with the 2024 survey as reference, then per
 * question n, mean, baseline, target, whether it is met and next year's benchmark. Outcome 02 is HR's.
 */
export function buildSurveyResultsCard(data: { results: SurveyRoundResults; locale: Locale; tabUrl?: string }): CardAttachment {
  const { results, locale } = data;
  const { responseRate } = results;
  const questions: CardElement[] = results.questions.map((question, index) => ({
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      { type: 'TextBlock', text: `Q${index + 1} ${question.name[locale]}`, weight: 'Bolder', wrap: true },
      { type: 'FactSet', spacing: 'Small', facts: questionFacts(question, locale) },
    ],
  }));
  return adaptiveCard({
    body: [
      {
        type: 'TextBlock',
        text: t('surveyResultsTitle', locale, { year: String(results.fiscalYear), kind: t(results.kind === 'annual' ? 'surveyKindAnnual' : 'surveyKindPulse', locale) }),
        size: 'Medium',
        weight: 'Bolder',
        style: 'heading',
        wrap: true,
      },
      ...(results.byDepartment.withheld ? [{ type: 'TextBlock', text: t('surveyInterimNote', locale), wrap: true, isSubtle: true } satisfies CardElement] : []),
      {
        type: 'FactSet',
        facts: [
          { title: t('surveyRespondents', locale), value: responseRate.respondents.toLocaleString('en-US') },
          { title: t('surveyAudience', locale), value: responseRate.audienceSize.toLocaleString('en-US') },
          { title: t('surveyResponseRate', locale), value: responseRate.rate === undefined ? t('surveyNotApplicable', locale) : formatRate(responseRate.rate) },
          {
            title: t('surveyReference', locale),
            value: t('surveyReferenceValue', locale, { responses: responseRate.reference.responses.toLocaleString('en-US'), rate: formatRate(responseRate.reference.responseRate) }),
          },
        ],
      },
      ...questions,
      { type: 'TextBlock', text: `${results.hrMeasured.outcomeId}: ${results.hrMeasured.text[locale]}`, wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' },
    ],
    actions: data.tabUrl ? [{ type: 'Action.OpenUrl', title: t('openTab', locale), url: data.tabUrl }] : [],
  });
}
