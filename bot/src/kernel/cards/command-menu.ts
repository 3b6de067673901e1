import type { Locale } from '../domain/catalog/localized-text.js';
import type { CardAction } from './adaptive-card.js';
import { COMMAND_IDS, COMMAND_LABELS, type CommandId } from './messages.js';

/** The data an Action.Submit menu button sends back; the router reads `command`. */
export type CommandSubmitData = {
  command: CommandId;
};

export function commandButton(command: CommandId, locale: Locale): CardAction {
  const data: CommandSubmitData = { command };
  return { type: 'Action.Submit', title: COMMAND_LABELS[command][locale], data };
}

/** The whole menu except the entry the user is looking at. */
export function commandMenu(locale: Locale, except: CommandId[] = []): CardAction[] {
  return COMMAND_IDS.filter((command) => !except.includes(command)).map((command) => commandButton(command, locale));
}
