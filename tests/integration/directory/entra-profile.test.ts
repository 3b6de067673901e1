import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntraProfileRepository } from '../../../bot/src/features/directory/storage/staff-directory-repository.js';
import { createTableStorage } from '../../../bot/src/kernel/storage/table-storage.js';
import { rosterCsv, shiftJis } from '../../support/roster-files.js';
import { azuriteConnectionString, uniqueTablePrefix } from '../../support/storage.js';
import { TEST_TENANT_ID } from '../../support/tenant.js';

/**
 * The Entra profile fill against a local Microsoft identity platform + Graph stand-in (HTTPS on 127.0.0.1 with a
 * certificate only the bot's process trusts): the real on-behalf-of exchange through @microsoft/teamsfx, then
 * /v1.0/me. The bot keeps Entra's authority host (login.microsoftonline.com); the child process's preload routes
 * those connections to the stand-in, so nothing leaves the machine.
 */
const ADMIN = 'e0000000-0000-4000-8000-0000000000a1';
const SECOND_ADMIN = 'e0000000-0000-4000-8000-0000000000a2';
const THIRD_ADMIN = 'e0000000-0000-4000-8000-0000000000a3';
const NEWCOMER = 'e0000000-0000-4000-8000-000000000001';
const ROSTER_PERSON = 'e0000000-0000-4000-8000-000000000002';
const identities = [
  { oid: ADMIN, name: '品川 管理', upn: 'admin.one@city.example.jp' },
  { oid: SECOND_ADMIN, name: '品川 管理二', upn: 'admin.two@city.example.jp' },
  { oid: THIRD_ADMIN, name: '品川 管理三', upn: 'admin.three@city.example.jp' },
  { oid: NEWCOMER, name: '新宿 新人', upn: 'newcomer@city.example.jp' },
  { oid: ROSTER_PERSON, name: '大井 名簿', upn: 'roster.person@city.example.jp' },
];

type GraphMode = 'ok' | 'error' | 'hang' | 'token-hang';
let mode: GraphMode = 'ok';
const tokenRequests: URLSearchParams[] = [];
/** The Host each token request named: Entra's own, though the connection came here. */
const tokenHosts: string[] = [];
const meRequests: { authorization: string | undefined; url: string }[] = [];
const accessTokenFor = new Map<string, string>();
let standIn: Server;
let child: ChildProcess;
let baseUrl: string;
let tokens: Record<string, string>;
const logLines: Record<string, unknown>[] = [];
const tablePrefix = uniqueTablePrefix();
const cleanups: (() => void | Promise<void>)[] = [];

