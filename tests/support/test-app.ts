import { startApp, type RunningApp } from '../../bot/src/app.js';
import { loadConfig } from '../../bot/src/config.js';
import { createLogger } from '../../bot/src/logger.js';
import { azuriteConnectionString, uniqueTablePrefix } from './storage.js';

export { TEST_TENANT_ID } from './tenant.js';
import { TEST_TENANT_ID } from './tenant.js';

/** The real bot server on a free port, on the shared Azurite with tables of its own. */
export async function startTestApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TEST_TENANT_ID, ...env });
  return startApp(config, {
    storage: { connectionString: azuriteConnectionString() },
    log: createLogger({ silent: true }),
    tablePrefix: uniqueTablePrefix(),
  });
}
