import { MessageFactory } from 'botbuilder';
import { buildHelpCard } from '../cards/help-card.js';
import type { CommandHandler } from './route-types.js';

/** ヘルプ: the command menu. The one menu command no feature owns. */
export const helpCommand: CommandHandler = async ({ context, locale }) => {
  await context.sendActivity(MessageFactory.attachment(buildHelpCard({ locale })));
};
