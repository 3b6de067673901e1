import { adminCheck } from '../../../kernel/domain/access.js';
import { JOB_LEVEL_LABELS, type JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import type { Employee } from '../../../kernel/domain/employee.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { DepartmentRepository, EmployeeRepository } from '../../../kernel/domain/ports.js';
import type { SurveyNotifier, SurveyResponseRepository, SurveyRoundRepository } from './survey-ports.js';
import { aggregateSurveyRound, surveyResultsCsv, yearOverYearTrend, type SurveyRoundResults } from './survey-results.js';
import { audienceCounts, bureauGroupId, bureauOf, jstDay, MIN_ANSWER_BATCH, MIN_NEW_ANSWERS_PER_SNAPSHOT, reportableGroups, snapshotDue } from './survey-disclosure.js';
import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import {
  checkSubmission,
  closeSurveyRound,
  createSurveyRound,
  dueReminderSlot,
  isClosed,
  isInAudience,
  isOpen,
  startSurveyRound,
  type NewSurveyRound,
  type SurveyAnswers,
  type SurveyRound,
} from './survey-rounds.js';

export interface SurveyServiceDeps {
  rounds: SurveyRoundRepository;
  responses: SurveyResponseRepository;
  employees: EmployeeRepository;
  departments: DepartmentRepository;
  /** The delivery engine's side of invitations and reminders; undefined until it is connected. */
  notifier: SurveyNotifier | undefined;
  now?: () => Date;
}

/** queued: handed to the delivery engine; not-sent: no notifier is connected, so nobody was told by the bot. */
export type InvitationStatus = 'queued' | 'not-sent';

/**
 * What may be read of a round now: the final results once it has closed; while it runs, the last snapshot
 * (overall figures only, taken at most once a day and only after MIN_NEW_ANSWERS_PER_SNAPSHOT new answers); else
 * nothing, with the reason.
 */
export type Publication = { kind: 'final' } | { kind: 'snapshot'; takenOn: string; respondents: number } | { kind: 'none'; reason: LocalizedText };

const NOTHING_YET: LocalizedText = {
  ja: `回答受付中です。途中集計は、前回から${MIN_NEW_ANSWERS_PER_SNAPSHOT}件以上の新しい回答があった日に1日1回だけ公開されます（まだありません）。締切後にすべての結果を表示します。`,
  en: `The survey is running. An interim snapshot is published at most once a day, once ${MIN_NEW_ANSWERS_PER_SNAPSHOT} or more new answers have arrived since the last one (none yet). Full results appear after the close.`,
};
const NOT_STARTED: LocalizedText = { ja: 'このアンケートは開始されていないため、結果はありません。', en: 'This survey has not been run, so it has no results.' };

const roundNotFound = (roundId: string) =>
  new AppError('not-found', { detail: `no survey round ${roundId}`, userMessage: { ja: 'このアンケートは見つかりません。', en: 'This survey does not exist.' } });

const notInAudience = (roundId: string, employeeId: string) =>
  new AppError('forbidden', {
    detail: `${employeeId} is not in the audience of ${roundId}`,
    userMessage: { ja: 'このアンケートの対象ではありません。', en: 'This survey is not addressed to you.' },
  });

/**
 * The pulse survey (第2章 3. 評価指標) as the admin runs it and the employee answers it. Orchestration only: the
 * rules are in survey-rounds.ts and survey-results.ts, storage and delivery behind ports.
 */
export function createSurveyService(deps: SurveyServiceDeps) {
  const now = () => deps.now?.() ?? new Date();
  const asAdmin = adminCheck(deps.employees);
  const getRound = async (roundId: string) => {
    const round = await deps.rounds.get(roundId);
    if (!round) throw roundNotFound(roundId);
    return round;
  };
  /** Who a round asks, from HR's department and job level. */
  const audienceOf = (round: SurveyRound, employees: readonly Employee[]) => employees.filter((employee) => isInAudience(round, employee));
  /** 課 names, and 部 names for the sheets that carry a 部 only. */
  const departmentNames = async () => {
    const names: Record<string, string> = {};
    for (const department of await deps.departments.list()) {
      names[department.id] = department.name;
      const bureau = bureauOf(department);
      if (bureau) names[bureauGroupId(bureau)] = bureau;
    }
    return names;
  };

  /**
   * Writes a round's waiting answers as sheets, each carrying only the groups its audience is large enough for.
   * Unless `all`, only when a batch is worth writing: MIN_ANSWER_BATCH of them, one from an earlier day, or the
   * round has closed; so a sheet is written among others, never alone at the moment it was given.
   */
  async function writeAnswers(round: SurveyRound, at: Date, all: boolean, employees?: readonly Employee[]): Promise<number> {
    const waiting = await deps.responses.pending(round.id);
    if (waiting.length === 0) return 0;
    const day = jstDay(at);
    const due = all || waiting.length >= MIN_ANSWER_BATCH || isClosed(round, at) || waiting.some((answer) => answer.submittedOn < day);
    if (!due) return 0;
    const [everyone, departments] = await Promise.all([employees ?? deps.employees.list(), deps.departments.list()]);
    const counts = audienceCounts(audienceOf(round, everyone), departments);
    return deps.responses.writeBatch(
      round.id,
      waiting.map((pending) => ({ pending, groups: reportableGroups(pending, counts, departments) })),
    );
  }

  /** The final results of a closed round (every waiting answer written first), with breakdowns. */
  async function finalResults(round: SurveyRound, employees: readonly Employee[], at: Date): Promise<SurveyRoundResults> {
    await writeAnswers(round, at, true, employees);
    return aggregateSurveyRound(round, await deps.responses.listResponses(round.id), audienceOf(round, employees).length);
  }

  /** What may be read of the round now (see Publication). */
  async function published(round: SurveyRound, employees: () => Promise<readonly Employee[]>): Promise<{ publication: Publication; results?: SurveyRoundResults }> {
    const at = now();
    if (isClosed(round, at)) return { publication: { kind: 'final' }, results: await finalResults(round, await employees(), at) };
    if (round.status !== 'started') return { publication: { kind: 'none', reason: NOT_STARTED } };
    const snapshot = await deps.rounds.latestSnapshot(round.id);
    if (!snapshot) return { publication: { kind: 'none', reason: NOTHING_YET } };
    return { publication: { kind: 'snapshot', takenOn: snapshot.takenOn, respondents: snapshot.respondents }, results: snapshot.results };
  }

  /** Rounds with a reminder slot due at `at` that has not been sent. */
  async function dueReminders(at: Date = now()): Promise<{ roundId: string; slot: string }[]> {
    return (await deps.rounds.list()).flatMap((round) => {
      const slot = dueReminderSlot(round, at);
      return slot ? [{ roundId: round.id, slot: slot.toISOString() }] : [];
    });
  }

  /**
   * Reminds the round's non-respondents (respondents never) for the due slot; undefined when no slot is due. The
   * slot is claimed on the round with its ETag first, so two server instances cannot both send it; a failed
   * hand-over releases it again. Without a notifier nothing is claimed and nobody is reminded.
   */
  async function sendReminders(roundId: string, at: Date = now()): Promise<{ reminded: number; invitations: InvitationStatus } | undefined> {
    const notifier = deps.notifier;
    if (!dueReminderSlot(await getRound(roundId), at)) return undefined;
    if (!notifier) return { reminded: 0, invitations: 'not-sent' };
    let claimed: string | undefined;
    const round = await deps.rounds.update(roundId, (current) => {
      claimed = dueReminderSlot(current, at)?.toISOString();
      return claimed ? { ...current, remindersSent: [...(current.remindersSent ?? []), claimed] } : current;
    });
    const slot = claimed;
    if (!slot) return undefined;
    const audience = audienceOf(round, await deps.employees.list()).map((employee) => employee.id);
    const notAnswered = await deps.responses.notAnswered(round.id, audience);
    try {
      if (notAnswered.length > 0) await notifier.remind(round, notAnswered, slot);
    } catch (error) {
      await deps.rounds.update(roundId, (current) => ({ ...current, remindersSent: (current.remindersSent ?? []).filter((sent) => sent !== slot) }));
      throw error;
    }
    return { reminded: notAnswered.length, invitations: 'queued' };
  }

  return {
    /** デジタル推進課 creates a round as a draft; clashes (one annual round per fiscal year) are refused with a reason. */
    async createRound(adminId: string, input: Omit<NewSurveyRound, 'createdBy'>): Promise<SurveyRound> {
      await asAdmin(adminId);
      return deps.rounds.create((existing) => createSurveyRound({ ...input, createdBy: adminId }, existing, now()));
    },

    /** Starts a draft round and invites its audience through the notifier, when one is connected. */
    async startRound(adminId: string, roundId: string): Promise<{ round: SurveyRound; audienceSize: number; invitations: InvitationStatus }> {
      await asAdmin(adminId);
      await getRound(roundId);
      const round = await deps.rounds.update(roundId, (current) => startSurveyRound(current, now()));
      await deps.responses.prepareRound(round.id);
      const audience = audienceOf(round, await deps.employees.list()).map((employee) => employee.id);
      if (!deps.notifier) return { round, audienceSize: audience.length, invitations: 'not-sent' };
      await deps.notifier.invite(round, audience);
      return { round, audienceSize: audience.length, invitations: 'queued' };
    },

    /** Every round, newest first, with the departments an audience can name. */
    async listRounds(adminId: string) {
      await asAdmin(adminId);
      const [rounds, departments] = await Promise.all([deps.rounds.list(), deps.departments.list()]);
      return { rounds: rounds.reverse(), departments };
    },

    /**
     * Aggregates only, and only what may be read now (Publication): a closed round's final results with
     * breakdowns (small groups hidden with their complements), a running round's last snapshot, or nothing.
     */
    async results(adminId: string, roundId: string) {
      await asAdmin(adminId);
      const round = await getRound(roundId);
      const [readable, names] = await Promise.all([published(round, () => deps.employees.list()), departmentNames()]);
      return { round, ...readable, departmentNames: names };
    },

    /** The chat summary of the most recently opened started round: what may be read of it, or undefined. */
    async latestResults(adminId: string): Promise<SurveyRoundResults | undefined> {
      await asAdmin(adminId);
      const at = now();
      const latest = (await deps.rounds.list()).filter((round) => round.status === 'started' && new Date(round.opensAt) <= at).at(-1);
      return latest && (await published(latest, () => deps.employees.list())).results;
    },

    /** The aggregates as CSV (never individual answers), with department and job-level names; what results() shows. */
    async resultsCsv(adminId: string, roundId: string, locale: Locale): Promise<{ round: SurveyRound; csv: string }> {
      await asAdmin(adminId);
      const round = await getRound(roundId);
      const [readable, names] = await Promise.all([published(round, () => deps.employees.list()), departmentNames()]);
      const { results, publication } = readable;
      if (!results) throw new AppError('not-yet-available', { detail: `no published results for ${roundId}`, userMessage: publication.kind === 'none' ? publication.reason : NOTHING_YET });
      const csv = surveyResultsCsv(results, {
        locale,
        departmentName: (id) => names[id] ?? id,
        jobLevelName: (level) => JOB_LEVEL_LABELS[level as JobLevel]?.[locale] ?? level,
      });
      return { round, csv };
    },

    /** Year over year per question, from the annual rounds that have closed, after the policy's 2024 baseline. */
    async trend(adminId: string) {
      await asAdmin(adminId);
      const at = now();
      const [rounds, employees] = await Promise.all([deps.rounds.list(), deps.employees.list()]);
      const annual = rounds.filter((round) => round.kind === 'annual' && isClosed(round, at));
      return yearOverYearTrend(await Promise.all(annual.map((round) => finalResults(round, employees, at))));
    },

    /** デジタル推進課 closes a running round now; its final results can then be read. */
    async closeRound(adminId: string, roundId: string): Promise<SurveyRound> {
      await asAdmin(adminId);
      await getRound(roundId);
      const at = now();
      return deps.rounds.update(roundId, (current) => closeSurveyRound(current, at));
    },

    /**
     * The daily snapshot job: for each running round, writes its waiting answers and publishes a snapshot of
     * the overall figures when snapshotDue allows (one a day, MIN_NEW_ANSWERS_PER_SNAPSHOT new answers since the
     * last). Returns the rounds snapshotted.
     */
    async takeSnapshots(at: Date = now()): Promise<string[]> {
      const taken: string[] = [];
      const employees = await deps.employees.list();
      for (const round of (await deps.rounds.list()).filter((candidate) => isOpen(candidate, at))) {
        await writeAnswers(round, at, true, employees);
        const responses = await deps.responses.listResponses(round.id);
        const day = jstDay(at);
        if (!snapshotDue(await deps.rounds.latestSnapshot(round.id), responses.length, day)) continue;
        const results = aggregateSurveyRound(round, responses, audienceOf(round, employees).length, { breakdowns: false });
        await deps.rounds.saveSnapshot({ roundId: round.id, takenOn: day, respondents: responses.length, results });
        taken.push(round.id);
      }
      return taken;
    },

    /** The batch job: writes every started round's waiting answers that are due (see writeAnswers). */
    async writeAnswerBatches(at: Date = now()): Promise<number> {
      let written = 0;
      for (const round of (await deps.rounds.list()).filter((candidate) => candidate.status === 'started')) written += await writeAnswers(round, at, false);
      return written;
    },

    /** The rounds an employee can answer now (usually one), soonest to close first. */
    async openRoundsFor(employeeId: string): Promise<SurveyRound[]> {
      const at = now();
      const [rounds, employee] = await Promise.all([deps.rounds.list(), deps.employees.get(employeeId)]);
      return rounds
        .filter((round) => isOpen(round, at) && isInAudience(round, { departmentId: employee?.departmentId, jobLevel: employee?.jobLevel }))
        .sort((a, b) => a.closesAt.localeCompare(b.closesAt));
    },

    /**
     * Checks and stores an employee's answers; a second submission replaces the first. Refused with a message for
     * the card (nothing stored): unknown, closed or not-yet-open round, forged question, value outside 1–5,
     * missing answer, or an employee the round does not ask.
     */
    async submit(employeeOrId: string | Employee, roundId: string, rawAnswers: Readonly<Record<string, unknown>>) {
      // A chat turn has read the employee's record already (its scope's profile): no second read of the same row.
      const employeeId = typeof employeeOrId === 'string' ? employeeOrId : employeeOrId.id;
      const [round, employee] = await Promise.all([deps.rounds.get(roundId), typeof employeeOrId === 'string' ? deps.employees.get(employeeOrId) : employeeOrId]);
      const answers = checkSubmission(round, rawAnswers, now());
      // checkSubmission has refused an unknown round.
      const asked = round as SurveyRound;
      const groups = { departmentId: employee?.departmentId, jobLevel: employee?.jobLevel };
      if (!isInAudience(asked, groups)) throw notInAudience(roundId, employeeId);
      await deps.responses.submit({ roundId, employeeId, answers, ...groups, submittedOn: jstDay(now()) });
      return { round: asked, answers };
    },

    /** The round and the employee's own answers to it (undefined when they have not answered). */
    async ownAnswers(employeeId: string, roundId: string): Promise<{ round: SurveyRound; answers: SurveyAnswers | undefined }> {
      const round = await getRound(roundId);
      const own = await deps.responses.findOwn(roundId, employeeId);
      return { round, answers: own && (own.answers as SurveyAnswers) };
    },

    dueReminders,
    sendReminders,

    /** What a scheduler calls every few minutes: every due reminder of every round. */
    async sendDueReminders(at: Date = now()): Promise<number> {
      let reminded = 0;
      for (const { roundId } of await dueReminders(at)) reminded += (await sendReminders(roundId, at))?.reminded ?? 0;
      return reminded;
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
