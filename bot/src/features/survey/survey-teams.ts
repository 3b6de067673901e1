import { MessageFactory } from 'botbuilder';
import { z } from 'zod';
import type { CardAttachment } from '../../kernel/cards/adaptive-card.js';
import { t } from '../../kernel/cards/messages.js';
import { buildSurveyAnsweredCard } from './cards/survey-answered-card.js';
import { SURVEY_VERBS, buildSurveyCard, surveySubmissionFromCardData } from './cards/survey-card.js';
import { buildSurveyResultsCard } from './cards/survey-results-card.js';
import type { Locale } from '../../kernel/domain/catalog/localized-text.js';
import { AppError } from '../../kernel/domain/errors.js';
import type { SurveyService } from './domain/survey-service.js';
import { isOpen, type SurveyAnswerValue, type SurveyAnswers, type SurveyRound } from './domain/survey-rounds.js';
import { writingNothing, type CommandHandler, type InvokeResult, type InvokeRoutes, type TextRoutes } from '../../kernel/teams/route-types.js';
import { normalizeCommandText } from '../../kernel/teams/router.js';

export interface SurveyFeatureDeps {
  surveys: SurveyService;
  tabUrl: string;
  now?: () => Date;
}

const roundDataSchema = z.object({ roundId: z.string().trim().min(1).max(64) });

/** Typed phrases (beyond the menu) that ask for the admin's results summary. */
const RESULTS_PHRASES = ['アンケート結果', 'アンケートの結果', 'survey results', 'survey result'];

/** The answers of a refused submission that are still usable, so the card comes back as the person left it. */
function keptAnswers(round: SurveyRound, raw: Readonly<Record<string, unknown>>): SurveyAnswers {
  const kept: SurveyAnswers = {};
  for (const questionId of round.questionIds) {
    const value = Object.hasOwn(raw, questionId) ? raw[questionId] : undefined;
    if (typeof value === 'string' && /^[1-5]$/.test(value)) kept[questionId] = Number(value) as SurveyAnswerValue;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) kept[questionId] = value as SurveyAnswerValue;
  }
  return kept;
}

/**
 * アンケート in chat: 「アンケート」 shows the open round's card (or 回答済み with 回答を修正), 送信 and 回答を修正 answer
 * in place (Action.Execute), and an admin's 「アンケート結果」 brings the results summary.
 */
export function createSurveyFeature(deps: SurveyFeatureDeps): { survey: CommandHandler; invokeRoutes: InvokeRoutes; textRoutes: TextRoutes } {
  const now = () => deps.now?.() ?? new Date();
  const cardFor = (round: SurveyRound, locale: Locale, answers: SurveyAnswers | undefined): CardAttachment =>
    answers ? buildSurveyAnsweredCard({ round, locale, answers, now: now() }) : buildSurveyCard({ round, locale });
  /** A refusal the person can act on is shown on the card; anything else is the turn handler's. */
  const isUserProblem = (error: unknown): error is AppError => error instanceof AppError && error.code !== 'internal';

  const showResults: CommandHandler = async ({ context, locale, profile }) => {
    try {
      const results = await deps.surveys.latestResults(profile.id);
      await context.sendActivity(
        results ? MessageFactory.attachment(buildSurveyResultsCard({ results, locale, tabUrl: deps.tabUrl })) : MessageFactory.text(t('surveyNoResults', locale)),
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'forbidden') throw error;
      await context.sendActivity(MessageFactory.text(t('surveyResultsAdminOnly', locale)));
    }
  };

  return {
    survey: async ({ context, locale, profile }) => {
      const rounds = await deps.surveys.openRoundsFor(profile.id);
      if (rounds.length === 0) {
        await context.sendActivity(MessageFactory.text(t('surveyNoneOpen', locale)));
        return;
      }
      for (const open of rounds) {
        const { round, answers } = await deps.surveys.ownAnswers(profile.id, open.id);
        await context.sendActivity(MessageFactory.attachment(cardFor(round, locale, answers)));
      }
    },
    textRoutes: Object.fromEntries(RESULTS_PHRASES.map((phrase) => [normalizeCommandText(phrase), showResults])),
    invokeRoutes: {
      // 送信 writes nothing about the person in its turn: the answer is sealed and waits for a batch.
      [SURVEY_VERBS.submit]: writingNothing(async ({ locale, profile }, data): Promise<InvokeResult> => {
        const submission = surveySubmissionFromCardData(data);
        if (!submission) return { kind: 'error', status: 400, message: t('invalidCardData', locale) };
        try {
          const { round, answers } = await deps.surveys.submit(profile, submission.roundId, submission.answers);
          return { kind: 'card', card: buildSurveyAnsweredCard({ round, locale, answers, now: now() }) };
        } catch (error) {
          if (!isUserProblem(error)) throw error;
          const problem = error.userMessage;
          let round: SurveyRound;
          try {
            round = (await deps.surveys.ownAnswers(profile.id, submission.roundId)).round;
          } catch (lookup) {
            if (!isUserProblem(lookup)) throw lookup;
            return { kind: 'error', status: 404, message: problem[locale] };
          }
          return { kind: 'card', card: buildSurveyCard({ round, locale, answers: keptAnswers(round, submission.answers), problem }) };
        }
      }),
      // 回答を修正 neither: a write at that moment would say whose sheet the next batch replaces.
      [SURVEY_VERBS.edit]: writingNothing(async ({ locale, profile }, data): Promise<InvokeResult> => {
        const parsed = roundDataSchema.safeParse(data);
        if (!parsed.success) return { kind: 'error', status: 400, message: t('invalidCardData', locale) };
        try {
          const { round, answers } = await deps.surveys.ownAnswers(profile.id, parsed.data.roundId);
          if (isOpen(round, now())) return { kind: 'card', card: buildSurveyCard({ round, locale, ...(answers ? { answers } : {}) }) };
          if (answers) return { kind: 'card', card: buildSurveyAnsweredCard({ round, locale, answers, now: now() }) };
          return { kind: 'error', status: 409, message: t('surveyClosed', locale) };
        } catch (error) {
          if (!isUserProblem(error)) throw error;
          return { kind: 'error', status: 404, message: error.userMessage[locale] };
        }
      }),
    },
  };
}
