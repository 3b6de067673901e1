import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { MAX_NEWS_CARD_BYTES, NEWS_CATEGORY_LABELS, type NewsContent } from '../domain/news-items.js';
import { blockToTextBlockMarkdown, parseNewsMarkdown } from '../domain/news-markdown.js';
import { adaptiveCard, type CardAction, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { t } from '../../../kernel/cards/messages.js';
import { formatJstDateTime } from '../../../kernel/domain/jst.js';

/** The 「確認しました」 verb, shared by the card and its handler. */
export const NEWS_VERBS = { confirm: 'news.confirm' } as const;

/** How the card shows an item that asks for 「確認しました」: the button, or who confirmed when. */
export interface NewsCardConfirmation {
  newsId: string;
  /** ISO instant of this person's press; undefined: the button is shown. */
  confirmedAt?: string | undefined;
  /** The follow-up reminder's wording on top. */
  followUp?: boolean;
  /** A line on top after the press (「確認を記録しました」). */
  notice?: string;
}

/** Bytes of a card as Teams receives it (UTF-8 JSON). */
export const cardBytes = (card: CardAttachment): number => new TextEncoder().encode(JSON.stringify(card.content)).length;

const categoryLine = (content: Pick<NewsContent, 'category'>, locale: Locale): CardElement => ({
  type: 'TextBlock',
  text: NEWS_CATEGORY_LABELS[content.category][locale],
  size: 'Small',
  color: 'Accent',
  weight: 'Bolder',
  wrap: true,
});

/** One news item as sent now: image, category, title, summary, the body's paragraphs and lists, and its link. */
export function buildNewsCard(data: { item: NewsContent; locale: Locale; confirmation?: NewsCardConfirmation }): CardAttachment {
  const { item, locale } = data;
  const asked = item.confirmation ? (data.confirmation ?? { newsId: 'preview' }) : undefined;
  const confirmedLine: CardElement[] = asked?.confirmedAt
    ? [{ type: 'TextBlock', text: t('newsConfirmedOn', locale, { date: formatJstDateTime(asked.confirmedAt, locale) }), wrap: true, weight: 'Bolder', color: 'Good', spacing: 'Medium' }]
    : asked
      ? [{ type: 'TextBlock', text: t('newsConfirmAsk', locale), wrap: true, isSubtle: true, spacing: 'Medium' }]
      : [];
  const top: CardElement[] = [
    ...(asked?.notice ? [{ type: 'TextBlock' as const, text: asked.notice, wrap: true, weight: 'Bolder' as const, color: 'Good' as const }] : []),
    ...(asked?.followUp && !asked.confirmedAt ? [{ type: 'TextBlock' as const, text: t('newsConfirmFollowUp', locale), wrap: true, weight: 'Bolder' as const, color: 'Attention' as const }] : []),
  ];
  const confirmAction: CardAction[] =
    asked && !asked.confirmedAt ? [{ type: 'Action.Execute', title: t('newsConfirmButton', locale), verb: NEWS_VERBS.confirm, data: { newsId: asked.newsId }, style: 'positive' }] : [];
  const parsed = parseNewsMarkdown(item.body);
  // Stored items were validated; an unreadable body (a hand-edited row) is shown as plain text rather than lost.
  const blocks: CardElement[] = parsed.ok
    ? parsed.blocks.map((block) => ({ type: 'TextBlock', text: blockToTextBlockMarkdown(block), wrap: true }))
    : [{ type: 'TextBlock', text: item.body, wrap: true }];
  return adaptiveCard({
    body: [
      ...top,
      ...(item.imageUrl ? [{ type: 'Image' as const, url: item.imageUrl, altText: item.title, size: 'Stretch' as const }] : []),
      categoryLine(item, locale),
      { type: 'TextBlock', text: item.title, size: 'Large', weight: 'Bolder', style: 'heading', wrap: true, spacing: 'None' },
      ...(item.summary ? [{ type: 'TextBlock' as const, text: item.summary, wrap: true, isSubtle: true }] : []),
      ...blocks,
      ...confirmedLine,
    ],
    actions: [...confirmAction, ...(item.link ? [{ type: 'Action.OpenUrl' as const, title: t('newsReadMore', locale), url: item.link }] : [])],
  });
}

/** The largest of the item's cards (Japanese and English chrome differ slightly). */
export const newsCardBytes = (item: NewsContent): number => Math.max(...(['ja', 'en'] as const).map((locale) => cardBytes(buildNewsCard({ item, locale }))));

/** What a digest shows of an item when it has no summary: the start of its body, without Markdown. */
function teaser(item: NewsContent): string {
  if (item.summary) return item.summary;
  const plain = item.body.replace(/\*\*/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  return plain.length > 140 ? `${plain.slice(0, 140)}…` : plain;
}

function digestEntry(item: NewsContent, locale: Locale): CardElement {
  const link: CardAction[] = item.link ? [{ type: 'Action.OpenUrl', title: t('newsReadMore', locale), url: item.link }] : [];
  const text = teaser(item);
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      categoryLine(item, locale),
      { type: 'TextBlock', text: item.title, weight: 'Bolder', wrap: true, spacing: 'None' },
      ...(text ? [{ type: 'TextBlock' as const, text, wrap: true, isSubtle: true, spacing: 'Small' as const }] : []),
      ...(link.length > 0 ? [{ type: 'ActionSet' as const, actions: link }] : []),
    ],
  };
}

/**
 * Several items in one card: the weekly digest, or the latest items on 「ニュース」. Items are given newest first;
 * when they do not all fit under Teams' size limit, the card keeps as many as fit and links to the rest in the tab.
 */
export function buildNewsDigestCard(data: { items: readonly NewsContent[]; locale: Locale; kind: 'digest' | 'latest'; tabUrl: string; maxBytes?: number }): CardAttachment {
  const { locale } = data;
  const maxBytes = data.maxBytes ?? MAX_NEWS_CARD_BYTES;
  const build = (shown: number) => {
    const hidden = data.items.length - shown;
    const heading: CardElement[] = [
      { type: 'TextBlock', text: t(data.kind === 'digest' ? 'newsDigestTitle' : 'newsLatestTitle', locale), size: 'Large', weight: 'Bolder', style: 'heading', wrap: true },
    ];
    if (data.items.length === 0) heading.push({ type: 'TextBlock', text: t('newsLatestNone', locale), wrap: true });
    else if (data.kind === 'digest') heading.push({ type: 'TextBlock', text: t('newsDigestIntro', locale, { count: String(data.items.length) }), wrap: true, isSubtle: true });
    const more: CardElement[] = hidden > 0 ? [{ type: 'TextBlock', text: t('newsMore', locale, { count: String(hidden) }), wrap: true, spacing: 'Medium' }] : [];
    return adaptiveCard({
      body: [...heading, ...data.items.slice(0, shown).map((item) => digestEntry(item, locale)), ...more],
      actions: [{ type: 'Action.OpenUrl', title: t('newsOpenTab', locale), url: data.tabUrl }],
    });
  };
  let shown = data.items.length;
  let card = build(shown);
  while (shown > 0 && cardBytes(card) > maxBytes) {
    shown--;
    card = build(shown);
  }
  return card;
}
