import type { JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import type { SurveyAnswers, SurveyRound } from './survey-rounds.js';
import type { AnonymousSurveyResponse } from './survey-results.js';

/** Survey rounds (issue 5). Writes that lose a race throw ConcurrencyError. */
export interface SurveyRoundRepository {
  get(roundId: string): Promise<SurveyRound | undefined>;
  list(): Promise<SurveyRound[]>;
  /**
   * Stores the round `decide` builds from the rounds already stored (decide refuses clashes). An annual round
   * also claims its fiscal year in the same transaction, so two admins racing cannot both create one; the loser
   * decides again against the winner's round and gets the domain's refusal.
   */
  create(decide: (existing: SurveyRound[]) => SurveyRound): Promise<SurveyRound>;
  /** ETag-guarded change; cancelling an annual round releases its fiscal year. */
  update(roundId: string, change: (current: SurveyRound) => SurveyRound): Promise<SurveyRound>;
}

export interface SurveySubmission {
  roundId: string;
  employeeId: string;
  answers: SurveyAnswers;
  departmentId: string | undefined;
  jobLevel: JobLevel | undefined;
  submittedAt: string;
}

export type StoredSurveyResponse = AnonymousSurveyResponse & { responseId: string };

/**
 * Survey answers without identity, and participation without answers. The adapter holds the secret that links
 * the two; whoever reads the tables without it sees anonymous answer sheets and unlinkable participation rows.
 */
export interface SurveyResponseRepository {
  /** Stores the employee's answers, replacing any earlier ones: at most one answer sheet per employee per round. */
  submit(submission: SurveySubmission): Promise<{ responseId: string; replaced: boolean }>;
  /** The employee's own answer sheet, if they have answered. */
  findOwn(roundId: string, employeeId: string): Promise<StoredSurveyResponse | undefined>;
  /** Those of `employeeIds` who have not answered the round, in the given order (reminders go to them). */
  notAnswered(roundId: string, employeeIds: readonly string[]): Promise<string[]>;
  /** Every answer sheet of the round, anonymous, for aggregation. */
  listResponses(roundId: string): Promise<AnonymousSurveyResponse[]>;
}

/**
 * Sends survey cards to employees' personal chats (issue 5). Implemented by the broadcast/delivery engine, which
 * is durable and paced for Teams' rate limits: a call returns once the deliveries are accepted (queued), not when
 * every card has arrived. Each employee gets the round's survey card (buildSurveyCard) in their locale.
 */
export interface SurveyNotifier {
  /** The round has started: invite its audience. */
  invite(round: SurveyRound, employeeIds: readonly string[]): Promise<void>;
  /** A reminder slot is due: remind those of the audience who have not answered (never respondents). */
  remind(round: SurveyRound, employeeIds: readonly string[], slot: string): Promise<void>;
}
