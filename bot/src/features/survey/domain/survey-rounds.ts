import { fiscalYearBounds, formatJstShort } from '../../../kernel/domain/jst.js';
import type { JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import { JOB_LEVELS } from '../../../kernel/domain/catalog/job-levels.js';
import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { SURVEY_INDICATORS } from '../../../kernel/domain/catalog/survey-indicators.js';
import { AppError } from '../../../kernel/domain/errors.js';

/**
 * 第2章 3. 評価指標: 「アンケートは毎年度実施する」. A survey round is one run of the survey: the yearly (annual)
 * round asks every indicator question; short pulses ask a subset and are reported separately.
 */
export type SurveyRoundKind = 'annual' | 'pulse';

export type SurveyAudience =
  | { kind: 'everyone' }
  | { kind: 'departments'; departmentIds: string[] }
  | { kind: 'job-levels'; jobLevels: JobLevel[] };

/** draft: created, invitations not sent; started: answerable between opensAt and closesAt; cancelled: withdrawn. */
export type SurveyRoundStatus = 'draft' | 'started' | 'cancelled';

export interface SurveyRound {
  id: string;
  kind: SurveyRoundKind;
  /** 年度: April to March in Japan time; FY2026 runs from 2026-04-01 00:00 JST to 2027-03-31 24:00 JST. */
  fiscalYear: number;
  /** Indicator ids (SURVEY_INDICATORS) in the order the card asks them. Every question is required. */
  questionIds: string[];
  /** ISO instants; the round accepts answers from opensAt (inclusive) until closesAt (exclusive). */
  opensAt: string;
  closesAt: string;
  audience: SurveyAudience;
  /** Reminders go to non-respondents this many days before closesAt, e.g. [3]. */
  reminderDaysBeforeClose: number[];
  status: SurveyRoundStatus;
  createdBy: string;
  createdAt: string;
  /** Reminder slots (ISO instants from reminderTimes) already handed to the notifier, so none goes out twice. */
  remindersSent?: string[];
}

/** Answers keyed by indicator id, each on the policy's scale (そう思う=5 … そう思わない=1). */
export type SurveyAnswerValue = 1 | 2 | 3 | 4 | 5;
export type SurveyAnswers = Record<string, SurveyAnswerValue>;

export const ANNUAL_QUESTION_IDS: readonly string[] = SURVEY_INDICATORS.map((indicator) => indicator.id);
const KNOWN_QUESTION_IDS = new Set(ANNUAL_QUESTION_IDS);

const DAY_MS = 24 * 60 * 60 * 1000;

// The 年度 rule is the kernel's (skills, awards and the dashboard count by it too); re-exported for the survey's callers.
export { fiscalYearBounds, fiscalYearOf } from '../../../kernel/domain/jst.js';

/** 2026/06/30 17:00 in Japan time, the way the cards print dates. */
export const formatJst = formatJstShort;

const refuse = (userMessage: LocalizedText, detail: string) => new AppError('invalid-input', { detail, userMessage });

export interface NewSurveyRound {
  id: string;
  kind: SurveyRoundKind;
  fiscalYear: number;
  /** Pulses only: the subset asked. An annual round always asks every indicator. */
  questionIds?: readonly string[];
  opensAt: string;
  closesAt: string;
  audience: SurveyAudience;
  reminderDaysBeforeClose?: readonly number[];
  createdBy: string;
}

const ROUND_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const parseInstant = (value: string, field: string): Date => {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) {
    throw refuse({ ja: '日時の形式が正しくありません。', en: 'The date and time are not valid.' }, `${field} is not an ISO instant: ${value}`);
  }
  return date;
};

/** Rounds whose answer windows share at least one instant. */
const windowsOverlap = (a: Pick<SurveyRound, 'opensAt' | 'closesAt'>, b: Pick<SurveyRound, 'opensAt' | 'closesAt'>) =>
  new Date(a.opensAt) < new Date(b.closesAt) && new Date(b.opensAt) < new Date(a.closesAt);

/**
 * Validates an admin's new round against the policy and the rounds that already exist, and returns it as a draft.
 * An annual round is refused when another (not cancelled) annual round exists for the same fiscal year, whether
 * or not their dates overlap: the policy surveys once per 年度 and the year-over-year trend needs one figure a year.
 */
