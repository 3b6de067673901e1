import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { azuriteConnectionString } from '../support/storage.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Which @azure/identity modules a fresh Node process resolves while it sets up the app's storage (tables and the
 * delivery queue) and reads through it. Run apart from vitest, whose own module graph would say nothing of the app's.
 */
async function identityModulesLoadedBy(connection: string): Promise<{ atSetup: string[]; afterTokenAsked: string[] }> {
  const script = `
    import { registerHooks } from 'node:module';
    const seen = [];
    registerHooks({ resolve(specifier, context, next) { if (specifier.startsWith('@azure/identity')) seen.push(specifier); return next(specifier, context); } });
    const { createTableStorage, getEntityOrUndefined } = await import('./bot/src/kernel/storage/table-storage.ts');
    const { createDeliveryWorkQueue, deliveryQueuePing } = await import('./bot/src/delivery/storage/delivery-work-queue.ts');
    const connection = ${connection};
    const storage = createTableStorage(connection, 'credentialcheck');
    createDeliveryWorkQueue(connection, 'credentialcheck');
    if ('connectionString' in connection) {
      await storage.ensureTables();
      await getEntityOrUndefined(storage.client('Employees'), { partitionKey: 'nobody', rowKey: 'profile' });
      await deliveryQueuePing(connection, 'credentialcheck')().catch(() => undefined);
    }
    const atSetup = [...seen];
    // What a request on a managed identity does first; aborted, so nothing is asked of any endpoint.
    const { storageCredential } = await import('./bot/src/kernel/storage/azure-credential.ts');
    await storageCredential().getToken('https://storage.azure.com/.default', { abortSignal: AbortSignal.abort() }).catch(() => undefined);
    console.log(JSON.stringify({ atSetup, afterTokenAsked: [...seen] }));
  `;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { atSetup: string[]; afterTokenAsked: string[] };
}

// @azure/identity (with msal-node) is about 4 MB of every instance's heap, which each major garbage collection
// marks; it is needed only to get an Entra token, i.e. on a managed identity, and only once a request needs one.
describe('the Entra credential for storage', () => {
  it('when the app runs on a connection string (local, tests), then it does not load @azure/identity while it sets up, reads and writes', async () => {
    const loaded = await identityModulesLoadedBy(JSON.stringify({ connectionString: azuriteConnectionString() }));
    expect(loaded.atSetup).toEqual([]);
  });

  it('when the app runs on a managed identity, then @azure/identity is loaded when a token is first asked for, not when storage is set up', async () => {
    const loaded = await identityModulesLoadedBy(JSON.stringify({ accountName: 'dxnavistorage' }));
    expect(loaded.atSetup).toEqual([]);
    expect(loaded.afterTokenAsked).toContain('@azure/identity');
  });
});
