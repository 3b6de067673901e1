import type { Server } from 'restify';

/**
 * The hosts that may frame the tab: Teams, Outlook and the Microsoft 365 app, as Microsoft's tab requirements list
 * them (teams.microsoft.com moving to *.cloud.microsoft). Nobody else may put the tab in a frame (clickjacking).
 */
export const TAB_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
] as const;

/** JSON and errors: nothing in them is ever a page, so they may load nothing and be framed by no one. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// TeamsJS (2.19+) fetches the list of valid host origins from this CDN when it initialises.
const TEAMS_JS_VALID_DOMAINS = 'https://res.cdn.office.net';

/**
 * The tab's pages: only the build's own scripts; inline styles because Fluent UI (Griffel) inserts its CSS at run
 * time; API calls to this origin, the API's origin when the tab is served apart (the local stack) and TeamsJS's
 * domain list.
 */
export function tabContentSecurityPolicy(apiBaseUrl: string): string {
  const api = apiBaseUrl ? ` ${new URL(apiBaseUrl).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${api} ${TEAMS_JS_VALID_DOMAINS}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${TAB_FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers on every answer of the server, set before routing so errors and 404s carry them too: no MIME sniffing,
 * the API's CSP (the tab's routes replace it with theirs), and HSTS in production, where App Service serves HTTPS
 * only (on the plain-HTTP local stack it would pin localhost to HTTPS in the browser).
 */
export function useSecurityHeaders(server: Server, options: { hsts: boolean }): void {
  server.pre((_req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
    if (options.hsts) res.header('Strict-Transport-Security', HSTS);
    next();
  });
}
