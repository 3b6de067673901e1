import { randomUUID } from 'node:crypto';
import { BOT_ID, teamsActivity, type TestUser } from './activities.js';

export interface TestChannel {
  teamId: string;
  channelId: string;
}

/**
 * A Teams team-channel activity as Teams posts it: the conversation is the thread (`…;messageid=…`), the team and
 * channel are in channelData, and a message to the bot carries an <at> mention of it.
 */
export function channelActivity(user: TestUser, serviceUrl: string, channel: TestChannel, fields: Record<string, unknown>, threadId: string = randomUUID()) {
  return teamsActivity(
    user,
    serviceUrl,
    {
      conversation: { id: `${channel.channelId};messageid=${threadId}`, conversationType: 'channel', isGroup: true },
      channelData: { team: { id: channel.teamId }, channel: { id: channel.channelId } },
    },
    fields,
  );
}

/** 「@DX Navi <text>」 in a channel. */
export const channelMention = (user: TestUser, serviceUrl: string, channel: TestChannel, text: string) =>
  channelActivity(user, serviceUrl, channel, {
    type: 'message',
    text: `<at>DX Navi</at> ${text}`,
    entities: [{ type: 'mention', text: '<at>DX Navi</at>', mentioned: { id: BOT_ID, name: 'DX Navi' } }],
  });

/** Action.Execute pressed on a card the bot posted in the channel (the card's message is the thread). */
export const channelInvoke = (user: TestUser, serviceUrl: string, channel: TestChannel, cardActivityId: string, verb: string, data: unknown) =>
  channelActivity(
    user,
    serviceUrl,
    channel,
    { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, replyToId: cardActivityId },
    cardActivityId,
  );

/** The data of the Action.Execute with this verb anywhere on a card (ShowCard sub-cards included). */
export function actionDataOf(card: unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  JSON.stringify(card, (_key, value: unknown) => {
    const action = value as { type?: string; verb?: string; data?: Record<string, unknown> } | null;
    if (!found && action?.type === 'Action.Execute' && action.verb === verb) found = action.data ?? {};
    return value;
  });
  return found;
}
