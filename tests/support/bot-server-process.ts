/**
 * The whole bot (startApp: HTTP server, features, delivery engine) as a separate process, for crash tests of what
 * the bot does between a user's turn and the Bot Connector. Prints one JSON line per event on stdout:
 * `{"event":"ready","baseUrl":…}` once it listens.
 *
 * Environment: AZURITE_CONNECTION_STRING, TABLE_PREFIX, DESK_POST_LEASE_MS and DESK_REPOST_PATTERN (optional, the
 * consultation desk-card re-post's claim lease and cron pattern).
 */
import { startApp } from '../../bot/src/app.js';
import { loadConfig } from '../../bot/src/config.js';
import { createLogger } from '../../bot/src/logger.js';
import { TEST_TENANT_ID } from './tenant.js';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TEST_TENANT_ID });
const app = await startApp(config, {
  storage: { connectionString: required('AZURITE_CONNECTION_STRING') },
  log: createLogger({ silent: true }),
  tablePrefix: required('TABLE_PREFIX'),
  deskPosts: {
    ...(process.env.DESK_POST_LEASE_MS ? { leaseMs: Number(process.env.DESK_POST_LEASE_MS) } : {}),
    ...(process.env.DESK_REPOST_PATTERN ? { repostPattern: process.env.DESK_REPOST_PATTERN } : {}),
  },
});
emit({ event: 'ready', baseUrl: app.baseUrl, pid: process.pid });

process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
