import type { TurnContext } from 'botbuilder';
import type { Locale } from '../domain/catalog/localized-text.js';
import type { EmployeeProfile } from '../domain/employee.js';
import type { CommandId } from '../cards/messages.js';

/** What every feature handler gets for one turn: the person, in their language, already recorded. */
export interface TurnScope {
  context: TurnContext;
  locale: Locale;
  profile: EmployeeProfile;
}

export type CommandHandler = (scope: TurnScope) => Promise<void>;

/** The route table: one handler per menu command. Features not built yet say so rather than stay silent. */
export type CommandRoutes = Record<CommandId, CommandHandler>;
