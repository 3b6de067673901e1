import restify, { type Server } from 'restify';
import corsMiddleware from 'restify-cors-middleware2';
import { withLogContext } from '../../logger.js';
import type { ReadinessReport } from './readiness.js';
import { useSecurityHeaders } from './security-headers.js';

/** How long the bot keeps an unused connection from a front end open: past App Service's proxy's one minute. */
const FRONT_END_IDLE_CONNECTION_MS = 65_000;

/**
 * A restify server with JSON bodies, CORS for the tab's origins, security headers (nosniff, CSP, HSTS in production),
 * a request id on every log line and a readiness probe at /healthz (503 while storage or the queue cannot be reached).
 */
export function createHttpServer(options: {
  allowedOrigins: (string | RegExp)[];
  readiness: () => Promise<ReadinessReport>;
  /** File uploads (POST paths) whose handler reads the raw bytes itself with its own size limit (readUpload). */
  uploadPaths?: readonly string[];
  /** Strict-Transport-Security (production only: it pins the host to HTTPS in every browser that sees it). */
  hsts?: boolean;
}): Server {
  const server = restify.createServer({ name: 'dx-navi', handleUncaughtExceptions: false });
  // App Service's proxy in front of a Linux app keeps its connections to the app for a minute unused; Node closes an
  // idle connection after 5 s, and a request the proxy sends as Node closes it fails with 502 (Azure-App-Service/
  // ImageBuilder#323). So the bot keeps them longer than the proxy does; the header limit stays above it (nodejs#27363).
  server.server.keepAliveTimeout = FRONT_END_IDLE_CONNECTION_MS;
  server.server.headersTimeout = FRONT_END_IDLE_CONNECTION_MS + 5_000;
  useSecurityHeaders(server, { hsts: options.hsts ?? false });
  const cors = corsMiddleware({
    // The typings say string[], the library also matches RegExp origins (origin-matcher.js).
    origins: options.allowedOrigins as string[],
    allowHeaders: ['Authorization', 'Content-Type', 'Accept-Language'],
    exposeHeaders: ['Content-Disposition'],
    preflightMaxAge: 600,
  });
  // A caller's x-request-id (App Service front ends, the tab) carries through when it looks like an id.
  server.pre((req, res, next) => {
    const incoming = req.header('x-request-id');
    res.header('x-request-id', incoming && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : req.id());
    next();
  });
  server.pre(cors.preflight);
  server.use(cors.actual);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // 1 MB is far above any Teams activity or tab request; larger bodies are refused before parsing.
  const uploads = new Set(options.uploadPaths ?? []);
  const bodyParsers = restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }) as unknown as restify.RequestHandler[];
  server.use(bodyParsers.map((parser): restify.RequestHandler => (req, res, next) => (uploads.has(req.getPath()) ? next() : parser(req, res, next))));
  // After the body is read (its stream events would lose the context), so the handler and all it awaits log it.
  server.use((_req, res, next) => withLogContext({ requestId: String(res.getHeader('x-request-id')) }, () => next()));
  server.get('/healthz', async (_req, res) => {
    const report = await options.readiness();
    res.header('Cache-Control', 'no-store');
    res.send(report.ready ? 200 : 503, { status: report.ready ? 'ok' : 'unavailable', checks: report.checks });
  });
  return server;
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once('error', onError);
    server.listen(port, host, () => {
      server.server.off('error', onError);
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.server.closeAllConnections?.();
    server.close(() => resolve());
  });
}
