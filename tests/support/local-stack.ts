import { resolve } from 'node:path';
import { loadConfig } from '../../bot/src/config.js';
import { startLocalStack } from '../../bot/src/dev/local-stack.js';
import { createLogger } from '../../bot/src/logger.js';
import { azuriteConnectionString, uniqueTablePrefix } from './storage.js';
import { TEST_TENANT_ID } from './test-app.js';

/** The local stack as npm start runs it (bot server, demo data, built tab), on free ports and the test Azurite. */
export function startTestLocalStack() {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    TAB_PORT: '0',
    DEV_TENANT_ID: TEST_TENANT_ID,
    STORAGE_CONNECTION_STRING: azuriteConnectionString(),
  });
  return startLocalStack(config, {
    log: createLogger({ silent: true }),
    tabDistDir: resolve('tab/dist'),
    tablePrefix: uniqueTablePrefix(),
  });
}
