import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../bot/src/app.js';
import { personalConversationId, postActivity, textMessage, type TestUser } from '../support/activities.js';
import { startConnectorStandIn } from '../support/connector-stand-in.js';
import { startTestApp } from '../support/test-app.js';
import { waitUntil } from '../support/wait.js';

// The bot keeps one Bot Connector client per service URL (and app id and audience) instead of a new one per turn.
// Teams gives different users different service URLs (regions); a reused client must never answer one region's
// user through another region's connector.
let app: RunningApp;
let regions: Awaited<ReturnType<typeof startConnectorStandIn>>[];

beforeAll(async () => {
  [app, ...regions] = await Promise.all([startTestApp(), startConnectorStandIn(), startConnectorStandIn()]);
});
afterAll(async () => {
  await Promise.all([app?.stop(), ...regions.map((region) => region.stop())]);
});

const user = (suffix: string): TestUser => ({ aadObjectId: `00000000-0000-4000-8000-${suffix.padStart(12, '0')}`, name: `地域 太郎${suffix}` });

describe('Bot Connector clients reused across turns', () => {
  it('when staff behind two service URLs talk to the bot at once, again and again, then every reply goes to the connector of the person who wrote', async () => {
    const [east, west] = regions as [(typeof regions)[number], (typeof regions)[number]];
    const people = [
      { person: user('701'), region: east },
      { person: user('702'), region: west },
      { person: user('703'), region: east },
      { person: user('704'), region: west },
    ];
    for (let round = 0; round < 3; round++) {
      await Promise.all(people.map(({ person, region }) => postActivity(app.baseUrl, textMessage(person, region.serviceUrl, 'ヘルプ'))));
    }
    await waitUntil(() => east.recorder.list().length >= 6 && west.recorder.list().length >= 6, 'six replies at each connector');
    const conversationsAt = (region: (typeof regions)[number]) => new Set(region.recorder.list().map((entry) => entry.conversationId));
    expect(conversationsAt(east)).toEqual(new Set([personalConversationId(user('701').aadObjectId), personalConversationId(user('703').aadObjectId)]));
    expect(conversationsAt(west)).toEqual(new Set([personalConversationId(user('702').aadObjectId), personalConversationId(user('704').aadObjectId)]));
    expect(east.recorder.list()).toHaveLength(6);
    expect(west.recorder.list()).toHaveLength(6);
  });
});
