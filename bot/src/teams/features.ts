import type { TurnContext } from 'botbuilder';
import type { Locale } from '../domain/catalog/localized-text.js';
import type { EmployeeProfile } from '../domain/employee.js';
import type { CardAttachment } from '../cards/adaptive-card.js';
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

/** What an Action.Execute handler answers: the card that replaces the pressed one, or an error shown on it. */
export type InvokeResult = { kind: 'card'; card: CardAttachment } | { kind: 'error'; status: 400 | 403 | 404 | 409; message: string };

/** One handler per Action.Execute verb; `data` is the card's submit data, untrusted until the handler parses it. */
export type InvokeHandler = (scope: TurnScope, data: unknown) => Promise<InvokeResult>;
export type InvokeRoutes = Record<string, InvokeHandler>;

/** Exact typed phrases beyond the menu (normalised with normalizeCommandText) and their handlers. */
export type TextRoutes = Record<string, CommandHandler>;
