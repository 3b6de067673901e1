import restify, { type Server } from 'restify';
import corsMiddleware from 'restify-cors-middleware2';

/** A restify server with JSON bodies, CORS for the tab's origins and a health probe. */
export function createHttpServer(options: { allowedOrigins: (string | RegExp)[] }): Server {
  const server = restify.createServer({ name: 'dx-navi', handleUncaughtExceptions: false });
  const cors = corsMiddleware({
    // The typings say string[], the library also matches RegExp origins (origin-matcher.js).
    origins: options.allowedOrigins as string[],
    allowHeaders: ['Authorization', 'Content-Type', 'Accept-Language'],
    exposeHeaders: ['Content-Disposition'],
    preflightMaxAge: 600,
  });
  server.pre(cors.preflight);
  server.use(cors.actual);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // 1 MB is far above any Teams activity or tab request; larger bodies are refused before parsing.
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
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
