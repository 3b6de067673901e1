import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { azuriteConnectionString } from '../config.js';
import { waitForPort } from './ports.js';

export interface EmbeddedAzurite {
  connectionString: string;
  stop(): Promise<void>;
}

export interface EmbeddedAzuriteOptions {
  tablePort: number;
  queuePort: number;
  /** A folder to persist data in; without it everything is kept in memory (tests). */
  location?: string;
  onLog?: (line: string) => void;
}

/**
 * Starts Azurite's Table and Queue services as child processes on 127.0.0.1. `require('azurite')` loads a
 * VS Code extension entry, so the services' own entry points are started instead.
 */
export async function startEmbeddedAzurite(options: EmbeddedAzuriteOptions): Promise<EmbeddedAzurite> {
  const azuriteRoot = dirname(createRequire(import.meta.url).resolve('azurite/package.json'));
  const common = ['--skipApiVersionCheck', '--loose', '--disableTelemetry', '--silent'];
  const storageArgs = (service: string) => {
    if (!options.location) return ['--inMemoryPersistence'];
    const folder = join(options.location, service);
    mkdirSync(folder, { recursive: true });
    return ['--location', folder];
  };
  const children: ChildProcess[] = [];
  const start = (service: 'table' | 'queue', port: number) => {
    const child = spawn(
      process.execPath,
      [
        join(azuriteRoot, 'dist', 'src', service, 'main.js'),
        `--${service}Host`,
        '127.0.0.1',
        `--${service}Port`,
        String(port),
        ...storageArgs(service),
        ...common,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const forward = (chunk: Buffer) => options.onLog?.(`[azurite-${service}] ${chunk.toString().trimEnd()}`);
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    children.push(child);
    return child;
  };
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    const table = start('table', options.tablePort);
    const queue = start('queue', options.queuePort);
    await Promise.all([
      waitForPort(options.tablePort, { timeoutMs: 20_000, abortIfExited: table }),
      waitForPort(options.queuePort, { timeoutMs: 20_000, abortIfExited: queue }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { connectionString: azuriteConnectionString(options.tablePort, options.queuePort), stop };
}
