import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify, { type Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../bot/src/app.js';
import { close, createHttpServer, listen } from '../../bot/src/kernel/http/server.js';
import { mountTabSite } from '../../bot/src/kernel/http/tab-site.js';
import { startTestApp } from '../support/test-app.js';
import viteConfig from '../../tab/vite.config.js';

/**
 * Issue 14, finding 6: the tab and the API send no CSP, nosniff or HSTS, static files were read from disk on every
 * request, and the production entry served the dev chat page. Each is checked over real HTTP.
 */
const TEAMS_HOSTS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];
const frameAncestorsOf = (csp: string | null) =>
  (csp ?? '')
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .find(([name]) => name === 'frame-ancestors')
    ?.slice(1);

let app: RunningApp;
let distDir: string;
const servers: Server[] = [];

async function tabSite(options: { devPages: boolean; hsts?: boolean }): Promise<string> {
  const server = options.hsts === undefined ? restify.createServer() : createHttpServer({ allowedOrigins: [], readiness: async () => ({ ready: true, checks: {} }), hsts: options.hsts });
  mountTabSite(server, { distDir, runtimeConfig: { apiBaseUrl: '', devSignIn: false, clientId: 'c', tenantId: 't', botId: 'b' }, devPages: options.devPages });
  servers.push(server);
  return `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
}

beforeAll(async () => {
  app = await startTestApp();
  distDir = mkdtempSync(join(tmpdir(), 'dx-navi-tab-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>tab</title><script type="module" src="/assets/index-B1a2c3D4.js"></script>');
  writeFileSync(join(distDir, 'devchat.html'), '<!doctype html><title>dev chat</title>');
  writeFileSync(join(distDir, 'assets', 'index-B1a2c3D4.js'), 'console.log("tab")');
  writeFileSync(join(distDir, 'assets', 'evil.txt'), '<script>alert(1)</script>');
});
afterAll(async () => {
  await Promise.all([app?.stop(), ...servers.map((server) => close(server))]);
  if (distDir) rmSync(distDir, { recursive: true, force: true });
});

describe('HTTP hardening (issue 14)', () => {
  it('when the API answers (JSON, errors, /healthz), then it forbids sniffing and framing and runs no content', async () => {
    for (const path of ['/healthz', '/api/tab/me', '/api/nothing-here']) {
      const response = await fetch(`${app.baseUrl}${path}`);
      await response.arrayBuffer();
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      const csp = response.headers.get('content-security-policy');
      expect(csp, path).toContain("default-src 'none'");
      expect(frameAncestorsOf(csp), path).toEqual(["'none'"]);
      // Not production: no HSTS on a plain-HTTP local stack.
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('when the server runs in production, then every answer carries HSTS', async () => {
    const base = await tabSite({ devPages: false, hsts: true });
    for (const path of ['/healthz', '/index.html']) {
      const response = await fetch(`${base}${path}`);
      await response.arrayBuffer();
      expect(response.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    }
  });

  it('when the tab page is served, then it may be framed only by Teams, Outlook and Microsoft 365 and loads only its own scripts', async () => {
    const base = await tabSite({ devPages: false });
    for (const path of ['/', '/index.html']) {
      const page = await fetch(`${base}${path}`);
      expect(page.status, path).toBe(200);
      expect(await page.text()).toContain('<title>tab</title>');
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = page.headers.get('content-security-policy');
      expect(new Set(frameAncestorsOf(csp))).toEqual(new Set(TEAMS_HOSTS));
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('etag')).toBeTruthy();
    }
  });

  it('when a hashed asset is fetched twice, then it is cached for a year and the second ask with its ETag is a 304', async () => {
    const base = await tabSite({ devPages: false });
    const first = await fetch(`${base}/assets/index-B1a2c3D4.js`);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('console.log("tab")');
    expect(first.headers.get('content-type')).toContain('javascript');
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    // node:http, as a browser revalidates: fetch() adds Cache-Control: no-cache to any conditional request.
    const again = await new Promise<number>((resolve, reject) => {
      get(`${base}/assets/index-B1a2c3D4.js`, { headers: { 'If-None-Match': etag } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(again).toBe(304);
  });

  it('when the production site is asked for the dev chat page, a missing file or a path outside the build, then it answers 404', async () => {
    const base = await tabSite({ devPages: false });
    expect((await fetch(`${base}/devchat.html`)).status).toBe(404);
    expect((await fetch(`${base}/nothing.html`)).status).toBe(404);
    expect((await fetch(`${base}/assets/../../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    const local = await tabSite({ devPages: true });
    expect((await fetch(`${local}/devchat.html`)).status).toBe(200);
  });

  it('when the tab is built for deployment, then the dev chat page is not part of the build; the local build keeps it', async () => {
    const inputsOf = async (mode: string) => {
      const config = typeof viteConfig === 'function' ? await viteConfig({ mode, command: 'build', isSsrBuild: false, isPreview: false }) : viteConfig;
      return Object.keys((config.build?.rollupOptions?.input ?? {}) as Record<string, string>);
    };
    expect(await inputsOf('deploy')).toEqual(['index']);
    expect(await inputsOf('production')).toEqual(['index', 'devchat']);
  });
});

describe('connections a front end keeps open to the bot', () => {
  // App Service's proxy in front of a Linux app pools its connections to the app for a minute; Node closes an idle
  // connection after 5 s. A request the proxy sends on a connection Node is closing fails with 502: the first
  // staff to act after a quiet spell would see Teams' error instead of an answer.
  it('when a pooled connection to the bot has been idle longer than Node’s default 5 s, then the bot still has it open', async () => {
    const server = createHttpServer({ allowedOrigins: [], readiness: async () => ({ ready: true, checks: {} }) });
    servers.push(server);
    const port = await listen(server, 0, '127.0.0.1');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const healthz = () =>
      new Promise<{ status: number | undefined; reusedSocket: boolean; keepAlive: string }>((resolve, reject) => {
        const request = get(`http://127.0.0.1:${port}/healthz`, { agent }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode, reusedSocket: request.reusedSocket, keepAlive: String(response.headers['keep-alive'] ?? '') }));
        });
        request.on('error', reject);
      });
    const first = await healthz();
    expect(first.status).toBe(200);
    // What the bot tells a client about its idle limit: longer than the proxy's minute.
    expect(Number(/timeout=(\d+)/.exec(first.keepAlive)?.[1])).toBeGreaterThan(60);
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    const second = await healthz();
    expect(second).toMatchObject({ status: 200, reusedSocket: true });
    agent.destroy();
  });
});
