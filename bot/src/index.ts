import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startTelemetry } from './telemetry.js';

/**
 * Production entry (App Service): the bot endpoint, the tab API and the built tab on one origin. The local
 * stack with an embedded Azurite is `npm start` (scripts/start.ts).
 */
const log = createLogger();
try {
  const config = loadConfig();
  if (config.storage.kind === 'embedded-azurite') {
    throw new ConfigError(['STORAGE_ACCOUNT_NAME: set it (or STORAGE_CONNECTION_STRING); the embedded Azurite is only for npm start']);
  }
  // Telemetry first: its instrumentation has to be in place before restify and the SDK clients are loaded.
  const stopTelemetry = await startTelemetry(config.telemetryConnectionString, log);
  const { startApp } = await import('./app.js');
  const { mountTabSite, tabRuntimeConfig } = await import('./kernel/http/tab-site.js');
  const app = await startApp(config, {
    storage:
      config.storage.kind === 'connection-string'
        ? { connectionString: config.storage.connectionString }
        : { accountName: config.storage.accountName },
    log,
  });
  mountTabSite(app.server, {
    distDir: resolve('tab/dist'),
    runtimeConfig: tabRuntimeConfig(config, ''),
    devPages: false,
  });
  log.info('DX Navi listening', { url: app.baseUrl });
  const shutdown = () =>
    void app
      .stop()
      .then(stopTelemetry)
      .then(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
} catch (error) {
  log.error(error instanceof ConfigError ? error.message : 'start-up failed', { error });
  process.exit(1);
}
