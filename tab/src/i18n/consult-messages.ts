import type { Locale } from './messages';

/** The tab's DX相談 strings, Japanese first with the English twin (kept apart from messages.ts to ease merges). */
export const CONSULT_MESSAGES = {
  myHeading: { ja: '私の相談', en: 'My requests' },
  myIntro: {
    ja: 'DX相談窓口(デジタル推進課)に送った相談です。チャットで「相談する」と送ると新しく相談できます。',
    en: 'Your requests to the DX consultation desk (Digital Promotion Division). Send "Ask for help" in the chat to ask something new.',
  },
  none: { ja: 'まだ相談はありません。', en: 'You have no requests yet.' },
  deskHeading: { ja: '相談窓口', en: 'Consultation desk' },
  deskIntro: {
    ja: '職員からの DX相談の一覧です。チャネルのカードと同じルール・同じデータで、担当・対応・コメント・解決ができます。',
    en: 'Requests from staff. Take, work on, comment on and resolve them here with the same rules and data as the channel cards.',
  },
  filterStatus: { ja: '状況', en: 'Status' },
  filterCategory: { ja: '分類', en: 'Category' },
  filterAssignee: { ja: '担当', en: 'Assignee' },
  filterOpen: { ja: '未完了すべて', en: 'All open' },
  filterMine: { ja: '自分の担当', en: 'Mine' },
  filterDue: { ja: '期限', en: 'Due' },
  filterOverdue: { ja: '期限超過のみ', en: 'Overdue only' },
  overdue: { ja: '期限超過', en: 'Overdue' },
  resolutionDue: { ja: '解決目標', en: 'Resolution target' },
  slaHeading: { ja: 'SLA（対応期限）', en: 'Service levels' },
  slaIntro: {
    ja: '業務時間（平日 8:30–17:15、祝日・年末年始を除く）で数えます。変更は未完了の相談すべてにすぐ反映されます。',
    en: 'Counted in office hours (weekdays 8:30–17:15 JST, public holidays and the year-end closure excluded). A change applies to every open request at once.',
  },
  slaUpdated: { ja: '（最終更新: {name} {at}）', en: '(last changed by {name}, {at})' },
  slaFirstResponse: { ja: '初回対応（時間）', en: 'First response (hours)' },
  slaResolution: { ja: '解決目標・緊急度{urgency}（時間）', en: 'Resolution, urgency {urgency} (hours)' },
  slaSave: { ja: 'SLAを保存', en: 'Save service levels' },
  slaSaved: { ja: 'SLAを保存しました。', en: 'Service levels saved.' },
  assignTo: { ja: '担当者を指定・変更（デジタル推進課）', en: 'Assign or reassign (Digital Promotion Division)' },
  assignSend: { ja: '割り当てる', en: 'Assign' },
  filterAll: { ja: 'すべて', en: 'All' },
  unassigned: { ja: '未定', en: 'Not yet' },
  total: { ja: '全 {n} 件', en: '{n} in all' },
  shown: { ja: '表示 {n} 件', en: '{n} shown' },
  empty: { ja: '条件に合う相談はありません。', en: 'No request matches.' },
  open: { ja: '開く', en: 'Open' },
  close: { ja: '閉じる', en: 'Close' },
  number: { ja: '受付番号', en: 'Number' },
  status: { ja: '状況', en: 'Status' },
  category: { ja: '分類', en: 'Category' },
  requester: { ja: '相談者', en: 'Requester' },
  assignee: { ja: '担当', en: 'Assignee' },
  contact: { ja: '希望する相談方法', en: 'Preferred way' },
  urgency: { ja: '緊急度', en: 'Urgency' },
  filed: { ja: '受付日時', en: 'Filed' },
  updated: { ja: '更新', en: 'Updated' },
  details: { ja: '相談内容', en: 'Details' },
  resolution: { ja: '解決内容', en: 'Resolution' },
  rating: { ja: '満足度', en: 'Rating' },
  history: { ja: '経過', en: 'History' },
  commentLabel: { ja: 'コメント', en: 'Comment' },
  resolveLabel: { ja: '解決内容(相談者に届きます)', en: 'Resolution (sent to the requester)' },
  reopenLabel: { ja: '再オープンの理由(任意)', en: 'Reason for reopening (optional)' },
  rateLabel: { ja: '満足度(1 不満 〜 5 満足)', en: 'Rating (1 poor – 5 very good)' },
  done: { ja: '{number} を更新しました。', en: '{number} was updated.' },
  faqHeading: { ja: 'FAQ の効果', en: 'FAQ effect' },
  faqSummary: {
    ja: 'FAQ カードの表示 {shown} 回、「解決しました」{resolved} 回(自己解決率 {rate})',
    en: 'FAQ cards shown {shown} times, "That solved it" {resolved} times (self-service rate {rate})',
  },
} as const;

export type ConsultMessageKey = keyof typeof CONSULT_MESSAGES;

export function consultText(locale: Locale, key: ConsultMessageKey, values: Record<string, string | number> = {}): string {
  return CONSULT_MESSAGES[key][locale].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
