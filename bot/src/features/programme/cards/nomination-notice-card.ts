import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { t } from '../../../kernel/cards/messages.js';
import { plainText } from '../../../kernel/cards/plain-text.js';
import { AWARD_CATEGORY_NAMES, type Nomination } from '../domain/award-nominations.js';

/** What the nominator is told when デジタル推進課 decides: asked for more, declined (with the note), accepted or awarded. */
export function buildNominationNoticeCard(data: { nomination: Pick<Nomination, 'title' | 'state' | 'reviewNote' | 'award'>; locale: Locale; tabUrl: string }): CardAttachment {
  const { nomination, locale } = data;
  const award = nomination.award;
  const outcome =
    nomination.state === 'awarded' && award
      ? t('nominationAwarded', locale, { year: String(award.fiscalYear), category: AWARD_CATEGORY_NAMES[award.category][locale] })
      : nomination.state === 'needs-info'
        ? t('nominationNeedsInfo', locale)
        : nomination.state === 'declined'
          ? t('nominationDeclined', locale)
          : t('nominationAccepted', locale);
  const note: CardElement[] = nomination.reviewNote
    ? [
        { type: 'TextBlock', text: t('nominationNote', locale), isSubtle: true, size: 'Small', spacing: 'Medium', wrap: true },
        // The note is the reviewer's own text: shown as typed, never as Markdown.
        { type: 'TextBlock', text: plainText(nomination.reviewNote), wrap: true, spacing: 'None' },
      ]
    : [];
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('nominationNoticeTitle', locale, { title: plainText(nomination.title) }), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: outcome, wrap: true, color: nomination.state === 'awarded' ? 'Good' : 'Default' },
      ...note,
    ],
    actions: [{ type: 'Action.OpenUrl', title: t('openTab', locale), url: data.tabUrl }],
  });
}
