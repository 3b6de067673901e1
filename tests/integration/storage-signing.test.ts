import { RestError } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import { accountKeyOf, createTableStorage, getEntityOrUndefined } from '../../bot/src/kernel/storage/table-storage.js';
import { azuriteConnectionString, uniqueTablePrefix } from '../support/storage.js';

// The tables are signed with the account key by the app's own SharedKeyLite policy (a KeyObject made once), not the
// SDK's (a Buffer decoded per request, slow on Node 24.21). Azurite checks the signature as Azure does.
describe('storage requests signed with the account key', () => {
  it('when the app creates tables, writes a row, reads it back, writes a batch and lists a partition, then storage accepts every request', async () => {
    const storage = createTableStorage({ connectionString: azuriteConnectionString() }, uniqueTablePrefix());
    await storage.ensureTables();
    await storage.ping();
    const employees = storage.client('Employees');
    // What signs them is the app's policy (else this test would say nothing of it).
    const signers = employees.pipeline.getOrderedPolicies().map((policy) => policy.name).filter((name) => /key/i.test(name));
    expect(signers).toEqual(['dxNaviSharedKeyLitePolicy']);
    await employees.upsertEntity({ partitionKey: 'p', rowKey: 'profile', displayName: '品川 太郎' }, 'Replace');
    expect((await getEntityOrUndefined<{ displayName: string }>(employees, { partitionKey: 'p', rowKey: 'profile' }))?.displayName).toBe('品川 太郎');
    await employees.submitTransaction([
      ['upsert', { partitionKey: 'q', rowKey: 'a', n: 1 }],
      ['upsert', { partitionKey: 'q', rowKey: 'b', n: 2 }],
    ]);
    const rows = [];
    for await (const row of employees.listEntities<{ n: number }>({ queryOptions: { filter: "PartitionKey eq 'q'" } })) rows.push(row.n);
    expect(rows).toEqual([1, 2]);
  });

  it('when the connection string carries a wrong account key, then storage refuses the request (the signature is checked, not ignored)', async () => {
    const account = accountKeyOf(azuriteConnectionString());
    expect(account).toBeDefined();
    const wrongKey = Buffer.alloc(64, 7).toString('base64');
    const wrong = azuriteConnectionString().replace(`AccountKey=${account?.accountKey}`, `AccountKey=${wrongKey}`);
    expect(wrong).not.toBe(azuriteConnectionString());
    const storage = createTableStorage({ connectionString: wrong }, uniqueTablePrefix());
    const refusal = await storage.ping().then(() => undefined, (error: unknown) => error);
    expect(refusal).toBeInstanceOf(RestError);
    expect((refusal as RestError).statusCode).toBe(403);
  });

  it('when a connection string is read, then its account name and key are found whatever their order or case, and other kinds give none', () => {
    expect(accountKeyOf('DefaultEndpointsProtocol=http;accountname=acct;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:1/acct')).toEqual({ accountName: 'acct', accountKey: 'a2V5' });
    expect(accountKeyOf('AccountKey=a2V5==;AccountName=acct')).toEqual({ accountName: 'acct', accountKey: 'a2V5==' });
    expect(accountKeyOf('TableEndpoint=https://acct.table.core.windows.net;SharedAccessSignature=sv=2020&sig=x')).toBeUndefined();
    expect(accountKeyOf('UseDevelopmentStorage=true')).toBeUndefined();
  });
});
