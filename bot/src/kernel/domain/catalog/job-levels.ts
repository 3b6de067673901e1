import type { LocalizedText } from './localized-text.js';

/** 職層: the policy sets mindsets per job level (第3章 3. マインドセット). */
export const JOB_LEVELS = ['general', 'chief', 'manager'] as const;
export type JobLevel = (typeof JOB_LEVELS)[number];

export const JOB_LEVEL_LABELS: Record<JobLevel, LocalizedText> = {
  general: { ja: '一般職', en: 'Staff' },
  chief: { ja: '係長級', en: 'Chief' },
  manager: { ja: '管理職', en: 'Manager' },
};
