import type { ActivityHandler, CloudAdapter, TurnContext } from 'botbuilder';
import { localeFrom, t } from '../cards/messages.js';
import type { Server } from 'restify';
import { z } from 'zod';
import { withLogContext, type Logger } from '../../logger.js';

/** The least an activity must carry before botbuilder sees it; anything else is a client error, not a crash. */
const activityEnvelopeSchema = z
  .object({
    type: z.string().min(1),
    channelId: z.string().min(1),
    serviceUrl: z.string().url(),
    conversation: z.object({ id: z.string().min(1) }).passthrough(),
    from: z.object({ id: z.string().min(1) }).passthrough(),
    recipient: z.object({ id: z.string().min(1) }).passthrough(),
  })
  .passthrough();

/** The tenant an activity comes from, as Teams puts it in channelData (and, for personal chats, the conversation). */
export function tenantOfActivity(activity: TurnContext['activity']): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId = typeof fromChannelData === 'string' ? fromChannelData : activity.conversation?.tenantId;
  return tenantId?.toLowerCase();
}

/**
 * The tenant lock (issue 12): an activity from any tenant but the ward's reaches no handler, so nothing is stored;
 * a message gets one refusal, anything else (installs, invokes) nothing.
 */
async function refuseForeignTenant(context: TurnContext, tenantId: string, log: Logger): Promise<boolean> {
  const from = tenantOfActivity(context.activity);
  if (from === tenantId) return false;
  log.warn('activity from a foreign tenant refused', { tenantId: from ?? '(none)', type: context.activity.type });
  if (context.activity.type === 'message') await context.sendActivity(t('foreignTenant', localeFrom(context.activity.locale)));
  return true;
}

export function registerMessagesRoute(server: Server, deps: { adapter: CloudAdapter; bot: ActivityHandler; tenantId: string; log: Logger }): void {
  server.post('/api/messages', async (req, res) => {
    const envelope = activityEnvelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      deps.log.warn('malformed activity refused', { issues: envelope.error.issues.map((issue) => issue.path.join('.')) });
      res.send(400, { error: { code: 'invalid-activity', message: 'The request body is not a Bot Framework activity.' } });
      return;
    }
    try {
      await deps.adapter.process(req, res, (context) =>
        withLogContext({ activityId: context.activity.id, conversationId: context.activity.conversation?.id }, async () => {
          if (await refuseForeignTenant(context, deps.tenantId, deps.log)) return;
          await deps.bot.run(context);
        }),
      );
    } catch (error) {
      deps.log.error('activity processing failed', { error });
      if (!res.headersSent) res.send(500, { error: { code: 'internal', message: 'The activity could not be processed.' } });
    }
  });
}
