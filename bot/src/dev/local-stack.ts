import { resolve } from 'node:path';
import restify from 'restify';
import { startApp, type RunningApp } from '../app.js';
import type { AppConfig } from '../config.js';
import { mountTabSite, tabRuntimeConfig } from '../kernel/http/tab-site.js';
import { close, listen } from '../kernel/http/server.js';
import type { Logger } from '../logger.js';
import type { StorageConnection } from '../kernel/storage/table-storage.js';
import { reclaimOrphanedAzurite, startEmbeddedAzurite, type EmbeddedAzurite } from './azurite.js';
import { DEMO_PEOPLE, demoObjectId, seedDemoData } from './demo-data.js';
import { importDemoRoster } from './demo-roster.js';
import { isPortInUse } from './ports.js';

export interface LocalStack {
  app: RunningApp;
  tabUrl: string;
  devChatUrl: string;
  storageDescription: string;
  seeded: { departments: number; employees: number; courses: number; roster: { staff: number; linked: number } };
  stop(): Promise<void>;
}

export class PortInUseError extends Error {}

/**
 * Everything `npm start` runs, also used by the browser tests: embedded Azurite (unless a storage account is
 * configured), the bot server, demo data, and the built tab on its own port. Any failure stops what had
 * started, so there is never a half-started stack.
 */
export async function startLocalStack(
  config: AppConfig,
  options: { log: Logger; tabDistDir?: string; azuriteInMemory?: boolean; tablePrefix?: string },
): Promise<LocalStack> {
  const wanted: [number, string, string][] = [
    [config.port, 'bot server', 'PORT'],
    [config.tabPort, 'tab', 'TAB_PORT'],
  ];
  const azuriteFolder = config.storage.kind === 'embedded-azurite' ? resolve(config.storage.dataDir, 'azurite') : undefined;
  if (azuriteFolder && !options.azuriteInMemory) {
    // An earlier run killed with SIGKILL leaves its Azurite children holding the ports: stop those, and only those.
    const reclaimed = await reclaimOrphanedAzurite(azuriteFolder);
    if (reclaimed.length > 0) options.log.warn('stopped Azurite left running by an earlier run of this data folder', { pids: reclaimed });
  }
  if (config.storage.kind === 'embedded-azurite') {
    wanted.push([config.storage.tablePort, 'Azurite Table service', 'AZURITE_TABLE_PORT']);
    wanted.push([config.storage.queuePort, 'Azurite Queue service', 'AZURITE_QUEUE_PORT']);
  }
  for (const [port, what, variable] of wanted) {
    if (port !== 0 && (await isPortInUse(port))) {
      throw new PortInUseError(
        `Port ${port} (${what}) is already in use. Stop the program using it, or choose another port with ${variable}=<port>.`,
      );
    }
  }

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    let azurite: EmbeddedAzurite | undefined;
    let storage: StorageConnection;
    let storageDescription: string;
    if (config.storage.kind === 'embedded-azurite') {
      azurite = await startEmbeddedAzurite({
        tablePort: config.storage.tablePort,
        queuePort: config.storage.queuePort,
        ...(options.azuriteInMemory ? {} : { location: resolve(config.storage.dataDir, 'azurite') }),
        onSlow: (message) => options.log.warn(message),
      });
      stops.push(azurite.stop);
      storage = { connectionString: azurite.connectionString };
      storageDescription = options.azuriteInMemory
        ? `embedded Azurite (in memory) on 127.0.0.1:${config.storage.tablePort}`
        : `embedded Azurite on 127.0.0.1:${config.storage.tablePort} (tables) and :${config.storage.queuePort} (queues), data in ${resolve(config.storage.dataDir, 'azurite')}`;
    } else if (config.storage.kind === 'connection-string') {
      storage = { connectionString: config.storage.connectionString };
      storageDescription = 'the storage account in STORAGE_CONNECTION_STRING';
    } else {
      storage = { accountName: config.storage.accountName };
      storageDescription = `storage account ${config.storage.accountName} (managed identity)`;
    }
    const app = await startApp(config, {
      storage,
      log: options.log,
      ...(options.tablePrefix ? { tablePrefix: options.tablePrefix } : {}),
    });
    stops.push(app.stop);
    const seeded = await seedDemoData(app.repositories, {
      tenantId: config.tabAuth.tenantId,
    });
    const admin = DEMO_PEOPLE.find(([, , , roles]) => roles?.includes('admin'))!;
    const roster = await importDemoRoster(app, { adminId: demoObjectId(admin[0]) });

    const tabServer = restify.createServer({ name: 'dx-navi-tab' });
    mountTabSite(tabServer, {
      distDir: options.tabDistDir ?? resolve('tab/dist'),
      runtimeConfig: tabRuntimeConfig(config, config.publicBaseUrl ?? app.baseUrl),
      // The local stack's dev chat page (the production entry passes false).
      devPages: true,
    });
    const tabPort = await listen(tabServer, config.tabPort, '127.0.0.1');
    stops.push(() => close(tabServer));
    const tabOrigin = config.tabPort === 0 ? `http://127.0.0.1:${tabPort}` : config.tabEndpoint;
    return {
      app,
      tabUrl: `${tabOrigin}/index.html`,
      devChatUrl: `${tabOrigin}/devchat.html`,
      storageDescription,
      seeded: { ...seeded, roster },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
