import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import restify, { type Server } from 'restify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../../bot/src/app.js';
import { loadConfig } from '../../../bot/src/config.js';
import { ConnectorRecorder, mountConnectorRecorder } from '../../../bot/src/dev/connector-recorder.js';
import { CONSULTATION_VERBS } from '../../../bot/src/features/consultation/cards/consultation-verbs.js';
import { close, listen } from '../../../bot/src/kernel/http/server.js';
import { createTableStorage } from '../../../bot/src/kernel/storage/table-storage.js';
import { executeActivity, postActivity } from '../../support/activities.js';
import { channelInvoke, channelMention, type TestChannel } from '../../support/channel-activities.js';
import { azuriteConnectionString, uniqueTablePrefix } from '../../support/storage.js';
import { testStaff } from '../../support/staff.js';
import { waitUntil } from '../../support/wait.js';

/**
 * Issue 14, finding 4: the desk card of a new ticket was posted from memory, so a crash between filing and posting
 * lost it for good. Here the whole bot runs as a child process; the Bot Connector stand-in holds the desk post
 * unanswered (it has not happened), the bot is killed with SIGKILL, and a fresh process must post the card once.
 */
const { employee, userOf } = testStaff(6);
const REQUESTER = employee(1, '荏原 依頼', ['employee']);
const ADMIN = employee(2, '品川 管理', ['employee', 'admin']);
const DESK: TestChannel = { teamId: '19:crash-team@thread.tacv2', channelId: '19:crash-desk@thread.tacv2' };
const form = { category: 'tool', title: '落ちても届く相談', details: 'サーバーが落ちても窓口に届きますか。', preferredContact: 'chat', urgency: 'medium' };
const text = (value: unknown) => JSON.stringify(value);


/** The connector stand-in, with a gate: while closed, posts to the desk channel are held and never answered. */
async function startGatedConnector() {
  const server: Server = restify.createServer({ name: 'gated-connector' });
  const recorder = new ConnectorRecorder();
  const gate = { open: true, heldDeskPosts: 0 };
  server.pre((req, _res, next) => {
    const path = decodeURIComponent(req.url ?? '');
    // A new post in the channel itself (not a reply in a thread, whose conversation id carries ;messageid=).
    if (!gate.open && req.method === 'POST' && path.includes(`/v3/conversations/${DESK.channelId}/activities`)) {
      gate.heldDeskPosts++;
      return; // Held: the connector never accepted it, so the card was never posted.
    }
    next();
  });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  mountConnectorRecorder(server, recorder);
  const port = await listen(server, 0, '127.0.0.1');
  return { recorder, gate, serviceUrl: `http://127.0.0.1:${port}/`, stop: () => close(server) };
}

function spawnBot(env: Record<string, string>) {
  const script = fileURLToPath(new URL('../../support/bot-server-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, AZURITE_CONNECTION_STRING: azuriteConnectionString(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = async () => {
    await waitUntil(() => stdout.includes('"event":"ready"') || child.exitCode !== null, 'the bot process to start', 30_000);
    if (child.exitCode !== null) throw new Error(`bot process exited: ${stderr}`);
    return (JSON.parse(stdout.split('\n').find((line) => line.includes('"event":"ready"'))!) as { baseUrl: string }).baseUrl;
  };
  return { child, exited, baseUrl };
}

const children: ChildProcess[] = [];
let connector: Awaited<ReturnType<typeof startGatedConnector>>;
beforeAll(async () => {
  connector = await startGatedConnector();
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  await connector?.stop();
});

describe('a desk card lost in a crash (issue 14)', () => {
  it('when the bot is killed between filing a ticket and posting its desk card, then a restarted bot posts the card exactly once, and later changes update it', async () => {
    const prefix = uniqueTablePrefix();
    const storage = createTableStorage({ connectionString: azuriteConnectionString() }, prefix);
    await storage.ensureTables();
    const repositories = createRepositories(storage, { surveyKey: loadConfig({ NODE_ENV: 'test' }).surveyKey });
    await Promise.all([REQUESTER, ADMIN].map((person) => repositories.employees.save(person)));

    // The first instance: the desk is set, then a ticket is filed and its desk post hangs at the connector.
    const first = spawnBot({ TABLE_PREFIX: prefix, DESK_POST_LEASE_MS: '2000' });
    const firstUrl = await first.baseUrl();
    expect((await postActivity(firstUrl, channelMention(userOf(ADMIN), connector.serviceUrl, DESK, '相談窓口に設定'))).status).toBeLessThan(300);
    await waitUntil(async () => (await repositories.consultationDesk.getDesk()) !== undefined, 'the desk to be set', 10_000);

    connector.gate.open = false;
    const filed = await postActivity(firstUrl, executeActivity(userOf(REQUESTER), connector.serviceUrl, CONSULTATION_VERBS.submit, { submissionId: randomUUID(), ...form }));
    const confirmation = (await filed.json()) as { value: unknown };
    const ticketNumber = /DX-\d{4}-\d{4}/.exec(text(confirmation.value))![0];
    await waitUntil(() => connector.gate.heldDeskPosts > 0, 'the desk post to reach the connector', 10_000);
    first.child.kill('SIGKILL');
    await first.exited;

    expect(await repositories.consultations.get(ticketNumber)).toMatchObject({ status: 'new', title: form.title });
    expect(await repositories.consultationDesk.getTicketPost(ticketNumber)).toBeUndefined();
    const deskSends = () => connector.recorder.list({ conversationId: DESK.channelId }).filter((entry) => entry.kind === 'send' && text(entry.activity).includes(ticketNumber));
    expect(deskSends()).toHaveLength(0);

    // A fresh instance, with the re-post firing every second: the card arrives once, however often the job runs.
    connector.gate.open = true;
    const second = spawnBot({ TABLE_PREFIX: prefix, DESK_POST_LEASE_MS: '2000', DESK_REPOST_PATTERN: '* * * * * *' });
    const secondUrl = await second.baseUrl();
    await waitUntil(() => deskSends().length > 0, 'the desk card to be re-posted', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(deskSends()).toHaveLength(1);
    const card = deskSends()[0]!;
    expect(text(card.activity)).toContain(form.title);
    await waitUntil(async () => (await repositories.consultationDesk.getTicketPost(ticketNumber))?.activityId === card.activityId, 'the post to be recorded', 10_000);

    // The re-posted card is the one later changes update in place.
    const assign = await postActivity(secondUrl, channelInvoke(userOf(ADMIN), connector.serviceUrl, DESK, card.activityId, CONSULTATION_VERBS.assign, { ticketNumber, version: 1 }));
    expect(text(await assign.json())).toContain('担当者決定');
    await connector.recorder.waitFor((entries) => entries.some((entry) => entry.kind === 'update' && entry.activityId === card.activityId), {
      conversationId: DESK.channelId,
      timeoutMs: 10_000,
    });
    expect(deskSends()).toHaveLength(1);
    second.child.kill('SIGTERM');
    await second.exited;
  });
});
