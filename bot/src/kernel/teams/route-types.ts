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

/**
 * What an Action.Execute handler answers: `card` is the pressed card's own next state and replaces it (a sign-up's
 * outcome, a saved setting); `message` is something new (a form, a list, another ticket) and comes as a new
 * message below, leaving what the person just read in place; `error` is shown on the pressed card.
 */
export type InvokeResult =
  | { kind: 'card'; card: CardAttachment }
  | { kind: 'message'; card: CardAttachment }
  | { kind: 'error'; status: 400 | 403 | 404 | 409; message: string };

/**
 * One handler per Action.Execute verb; `data` is the card's submit data, untrusted until the handler parses it.
 * `writesNothing`: the bot records nothing about the person in this turn (no employee or conversation-reference
 * write), because a row written at that moment could be joined by its time to what the handler stores (survey
 * answers). Mark a handler with `writingNothing`.
 */
export type InvokeHandler = ((scope: TurnScope, data: unknown) => Promise<InvokeResult>) & { readonly writesNothing?: true };

/** The handler, marked so that its turn writes no row about the person (see InvokeHandler). */
export const writingNothing = (handler: (scope: TurnScope, data: unknown) => Promise<InvokeResult>): InvokeHandler =>
  Object.assign(handler, { writesNothing: true as const });
export type InvokeRoutes = Record<string, InvokeHandler>;

/** Exact typed phrases beyond the menu (normalised with normalizeCommandText) and their handlers. */
export type TextRoutes = Record<string, CommandHandler>;

/** Personal chat free text that is no command: true when a feature answered it (otherwise the help card). */
export type FreeTextHandler = (scope: TurnScope, text: string) => Promise<boolean>;

/**
 * One turn in a team channel (DX相談 desk): who acted, from the activity's Entra id, and their employee record if
 * there is one. No conversation reference is stored for channel turns: the desk's is stored on purpose only.
 */
export interface ChannelTurnScope {
  context: TurnContext;
  locale: Locale;
  actorId: string | undefined;
  profile: EmployeeProfile | undefined;
}
export type ChannelInvokeRoutes = Record<string, (scope: ChannelTurnScope, data: unknown) => Promise<InvokeResult>>;
/** Exact phrases after the @mention in a channel (normalised with normalizeCommandText). */
export type ChannelTextRoutes = Record<string, (scope: ChannelTurnScope) => Promise<void>>;
