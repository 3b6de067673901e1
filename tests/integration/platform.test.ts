import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generate } from 'selfsigned';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp } from '../../bot/src/app.js';
import { loadConfig } from '../../bot/src/config.js';
import { reclaimOrphanedAzurite, startEmbeddedAzurite } from '../../bot/src/dev/azurite.js';
import { freePort, isPortInUse } from '../../bot/src/dev/ports.js';
import { createLogger } from '../../bot/src/logger.js';
// @ts-expect-error: a plain .mjs script with no type declarations (it must run on any Node, so it is not TypeScript)
import { nodeVersionProblem } from '../../scripts/check-node.mjs';
import { randomUUID } from 'node:crypto';
import { textMessage } from '../support/activities.js';
import { azuriteConnectionString, uniqueTablePrefix } from '../support/storage.js';
import { TEST_TENANT_ID } from '../support/tenant.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function readJsonLines(child: ChildProcess, predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return new Promise((resolveLine, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n').slice(0, -1)) {
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          if (predicate(parsed)) resolveLine(parsed);
        } catch {
          // not a JSON line
        }
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
    child.once('exit', (code) => reject(new Error(`process exited with ${code} before the expected line`)));
  });
}

describe('Node version guard', () => {
  it('when npm start or npm test runs on Node 20, then one line names Node 24 and the command that installs it', () => {
    const problem = nodeVersionProblem('20.20.2') as string;
    expect(problem).toContain('Node 24');
    expect(problem).toContain('npm install -g node@24');
    expect(problem.split('\n')).toHaveLength(1);
    expect(nodeVersionProblem('24.11.0')).toBeUndefined();
    expect(nodeVersionProblem(process.versions.node)).toBeUndefined();
  });
});

describe('readiness probe and log correlation', () => {
  it('when storage is reachable /healthz answers 200, when Azurite goes away it answers 503 quickly, and 200 again once it is back', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dx-navi-ready-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const ports = { tablePort: await freePort(), queuePort: await freePort(), location: folder };
    const azurite = await startEmbeddedAzurite(ports);
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TEST_TENANT_ID });
    const app = await startApp(config, { storage: { connectionString: azurite.connectionString }, log: createLogger({ silent: true }) });
    const ready = await fetch(`${app.baseUrl}/healthz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { storage: 'ok', queue: 'ok' } });

    await azurite.stop();
    const startedAt = performance.now();
    const down = await fetch(`${app.baseUrl}/healthz`);
    expect(down.status).toBe(503);
    const body = (await down.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('unavailable');
    expect(body.checks.storage).not.toBe('ok');
    expect(body.checks.queue).not.toBe('ok');
    expect(performance.now() - startedAt).toBeLessThan(10_000);

    const back = await startEmbeddedAzurite(ports);
    cleanups.push(() => back.stop());
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    await app.stop();
  });

  it('when a chat message is handled, then its log lines carry the request id the response names and the activity id', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger({ stream: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TEST_TENANT_ID });
    const app = await startApp(config, { storage: { connectionString: azuriteConnectionString() }, log, tablePrefix: uniqueTablePrefix() });
    cleanups.push(() => app.stop());
    // A Bot Connector that refuses every reply makes the turn log an error, inside the request's context.
    const refusingConnector = createHttpServer((_req, res) => {
      res.statusCode = 403;
      res.end();
    });
    await new Promise<void>((done) => refusingConnector.listen(0, '127.0.0.1', done));
    cleanups.push(() => new Promise<void>((done) => refusingConnector.close(() => done())));
    const serviceUrl = `http://127.0.0.1:${(refusingConnector.address() as { port: number }).port}/`;
    const activity = textMessage({ aadObjectId: randomUUID(), name: '相関 太郎' }, serviceUrl, 'ヘルプ');
    const response = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-request-id': 'req-from-caller-1' },
      body: JSON.stringify(activity),
    });
    expect(response.headers.get('x-request-id')).toBe('req-from-caller-1');
    const turnLines = lines.filter((line) => line.requestId === 'req-from-caller-1');
    expect(turnLines.length).toBeGreaterThan(0);
    expect(turnLines.some((line) => line.activityId === activity.id)).toBe(true);
  });
});

