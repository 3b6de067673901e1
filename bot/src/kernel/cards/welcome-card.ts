import type { Locale } from '../domain/catalog/localized-text.js';
import { actionRows, adaptiveCard, type CardAttachment } from './adaptive-card.js';
import { commandMenu } from './command-menu.js';
import { t } from './messages.js';

export function buildWelcomeCard(data: { displayName: string; locale: Locale; tabUrl: string }): CardAttachment {
  const { locale } = data;
  // Teams' install activity may carry no name; the roster's name is used when HR's data has one, else none at all.
  const name = data.displayName.trim();
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('welcomeTitle', locale), size: 'Large', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: name ? t('welcomeGreeting', locale, { name }) : t('welcomeGreetingNoName', locale), wrap: true },
      { type: 'TextBlock', text: t('menuIntro', locale), wrap: true, isSubtle: true },
      ...actionRows(commandMenu(locale)),
    ],
    actions: [{ type: 'Action.OpenUrl', title: t('openTab', locale), url: data.tabUrl }],
  });
}
