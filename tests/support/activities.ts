import { randomUUID } from 'node:crypto';
import type { StoredConversationReference } from '../../bot/src/kernel/domain/ports.js';
import { TEST_TENANT_ID } from './tenant.js';

export const BOT_ID = '28:dx-navi-test-bot';

/** The personal chat Teams opens with a person who installs the bot: its conversation id. */
export const personalConversationId = (employeeId: string) => `a:personal-${employeeId}`;

/**
 * The conversation reference the bot stores when a person installs it (what a proactive send needs), for tests
 * that start from staff who already have the bot: pass it to repositories.conversationReferences.save.
 */
export function personalChatReference(employeeId: string, serviceUrl: string, updatedAt = new Date().toISOString()): StoredConversationReference {
  return {
    employeeId,
    scope: 'personal',
    updatedAt,
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: personalConversationId(employeeId), conversationType: 'personal', tenantId: TEST_TENANT_ID },
      user: { id: `29:${employeeId}`, aadObjectId: employeeId },
      bot: { id: BOT_ID, name: 'DX Navi' },
    },
  };
}

export interface TestUser {
  aadObjectId: string;
  name: string;
  locale?: string;
}

/**
 * An activity as Teams posts it to /api/messages, in a given conversation (personal chat or a channel thread).
 * No vitest import here: benchmark scripts build their traffic with it too.
 */
export function teamsActivity(
  user: TestUser,
  serviceUrl: string,
  place: { conversation: Record<string, unknown>; channelData?: Record<string, unknown> },
  fields: Record<string, unknown>,
) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: BOT_ID, name: 'DX Navi' },
    conversation: { tenantId: TEST_TENANT_ID, ...place.conversation } as { id: string; conversationType: string; tenantId: string },
    channelData: { tenant: { id: TEST_TENANT_ID }, ...place.channelData },
    locale: user.locale ?? 'ja-JP',
    ...fields,
  };
}

/** A Teams personal-chat activity, shaped like what Teams posts to /api/messages. */
export function personalActivity(user: TestUser, serviceUrl: string, fields: Record<string, unknown>) {
  return teamsActivity(user, serviceUrl, { conversation: { id: personalConversationId(user.aadObjectId), conversationType: 'personal' } }, fields);
}

/** Action.Execute pressed on a card in a personal chat: the invoke Teams sends to the bot. */
export const executeActivity = (user: TestUser, serviceUrl: string, verb: string, data: unknown) =>
  personalActivity(user, serviceUrl, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } });

export const installActivity = (user: TestUser, serviceUrl: string) =>
  personalActivity(user, serviceUrl, { type: 'conversationUpdate', membersAdded: [{ id: BOT_ID }, { id: `29:${user.aadObjectId}` }] });

export const installationUpdate = (user: TestUser, serviceUrl: string) =>
  personalActivity(user, serviceUrl, { type: 'installationUpdate', action: 'add' });

export const textMessage = (user: TestUser, serviceUrl: string, text: string) =>
  personalActivity(user, serviceUrl, { type: 'message', text });

export const submitMessage = (user: TestUser, serviceUrl: string, value: unknown) =>
  personalActivity(user, serviceUrl, { type: 'message', value });

export async function postActivity(baseUrl: string, activity: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(activity),
  });
}
