import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../bot/src/config.js';
import { demoEmployees } from '../bot/src/dev/demo-data.js';
import { PortInUseError, startLocalStack } from '../bot/src/dev/local-stack.js';
import { startPlayground } from '../bot/src/dev/playground.js';
import { isPortInUse } from '../bot/src/dev/ports.js';
import { createLogger } from '../bot/src/logger.js';

// npm run playground: npm start's stack (bot auth off, demo roster) plus the Microsoft 365 Agents Playground as a
// Teams-like client, chatting as a roster employee. The Playground's own port is its default, 56150.
const PLAYGROUND_PORT = 56150;
const log = createLogger({ pretty: true });

try {
  const config = loadConfig();
  if (config.environment === 'production') throw new Error('npm run playground is for local use only');
  if (config.bot.appId) throw new ConfigError(['MicrosoftAppId: npm run playground talks to the bot without Bot Framework auth; unset it for the playground']);
  if (await isPortInUse(PLAYGROUND_PORT)) throw new PortInUseError(`Port ${PLAYGROUND_PORT} (Agents Playground) is already in use. Stop the program using it.`);
  const stack = await startLocalStack(config, { log });
  const roster = demoEmployees(config.tabAuth.tenantId);
  const me = roster.find((person) => person.displayName === '大崎 健太') ?? roster[0]!;
  const playground = await startPlayground({
    botEndpoint: `${stack.app.baseUrl}/api/messages`,
    port: PLAYGROUND_PORT,
    workDir: resolve(config.storage.kind === 'embedded-azurite' ? config.storage.dataDir : '.data', 'playground'),
    tenantId: config.tabAuth.tenantId,
    // The admin and the DX推進委員 first, so switching user in the Playground reaches their views too.
    people: { me, others: [...roster.filter((person) => person.roles.length > 1), ...roster.filter((person) => person.roles.length === 1 && person.id !== me.id)] },
  });
  console.log(`
DX Navi is ready with the Microsoft 365 Agents Playground.

  Agents Playground:     ${playground.url}  (you are ${me.displayName}, a demo employee; say 「ヘルプ」)
  Tab (マイDXスキル):    ${stack.tabUrl}
  Bot endpoint:          ${stack.app.baseUrl}/api/messages

The Playground always sends locale en-US: choose 日本語 in 通知設定 (Notifications) to chat in Japanese.
Press Ctrl+C to stop.
`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await playground.stop();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof PortInUseError ? `\nDX Navi could not start.\n${error.message}\n` : error);
  process.exit(1);
}
