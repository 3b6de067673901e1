/**
 * The bot (startApp) as a separate process with the Entra profile fill on, for tests whose Graph stand-in speaks
 * HTTPS with a certificate only this process trusts (NODE_EXTRA_CA_CERTS is read once at a process's start).
 * Log lines go to stdout as JSON; one line `{"event":"ready","baseUrl":…,"tokens":{oid: token}}` says it listens,
 * with a dev SSO token for each identity of IDENTITIES (JSON: [{ oid, name, upn? }]).
 *
 * Environment: AZURITE_CONNECTION_STRING, TABLE_PREFIX, IDENTITIES, BOOTSTRAP_ADMIN_UPNS and the GRAPH_* variables.
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

const passed = ['BOOTSTRAP_ADMIN_UPNS', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET', 'GRAPH_AUTHORITY_HOST', 'GRAPH_BASE_URL', 'GRAPH_TIMEOUT_MS'];
const config = loadConfig({
  NODE_ENV: 'test',
  PORT: '0',
  DEV_TENANT_ID: TEST_TENANT_ID,
  ...Object.fromEntries(passed.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : []))),
});
const app = await startApp(config, {
  storage: { connectionString: required('AZURITE_CONNECTION_STRING') },
  log: createLogger({ stream: (line) => process.stdout.write(line) }),
  tablePrefix: required('TABLE_PREFIX'),
});
const identities = JSON.parse(required('IDENTITIES')) as { oid: string; name: string; upn?: string }[];
const tokens: Record<string, string> = {};
for (const identity of identities) tokens[identity.oid] = (await app.devIdentity!.issueToken(identity)).accessToken;
emit({ event: 'ready', baseUrl: app.baseUrl, tokens });

process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
