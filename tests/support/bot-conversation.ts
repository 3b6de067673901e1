import { expect } from 'vitest';
import type { RunningApp } from '../../bot/src/app.js';
import type { RecordedActivity } from '../../bot/src/dev/connector-recorder.js';
import type { personalActivity} from './activities.js';
import { executeActivity, personalConversationId, postActivity, type TestUser } from './activities.js';
import type { startConnectorStandIn } from './connector-stand-in.js';

export type CardContent = { body: Record<string, unknown>[]; actions?: { title: string; url?: string }[] };

/** The Adaptive Card a recorded bot message carries. */
export const cardOf = (entry: RecordedActivity): CardContent => {
  const attachments = entry.activity.attachments as { contentType: string; content: CardContent }[] | undefined;
  expect(attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments![0]!.content;
};

/** Talks to the real bot over HTTP and reads its replies from the connector stand-in. */
export function botConversation(app: RunningApp, connector: Awaited<ReturnType<typeof startConnectorStandIn>>) {
  return {
    /** Sends an activity and returns what the bot sent back to that conversation because of it. */
    async converse(activity: ReturnType<typeof personalActivity>, expectedReplies = 1): Promise<RecordedActivity[]> {
      const conversationId = activity.conversation.id;
      const before = connector.recorder.list({ conversationId }).length;
      const response = await postActivity(app.baseUrl, activity);
      expect(response.status).toBeLessThan(300);
      const entries = await connector.recorder.waitFor((all) => all.length >= before + expectedReplies, { conversationId });
      return entries.slice(before);
    },
    /** Presses an Action.Execute button: the invoke's HTTP answer is what Teams puts in place of the card. */
    async execute(user: TestUser, verb: string, data: unknown) {
      const response = await postActivity(
        app.baseUrl,
        executeActivity(user, connector.serviceUrl, verb, data),
      );
      // The invoke body's shape is the Bot Framework's: statusCode, type and a card or an error as value.
      const body = (await response.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
      return { httpStatus: response.status, ...body };
    },
    /**
     * Presses a button that shows something new: the bot sends it as a new message to the chat and answers the
     * invoke with a short text, leaving the pressed card as it was. Returns both.
     */
    async executeForNewMessage(user: TestUser, verb: string, data: unknown) {
      const conversationId = personalConversationId(user.aadObjectId);
      const before = connector.recorder.list({ conversationId }).length;
      const answer = await this.execute(user, verb, data);
      const sent = connector.recorder.list({ conversationId }).slice(before);
      return { answer, sent };
    },
  };
}
