import type { Locale } from './messages';

/** The tab's FAQ strings (管理 → FAQ and 「FAQにする」), Japanese first with the English twin. */
export const FAQ_MESSAGES = {
  heading: { ja: 'FAQ', en: 'FAQ' },
  intro: {
    ja: 'チャットのボットが職員の質問に答える FAQ です。保存すると、すべてのサーバーで1分以内に新しい内容で答えます。取り下げた項目には答えなくなります（履歴と集計は残ります）。',
    en: 'The FAQ the chat bot answers staff questions from. A saved change is answered on every server within a minute. A retired entry is no longer answered (its history and counts stay).',
  },
  newEntry: { ja: '新しい項目', en: 'New entry' },
  showAll: { ja: 'すべて表示（{n}件）', en: 'Show all ({n})' },
  filter: { ja: '絞り込み（質問・回答・キーワード）', en: 'Filter (question, answer, keywords)' },
  editing: { ja: '編集: {question}', en: 'Editing: {question}' },
  creating: { ja: '新しい項目', en: 'New entry' },
  fromTicket: { ja: '{number} から作成（個人情報は削除済み。公開前に確認・編集してください）', en: 'From {number} (personal details removed; check and edit before publishing)' },
  context: { ja: '相談内容（参考・個人情報は削除済み）', en: 'Request details (for reference, personal details removed)' },
  category: { ja: '分類', en: 'Category' },
  questionJa: { ja: '質問（日本語）', en: 'Question (Japanese)' },
  questionEn: { ja: '質問（英語・任意）', en: 'Question (English, optional)' },
  answerJa: { ja: '回答（日本語）', en: 'Answer (Japanese)' },
  answerEn: { ja: '回答（英語・任意）', en: 'Answer (English, optional)' },
  answerHint: {
    ja: '使える書式: 段落、- / 1. の箇条書き、**太字**、[リンク](https://…)。HTML は使えません。',
    en: 'Formatting: paragraphs, - / 1. lists, **bold**, [links](https://…). No HTML.',
  },
  keywords: { ja: 'キーワード（読点・カンマ区切り）', en: 'Keywords (comma-separated)' },
  preview: { ja: 'プレビュー', en: 'Preview' },
  save: { ja: '保存', en: 'Save' },
  publish: { ja: '公開', en: 'Publish' },
  cancel: { ja: 'キャンセル', en: 'Cancel' },
  close: { ja: '閉じる', en: 'Close' },
  before: { ja: '変更前', en: 'Before' },
  after: { ja: '変更後', en: 'After' },
  previewHeading: { ja: 'ボットが送るカード（3件表示時の最大 {kb} KB / 上限 {max} KB）', en: 'The card the bot sends (up to {kb} KB with three answers; limit {max} KB)' },
  saved: { ja: 'FAQを保存しました。', en: 'The FAQ entry was saved.' },
  published: { ja: 'FAQとして公開しました。', en: 'Published as an FAQ entry.' },
  retired: { ja: '取り下げました。ボットはこの項目で答えなくなります。', en: 'Retired: the bot no longer answers with this entry.' },
  restored: { ja: '再公開しました。', en: 'Restored.' },
  edit: { ja: '編集', en: 'Edit' },
  retire: { ja: '取り下げ', en: 'Retire' },
  restore: { ja: '再公開', en: 'Restore' },
  history: { ja: '履歴', en: 'History' },
  historyHeading: { ja: '変更履歴: {question}', en: 'History: {question}' },
  statusActive: { ja: '公開中', en: 'Live' },
  statusRetired: { ja: '取り下げ', en: 'Retired' },
  count: { ja: '公開中 {active} 件 / 取り下げ {retired} 件', en: '{active} live / {retired} retired' },
  updated: { ja: '更新 {at}', en: 'Updated {at}' },
  action_seed: { ja: '初回読み込み', en: 'Loaded' },
  action_create: { ja: '作成', en: 'Created' },
  action_update: { ja: '編集', en: 'Edited' },
  action_retire: { ja: '取り下げ', en: 'Retired' },
  action_restore: { ja: '再公開', en: 'Restored' },
  field_category: { ja: '分類', en: 'Category' },
  'field_question.ja': { ja: '質問（日本語）', en: 'Question (Japanese)' },
  'field_question.en': { ja: '質問（英語）', en: 'Question (English)' },
  'field_answer.ja': { ja: '回答（日本語）', en: 'Answer (Japanese)' },
  'field_answer.en': { ja: '回答（英語）', en: 'Answer (English)' },
  field_keywords: { ja: 'キーワード', en: 'Keywords' },
  field_status: { ja: '状態', en: 'Status' },
  makeFaq: { ja: 'FAQにする', en: 'Make an FAQ entry' },
  empty: { ja: '（なし）', en: '(none)' },
} as const;

export type FaqMessageKey = keyof typeof FAQ_MESSAGES;

export function faqText(locale: Locale, key: FaqMessageKey, values: Record<string, string | number> = {}): string {
  return FAQ_MESSAGES[key][locale].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
