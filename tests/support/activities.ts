import { randomUUID } from 'node:crypto';
import { TEST_TENANT_ID } from './test-app.js';

export const BOT_ID = '28:dx-navi-test-bot';

export interface TestUser {
  aadObjectId: string;
  name: string;
  locale?: string;
}

/** A Teams personal-chat activity, shaped like what Teams posts to /api/messages. */
export function personalActivity(user: TestUser, serviceUrl: string, fields: Record<string, unknown>) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: BOT_ID, name: 'DX Navi' },
    conversation: { id: `a:personal-${user.aadObjectId}`, conversationType: 'personal', tenantId: TEST_TENANT_ID },
    channelData: { tenant: { id: TEST_TENANT_ID } },
    locale: user.locale ?? 'ja-JP',
    ...fields,
  };
}

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
