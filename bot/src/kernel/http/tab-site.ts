import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Server } from 'restify';
import type { AppConfig } from '../../config.js';

/** What the tab reads from /config.json at start-up. */
export interface TabRuntimeConfig {
  apiBaseUrl: string;
  devSignIn: boolean;
  clientId: string;
  tenantId: string;
  botId: string;
}

/** The tab's runtime settings for this deployment; `apiBaseUrl` is '' when the tab and API share an origin. */
export function tabRuntimeConfig(config: AppConfig, apiBaseUrl: string): TabRuntimeConfig {
  return {
    apiBaseUrl,
    devSignIn: config.tabAuth.kind === 'dev',
    clientId: config.tabAuth.kind === 'entra' ? config.tabAuth.clientId : '',
    tenantId: config.tabAuth.tenantId,
    botId: config.bot.appId ?? '',
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built tab (Vite's output) and its runtime /config.json. Hashed assets are cached for a year;
 * HTML is never cached so a deploy shows at once.
 */
export function mountTabSite(server: Server, options: { distDir: string; runtimeConfig: TabRuntimeConfig }): void {
  if (!existsSync(join(options.distDir, 'index.html'))) {
    throw new Error(`The tab is not built: ${join(options.distDir, 'index.html')} is missing (run npm run build:tab).`);
  }
  server.get('/config.json', async (_req, res) => {
    res.header('Cache-Control', 'no-store');
    res.send(200, options.runtimeConfig);
  });
  server.get('/*', async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const relative = normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, '');
    const file = join(options.distDir, relative);
    if (!file.startsWith(options.distDir) || !existsSync(file) || !extname(file)) {
      res.sendRaw(404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const cache = relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.sendRaw(200, readFileSync(file), { 'Content-Type': type, 'Cache-Control': cache });
  });
}