function startStandIn(pems: { private: string; cert: string }): Promise<number> {
  standIn = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      // The bot keeps Entra's own authority host; its connections to it are routed here (entra-connection-redirect.mjs).
      const origin = 'https://login.microsoftonline.com';
      if (url.pathname === `/${TEST_TENANT_ID}/v2.0/.well-known/openid-configuration`) {
        return json(200, {
          issuer: `${origin}/${TEST_TENANT_ID}/v2.0`,
          authorization_endpoint: `${origin}/${TEST_TENANT_ID}/oauth2/v2.0/authorize`,
          token_endpoint: `${origin}/${TEST_TENANT_ID}/oauth2/v2.0/token`,
          end_session_endpoint: `${origin}/${TEST_TENANT_ID}/oauth2/v2.0/logout`,
          jwks_uri: `${origin}/${TEST_TENANT_ID}/discovery/v2.0/keys`,
          response_modes_supported: ['query', 'fragment', 'form_post'],
        });
      }
      if (url.pathname === '/common/discovery/instance') {
        return json(200, { tenant_discovery_endpoint: `${origin}/${TEST_TENANT_ID}/v2.0/.well-known/openid-configuration`, metadata: [] });
      }
      if (req.method === 'POST' && url.pathname === `/${TEST_TENANT_ID}/oauth2/v2.0/token`) {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        tokenRequests.push(form);
        tokenHosts.push(req.headers.host ?? '');
        if (mode === 'token-hang') return; // the token endpoint never answers
        const accessToken = `graph-access-${tokenRequests.length}`;
        accessTokenFor.set(accessToken, form.get('assertion') ?? '');
        return json(200, { token_type: 'Bearer', scope: form.get('scope'), expires_in: 3600, ext_expires_in: 3600, access_token: accessToken });
      }
      if (url.pathname === '/v1.0/me') {
        meRequests.push({ authorization: req.headers.authorization, url: req.url ?? '' });
        if (mode === 'hang') return; // never answers: the bot's timeout has to end the wait
        if (mode === 'error') return json(500, { error: { code: 'generalException', message: 'stand-in failure' } });
        return json(200, { department: '戸籍住民課', jobTitle: '係長', employeeId: '990001', mail: 'Newcomer@City.example.jp' });
      }
      json(404, { error: 'not_found' });
    });
  });
  return new Promise((done) => standIn.listen(0, '127.0.0.1', () => done((standIn.address() as { port: number }).port)));
}

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'login.microsoftonline.com' }], {
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'login.microsoftonline.com' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  const certFolder = mkdtempSync(join(tmpdir(), 'dx-navi-graph-'));
  cleanups.push(() => rmSync(certFolder, { recursive: true, force: true }));
  writeFileSync(join(certFolder, 'ca.pem'), pems.cert);
  const port = await startStandIn(pems);
  cleanups.push(() => new Promise<void>((done) => standIn.close(() => done())));
  child = spawn(process.execPath, ['--import', 'tsx', '--import', resolve('tests/support/entra-connection-redirect.mjs'), resolve('tests/support/graph-app-process.ts')], {
    env: {
      ...process.env,
      NODE_EXTRA_CA_CERTS: join(certFolder, 'ca.pem'),
      AZURITE_CONNECTION_STRING: azuriteConnectionString(),
      TABLE_PREFIX: tablePrefix,
      IDENTITIES: JSON.stringify(identities),
      BOOTSTRAP_ADMIN_UPNS: 'admin.one@city.example.jp,admin.two@city.example.jp,admin.three@city.example.jp',
      GRAPH_CLIENT_ID: 'c1f0e2d3-0000-4000-8000-00000000c11e',
      GRAPH_CLIENT_SECRET: 'stand-in-secret',
      ENTRA_STAND_IN: `127.0.0.1:${port}`,
      GRAPH_AUTHORITY_HOST: 'https://login.microsoftonline.com',
      GRAPH_BASE_URL: `https://127.0.0.1:${port}`,
      GRAPH_TIMEOUT_MS: '5000', // generous: the exchange itself must fit in it on a busy machine
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const ready = await new Promise<Record<string, unknown>>((done, fail) => {
    let buffer = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          logLines.push(parsed);
          if (parsed.event === 'ready') done(parsed);
        } catch {
          // not a JSON line
        }
      }
    });
    child.once('exit', (code) => fail(new Error(`the bot exited with ${code}: ${stderr}`)));
  });
  baseUrl = String(ready.baseUrl);
  tokens = ready.tokens as Record<string, string>;
}, 60_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function me(employeeId: string) {
  const startedAt = performance.now();
  const response = await fetch(`${baseUrl}/api/tab/me`, { headers: { Authorization: `Bearer ${tokens[employeeId]}` } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads the fields it asserts on
  return { status: response.status, body: (await response.json()) as Record<string, any>, ms: performance.now() - startedAt };
}

const fillFailures = () => logLines.filter((line) => String(line.message).startsWith('Entra profile fill failed'));

describe('Entra profile fill (Microsoft Graph on-behalf-of)', () => {
  it('when Graph answers 500, then the tab still loads and the failure is logged', async () => {
    mode = 'error';
    const answer = await me(ADMIN);
    expect(answer.status).toBe(200);
    expect(answer.body.roles).toContain('admin');
    expect(answer.body.department).toBeNull();
    expect(meRequests).toHaveLength(1);
    await expect.poll(() => fillFailures().length).toBe(1);
    expect(fillFailures()[0]).toMatchObject({ level: 'warn', employeeId: ADMIN });
  });

  it('when Graph never answers, then the tab loads once GRAPH_TIMEOUT_MS (5 s) has passed, and the wait is logged', async () => {
    mode = 'hang';
    const answer = await me(SECOND_ADMIN);
    expect(answer.status).toBe(200);
    expect(answer.body.department).toBeNull();
    expect(answer.ms).toBeGreaterThanOrEqual(4_500);
    expect(answer.ms).toBeLessThan(20_000);
    await expect.poll(() => fillFailures().length).toBe(2);
  });

  it('when the token endpoint never answers, then the tab loads once GRAPH_TIMEOUT_MS has passed too', async () => {
    mode = 'token-hang';
    const requestsBefore = tokenRequests.length;
    const answer = await me(THIRD_ADMIN);
    expect(answer.status).toBe(200);
    expect(tokenRequests.length).toBeGreaterThan(requestsBefore);
    expect(answer.ms).toBeLessThan(20_000);
    await expect.poll(() => fillFailures().length).toBe(3);
  });

  it('when someone the roster does not cover loads the tab, then 課, 職層 and e-mail come from Graph, exchanged on behalf of their own token, and the source is stored', async () => {
    mode = 'ok';
    const roster = rosterCsv([
      { staffNumber: '500001', name: '大井 名簿', division: '地域振興部', section: '戸籍住民課', jobLevel: '主事', upn: 'roster.person@city.example.jp' },
      { staffNumber: '500002', name: '荏原 課長', division: '総務部', section: '人事課', jobLevel: '課長', upn: 'someone.else@city.example.jp' },
    ]);
    const imported = await fetch(`${baseUrl}/api/tab/admin/roster`, { method: 'POST', headers: { Authorization: `Bearer ${tokens[ADMIN]}`, 'Content-Type': 'text/csv' }, body: shiftJis(roster) });
    expect(imported.status).toBe(200);
    const requestsBefore = tokenRequests.length;

    const answer = await me(NEWCOMER);
    expect(answer.status).toBe(200);
    expect(answer.body.department).toMatchObject({ name: '地域振興部 戸籍住民課' });
    expect(answer.body.jobLevel).toBe('chief');
    expect(answer.body.email).toBe('newcomer@city.example.jp');
    const exchange = tokenRequests.at(-1)!;
    expect(tokenRequests.length).toBe(requestsBefore + 1);
    expect(exchange.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(exchange.get('requested_token_use')).toBe('on_behalf_of');
    expect(exchange.get('assertion')).toBe(tokens[NEWCOMER]);
    expect(exchange.get('client_id')).toBe('c1f0e2d3-0000-4000-8000-00000000c11e');
    expect(tokenHosts.at(-1)).toBe('login.microsoftonline.com'); // teamsfx spoke to Entra's authority host
    const graphCall = meRequests.at(-1)!;
    expect(accessTokenFor.get(graphCall.authorization!.replace(/^Bearer /, ''))).toBe(tokens[NEWCOMER]);
    expect(decodeURIComponent(graphCall.url)).toContain('$select=department,jobTitle,employeeId,mail');

    const stored = await createEntraProfileRepository(createTableStorage({ connectionString: azuriteConnectionString() }, tablePrefix)).get(NEWCOMER);
    expect(stored).toMatchObject({
      source: 'microsoft-graph-me',
      filled: ['departmentId', 'jobLevel', 'email'],
      profile: { department: '戸籍住民課', jobTitle: '係長', employeeId: '990001' },
    });

    // Asked once: the next load reads what was stored.
    const callsAfterFirst = meRequests.length;
    expect((await me(NEWCOMER)).body.jobLevel).toBe('chief');
    expect(meRequests).toHaveLength(callsAfterFirst);
  });

  it('when a person on the roster loads the tab, then the roster values stand and Graph is not asked', async () => {
    const callsBefore = meRequests.length;
    const answer = await me(ROSTER_PERSON);
    expect(answer.status).toBe(200);
    expect(answer.body.department).toMatchObject({ name: '地域振興部 戸籍住民課' });
    expect(answer.body.jobLevel).toBe('general');
    expect(meRequests).toHaveLength(callsBefore);
  });

  it('when Graph failed at an earlier load, then a later load fills the gaps', async () => {
    const answer = await me(ADMIN);
    expect(answer.body.jobLevel).toBe('chief');
    expect(answer.body.roles).toContain('admin');
  });
});
