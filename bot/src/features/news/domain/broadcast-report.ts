import type { LocalizedText, Locale } from '../../../kernel/domain/catalog/localized-text.js';
import type { Delivery, DeliveryCounts, DeliveryState } from '../../../delivery/domain/delivery.js';
import { toCsv } from '../../../kernel/domain/csv.js';
import { jstClock } from '../../../delivery/domain/working-hours.js';

/**
 * The report's line for a broadcast started outside working hours, while it waits: when sending starts (JST).
 * Undefined once the window has opened or when it never waited.
 */
export function workingHoursNotice(notBefore: string | undefined, now: Date): LocalizedText | undefined {
  if (!notBefore || new Date(notBefore).getTime() <= now.getTime()) return undefined;
  const { date, time } = jstClock(new Date(notBefore));
  const [, month, day] = date.split('-').map(Number);
  return { ja: `勤務時間外のため ${month}月${day}日 ${time} から配信します。`, en: `Outside working hours: sending starts on ${date} at ${time} (JST).` };
}

/** What each delivery state means to the admin reading the report. */
export const DELIVERY_STATE_LABELS: Record<DeliveryState, LocalizedText> = {
  queued: { ja: '待機中', en: 'Queued' },
  sending: { ja: '送信中', en: 'Sending' },
  sent: { ja: '送信済み', en: 'Sent' },
  retrying: { ja: '再試行待ち', en: 'Retrying' },
  failed: { ja: '失敗', en: 'Failed' },
  unreachable: { ja: '届かない(アプリ削除・ブロック)', en: 'Unreachable (app removed or blocked)' },
  'no-reference': { ja: '未登録(ボット未使用)', en: 'No conversation (never opened the bot)' },
};

const HEADERS: Record<Locale, string[]> = {
  ja: ['職員ID', '氏名', '所属', '状態', '理由', '試行回数', '最終HTTPステータス', '送信日時', '更新日時'],
  en: ['Employee id', 'Name', 'Department', 'State', 'Reason', 'Attempts', 'Last HTTP status', 'Sent at', 'Updated at'],
};

/** One broadcast's deliveries as CSV for Excel, through the one CSV writer. */
export function broadcastReportCsv(
  deliveries: readonly Delivery[],
  who: (employeeId: string) => { name: string; department: string },
  locale: Locale,
): string {
  const rows = deliveries.map((delivery) => {
    const person = who(delivery.employeeId);
    return [delivery.employeeId, person.name, person.department, DELIVERY_STATE_LABELS[delivery.state][locale], delivery.reason, delivery.attempts, delivery.lastStatus, delivery.sentAt, delivery.updatedAt];
  });
  return toCsv([HEADERS[locale], ...rows]);
}

const COUNT_HEADERS: Record<Locale, string[]> = { ja: ['状態', '件数'], en: ['State', 'Count'] };
const COUNT_FIELDS: [DeliveryState, keyof DeliveryCounts][] = [
  ['sent', 'sent'],
  ['failed', 'failed'],
  ['unreachable', 'unreachable'],
  ['no-reference', 'noReference'],
  ['queued', 'queued'],
  ['sending', 'sending'],
  ['retrying', 'retrying'],
];

/** A counts-only broadcast's report (survey invitations and reminders) as CSV: how many per state, nobody named. */
export function broadcastCountsCsv(counts: DeliveryCounts, locale: Locale): string {
  const total: LocalizedText = { ja: '合計', en: 'Total' };
  return toCsv([COUNT_HEADERS[locale], ...COUNT_FIELDS.map(([state, field]) => [DELIVERY_STATE_LABELS[state][locale], counts[field]]), [total[locale], counts.total]]);
}
