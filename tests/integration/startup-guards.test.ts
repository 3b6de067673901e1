import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../bot/src/app.js';
import { loadConfig } from '../../bot/src/config.js';
import { freePort, isPortInUse } from '../../bot/src/dev/ports.js';
import { PortInUseError, startLocalStack } from '../../bot/src/dev/local-stack.js';
import { createLogger } from '../../bot/src/logger.js';
import { installActivity, postActivity } from '../support/activities.js';
import { startConnectorStandIn } from '../support/connector-stand-in.js';
import { azuriteConnectionString } from '../support/storage.js';
import { startTestApp } from '../support/test-app.js';

describe('start-up guards', () => {
  let blocker: Server;
  let blockedPort: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    blockedPort = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('when the tab port is taken, then the stack refuses to start, names the port and leaves nothing running', async () => {
    const botPort = await freePort();
    const config = loadConfig({ NODE_ENV: 'test', PORT: String(botPort), TAB_PORT: String(blockedPort), STORAGE_CONNECTION_STRING: azuriteConnectionString() });
    const start = startLocalStack(config, { log: createLogger({ silent: true }) });
    await expect(start).rejects.toBeInstanceOf(PortInUseError);
    await expect(start).rejects.toThrow(`Port ${blockedPort} (tab) is already in use`);
    expect(await isPortInUse(botPort)).toBe(false);
  });
});

describe('bot endpoint with Bot Framework auth on', () => {
  let app: RunningApp;
  let connector: Awaited<ReturnType<typeof startConnectorStandIn>>;
  beforeAll(async () => {
    [app, connector] = await Promise.all([
      startTestApp({ MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppPassword: 'not-a-real-secret' }),
      startConnectorStandIn(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.stop()]);
  });

  it('when an activity arrives without a Bot Framework token, then it is rejected and nothing is stored or sent', async () => {
    const user = { aadObjectId: '00000000-0000-4000-8000-00000000f001', name: '認証 なし' };
    const response = await postActivity(app.baseUrl, installActivity(user, connector.serviceUrl));
    expect(response.status).toBe(401);
    expect(await app.repositories.employees.get(user.aadObjectId)).toBeUndefined();
    expect(connector.recorder.list()).toEqual([]);
    expect(app.devConnector).toBeUndefined();
  });
});
