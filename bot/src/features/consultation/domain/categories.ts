import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';

/** The consultation form's categories, in the order the form lists them. */
export const CONSULTATION_CATEGORIES = ['tool', 'bpr', 'data', 'security', 'procurement', 'ai', 'other'] as const;
export type ConsultationCategory = (typeof CONSULTATION_CATEGORIES)[number];

export const CONSULTATION_CATEGORY_LABELS: Record<ConsultationCategory, LocalizedText> = {
  tool: { ja: 'ツール活用（RPA/kintone等）', en: 'Tools (RPA, kintone, etc.)' },
  bpr: { ja: '業務改善（BPR）', en: 'Business process improvement (BPR)' },
  data: { ja: 'データ活用・EBPM', en: 'Data use and EBPM' },
  security: { ja: 'セキュリティ', en: 'Security' },
  procurement: { ja: 'システム調達', en: 'System procurement' },
  ai: { ja: 'AI活用', en: 'AI use' },
  other: { ja: 'その他', en: 'Other' },
};
