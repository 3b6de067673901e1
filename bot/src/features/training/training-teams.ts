import { MessageFactory } from 'botbuilder';
import { z } from 'zod';
import { buildSessionFinderCard, TRAINING_VERBS } from './cards/session-finder-card.js';
import { t } from '../../kernel/cards/messages.js';
import { AppError } from '../../kernel/domain/errors.js';
import type { SkillService } from '../skills/domain/skill-service.js';
import { findSessionsForGaps } from './domain/training-finder.js';
import type { SessionView, TrainingService } from './domain/training-service.js';
import type { CommandHandler, InvokeRoutes, TurnScope } from '../../kernel/teams/route-types.js';

export interface TrainingFeatureDeps {
  skills: SkillService;
  training: TrainingService;
  tabUrl: string;
}

const enrollDataSchema = z.object({ sessionId: z.string().trim().min(1).max(100) });

/** 研修を探す in chat: sessions for the employee's gaps, and 申し込む right on the card. */
export function createTrainingFeature(deps: TrainingFeatureDeps): { findTraining: CommandHandler; invokeRoutes: InvokeRoutes } {
  /** The finder card; `notice` may name a session from the same read, so an answer reads the sessions once. */
  const finderCard = async ({ profile, locale }: TurnScope, notice?: (sessions: readonly SessionView[]) => { kind: 'done' | 'problem'; text: string }) => {
    // Only the recommendations, from the profile the turn read (its copy of the ticks and goals): the full マイスキル
    // view would also read the assessment, the employee and their confirmations.
    const [recommendations, sessions] = await Promise.all([deps.skills.recommendationsFor(profile, locale), deps.training.upcoming(profile.id, locale)]);
    return buildSessionFinderCard({ found: findSessionsForGaps(sessions, recommendations), locale, tabUrl: deps.tabUrl, notice: notice?.(sessions) });
  };
  return {
    findTraining: async (scope) => {
      await scope.context.sendActivity(MessageFactory.attachment(await finderCard(scope)));
    },
    invokeRoutes: {
      [TRAINING_VERBS.enroll]: async (scope, data) => {
        const parsed = enrollDataSchema.safeParse(data);
        if (!parsed.success) return { kind: 'error', status: 400, message: t('invalidCardData', scope.locale) };
        try {
          const enrollment = await deps.training.enroll(scope.profile.id, parsed.data.sessionId);
          const done = (sessions: readonly SessionView[]) => {
            const course = sessions.find((candidate) => candidate.id === enrollment.sessionId)?.courseTitle ?? '';
            return { kind: 'done' as const, text: t(enrollment.status === 'enrolled' ? 'enrolledNotice' : 'waitlistedNotice', scope.locale, { course }) };
          };
          return { kind: 'card', card: await finderCard(scope, done) };
        } catch (error) {
          // A full, past or doubled sign-up is told on the refreshed card; anything else is the turn handler's.
          if (!(error instanceof AppError) || error.code === 'internal') throw error;
          const problem = error.userMessage[scope.locale];
          return { kind: 'card', card: await finderCard(scope, () => ({ kind: 'problem', text: problem })) };
        }
      },
    },
  };
}