export function createSurveyRound(input: NewSurveyRound, existingRounds: readonly SurveyRound[], now: Date): SurveyRound {
  if (!ROUND_ID.test(input.id)) {
    throw refuse({ ja: 'アンケートのIDが正しくありません。', en: 'The survey id is not valid.' }, `bad round id ${input.id}`);
  }
  if (existingRounds.some((round) => round.id === input.id)) {
    throw refuse({ ja: '同じIDのアンケートがすでにあります。', en: 'A survey with this id already exists.' }, `round ${input.id} exists`);
  }
  if (!Number.isInteger(input.fiscalYear) || input.fiscalYear < 2024 || input.fiscalYear > 2100) {
    throw refuse({ ja: '年度が正しくありません。', en: 'The fiscal year is not valid.' }, `bad fiscal year ${input.fiscalYear}`);
  }
  const opensAt = parseInstant(input.opensAt, 'opensAt');
  const closesAt = parseInstant(input.closesAt, 'closesAt');
  if (closesAt <= opensAt) {
    throw refuse(
      { ja: '締切は開始より後の日時にしてください。', en: 'The closing time must be after the opening time.' },
      `closesAt ${input.closesAt} is not after opensAt ${input.opensAt}`,
    );
  }
  const year = fiscalYearBounds(input.fiscalYear);
  if (opensAt < year.start || closesAt > year.end) {
    throw refuse(
      {
        ja: `開始と締切は${input.fiscalYear}年度（${input.fiscalYear}年4月1日〜${input.fiscalYear + 1}年3月31日）の中にしてください。`,
        en: `Opening and closing must fall within fiscal year ${input.fiscalYear} (1 April ${input.fiscalYear} to 31 March ${input.fiscalYear + 1}).`,
      },
      `round ${input.id} outside fiscal year ${input.fiscalYear}`,
    );
  }
  if (closesAt <= now) {
    throw refuse({ ja: '締切がすでに過ぎています。', en: 'The closing time has already passed.' }, `closesAt ${input.closesAt} is past`);
  }

  let questionIds: string[];
  if (input.kind === 'annual') {
    questionIds = [...ANNUAL_QUESTION_IDS];
    const clash = existingRounds.find((round) => round.kind === 'annual' && round.status !== 'cancelled' && round.fiscalYear === input.fiscalYear);
    if (clash) {
      const overlapping = windowsOverlap(clash, input);
      throw refuse(
        {
          ja: `${input.fiscalYear}年度の年次アンケート（${clash.id}、${formatJst(clash.opensAt)}〜${formatJst(clash.closesAt)}）がすでにあります${overlapping ? '。期間も重なっています' : ''}。年次アンケートは年度に1回です。既存のものを中止するか、パルス調査として作成してください。`,
          en: `Fiscal year ${input.fiscalYear} already has an annual survey (${clash.id}, ${formatJst(clash.opensAt)} to ${formatJst(clash.closesAt)} JST)${overlapping ? ' and the dates overlap' : ''}. There is one annual survey per fiscal year: cancel the existing one or create a pulse instead.`,
        },
        `annual round ${clash.id} already exists for FY${input.fiscalYear}`,
      );
    }
  } else {
    questionIds = [...new Set(input.questionIds ?? [])];
    if (questionIds.length === 0) {
      throw refuse({ ja: 'パルス調査の設問を1つ以上選んでください。', en: 'Choose at least one question for the pulse.' }, 'empty pulse');
    }
    const unknown = questionIds.filter((id) => !KNOWN_QUESTION_IDS.has(id));
    if (unknown.length > 0) {
      throw refuse(
        { ja: `方針の評価指標にない設問です: ${unknown.join(', ')}`, en: `These are not questions of the policy’s indicators: ${unknown.join(', ')}` },
        `unknown pulse questions ${unknown.join(',')}`,
      );
    }
    // Asked in the policy's order, whatever order the admin ticked them in.
    questionIds.sort((a, b) => ANNUAL_QUESTION_IDS.indexOf(a) - ANNUAL_QUESTION_IDS.indexOf(b));
  }

  const audience = validateAudience(input.audience);
  const reminders = [...new Set(input.reminderDaysBeforeClose ?? [3])];
  if (reminders.some((days) => !Number.isInteger(days) || days < 1 || days > 60)) {
    throw refuse(
      { ja: 'リマインドは締切の1〜60日前の整数で指定してください。', en: 'Reminders are whole days, 1 to 60, before the close.' },
      `bad reminders ${reminders.join(',')}`,
    );
  }
  return {
    id: input.id,
    kind: input.kind,
    fiscalYear: input.fiscalYear,
    questionIds,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    audience,
    reminderDaysBeforeClose: reminders.sort((a, b) => b - a),
    status: 'draft',
    createdBy: input.createdBy,
    createdAt: now.toISOString(),
  };
}

