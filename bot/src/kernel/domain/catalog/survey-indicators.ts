import type { LocalizedText } from './localized-text.js';
import type { OutcomeId } from './outcomes.js';

/** 第2章 3. 評価指標: one survey question per direct outcome, with the 2024 baseline and the target. */
export type IndicatorTarget = { kind: 'value'; value: number } | { kind: 'at-least-baseline' };

export interface SurveyIndicator {
  id: string;
  outcomeId: OutcomeId;
  /** 成果指標 */
  name: LocalizedText;
  question: LocalizedText;
  /** The ※ note printed under the question, where there is one. */
  note?: LocalizedText;
  /** 基準値: the mean of the 2024 survey. */
  baseline: number;
  target: IndicatorTarget;
}

/** Outcome 02 is measured by HR's own survey, not by this one. */
export const HR_MEASURED_OUTCOME = {
  outcomeId: '02' as OutcomeId,
  text: { ja: '左記直接アウトカムについては、人事課実施アンケートにより評価する。', en: 'Evaluated by the Personnel Division’s own survey.' },
};

/**
 * そう思う=5 … そう思わない=1 (the policy names only the two ends; the three middle labels are ours, in the
 * usual wording of a Japanese 5-point agreement scale).
 */
export const ANSWER_SCALE: readonly { value: 1 | 2 | 3 | 4 | 5; label: LocalizedText }[] = [
  { value: 5, label: { ja: 'そう思う', en: 'Agree' } },
  { value: 4, label: { ja: 'ややそう思う', en: 'Somewhat agree' } },
  { value: 3, label: { ja: 'どちらともいえない', en: 'Neither' } },
  { value: 2, label: { ja: 'あまりそう思わない', en: 'Somewhat disagree' } },
  { value: 1, label: { ja: 'そう思わない', en: 'Disagree' } },
];

/** The 2024 staff survey the baselines come from (令和6年5月). */
export const REFERENCE_SURVEY_2024 = { conductedIn: '2024-05', responses: 2251, responseRate: 0.431 } as const;

const SERVICE_NOTE: LocalizedText = {
  ja: '※ここでいう「サービス」は区民向けのみではなく、庁内の職員向けなども含み、利用者が存在するサービスを指すものとします。',
  en: '* “Service” here includes services for staff inside the ward office, not only for residents: any service that has users.',
};

const THREE_AND_A_HALF: IndicatorTarget = { kind: 'value', value: 3.5 };

export const SURVEY_INDICATORS: readonly SurveyIndicator[] = [
  {
    id: '01',
    outcomeId: '01',
    name: { ja: '業務の効率化が進んでいると感じる職員の割合', en: 'Staff who feel work is becoming more efficient' },
    question: {
      ja: '職場では単純作業や繰り返し実施する業務について、ICTツール等の活用により効率化されている。',
      en: 'In my workplace, simple and repetitive tasks are made efficient with ICT tools and the like.',
    },
    baseline: 3.043,
    target: THREE_AND_A_HALF,
  },
  {
    id: '03',
    outcomeId: '03',
    name: { ja: '必要な研修・制度が提供されていると感じる職員の割合', en: 'Staff who feel the training and schemes they need are provided' },
    question: {
      ja: 'デジタルスキルを上げるために、必要な研修・制度が提供されている。',
      en: 'The training and schemes I need to improve my digital skills are provided.',
    },
    baseline: 2.848,
    target: THREE_AND_A_HALF,
  },
  {
    id: '04',
    outcomeId: '04',
    name: { ja: '職場でDXに着手しやすい雰囲気があると感じる職員の割合', en: 'Staff who feel their workplace makes it easy to start DX' },
    question: { ja: 'あなたの職場では、DXに着手しやすい雰囲気がある。', en: 'My workplace makes it easy to start on DX.' },
    baseline: 3.016,
    target: THREE_AND_A_HALF,
  },
  {
    id: '05',
    outcomeId: '05',
    name: { ja: 'デジタル化が進んでいると感じる職員の割合', en: 'Staff who feel digitalisation is advancing' },
    question: {
      ja: 'あなたの周り、職場では新たな技術が取り入れられ、デジタル化が進んでいる。',
      en: 'Around me and in my workplace, new technology is adopted and digitalisation is advancing.',
    },
    baseline: 3.022,
    target: THREE_AND_A_HALF,
  },
  {
    id: '06',
    outcomeId: '06',
    name: {
      ja: '区民（利用者）ニーズをとらえた施策を検討していると感じる職員の割合',
      en: 'Staff who feel measures are planned around residents’ (users’) needs',
    },
    question: {
      ja: 'あなたの職場では、データ等に基づき、区民（利用者）ニーズをとらえた施策を検討している。',
      en: 'My workplace plans measures that meet residents’ (users’) needs, based on data and the like.',
    },
    note: {
      ja: '※ここでいう「ニーズをとらえた施策」は区民向けのみではなく、庁内の職員向けなども含むものとします。',
      en: '* “Measures that meet needs” includes measures for staff inside the ward office, not only for residents.',
    },
    baseline: 2.953,
    target: THREE_AND_A_HALF,
  },
  {
    id: '07',
    outcomeId: '07',
    name: {
      ja: '区民（利用者）にサービスが周知され、利用されていると感じる職員の割合',
      en: 'Staff who feel residents (users) know and use their services',
    },
    question: {
      ja: 'あなたの職場のサービスは、区民（利用者）に効果的に周知され利用されている。',
      en: 'My workplace’s services are effectively made known to and used by residents (users).',
    },
    note: SERVICE_NOTE,
    baseline: 3.042,
    target: THREE_AND_A_HALF,
  },
  {
    id: '08',
    outcomeId: '08',
    name: { ja: '利用者目線でサービスをデザインしていると感じる職員の割合', en: 'Staff who feel services are designed from the users’ point of view' },
    question: {
      ja: 'あなたの職場のサービスは、利用者が便利で使いやすいようにデザインされている。',
      en: 'My workplace’s services are designed to be convenient and easy for users.',
    },
    note: SERVICE_NOTE,
    baseline: 2.994,
    target: THREE_AND_A_HALF,
  },
  {
    id: '08-security',
    outcomeId: '08',
    name: { ja: '適切なセキュリティ対策が実施されていると感じる職員の割合', en: 'Staff who feel proper security measures are in place' },
    question: {
      ja: 'あなたの職場のサービスは、適切なセキュリティ対策が実施されている。',
      en: 'My workplace’s services have proper security measures.',
    },
    baseline: 3.683,
    target: { kind: 'at-least-baseline' },
  },
];
