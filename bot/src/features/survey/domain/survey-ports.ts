import type { JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import type { SurveyAnswers, SurveyRound } from './survey-rounds.js';
import type { AnonymousSurveyResponse, SurveyRoundResults } from './survey-results.js';

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
  /** The last snapshot published for a running round, if any. */
  latestSnapshot(roundId: string): Promise<SurveySnapshot | undefined>;
  /** Publishes a snapshot, replacing the previous one. */
  saveSnapshot(snapshot: SurveySnapshot): Promise<void>;
}

/** What a running round publishes once a day at most: overall figures only, fixed until the next one. */
export interface SurveySnapshot {
  roundId: string;
  /** The Japan-time day it was taken. */
  takenOn: string;
  respondents: number;
  results: SurveyRoundResults;
}

export interface SurveySubmission {
  roundId: string;
  employeeId: string;
  answers: SurveyAnswers;
  departmentId: string | undefined;
  jobLevel: JobLevel | undefined;
  /** The Japan-time day: no finer time is ever stored. */
  submittedOn: string;
}

/** An employee's own answers, from their sheet or still waiting for the next batch. */
export type StoredSurveyResponse = AnonymousSurveyResponse & { waiting: boolean };

/** An answer waiting (sealed) for its batch; `ref` is the adapter's, opaque to the domain. */
export interface PendingSurveyAnswer extends AnonymousSurveyResponse {
  readonly ref: unknown;
}

/**
 * Survey answers without identity, and participation without answers. The adapter holds the secret that links
 * the two; whoever reads the tables without it sees anonymous answer sheets and unlinkable participation rows.
 * A submission is only sealed into a waiting row at the turn; sheets and participation are written later, in
 * batches (writeBatch), so no sheet's write time is the moment someone pressed 送信.
 */
export interface SurveyResponseRepository {
  /**
   * Stores the round's key check when it starts, so its time is the start's and no answer's (a round started
   * before the check existed gets it on first use); refuses when the configured key does not open an existing one.
   */
  prepareRound(roundId: string): Promise<void>;
  /**
   * Seals the employee's answers into their waiting row (a second submission replaces it); the sheet, once
   * written, stays one per employee per round.
   */
  submit(submission: SurveySubmission): Promise<void>;
  /** The round's waiting answers, opened. */
  pending(roundId: string): Promise<PendingSurveyAnswer[]>;
  /**
   * Writes waiting answers as sheets (replacing the employee's earlier sheet), carrying the groups given, in
   * shuffled order, then removes them from the waiting rows. Returns how many were written.
   */
  writeBatch(roundId: string, batch: readonly { pending: PendingSurveyAnswer; groups: Pick<AnonymousSurveyResponse, 'departmentId' | 'jobLevel'> }[]): Promise<number>;
  /** The employee's own answer sheet, if they have answered. */
  findOwn(roundId: string, employeeId: string): Promise<StoredSurveyResponse | undefined>;
  /** Those of `employeeIds` who have not answered the round, in the given order (reminders go to them). */
  notAnswered(roundId: string, employeeIds: readonly string[]): Promise<string[]>;
  /** Every written answer sheet of the round, anonymous, for aggregation (waiting answers are not in it). */
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