function validateAudience(audience: SurveyAudience): SurveyAudience {
  if (audience.kind === 'everyone') return { kind: 'everyone' };
  if (audience.kind === 'departments') {
    const departmentIds = [...new Set(audience.departmentIds)].filter((id) => id.trim() !== '');
    if (departmentIds.length === 0) {
      throw refuse({ ja: '対象の所属を1つ以上選んでください。', en: 'Choose at least one department.' }, 'empty department audience');
    }
    return { kind: 'departments', departmentIds };
  }
  const jobLevels = [...new Set(audience.jobLevels)];
  if (jobLevels.length === 0 || jobLevels.some((level) => !JOB_LEVELS.includes(level))) {
    throw refuse({ ja: '対象の職層を1つ以上選んでください。', en: 'Choose at least one job level.' }, `bad job-level audience ${jobLevels.join(',')}`);
  }
  return { kind: 'job-levels', jobLevels };
}

/** Starting sends the invitations; a round can start once, and not after it has closed. */
export function startSurveyRound(round: SurveyRound, now: Date): SurveyRound {
  if (round.status !== 'draft') {
    throw refuse({ ja: 'このアンケートはすでに開始または中止されています。', en: 'This survey has already been started or cancelled.' }, `round ${round.id} is ${round.status}`);
  }
  if (new Date(round.closesAt) <= now) {
    throw refuse({ ja: '締切がすでに過ぎています。', en: 'The closing time has already passed.' }, `round ${round.id} closed`);
  }
  return { ...round, status: 'started' };
}

/** Whether the round accepts answers at `now`: started, on or after opensAt, before closesAt. */
export function isOpen(round: SurveyRound, now: Date): boolean {
  return round.status === 'started' && new Date(round.opensAt) <= now && now < new Date(round.closesAt);
}

/** Whether a started round has reached its close: its final results (with breakdowns) may be published. */
export function isClosed(round: SurveyRound, now: Date): boolean {
  return round.status === 'started' && now >= new Date(round.closesAt);
}

/**
 * デジタル推進課 closes a running round early (e.g. everyone has answered): it closes now, so its final results
 * can be read. Refused for a round that is not running.
 */
export function closeSurveyRound(round: SurveyRound, now: Date): SurveyRound {
  if (!isOpen(round, now)) {
    throw refuse({ ja: 'このアンケートは回答受付中ではありません。', en: 'This survey is not open for answers.' }, `round ${round.id} is not open`);
  }
  return { ...round, closesAt: now.toISOString() };
}

/** Whether an employee (by HR data) is asked by this round. */
export function isInAudience(round: Pick<SurveyRound, 'audience'>, employee: { departmentId: string | undefined; jobLevel: JobLevel | undefined }): boolean {
  const { audience } = round;
  if (audience.kind === 'everyone') return true;
  if (audience.kind === 'departments') return employee.departmentId !== undefined && audience.departmentIds.includes(employee.departmentId);
  return employee.jobLevel !== undefined && audience.jobLevels.includes(employee.jobLevel);
}

/** The instants the reminders to non-respondents are due, earliest first (skipping any before the round opens). */
export function reminderTimes(round: SurveyRound): Date[] {
  const opensAt = new Date(round.opensAt).getTime();
  return round.reminderDaysBeforeClose
    .map((days) => new Date(new Date(round.closesAt).getTime() - days * DAY_MS))
    .filter((at) => at.getTime() > opensAt)
    .sort((a, b) => a.getTime() - b.getTime());
}

