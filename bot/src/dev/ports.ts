import type { ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

/** True when something already listens on 127.0.0.1:port. */
export function isPortInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.once('listening', () => server.close(() => resolve(false)));
    server.listen(port, host);
  });
}

/** A port the OS just handed out on 127.0.0.1 (for tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Resolves once a TCP connection to 127.0.0.1:port succeeds. With a process to watch, it waits as long as that
 * process lives (a busy machine can take long to start it) and calls `onSlow` every `slowAfterMs` so the caller
 * can say what is slow; `timeoutMs` is only the last resort.
 */
export async function waitForPort(
  port: number,
  options: { timeoutMs: number; abortIfExited?: ChildProcess; slowAfterMs?: number; onSlow?: (elapsedMs: number) => void },
): Promise<void> {
  const startedAt = Date.now();
  const deadline = startedAt + options.timeoutMs;
  let nextSlowReport = startedAt + (options.slowAfterMs ?? 10_000);
  for (;;) {
    if (options.abortIfExited && options.abortIfExited.exitCode !== null) {
      throw new Error(`process for port ${port} exited with code ${options.abortIfExited.exitCode}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (options.onSlow && Date.now() >= nextSlowReport) {
      options.onSlow(Date.now() - startedAt);
      nextSlowReport += options.slowAfterMs ?? 10_000;
    }
    if (Date.now() > deadline) throw new Error(`nothing listened on 127.0.0.1:${port} within ${options.timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
