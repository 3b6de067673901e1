import type { Locale } from '../domain/catalog/localized-text.js';
import { actionRows, adaptiveCard, type CardAttachment, type CardElement } from './adaptive-card.js';
import { commandButton } from './command-menu.js';
import { COMMAND_DESCRIPTIONS, COMMAND_IDS, COMMAND_LABELS, t } from './messages.js';

/** The help card lists every command with what it does; `unrecognisedText` explains why it was sent. */
export function buildHelpCard(data: { locale: Locale; unrecognisedText?: string }): CardAttachment {
  const { locale } = data;
  const intro: CardElement[] = data.unrecognisedText
    ? [{ type: 'TextBlock', text: t('unknownCommand', locale, { text: data.unrecognisedText }), wrap: true }]
    : [];
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('helpTitle', locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      ...intro,
      {
        type: 'FactSet',
        facts: COMMAND_IDS.map((command) => ({
          title: COMMAND_LABELS[command][locale],
          value: COMMAND_DESCRIPTIONS[command][locale],
        })),
      },
      ...actionRows(COMMAND_IDS.filter((command) => command !== 'help').map((command) => commandButton(command, locale))),
    ],
  });
}
