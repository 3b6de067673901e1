import { ConfigError, loadConfig } from '../bot/src/config.js';
import { PortInUseError, startLocalStack } from '../bot/src/dev/local-stack.js';
import { createLogger } from '../bot/src/logger.js';

const startedAt = performance.now();
const log = createLogger({ pretty: true });

try {
  const config = loadConfig();
  if (config.environment === 'production') throw new Error('npm start runs the local stack; in production run node dist/bot/index.js');
  const stack = await startLocalStack(config, { log });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`
DX Navi is ready (${seconds} s).

  Tab (マイDXスキル):    ${stack.tabUrl}
  Dev chat with the bot: ${stack.devChatUrl}
  Bot endpoint:          ${stack.app.baseUrl}/api/messages
  Storage:               ${stack.storageDescription}
  Demo data:             ${stack.seeded.employees} employees in ${stack.seeded.departments} departments, ${stack.seeded.courses} courses
  職員名簿 (sample roster): ${stack.seeded.roster.staff} staff imported from bot/src/dev/sample-roster/*.csv (Shift_JIS), ${stack.seeded.roster.linked} linked to sign-in identities

Next: open the tab and pick a sample employee to sign in as, or open the dev chat and say 「ヘルプ」.
Press Ctrl+C to stop.
`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping DX Navi…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  if (error instanceof ConfigError || error instanceof PortInUseError) {
    console.error(`\nDX Navi could not start.\n${error.message}\n`);
  } else {
    console.error('\nDX Navi could not start:', error);
  }
  process.exit(1);
}
