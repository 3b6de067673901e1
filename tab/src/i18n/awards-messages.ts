import type { Locale } from './messages';

/** The tab's 評価・表彰 strings, Japanese first with the English twin (kept apart from messages.ts to ease merges). */
export const AWARDS_MESSAGES = {
  nominateHeading: { ja: 'DX優良事例の推薦', en: 'Nominate a DX practice' },
  nominateIntro: {
    ja: 'DXの推進に資する取組の優良事例をデジタル推進課が表彰し、職員のモチベーションアップを図ります。職場の取組を推薦してください。',
    en: 'The Digital Promotion Division awards good DX practice to motivate staff. Nominate a practice from your workplace.',
  },
  title: { ja: '取組名', en: 'Title' },
  department: { ja: '課', en: 'Department' },
  chooseDepartment: { ja: '課を選んでください', en: 'Choose a department' },
  whatChanged: { ja: '変わったこと', en: 'What changed' },
  effect: { ja: '効果(数値で)', en: 'Effect (in numbers)' },
  link: { ja: 'リンク(任意・https://)', en: 'Link (optional, https://)' },
  submit: { ja: '推薦する', en: 'Nominate' },
  resubmit: { ja: '追記して再提出', en: 'Resubmit with more' },
  submitted: { ja: '推薦を受け付けました。', en: 'Your nomination was received.' },
  mineHeading: { ja: '私の推薦', en: 'My nominations' },
  none: { ja: 'まだ推薦はありません。', en: 'No nominations yet.' },
  note: { ja: 'デジタル推進課からのコメント', en: 'Note from the Digital Promotion Division' },
  state_submitted: { ja: '審査待ち', en: 'Waiting for review' },
  'state_needs-info': { ja: '追加情報の依頼中', en: 'More information requested' },
  state_accepted: { ja: '受理', en: 'Accepted' },
  state_declined: { ja: '見送り', en: 'Declined' },
  state_awarded: { ja: '表彰済み', en: 'Awarded' },
  galleryHeading: { ja: '優良事例', en: 'Good practice gallery' },
  galleryNone: { ja: 'まだ公開された優良事例はありません。', en: 'No awards have been published yet.' },
  fiscalYear: { ja: '{year}年度', en: 'FY{year}' },
  category_grand: { ja: '最優秀賞', en: 'Grand award' },
  category_excellent: { ja: '優秀賞', en: 'Excellence award' },
  category_encouragement: { ja: '奨励賞', en: 'Encouragement award' },
  reviewHeading: { ja: '推薦の審査(デジタル推進課)', en: 'Review nominations (Digital Promotion Division)' },
  reviewNote: { ja: '推薦者へのコメント', en: 'Note to the nominator' },
  accept: { ja: '受理', en: 'Accept' },
  askForMore: { ja: '追加情報を依頼', en: 'Ask for more' },
  decline: { ja: '見送り', en: 'Decline' },
  award: { ja: '表彰する', en: 'Award' },
  publish: { ja: 'インフォメーションで公開', en: 'Publish as news' },
  reviewed: { ja: '更新しました。', en: 'Updated.' },
  published: { ja: '{recipients}人に庁内優良事例として配信します。', en: 'Sending it as good practice to {recipients} people.' },
} as const;

export type AwardsMessageKey = keyof typeof AWARDS_MESSAGES;

export function awardsText(locale: Locale, key: AwardsMessageKey, values: Record<string, string | number> = {}): string {
  return AWARDS_MESSAGES[key][locale].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