/**
 * The reminder slot due at `now` that has not been sent, or undefined. Only the latest passed slot counts: if the
 * server missed a slot (it was down), non-respondents get one reminder, not one per missed slot.
 */
export function dueReminderSlot(round: SurveyRound, now: Date): Date | undefined {
  if (!isOpen(round, now)) return undefined;
  const latest = reminderTimes(round)
    .filter((at) => at <= now)
    .at(-1);
  return latest && !(round.remindersSent ?? []).includes(latest.toISOString()) ? latest : undefined;
}

/** Q1, Q2 …: how cards and messages number a round's questions. */
export const questionNumber = (round: Pick<SurveyRound, 'questionIds'>, questionId: string) => `Q${round.questionIds.indexOf(questionId) + 1}`;

/**
 * Checks a submitted card against its round and returns the answers, or refuses with a message for the card.
 * `answers` is the raw submit data keyed by question id (numbers or the card's "1"–"5" strings). Refused: an
 * unknown round, a round not started or cancelled, before opensAt or from closesAt on, a question id the round
 * does not ask (forged), a value that is not an integer 1–5, and any unanswered question (all are required).
 */
export function checkSubmission(round: SurveyRound | undefined, answers: Readonly<Record<string, unknown>>, now: Date): SurveyAnswers {
  if (!round) {
    throw refuse({ ja: 'このアンケートは見つかりません。', en: 'This survey does not exist.' }, 'submission for an unknown round');
  }
  if (round.status === 'cancelled') {
    throw refuse({ ja: 'このアンケートは中止されました。', en: 'This survey was cancelled.' }, `round ${round.id} cancelled`);
  }
  if (round.status !== 'started' || now < new Date(round.opensAt)) {
    throw refuse(
      { ja: `このアンケートはまだ始まっていません（開始: ${formatJst(round.opensAt)}）。`, en: `This survey has not opened yet (opens ${formatJst(round.opensAt)} JST).` },
      `round ${round.id} not open yet`,
    );
  }
  if (now >= new Date(round.closesAt)) {
    throw refuse(
      { ja: `このアンケートは${formatJst(round.closesAt)}に締め切られました。`, en: `This survey closed on ${formatJst(round.closesAt)} JST.` },
      `round ${round.id} closed`,
    );
  }
  const asked = new Set(round.questionIds);
  const forged = Object.keys(answers).filter((id) => !asked.has(id));
  if (forged.length > 0) {
    throw refuse(
      { ja: 'このアンケートにない設問への回答が含まれています。', en: 'The answers include a question this survey does not ask.' },
      `forged question ids ${forged.join(',')} for round ${round.id}`,
    );
  }
  const checked: SurveyAnswers = {};
  const missing: string[] = [];
  for (const questionId of round.questionIds) {
    const raw = Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
    if (raw === undefined || raw === null || raw === '') {
      missing.push(questionNumber(round, questionId));
      continue;
    }
    const value = typeof raw === 'string' && /^[1-5]$/.test(raw) ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
      throw refuse(
        { ja: `${questionNumber(round, questionId)}の回答は1〜5から選んでください。`, en: `Choose 1 to 5 for ${questionNumber(round, questionId)}.` },
        `bad value for ${questionId} in round ${round.id}`,
      );
    }
    checked[questionId] = value as SurveyAnswerValue;
  }
  if (missing.length > 0) {
    throw refuse(
      { ja: `すべての設問に回答してください（未回答: ${missing.join('、')}）。`, en: `Please answer every question (missing: ${missing.join(', ')}).` },
      `missing answers ${missing.join(',')} for round ${round.id}`,
    );
  }
  return checked;
}

/** The refusal for a round id that does not exist (what the storage adapter throws). */
export const surveyRoundNotFound = (roundId: string): AppError =>
  new AppError('not-found', { detail: `no survey round ${roundId}`, userMessage: { ja: 'このアンケートは見つかりません。', en: 'This survey does not exist.' } });
