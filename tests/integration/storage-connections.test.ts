import diagnostics from 'node:diagnostics_channel';
import { createServer, type ClientRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  createDeliveryWorkQueue,
  deliveryQueueName,
  deliveryQueuePing,
} from '../../bot/src/delivery/storage/delivery-work-queue.js';
import { createTableStorage, getEntityOrUndefined } from '../../bot/src/kernel/storage/table-storage.js';
import { connectionsOpenedDuring } from '../support/network-observers.js';
import { azuriteConnectionString, testTableStorage, uniqueTablePrefix } from '../support/storage.js';

const pastServerKeepAlive = () => new Promise((resolve) => setTimeout(resolve, 4_400));

describe('storage connections between bursts of turns', () => {
  // Azurite (a Node server) closes a connection idle for 5 s and says so in `Keep-Alive: timeout=5`. A client that
  // reuses the connection as it closes gets ECONNRESET, and the storage SDK retries the read about a second later:
  // a chat turn of a second, at the start of the first crowd after a quiet spell.
  it('when storage has been idle past the server’s keep-alive hint, then the next read opens a new connection instead of reusing one the server is closing', async () => {
    const employees = (await testTableStorage()).client('Employees');
    const key = { partitionKey: 'nobody', rowKey: 'profile' };
    await getEntityOrUndefined(employees, key);
    // Still open on the server side (it closes at 5 s), past the point where this side should have let it go.
    await pastServerKeepAlive();
    expect(await connectionsOpenedDuring(() => getEntityOrUndefined(employees, key))).toBe(1);
    // A connection in use is kept: reads in quick succession share it.
    expect(await connectionsOpenedDuring(() => getEntityOrUndefined(employees, key))).toBe(0);
  });

  // The delivery queue's client is the storage-queue SDK's, with an HTTP agent of its own: a news digest enqueued
  // after a quiet spell would wait the same second (the worker's idle poll keeps one connection warm, not the
  // several a burst of sends opens).
  it('when the delivery queue has been idle past the server’s keep-alive hint, then the next request opens a new connection', async () => {
    const queue = createDeliveryWorkQueue(
      { connectionString: azuriteConnectionString() },
      deliveryQueueName(uniqueTablePrefix()),
    );
    await queue.ensure();
    await queue.receive(1, 1_000);
    await pastServerKeepAlive();
    expect(await connectionsOpenedDuring(() => queue.receive(1, 1_000))).toBe(1);
    expect(await connectionsOpenedDuring(() => queue.receive(1, 1_000))).toBe(0);
  });

  it('when the readiness probe checks the delivery queue again and again, then it keeps using one connection', async () => {
    const queueName = deliveryQueueName(uniqueTablePrefix());
    await createDeliveryWorkQueue({ connectionString: azuriteConnectionString() }, queueName).ensure();
    const ping = deliveryQueuePing({ connectionString: azuriteConnectionString() }, queueName);
    await ping();
    expect(
      await connectionsOpenedDuring(async () => {
        for (let probe = 0; probe < 5; probe++) await ping();
      }),
    ).toBe(0);
  });

  // The emulator shorthand names no endpoint: the SDK reads it as Azurite's fixed addresses on this machine.
  it('when the connection string is the emulator shorthand, then table and queue requests go to the local emulator over plain HTTP', async () => {
    const connection = { connectionString: 'UseDevelopmentStorage=true' };
    const started = (work: (signal: AbortSignal) => Promise<unknown>) =>
      new Promise<string>((resolve, reject) => {
        const abort = new AbortController();
        const onStart = (message: unknown) => {
          const request = (message as { request: ClientRequest }).request;
          diagnostics.unsubscribe('http.client.request.start', onStart);
          resolve(`${request.protocol}//${String(request.getHeader('host'))}`);
          abort.abort();
        };
        diagnostics.subscribe('http.client.request.start', onStart);
        // No emulator need listen: the request is aborted as it starts; what matters is where it went.
        work(abort.signal).catch((error: unknown) => {
          diagnostics.unsubscribe('http.client.request.start', onStart);
          if (!abort.signal.aborted) reject(error instanceof Error ? error : new Error(String(error)));
        });
      });
    const table = createTableStorage(connection, uniqueTablePrefix()).client('Employees');
    expect(await started((abortSignal) => table.getEntity('nobody', 'profile', { abortSignal }))).toBe('http://127.0.0.1:10002');
    // The queue's receive takes no abort signal: an emulator stand-in answers 404 so the SDK does not retry in the
    // background (a port already taken by a real emulator answers for it).
    const standIn = createServer((_request, response) => response.writeHead(404).end());
    await new Promise<void>((resolve) => standIn.once('error', () => resolve()).listen(10001, '127.0.0.1', resolve));
    try {
      const queue = createDeliveryWorkQueue(connection, deliveryQueueName(uniqueTablePrefix()));
      let receiving: Promise<unknown> = Promise.resolve();
      expect(await started(() => (receiving = queue.receive(1, 1_000)))).toBe('http://127.0.0.1:10001');
      await receiving.catch(() => undefined);
    } finally {
      standIn.close();
    }
  });
});