describe('telemetry', () => {
  it('when APPLICATIONINSIGHTS_CONNECTION_STRING is set, then the production entry exports its requests to that ingestion endpoint', async () => {
    const received: { name: string; data?: { baseData?: { url?: string; name?: string } } }[] = [];
    // The exporter only speaks HTTPS, so the ingestion stand-in has a certificate the child process trusts.
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    const certFolder = mkdtempSync(join(tmpdir(), 'dx-navi-ingestion-'));
    cleanups.push(() => rmSync(certFolder, { recursive: true, force: true }));
    writeFileSync(join(certFolder, 'ca.pem'), pems.cert);
    const ingestion = createServer({ key: pems.private, cert: pems.cert }, (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        let body = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        const text = body.toString('utf8').trim();
        const items = text.startsWith('[') ? (JSON.parse(text) as typeof received) : text.split('\n').map((line) => JSON.parse(line) as (typeof received)[number]);
        received.push(...items);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
      });
    });
    await new Promise<void>((done) => ingestion.listen(0, '127.0.0.1', done));
    cleanups.push(() => new Promise<void>((done) => ingestion.close(() => done())));
    const ingestionPort = (ingestion.address() as { port: number }).port;
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('bot/src/index.ts')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        NODE_EXTRA_CA_CERTS: join(certFolder, 'ca.pem'),
        PORT: String(port),
        DEV_TENANT_ID: TEST_TENANT_ID,
        STORAGE_CONNECTION_STRING: azuriteConnectionString(),
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-00000000e001;IngestionEndpoint=https://127.0.0.1:${ingestionPort}/`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => void child.kill('SIGKILL'));
    await readJsonLines(child, (line) => line.message === 'DX Navi listening');
    const deadline = Date.now() + 30_000;
    // The distro samples at most 5 traces a second, and start-up's storage calls use them up: probe until one is kept.
    const probe = setInterval(() => void fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined), 1000);
    cleanups.push(() => clearInterval(probe));
    const isHealthRequest = (item: (typeof received)[number]) =>
      item.name.endsWith('.Request') && (item.data?.baseData?.url ?? item.data?.baseData?.name ?? '').includes('/healthz');
    while (!received.some(isHealthRequest) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    clearInterval(probe);
    expect(received.filter(isHealthRequest).length, JSON.stringify([...new Set(received.map((item) => item.name))]) + JSON.stringify(received.filter((item) => item.name.endsWith(".Request")).map((item) => item.data)).slice(0, 800)).toBeGreaterThan(0);
  }, 40_000);
});

describe('embedded Azurite after a crash', () => {
  it('when npm start was killed with SIGKILL, then its orphaned Azurite is stopped at the next start and another folder’s Azurite is left alone', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dx-navi-azurite-'));
    const otherFolder = mkdtempSync(join(tmpdir(), 'dx-navi-azurite-other-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    cleanups.push(() => rmSync(otherFolder, { recursive: true, force: true }));
    const [tablePort, queuePort] = [await freePort(), await freePort()];
    const parent = spawn(process.execPath, ['--import', 'tsx', resolve('tests/support/azurite-process.ts'), folder, String(tablePort), String(queuePort)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await readJsonLines(parent, (line) => line.ready === true);
    const other = await startEmbeddedAzurite({ location: otherFolder, tablePort: await freePort(), queuePort: await freePort() });
    cleanups.push(() => other.stop());

    parent.kill('SIGKILL');
    await new Promise((r) => parent.once('exit', r));
    expect(await isPortInUse(tablePort)).toBe(true);

    const reclaimed = await reclaimOrphanedAzurite(folder);
    expect(reclaimed).toHaveLength(2);
    const restarted = await startEmbeddedAzurite({ location: folder, tablePort, queuePort });
    cleanups.push(() => restarted.stop());
    const otherStillServes = await fetch(other.connectionString.match(/TableEndpoint=([^;]+)/)![1]!).then(
      () => true,
      () => false,
    );
    expect(otherStillServes).toBe(true);
    // The other folder's Azurite has a live parent (this process): it is not an orphan, so it is never touched.
    expect(await reclaimOrphanedAzurite(otherFolder)).toEqual([]);
  });
});
