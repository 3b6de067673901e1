import { MessageFactory, TeamsActivityHandler, TurnContext, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue } from 'botbuilder';
import { buildHelpCard } from '../cards/help-card.js';
import { localeFrom, t } from '../cards/messages.js';
import { buildWelcomeCard } from '../cards/welcome-card.js';
import type { Locale } from '../domain/catalog/localized-text.js';
import type { ConversationReferenceRepository } from '../domain/ports.js';
import type { ProfileService } from '../domain/profile-service.js';
import type { EmployeeProfile } from '../domain/employee.js';
import { AppError } from '../domain/errors.js';
import type { ChannelInvokeRoutes, ChannelTextRoutes, ChannelTurnScope, CommandRoutes, FreeTextHandler, InvokeResult, InvokeRoutes, TextRoutes, TurnScope } from './route-types.js';
import { commandFromSubmit, commandFromText, normalizeCommandText } from './router.js';

export interface DxNaviBotDeps {
  profiles: ProfileService;
  conversationReferences: ConversationReferenceRepository;
  routes: CommandRoutes;
  /** Action.Execute verbs to their handlers. */
  invokeRoutes: InvokeRoutes;
  /** Typed phrases that are not menu commands, e.g. an admin's 「アンケート結果」. */
  textRoutes?: TextRoutes;
  /** Personal chat text that is neither a command nor a phrase (DX相談: the FAQ); the help card when it declines. */
  freeText?: FreeTextHandler;
  /** Team channel, after the @mention: exact phrases, e.g. an admin's 「相談窓口に設定」. */
  channelTextRoutes?: ChannelTextRoutes;
  /** Team channel: Action.Execute verbs on cards the bot posted there (the DX相談 desk's ticket cards). */
  channelInvokeRoutes?: ChannelInvokeRoutes;
  /** Team channel: the answer to any other mention. */
  channelHelp?: (scope: ChannelTurnScope) => Promise<void>;
  tabUrl: string;
  now?: () => Date;
  /**
   * 職員名簿 (issue 12): links an identity HR's roster does not know yet to its row (by the UPN Teams reports);
   * true when it did. Called only while the person is unregistered.
   */
  linkIdentity?: (context: TurnContext, employeeId: string) => Promise<boolean>;
}

/** What someone HR's roster does not list may still do in chat: read help and the FAQ, and file a DX相談. */
const OPEN_TO_UNREGISTERED: ReadonlySet<string> = new Set(['help', 'consult', 'consult-status']);

/**
 * Forwards Teams activities to the feature routes. Holds no per-user state: one instance serves everyone.
 */
