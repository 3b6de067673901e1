/**
 * npm run bench:tab — what the マイDXスキル tab costs a user, measured on this machine and printed:
 *  1. the JavaScript the tab page loads, raw and gzip;
 *  2. time from navigation to the skill chart being visible in headless Chromium (local stack on loopback);
 *  3. latency of the profile APIs (/api/tab/me and /api/tab/skills) under 100 concurrent users.
 * Nothing here fails on a number: it prints figures to compare between runs on the same machine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { loadConfig } from '../bot/src/config.js';
import { demoEmployees } from '../bot/src/dev/demo-data.js';
import { startLocalStack } from '../bot/src/dev/local-stack.js';
import { freePort } from '../bot/src/dev/ports.js';
import { createLogger } from '../bot/src/logger.js';
import { percentile } from './support/percentile.js';

const distDir = resolve('tab/dist');
const ms = (value: number) => `${value.toFixed(1)} ms`;

// 1. Bundle size: every script the tab's index.html pulls in (entry and modulepreloads).
const html = readFileSync(join(distDir, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
let raw = 0;
let gzip = 0;
for (const script of scripts) {
  const bytes = readFileSync(join(distDir, script));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const allAssets = readdirSync(join(distDir, 'assets')).filter((name) => name.endsWith('.js'));
console.log(`Tab JavaScript loaded by index.html: ${scripts.length} files, ${(raw / 1024).toFixed(1)} kB raw, ${(gzip / 1024).toFixed(1)} kB gzip (of ${allAssets.length} built chunks)`);

// 2. Time to the skill chart, on a local stack with in-memory Azurite.
const config = loadConfig({ NODE_ENV: 'test', PORT: '0', TAB_PORT: '0', AZURITE_TABLE_PORT: String(await freePort()), AZURITE_QUEUE_PORT: String(await freePort()) });
const stack = await startLocalStack(config, { log: createLogger({ silent: true }), azuriteInMemory: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const employee = demoEmployees(config.tabAuth.tenantId)[5]!;
  const { accessToken } = await stack.app.devIdentity!.issueToken({ oid: employee.id, name: employee.displayName });
  const runs = 10;
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'ja-JP' });
    await context.addInitScript({ content: `sessionStorage.setItem('dx-navi.dev-token', ${JSON.stringify(accessToken)});` });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(stack.tabUrl);
    await page.getByTestId('skill-chart').waitFor({ state: 'visible' });
    timings.push(performance.now() - started);
    await context.close();
  }
  const sorted = [...timings].sort((a, b) => a - b);
  console.log(`Time to skill chart visible (fresh browser context each, ${runs} runs): first ${ms(timings[0]!)}, median ${ms(percentile(sorted, 50))}, p90 ${ms(percentile(sorted, 90))}`);

  // 3. Profile API under 100 concurrent users, each with their own token.
  const users = 100;
  const requestsPerUser = 20;
  const tokens = await Promise.all(
    Array.from({ length: users }, async (_unused, index) => {
      const id = `00000000-0000-4000-9000-${String(index).padStart(12, '0')}`;
      await stack.app.repositories.employees.save({ ...employee, id, displayName: `負荷 ${index}` });
      return (await stack.app.devIdentity!.issueToken({ oid: id, name: `負荷 ${index}` })).accessToken;
    }),
  );
  // One warm-up request per user (JWKS fetch, connection pools), then the measured rounds.
  await Promise.all(tokens.map((token) => fetch(`${stack.app.baseUrl}/api/tab/me`, { headers: { Authorization: `Bearer ${token}` } }).then((response) => response.arrayBuffer())));
  for (const path of ['/api/tab/me', '/api/tab/skills']) {
    const latencies: number[] = [];
    let failures = 0;
    const wallStart = performance.now();
    await Promise.all(
      tokens.map(async (token) => {
        for (let request = 0; request < requestsPerUser; request++) {
          const started = performance.now();
          const response = await fetch(`${stack.app.baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
          await response.arrayBuffer();
          latencies.push(performance.now() - started);
          if (!response.ok) failures++;
        }
      }),
    );
    const wall = (performance.now() - wallStart) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(
      `${path}: ${latencies.length} requests from ${users} concurrent users in ${wall.toFixed(1)} s (${(latencies.length / wall).toFixed(0)} req/s), p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, failures ${failures}`,
    );
  }
} finally {
  await browser.close();
  await stack.stop();
}
