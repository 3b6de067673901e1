import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { ConnectorCounts, ThrottlingConnectorOptions } from './throttling-connector.js';

type Reply = { type: 'ready'; serviceUrl: string } | { type: 'counts'; counts: ConnectorCounts } | { type: 'per-conversation'; entries: [string, number][] };

/** Starts the throttling connector stand-in in its own process (see throttling-connector-process.ts). */
export async function startThrottlingConnectorProcess(options: Partial<Omit<ThrottlingConnectorOptions, 'random' | 'failFirst' | 'forbidden'>>) {
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'throttling-connector-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, CONNECTOR_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends Reply['type']>(type: T) =>
    new Promise<Extract<Reply, { type: T }>>((done, fail) => {
      const onMessage = (message: Reply) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        done(message as Extract<Reply, { type: T }>);
      };
      const onExit = (code: number | null) => fail(new Error(`the connector stand-in exited with ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { serviceUrl } = await next('ready');
  return {
    serviceUrl,
    async counts(): Promise<ConnectorCounts> {
      const reply = next('counts');
      child.send({ type: 'counts' });
      return (await reply).counts;
    },
    async messagesPerConversation(): Promise<Map<string, number>> {
      const reply = next('per-conversation');
      child.send({ type: 'per-conversation' });
      return new Map((await reply).entries);
    },
    async stop(): Promise<void> {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
