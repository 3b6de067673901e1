import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { fiscalYearBounds, fiscalYearOf } from '../../../bot/src/features/survey/domain/survey-rounds.js';
import { departmentIdOf } from '../../../bot/src/features/directory/domain/roster-diff.js';
import { teamsActivity, textMessage, postActivity, type TestUser } from '../../support/activities.js';
import { botConversation, cardOf } from '../../support/bot-conversation.js';
import { startConnectorStandIn } from '../../support/connector-stand-in.js';
import { generatedRoster, rosterCsv, shiftJis, uploadRoster } from '../../support/roster-files.js';
import { tabApi } from '../../support/tab-api.js';
import { startTestApp, TEST_TENANT_ID } from '../../support/test-app.js';

let app: RunningApp;
let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
let chat: ReturnType<typeof botConversation>;
const ADMIN = 'b0000000-0000-4000-8000-0000000000a1';
const roster = generatedRoster(8);
const linkedInChat: TestUser = { aadObjectId: 'b0000000-0000-4000-8000-000000000001', name: 'Teams 表示名' };
const stranger: TestUser = { aadObjectId: 'b0000000-0000-4000-8000-000000000099', name: '新規 採用' };
const [leaverId, stayerId, thirdId] = ['b0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000004'];

beforeAll(async () => {
  [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
  chat = botConversation(app, connector);
  await app.repositories.employees.save({ id: ADMIN, displayName: '品川 デジタ', email: undefined, departmentId: undefined, jobLevel: 'chief', roles: ['employee', 'admin'], locale: undefined, tenantId: TEST_TENANT_ID, installedAt: undefined });
  expect((await uploadRoster(app, ADMIN, shiftJis(rosterCsv(roster)))).body.added).toHaveLength(8);
});
afterAll(async () => {
  await Promise.all([app?.stop(), connector?.stop()]);
});

describe('linking a chat identity to its roster row', () => {
  it('when someone on the roster sends a first message, then Teams is asked for their UPN once and they get the feature as staff of their 課', async () => {
    connector.recorder.upnOf.set(linkedInChat.aadObjectId, roster[0]!.upn.toUpperCase());
    const [reply] = await chat.converse(textMessage(linkedInChat, connector.serviceUrl, 'マイスキル'));
    expect(JSON.stringify(cardOf(reply!))).toContain(roster[0]!.name);
    expect(await app.repositories.employees.get(linkedInChat.aadObjectId)).toMatchObject({
      staffNumber: roster[0]!.staffNumber,
      directoryStatus: 'active',
      departmentId: departmentIdOf(roster[0]!.division, roster[0]!.section),
      jobLevel: 'general',
    });
    await chat.converse(textMessage(linkedInChat, connector.serviceUrl, 'マイスキル'));
    expect(connector.recorder.memberLookups.filter((id) => id === linkedInChat.aadObjectId)).toHaveLength(1);
  });

  it('when someone HR has not listed asks for マイスキル, then they are told politely to contact デジタル推進課; help and DX相談 still work', async () => {
    const [refusal] = await chat.converse(textMessage(stranger, connector.serviceUrl, 'マイスキル'));
    expect(refusal!.activity.text).toContain('デジタル推進課にお問い合わせください');
    const [help] = await chat.converse(textMessage(stranger, connector.serviceUrl, 'ヘルプ'));
    expect(help!.activity.attachments).toBeDefined();
    const [consult] = await chat.converse(textMessage(stranger, connector.serviceUrl, '相談する'));
    expect(JSON.stringify(cardOf(consult!))).not.toContain('お問い合わせください。登録');
    expect(await app.repositories.employees.get(stranger.aadObjectId)).toMatchObject({ directoryStatus: 'unregistered' });
    // Asked once; the next turns within the pause do not ask Teams again.
    expect(connector.recorder.memberLookups.filter((id) => id === stranger.aadObjectId)).toHaveLength(1);
  });

  it('when the tab is opened with a token naming the UPN, then the identity is linked to its roster row', async () => {
    const { accessToken } = await app.devIdentity!.issueToken({ oid: thirdId, name: 'x', upn: roster[3]!.upn });
    const me = await fetch(`${app.baseUrl}/api/tab/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ displayName: roster[3]!.name, department: { name: `${roster[3]!.division} ${roster[3]!.section}` } });
  });
});

describe('the tenant lock', () => {
  it('when an activity comes from another tenant, then it gets one refusal and nothing is stored', async () => {
    const foreign: TestUser = { aadObjectId: 'b0000000-0000-4000-8000-0000000000ff', name: '他組織 太郎' };
    const elsewhere = { conversation: { id: 'a:personal-foreign', conversationType: 'personal', tenantId: '99999999-0000-4000-8000-000000000000' }, channelData: { tenant: { id: '99999999-0000-4000-8000-000000000000' } } };
    const [refusal] = await chat.converse(teamsActivity(foreign, connector.serviceUrl, elsewhere, { type: 'message', text: 'マイスキル' }));
    expect(refusal!.activity.text).toBe('DX Navi は品川区の職員専用です。この組織からはご利用いただけません。');
    const install = await postActivity(app.baseUrl, teamsActivity(foreign, connector.serviceUrl, elsewhere, { type: 'installationUpdate', action: 'add' }));
    expect(install.status).toBeLessThan(300);
    expect(await app.repositories.employees.get(foreign.aadObjectId)).toBeUndefined();
    expect(await app.repositories.conversationReferences.get(foreign.aadObjectId)).toBeUndefined();
    expect(connector.recorder.list({ conversationId: 'a:personal-foreign' })).toHaveLength(1);
  });
});

describe('leavers and unregistered identities in audiences and denominators', () => {
  it('when a linked person leaves the roster, then surveys, news and the skill distribution stop counting them and unregistered people', async () => {
    await app.directory.linkIdentity(leaverId, roster[1]!.upn);
    await app.directory.linkIdentity(stayerId, roster[2]!.upn);
    const april = roster.filter((line) => line !== roster[1]);
    expect((await uploadRoster(app, ADMIN, shiftJis(rosterCsv(april)))).body.deactivated).toHaveLength(1);
    const counted = [ADMIN, linkedInChat.aadObjectId, stayerId, thirdId].sort();
    expect((await app.repositories.employees.list()).map((employee) => employee.id).sort()).toEqual(counted);

    const api = tabApi(app);
    const now = Date.now();
    const created = await api('POST', '/api/tab/admin/surveys', ADMIN, {
      kind: 'annual',
      fiscalYear: fiscalYearOf(new Date(now)),
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(Math.min(now + 86_400_000, fiscalYearBounds(fiscalYearOf(new Date(now))).end.getTime() - 60_000)).toISOString(),
      audience: { kind: 'everyone' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const started = await api('POST', `/api/tab/admin/surveys/${created.body.round.id}/start`, ADMIN);
    expect(started.body.audienceSize).toBe(counted.length);

    const news = await app.news.service.sendNow(ADMIN, 'n-directory', {
      title: '名簿のお知らせ',
      summary: '職員名簿を更新しました。',
      body: '4月の異動を反映しました。',
      link: undefined,
      category: 'notices',
      audience: { kind: 'everyone' },
    });
    expect(news.recipients).toBe(counted.length);

    const distribution = await api('GET', '/api/tab/admin/skills/distribution', ADMIN);
    expect(distribution.body.ward.people).toBe(counted.length);
  });
});
