import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, posix, relative, resolve, sep } from 'node:path';
import restify, { type Server } from 'restify';
import { tabContentSecurityPolicy } from './security-headers.js';
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

/** Pages that exist only for the local stack (the dev chat talks to the connector stand-in); never served in production. */
export const DEV_ONLY_PAGES: readonly string[] = ['devchat.html'];

const HASHED_ASSET = /^assets\//;

/**
 * Serves the built tab (Vite's output) with restify's serveStaticFiles (send: ETag and Last-Modified, 304 on a
 * repeat, ranges, no path outside the build) and its runtime /config.json. Hashed assets are cached for a year;
 * HTML is revalidated every time (no-cache + ETag) so a deploy shows at once. Every answer carries the tab's CSP
 * (framed only by Teams, Outlook and Microsoft 365) and nosniff. Dev-only pages answer 404 unless `devPages`.
 */
export function mountTabSite(server: Server, options: { distDir: string; runtimeConfig: TabRuntimeConfig; devPages: boolean }): void {
  if (!existsSync(join(options.distDir, 'index.html'))) {
    throw new Error(`The tab is not built: ${join(options.distDir, 'index.html')} is missing (run npm run build:tab).`);
  }
  const csp = tabContentSecurityPolicy(options.runtimeConfig.apiBaseUrl);
  const root = resolve(options.distDir);
  server.get('/config.json', async (_req, res) => {
    res.header('Cache-Control', 'no-store');
    res.header('X-Content-Type-Options', 'nosniff');
    res.send(200, options.runtimeConfig);
  });
  const files = restify.plugins.serveStaticFiles(root, {
    etag: true,
    // Cache-Control is ours (below), per file: send's maxAge would give HTML and hashed assets the same.
    cacheControl: false,
    setHeaders: (res: ServerResponse, path: string) => {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', csp);
      res.setHeader('Cache-Control', HASHED_ASSET.test(relative(root, path).split(sep).join('/')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
    // @types/restify declares etag a string and setHeaders without arguments; the plugin (and send) take these.
  } as unknown as Parameters<typeof restify.plugins.serveStaticFiles>[1]);
  server.get('/*', (req, res, next) => {
    const requested = String((req.params as Record<string, unknown>)['*'] ?? '');
    if (!options.devPages && DEV_ONLY_PAGES.includes(posix.basename(requested))) {
      res.header('X-Content-Type-Options', 'nosniff');
      res.sendRaw(404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' });
      return next(false);
    }
    return files(req, res, next);
  });
}
