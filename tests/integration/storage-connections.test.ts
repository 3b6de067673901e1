import { describe, expect, it } from 'vitest';
import { getEntityOrUndefined } from '../../bot/src/kernel/storage/table-storage.js';
import { connectionsOpenedDuring } from '../support/network-observers.js';
import { testTableStorage } from '../support/storage.js';

describe('storage connections between bursts of turns', () => {
  // Azurite (a Node server) closes a connection idle for 5 s and says so in `Keep-Alive: timeout=5`. A client that
  // reuses the connection as it closes gets ECONNRESET, and the storage SDK retries the read about a second later:
  // a chat turn of a second, at the start of the first crowd after a quiet spell.
  it('when storage has been idle past the server’s keep-alive hint, then the next read opens a new connection instead of reusing one the server is closing', async () => {
    const employees = (await testTableStorage()).client('Employees');
    const key = { partitionKey: 'nobody', rowKey: 'profile' };
    await getEntityOrUndefined(employees, key);
    // Still open on the server side (it closes at 5 s), past the point where this side should have let it go.
    await new Promise((resolve) => setTimeout(resolve, 4_400));
    expect(await connectionsOpenedDuring(() => getEntityOrUndefined(employees, key))).toBe(1);
    // A connection in use is kept: reads in quick succession share it.
    expect(await connectionsOpenedDuring(() => getEntityOrUndefined(employees, key))).toBe(0);
  });
});
