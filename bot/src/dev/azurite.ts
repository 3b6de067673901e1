import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { azuriteConnectionString } from '../config.js';

export interface EmbeddedAzurite {
  connectionString: string;
  /** The table service's process, for a benchmark that counts the emulator's CPU time. */
  tablePid: number | undefined;
  stop(): Promise<void>;
}

export interface EmbeddedAzuriteOptions {
  tablePort: number;
  queuePort: number;
  /** A folder to persist data in; without it everything is kept in memory (tests). */
  location?: string;
  onLog?: (line: string) => void;
  /** Called while a service is slow to start, with a sentence that says which and how busy the machine is. */
  onSlow?: (message: string) => void;
}

// Only a last resort against a wedged child: a loaded 2-core machine was measured at 20 s, so allow far more.
const START_LIMIT_MS = 180_000;
const PID_FILE = 'azurite-pids.json';

interface RecordedChild {
  pid: number;
  service: string;
}

interface PidRecord {
  /** The process that started the services; while it lives they are its own, not orphans. */
  parentPid: number;
  children: RecordedChild[];
}

const azuriteRoot = () => dirname(createRequire(import.meta.url).resolve('azurite/package.json'));

function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Stops Azurite services left running by an earlier `npm start` that was killed (SIGKILL leaves children
 * behind). Only processes recorded in this data folder's pid file, whose recorded parent is gone and whose
 * command line is Azurite serving this very folder, are touched; anything else, even another Azurite, is left
 * alone. Returns the pids stopped.
 */
export async function reclaimOrphanedAzurite(location: string): Promise<number[]> {
  const pidFile = join(location, PID_FILE);
  let recorded: PidRecord;
  try {
    recorded = JSON.parse(readFileSync(pidFile, 'utf8')) as PidRecord;
  } catch {
    return [];
  }
  if (!Array.isArray(recorded.children) || isAlive(recorded.parentPid)) return [];
  const folder = resolve(location);
  const orphans = recorded.children.filter(({ pid, service }) => {
    const commandLine = commandLineOf(pid);
    return (
      commandLine !== undefined &&
      commandLine.includes(join('azurite', 'dist', 'src', service, 'main.js')) &&
      commandLine.includes(join(folder, service))
    );
  });
  for (const { pid } of orphans) process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (orphans.some(({ pid }) => isAlive(pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const { pid } of orphans) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(pidFile, { force: true });
  return orphans.map(({ pid }) => pid);
}

/**
 * Starts Azurite's Table and Queue services as child processes on 127.0.0.1. `require('azurite')` loads a
 * VS Code extension entry, so the services' own entry points are started instead.
 */
export async function startEmbeddedAzurite(options: EmbeddedAzuriteOptions): Promise<EmbeddedAzurite> {
  const root = azuriteRoot();
  const common = ['--skipApiVersionCheck', '--loose', '--disableTelemetry', '--silent'];
  const storageArgs = (service: string) => {
    if (!options.location) return ['--inMemoryPersistence'];
    const folder = join(resolve(options.location), service);
    mkdirSync(folder, { recursive: true });
    return ['--location', folder];
  };
  const children: ChildProcess[] = [];
  const recorded: RecordedChild[] = [];
  const start = (service: 'table' | 'queue', port: number) => {
    const child = spawn(
      process.execPath,
      [join(root, 'dist', 'src', service, 'main.js'), `--${service}Host`, '127.0.0.1', `--${service}Port`, String(port), ...storageArgs(service), ...common],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const forward = (chunk: Buffer) => options.onLog?.(`[azurite-${service}] ${chunk.toString().trimEnd()}`);
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    children.push(child);
    if (child.pid !== undefined) recorded.push({ pid: child.pid, service });
    return child;
  };
  const pidFile = options.location ? join(options.location, PID_FILE) : undefined;
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolveStop) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
            child.once('exit', () => resolveStop());
            child.kill('SIGTERM');
          }),
      ),
    );
    if (pidFile) rmSync(pidFile, { force: true });
  };
  // Ready means this child said it listens: a port probe alone can be answered by someone else's process that
  // took the port between freePort() and the child's bind (tests run beside each other), and then every call
  // would go to the wrong server.
  const waitFor = (service: string, port: number, child: ChildProcess) =>
    new Promise<void>((resolveReady, reject) => {
      const startedAt = Date.now();
      let output = '';
      const slowReport = setInterval(
        () =>
          options.onSlow?.(
            `Azurite ${service} service (port ${port}) is still starting after ${Math.round((Date.now() - startedAt) / 1000)} s; ` +
              `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores: other work on this machine is slowing it down.`,
          ),
        10_000,
      );
      const limit = setTimeout(() => finish(new Error(`Azurite ${service} service did not start within ${START_LIMIT_MS / 1000} s`)), START_LIMIT_MS);
      const finish = (error?: Error) => {
        clearInterval(slowReport);
        clearTimeout(limit);
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolveReady();
      };
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/successfully (started|listens)/i.test(output)) finish();
      };
      const onExit = (code: number | null) =>
        finish(new Error(`Azurite ${service} service exited (code ${code}) before listening on ${port}${/EADDRINUSE/.test(output) ? ': the port is in use' : ''}`));
      child.stdout?.on('data', onData);
      child.once('exit', onExit);
    });
  let tablePid: number | undefined;
  try {
    const table = start('table', options.tablePort);
    tablePid = table.pid;
    const queue = start('queue', options.queuePort);
    if (pidFile) writeFileSync(pidFile, JSON.stringify({ parentPid: process.pid, children: recorded } satisfies PidRecord));
    await Promise.all([waitFor('table', options.tablePort, table), waitFor('queue', options.queuePort, queue)]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { connectionString: azuriteConnectionString(options.tablePort, options.queuePort), tablePid, stop };
}
