import { z } from 'zod';

const localizedSchema = z.object({ ja: z.string(), en: z.string() });

export const surveyRoundSchema = z.object({
  id: z.string(),
  kind: z.enum(['annual', 'pulse']),
  fiscalYear: z.number(),
  questionIds: z.array(z.string()),
  opensAt: z.string(),
  closesAt: z.string(),
  audience: z.object({ kind: z.enum(['everyone', 'departments', 'job-levels']), departmentIds: z.array(z.string()).optional(), jobLevels: z.array(z.string()).optional() }),
  reminderDaysBeforeClose: z.array(z.number()),
  status: z.enum(['draft', 'started', 'cancelled']),
});
export type SurveyRoundView = z.infer<typeof surveyRoundSchema>;

export const surveyRoundsSchema = z.object({ rounds: z.array(surveyRoundSchema), departments: z.array(z.object({ id: z.string(), name: z.string() })) });

const benchmarkSchema = z.object({ kind: z.enum(['value', 'at-least']), value: z.number() });
// JSON drops undefined fields: a missing mean, distribution or benchmark means "hidden or no answers".
const questionResultSchema = z.object({
  questionId: z.string(),
  outcomeId: z.string(),
  name: localizedSchema,
  question: localizedSchema,
  n: z.number(),
  mean: z.number().optional(),
  distribution: z.record(z.string(), z.number()).optional(),
  baseline: z.number(),
  target: z.object({ kind: z.enum(['value', 'at-least-baseline']), value: z.number().optional() }),
  targetLabel: localizedSchema,
  achieved: z.boolean().optional(),
  nextBenchmark: benchmarkSchema.optional(),
  nextBenchmarkLabel: localizedSchema.optional(),
  suppressed: z.boolean(),
});
export type QuestionResultView = z.infer<typeof questionResultSchema>;

// Hidden groups are not listed; someHidden says only that there are some. withheld: a snapshot has no breakdowns.
const breakdownSchema = z.object({
  dimension: z.enum(['department', 'job-level']),
  groups: z.array(z.object({ groupId: z.string().optional(), respondents: z.number(), means: z.record(z.string(), z.number().optional()) })),
  someHidden: z.boolean(),
  withheld: z.boolean(),
});
export type BreakdownView = z.infer<typeof breakdownSchema>;

const publicationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('final') }),
  z.object({ kind: z.literal('snapshot'), takenOn: z.string(), respondents: z.number() }),
  z.object({ kind: z.literal('none'), reason: localizedSchema }),
]);
export type PublicationView = z.infer<typeof publicationSchema>;

/** The results as they may be read now: final (closed), the last snapshot (running), or none with the reason. */
export const surveyResultsSchema = z.object({
  round: surveyRoundSchema,
  departmentNames: z.record(z.string(), z.string()),
  publication: publicationSchema,
  results: z.object({
    roundId: z.string(),
    kind: z.enum(['annual', 'pulse']),
    fiscalYear: z.number(),
    questions: z.array(questionResultSchema),
    responseRate: z.object({
      respondents: z.number(),
      audienceSize: z.number(),
      rate: z.number().optional(),
      reference: z.object({ responses: z.number(), responseRate: z.number() }),
    }),
    byDepartment: breakdownSchema,
    byJobLevel: breakdownSchema,
    hrMeasured: z.object({ outcomeId: z.string(), text: localizedSchema }),
  }).optional(),
});
export type SurveyResultsView = z.infer<typeof surveyResultsSchema>;

export const surveyTrendSchema = z.object({
  trend: z.array(
    z.object({
      questionId: z.string(),
      name: localizedSchema,
      points: z.array(z.object({ fiscalYear: z.number(), roundId: z.string().optional(), mean: z.number().optional(), n: z.number().optional(), change: z.number().optional() })),
    }),
  ),
});
export type SurveyTrendView = z.infer<typeof surveyTrendSchema>['trend'];

export const startedSchema = z.object({ round: surveyRoundSchema, audienceSize: z.number(), invitations: z.enum(['queued', 'not-sent']) });

export interface NewSurveyInput {
  kind: 'annual' | 'pulse';
  fiscalYear: number;
  questionIds?: string[];
  opensAt: string;
  closesAt: string;
  audience: { kind: 'everyone' } | { kind: 'departments'; departmentIds: string[] } | { kind: 'job-levels'; jobLevels: string[] };
  reminderDaysBeforeClose: number[];
}

/** Creating or closing a round answers the round as it now is. */
export const roundResponseSchema = z.object({ round: surveyRoundSchema });
