import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';

/** Calls `onMessage` for every message on a Node diagnostics channel while `work` runs. */
async function observeDuring(channel: string, onMessage: (message: unknown) => void, work: () => Promise<unknown>): Promise<void> {
  diagnostics.subscribe(channel, onMessage);
  try {
    await work();
  } finally {
    diagnostics.unsubscribe(channel, onMessage);
  }
}

/**
 * The paths of the storage reads (GETs) this process sends while `work` runs: the app's Table Storage calls are
 * its HTTP requests, so a test can say which rows a turn reads. Anything else running at that moment (a scheduled
 * job) is in the list too: filter by table and key.
 */
export async function storageReadsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const paths: string[] = [];
  await observeDuring(
    'http.client.request.start',
    (message) => {
      const request = (message as { request: ClientRequest }).request;
      if (request.method === 'GET') paths.push(decodeURIComponent(request.path));
    },
    work,
  );
  return paths;
}

/** New TCP connections this process opens while `work` runs; with `toPort`, only those to that port on this machine. */
export async function connectionsOpenedDuring(work: () => Promise<unknown>, toPort?: number): Promise<number> {
  let opened = 0;
  const remotePorts: number[] = [];
  await observeDuring(
    'net.client.socket',
    (message) => {
      opened++;
      const socket = (message as { socket: Socket }).socket;
      socket.once('connect', () => remotePorts.push(socket.remotePort ?? 0));
    },
    work,
  );
  return toPort === undefined ? opened : remotePorts.filter((remotePort) => remotePort === toPort).length;
}
