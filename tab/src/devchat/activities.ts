import type { DevIdentity } from '../api/client';
import type { RuntimeConfig } from '../runtime/runtime-config';

/** Builds Teams-shaped activities for one dev user, as Teams would post them to the bot. */
export function activityFactory(config: RuntimeConfig, user: DevIdentity, locale: string) {
  const conversationId = `dev-personal-${user.id}`;
  const base = () => ({
    id: crypto.randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${config.apiBaseUrl}/dev/connector/`,
    from: { id: `29:dev-${user.id}`, aadObjectId: user.id, name: user.displayName },
    recipient: { id: `28:${config.botId || 'dx-navi-local'}`, name: 'DX Navi' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: config.tenantId },
    channelData: { tenant: { id: config.tenantId } },
    locale,
  });
  return {
    conversationId,
    install: () => ({ ...base(), type: 'conversationUpdate', membersAdded: [{ id: `28:${config.botId || 'dx-navi-local'}` }] }),
    text: (text: string) => ({ ...base(), type: 'message', text }),
    submit: (value: unknown, replyToId: string) => ({ ...base(), type: 'message', value, replyToId }),
    execute: (verb: string, data: unknown, replyToId: string) => ({
      ...base(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      replyToId,
    }),
  };
}
