import type { ActivityHandler, CloudAdapter } from 'botbuilder';
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

export function registerMessagesRoute(server: Server, deps: { adapter: CloudAdapter; bot: ActivityHandler; log: Logger }): void {
  server.post('/api/messages', async (req, res) => {
    const envelope = activityEnvelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      deps.log.warn('malformed activity refused', { issues: envelope.error.issues.map((issue) => issue.path.join('.')) });
      res.send(400, { error: { code: 'invalid-activity', message: 'The request body is not a Bot Framework activity.' } });
      return;
    }
    try {
      await deps.adapter.process(req, res, (context) =>
        withLogContext({ activityId: context.activity.id, conversationId: context.activity.conversation?.id }, () => deps.bot.run(context)),
      );
    } catch (error) {
      deps.log.error('activity processing failed', { error });
      if (!res.headersSent) res.send(500, { error: { code: 'internal', message: 'The activity could not be processed.' } });
    }
  });
}
