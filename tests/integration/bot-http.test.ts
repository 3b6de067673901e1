import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../bot/src/app.js';
import { parseAdaptiveCard } from '../support/cards.js';
import { botConversation, cardOf, type CardContent } from '../support/bot-conversation.js';
import { startConnectorStandIn } from '../support/connector-stand-in.js';
import type {
  personalActivity} from '../support/activities.js';
import {
  executeActivity,
  installActivity,
  installationUpdate,
  postActivity,
  submitMessage,
  textMessage,
  type TestUser,
} from '../support/activities.js';
import { connectionsOpenedDuring } from '../support/network-observers.js';
import { registerStaff } from '../support/staff.js';
import { startTestApp } from '../support/test-app.js';

let app: RunningApp;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.stop()]);
});

const cardText = (card: CardContent) => JSON.stringify(card);

const converse = (activity: ReturnType<typeof personalActivity>, expectedReplies = 1) => botConversation(app, connector).converse(activity, expectedReplies);

const newUser = (suffix: string, locale = 'ja-JP'): TestUser => ({
  aadObjectId: `00000000-0000-4000-8000-${suffix.padStart(12, '0')}`,
  name: `テスト 太郎${suffix}`,
  locale,
});

describe('bot over HTTP with a Bot Connector stand-in', () => {
  it('when the bot is installed in personal scope, then it sends a Japanese welcome card with the whole menu', async () => {
    const user = newUser('1');
    const [reply] = await converse(installActivity(user, connector.serviceUrl));
    const card = cardOf(reply!);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('DX Navi へようこそ');
    expect(text).toContain(user.name);
    for (const label of ['相談する', '相談状況', 'アンケート', '研修を探す', 'マイスキル', '通知設定', 'ヘルプ']) {
      expect(text).toContain(`"title":"${label}"`);
    }
  });

  it('when the bot is installed, then the conversation reference and the employee record are stored', async () => {
    const user = newUser('2');
    await postActivity(app.baseUrl, installationUpdate(user, connector.serviceUrl));
    await converse(installActivity(user, connector.serviceUrl));
    const reference = await app.repositories.conversationReferences.get(user.aadObjectId);
    expect(reference?.reference).toMatchObject({
      conversation: { id: `a:personal-${user.aadObjectId}` },
      serviceUrl: connector.serviceUrl,
    });
    const employee = await app.repositories.employees.get(user.aadObjectId);
    expect(employee).toMatchObject({ displayName: user.name, locale: 'ja-JP', roles: ['employee'] });
    expect(employee?.installedAt).toBeTruthy();
  });

  it('when the Teams locale is English, then the welcome card is in English', async () => {
    const [reply] = await converse(installActivity(newUser('3', 'en-US'), connector.serviceUrl));
    const text = cardText(cardOf(reply!));
    expect(text).toContain('Welcome to DX Navi');
    expect(text).toContain('"title":"Ask for help"');
    expect(text).not.toContain('ようこそ');
  });

  it('when Teams installs the bot with no name on the activity, then the greeting uses the roster name, or none (never "Hello .")', async () => {
    const nameless = (user: TestUser) => {
      const activity = installActivity(user, connector.serviceUrl);
      return { ...activity, from: { id: activity.from.id, aadObjectId: activity.from.aadObjectId } };
    };
    const stranger = newUser('31', 'en-US');
    const [english] = await converse(nameless(stranger) as ReturnType<typeof installActivity>);
    const greeting = cardText(cardOf(english!));
    expect(greeting).toContain('Hello. Following the Shinagawa City');
    expect(greeting).not.toMatch(/Hello\s+\./);
    const [japanese] = await converse(nameless(newUser('32')) as ReturnType<typeof installActivity>);
    expect(cardText(cardOf(japanese!))).toContain('"text":"こんにちは。品川区 DX人材育成方針');
    expect(cardText(cardOf(japanese!))).not.toContain(' さん、');

    const known = newUser('33');
    await app.repositories.employees.save({ id: known.aadObjectId, displayName: '大崎 健太', email: undefined, departmentId: undefined, jobLevel: 'general', roles: ['employee'], locale: undefined, tenantId: undefined, installedAt: undefined });
    const [rostered] = await converse(nameless(known) as ReturnType<typeof installActivity>);
    expect(cardText(cardOf(rostered!))).toContain('大崎 健太 さん、こんにちは。');
  });

  // Questions go to the DX相談 FAQ (consult-http.test.ts); a short word that is no question still gets help.
  it('when the user types a short word the bot does not know, then it answers with help, not silence', async () => {
    const [reply] = await converse(textMessage(newUser('4'), connector.serviceUrl, 'ランチ'));
    const card = cardOf(reply!);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(cardText(card)).toContain('「ランチ」には対応していません');
    expect(cardText(card)).toContain('DX Navi でできること');
  });

  it('when the user types ヘルプ in full-width or English, then the help card lists every command', async () => {
    for (const text of ['ヘルプ', 'ＨＥＬＰ', ' help ']) {
      const [reply] = await converse(textMessage(newUser('5'), connector.serviceUrl, text));
      const card = cardText(cardOf(reply!));
      expect(card).toContain('DX Navi でできること');
      expect(card).not.toContain('対応していません');
    }
  });

  it('when a menu button is pressed, then its command runs (マイスキル shows the profile, skill levels, next steps and a link to the tab)', async () => {
    const user = newUser('6');
    await registerStaff(app, user);
    const [reply] = await converse(submitMessage(user, connector.serviceUrl, { command: 'my-skills' }));
    const card = cardOf(reply!);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(cardText(card)).toContain(user.name);
    expect(cardText(card)).toContain('{"title":"データ活用","value":"未達成"}');
    expect(cardText(card)).toContain('・業務改革 LV1: 各デジタルツールの特性を理解し、活用方法をイメージできる');
    expect(card.actions?.[0]?.url).toMatch(/\/index\.html$/);
  });

  it('when 通知設定 is asked for, then the settings card with the news categories comes back', async () => {
    await registerStaff(app, newUser('8'));
    const [reply] = await converse(textMessage(newUser('8'), connector.serviceUrl, '通知設定'));
    const card = cardOf(reply!);
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(cardText(card)).toContain('庁内優良事例');
  });

  it('when a malformed activity is posted, then the server answers 400 and keeps serving', async () => {
    for (const body of ['not json', JSON.stringify({ hello: 'world' }), JSON.stringify({ type: 'message' })]) {
      const response = await fetch(`${app.baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(response.status).toBe(400);
    }
    const health = await fetch(`${app.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });

  it('when a card action verb is unknown, then the invoke answers 400 with a message for the card', async () => {
    const response = await postActivity(
      app.baseUrl,
      executeActivity(newUser('9'), connector.serviceUrl, 'forged-verb', {}),
    );
    // botbuilder answers the invoke with the card response's own status code.
    expect(response.status).toBe(400);
    const body = (await response.json()) as { statusCode: number; type: string; value: { message: string } };
    expect(body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect(body.value.message).toBe('このボタンは現在使用できません。');
  });
});

describe('the bot’s connections to the Bot Connector between bursts of turns', () => {
  // The connector stand-in is a Node server: it closes a connection idle for 5 s and says so in
  // `Keep-Alive: timeout=5`, as front ends close idle connections. A reply sent on a connection as the server closes
  // it is reset, and the connector client retries it about a second later: a one-second turn (seen in
  // bench:turns), and for a reply that had reached the server, the same message twice.
  it('when the connector has been idle past its keep-alive hint, then the next reply opens a new connection instead of reusing one the server is closing', async () => {
    const conversation = botConversation(app, connector);
    const user = newUser('c0c0');
    const connectorPort = Number(new URL(connector.serviceUrl).port);
    const askForHelp = () => conversation.converse(textMessage(user, connector.serviceUrl, 'ヘルプ'));
    await askForHelp();
    await new Promise((resolve) => setTimeout(resolve, 4_400));
    expect(await connectionsOpenedDuring(askForHelp, connectorPort)).toBe(1);
    // A connection in use is kept: replies in quick succession share it.
    expect(await connectionsOpenedDuring(askForHelp, connectorPort)).toBe(0);
  });
});
