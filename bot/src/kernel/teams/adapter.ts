import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { localeFrom, t } from '../cards/messages.js';
import type { Logger } from '../../logger.js';

export interface BotIdentity {
  appId: string | undefined;
  appPassword: string | undefined;
  appType: string;
  appTenantId: string | undefined;
}

/**
 * A CloudAdapter with Bot Framework JWT auth. With no app id, botbuilder accepts unauthenticated activities:
 * that is only for a local stack, and the caller logs it loudly.
 */
export function createBotAdapter(identity: BotIdentity, log: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: identity.appId ?? '',
    MicrosoftAppPassword: identity.appPassword ?? '',
    MicrosoftAppType: identity.appType,
    MicrosoftAppTenantId: identity.appTenantId ?? '',
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error('bot turn failed', {
      error,
      activityId: context.activity.id,
      activityType: context.activity.type,
      conversationId: context.activity.conversation?.id,
    });
    try {
      const locale = localeFrom(context.activity.locale);
      await context.sendActivity(MessageFactory.text(t('genericError', locale)));
    } catch (sendError) {
      log.error('could not tell the user about the failed turn', { error: sendError });
    }
  };
  return adapter;
}
