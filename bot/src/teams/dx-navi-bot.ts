import { MessageFactory, TeamsActivityHandler, TurnContext, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue } from 'botbuilder';
import { buildHelpCard } from '../cards/help-card.js';
import { localeFrom, t } from '../cards/messages.js';
import { buildWelcomeCard } from '../cards/welcome-card.js';
import type { ConversationReferenceRepository } from '../domain/ports.js';
import type { ProfileService } from '../domain/profile-service.js';
import { AppError } from '../domain/errors.js';
import type { CommandRoutes, InvokeRoutes, TextRoutes, TurnScope } from './features.js';
import { commandFromSubmit, commandFromText, normalizeCommandText } from './router.js';

export interface DxNaviBotDeps {
  profiles: ProfileService;
  conversationReferences: ConversationReferenceRepository;
  routes: CommandRoutes;
  /** Action.Execute verbs to their handlers. */
  invokeRoutes: InvokeRoutes;
  /** Typed phrases that are not menu commands, e.g. an admin's 「アンケート結果」. */
  textRoutes?: TextRoutes;
  tabUrl: string;
  now?: () => Date;
}

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
        // Team scope arrives with the consultation desk; until then, point people at personal chat.
        await next();
        return;
      }
      const scope = await this.recordPersonalConversation(context);
      const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? '';
      const command = commandFromSubmit(context.activity.value) ?? (text ? commandFromText(text) : undefined);
      const phrase = normalizeCommandText(text);
      const textRoute = !command && text && this.deps.textRoutes && Object.hasOwn(this.deps.textRoutes, phrase) ? this.deps.textRoutes[phrase] : undefined;
      if (command) {
        await this.deps.routes[command](scope);
      } else if (textRoute) {
        await textRoute(scope);
      } else {
        await context.sendActivity(
          MessageFactory.attachment(buildHelpCard({ locale: scope.locale, unrecognisedText: text || undefined })),
        );
      }
      await next();
    });
  }

  /**
   * Universal Actions (Action.Execute): the verb picks the handler; its answer replaces the card in place, so the
   * person sees the outcome where they pressed. Unknown verbs and bad data answer 400 with a message for the card.
   */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb ?? '';
    const handler = Object.hasOwn(this.deps.invokeRoutes, verb) ? this.deps.invokeRoutes[verb] : undefined;
    if (!handler || !isPersonal(context)) {
      const message = t('unknownCardAction', localeFrom(context.activity.locale));
      return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } };
    }
    const scope = await this.recordPersonalConversation(context);
    const result = await handler(scope, invokeValue.action.data);
    if (result.kind === 'error') {
      return { statusCode: result.status, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: result.message } };
    }
    // botbuilder types the card as a loose record; ours is the typed Adaptive Card it serialises.
    const card = result.card.content as unknown as Record<string, unknown>;
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }

  private async recordPersonalConversation(context: TurnContext): Promise<TurnScope> {
    const { activity } = context;
    const employeeId = activity.from.aadObjectId;
    if (!employeeId) throw new AppError('invalid-input', { detail: 'personal activity without from.aadObjectId' });
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    const tenantId = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation.tenantId;
    const [profile] = await Promise.all([
      this.deps.profiles.recordSeen({ id: employeeId, displayName: activity.from.name ?? '', locale: activity.locale, tenantId, at }),
      this.deps.conversationReferences.save({
        employeeId,
        scope: 'personal',
        reference: conversationReferenceFor(activity),
        updatedAt: at,
      }),
    ]);
    return { context, locale: localeFrom(activity.locale ?? profile.locale), profile };
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

function isPersonal(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}