export class DxNaviBot extends TeamsActivityHandler {
  constructor(private readonly deps: DxNaviBotDeps) {
    super();

    this.onInstallationUpdateAdd(async (context, next) => {
      if (isPersonal(context)) await this.recordPersonalConversation(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botWasAdded && isPersonal(context)) {
        const scope = await this.recordPersonalConversation(context);
        await context.sendActivity(
          MessageFactory.attachment(
            buildWelcomeCard({ displayName: scope.profile.displayName, locale: scope.locale, tabUrl: this.deps.tabUrl }),
          ),
        );
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      if (!isPersonal(context)) {
        if (isChannel(context)) await this.channelMessage(context);
        await next();
        return;
      }
      const scope = await this.recordPersonalConversation(context);
      const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? '';
      const command = commandFromSubmit(context.activity.value) ?? (text ? commandFromText(text) : undefined);
      const phrase = normalizeCommandText(text);
      const textRoute = !command && text && this.deps.textRoutes && Object.hasOwn(this.deps.textRoutes, phrase) ? this.deps.textRoutes[phrase] : undefined;
      if (command && scope.profile.directoryStatus === 'unregistered' && !OPEN_TO_UNREGISTERED.has(command)) {
        await context.sendActivity(t('unregisteredStaff', scope.locale));
      } else if (command) {
        await this.deps.routes[command](scope);
      } else if (textRoute) {
        await textRoute(scope);
      } else if (text && this.deps.freeText && (await this.deps.freeText(scope, text))) {
        // Answered (the FAQ).
      } else {
        await context.sendActivity(
          MessageFactory.attachment(buildHelpCard({ locale: scope.locale, unrecognisedText: text || undefined })),
        );
      }
      await next();
    });
  }

  /**
   * Universal Actions (Action.Execute): the verb picks the handler; a card's own next state replaces it in place,
   * anything new is sent as a new message. Unknown verbs and bad data answer 400 with a message for the card.
   */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb ?? '';
    const unknown = (): AdaptiveCardInvokeResponse => {
      const message = t('unknownCardAction', localeFrom(context.activity.locale));
      return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } };
    };
    let result: InvokeResult;
    let locale: Locale;
    if (isPersonal(context)) {
      const handler = Object.hasOwn(this.deps.invokeRoutes, verb) ? this.deps.invokeRoutes[verb] : undefined;
      if (!handler) return unknown();
      const scope = handler.writesNothing ? await this.personalScopeWithoutWrites(context) : await this.recordPersonalConversation(context);
      locale = scope.locale;
      result = await handler(scope, invokeValue.action.data);
    } else {
      const routes = this.deps.channelInvokeRoutes;
      const handler = isChannel(context) && routes && Object.hasOwn(routes, verb) ? routes[verb] : undefined;
      if (!handler) return unknown();
      const scope = await this.channelScope(context);
      locale = scope.locale;
      result = await handler(scope, invokeValue.action.data);
    }
    if (result.kind === 'error') {
      return { statusCode: result.status, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: result.message } };
    }
    if (result.kind === 'message') {
      // Something new goes below as its own message; the pressed card stays as it was (Teams shows the short text).
      await context.sendActivity(MessageFactory.attachment(result.card));
      const sent = t('cardSentBelow', locale);
      // botbuilder types `value` as a record; the message response's value is the text itself.
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: sent as unknown as Record<string, unknown> };
    }
    // botbuilder types the card as a loose record; ours is the typed Adaptive Card it serialises.
    const card = result.card.content as unknown as Record<string, unknown>;
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }

  /** A channel turn: routed by phrase after the @mention; anything else gets the channel's short help. */
  private async channelMessage(context: TurnContext): Promise<void> {
    const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? '';
    const routes = this.deps.channelTextRoutes;
    const phrase = normalizeCommandText(text);
    const route = routes && Object.hasOwn(routes, phrase) ? routes[phrase] : undefined;
    if (route) await route(await this.channelScope(context));
    else if (this.deps.channelHelp) await this.deps.channelHelp(await this.channelScope(context));
  }

  /** Who acts in a channel: their Entra id and employee record (if HR's data or an install made one); nothing is saved. */
  private async channelScope(context: TurnContext): Promise<ChannelTurnScope> {
    const actorId = context.activity.from?.aadObjectId;
    let profile: EmployeeProfile | undefined;
    if (actorId) {
      try {
        profile = await this.deps.profiles.getProfile(actorId);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'not-found') throw error;
      }
    }
    return { context, locale: profile?.preferredLocale ?? localeFrom(context.activity.locale ?? profile?.locale), actorId, profile };
  }

  /**
   * A personal turn that records nothing (a survey answer): the profile is read, and no employee or conversation
   * reference row is written, so no row's time marks the moment. Someone with no employee record yet gets one
   * recorded as usual; they cannot be in a survey's audience, whose card needs a conversation.
   */
  private async personalScopeWithoutWrites(context: TurnContext): Promise<TurnScope> {
    const employeeId = context.activity.from.aadObjectId;
    if (!employeeId) throw new AppError('invalid-input', { detail: 'personal activity without from.aadObjectId' });
    try {
      const profile = await this.deps.profiles.getProfile(employeeId);
      return { context, locale: profile.preferredLocale ?? localeFrom(context.activity.locale ?? profile.locale), profile };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not-found') throw error;
      return this.recordPersonalConversation(context);
    }
  }

  private async recordPersonalConversation(context: TurnContext): Promise<TurnScope> {
    const { activity } = context;
    const employeeId = activity.from.aadObjectId;
    if (!employeeId) throw new AppError('invalid-input', { detail: 'personal activity without from.aadObjectId' });
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    const tenantId = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation.tenantId;
    let [profile] = await Promise.all([
      this.deps.profiles.recordSeen({ id: employeeId, displayName: activity.from.name ?? '', locale: activity.locale, tenantId, at }),
      this.deps.conversationReferences.save({
        employeeId,
        scope: 'personal',
        reference: conversationReferenceFor(activity),
        updatedAt: at,
      }),
    ]);
    if (profile.directoryStatus === 'unregistered' && (await this.deps.linkIdentity?.(context, employeeId))) {
      profile = await this.deps.profiles.getProfile(employeeId);
    }
    // A language chosen in 通知設定 wins over the client's (the Agents Playground, for one, always says en-US).
    return { context, locale: profile.preferredLocale ?? localeFrom(activity.locale ?? profile.locale), profile };
  }
}

/**
 * The reference proactive messages use. The id of the activity that happened to carry it is left out: it changes
 * every turn (so every turn would rewrite the row) and a proactive message is not a reply to it.
 */
function conversationReferenceFor(activity: TurnContext['activity']): Record<string, unknown> {
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
  return reference;
}

/** A standard or private channel of a team (the bot sees its messages only when @mentioned). */
function isChannel(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'channel';
}

function isPersonal(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}
