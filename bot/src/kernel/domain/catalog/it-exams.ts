import type { LocalizedText } from './localized-text.js';

/** IPA national exams the policy mentions as evidence (国家試験(ITパスポート等)); admins may add more later. */
export const IT_EXAMS: readonly { id: string; name: LocalizedText }[] = [
  { id: 'ip', name: { ja: 'ITパスポート', en: 'IT Passport' } },
  { id: 'sg', name: { ja: '情報セキュリティマネジメント', en: 'Information Security Management' } },
  { id: 'fe', name: { ja: '基本情報技術者', en: 'Fundamental Information Technology Engineer' } },
  { id: 'ap', name: { ja: '応用情報技術者', en: 'Applied Information Technology Engineer' } },
];
