import { TableClient, TableServiceClient, RestError, type TableEntityResult } from '@azure/data-tables';
import { ConcurrencyError } from '../domain/errors.js';
import { signWithKeyObject, type AccountKey } from './shared-key-lite-policy.js';
import { storageCredential } from './azure-credential.js';
import { keepAliveAgent } from './keep-alive-agent.js';

export const TABLE_NAMES = [
  'Employees',
  'Departments',
  'ConversationReferences',
  'Courses',
  'SkillAssessments',
  'TrainingSessions',
  'ProgrammeTexts',
  'SurveyRounds',
  'SurveyResponses',
  'SurveyParticipation',
  'SurveyPending',
  'Consultations',
  'Broadcasts',
  'Deliveries',
  'ScheduleLeases',
  'ConsultationDesk',
  'FaqEntries',
  'News',
  'NotificationPreferences',
  'StaffDirectory',
  'DirectoryAudit',
  'AwardNominations',
  'ProgrammeFigures',
  'NewsConfirmations',
  'DeliverySettings',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export type StorageConnection = { connectionString: string } | { accountName: string };

export interface TableStorage {
  client(name: TableName): TableClient;
  /** Creates every table the app uses; safe to call on every start. */
  ensureTables(): Promise<void>;
  /** Throws unless the table service answers (the readiness probe). */
  ping(): Promise<void>;
}

/**
 * One place that knows how to reach Table Storage. `tablePrefix` lets tests share one Azurite without seeing
 * each other's rows.
 */
export function createTableStorage(connection: StorageConnection, tablePrefix = ''): TableStorage {
  const tableName = (name: TableName) => `${tablePrefix}${name}`;
  const isLoopback = (url: string) => /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url);
  let clientFor: (name: string) => TableClient;
  let service: TableServiceClient;
  if ('connectionString' in connection) {
    // Where the SDK's own reading of the connection string points: an explicit TableEndpoint, the account's, or
    // Azurite's fixed address for the emulator shorthand (UseDevelopmentStorage=true).
    const endpoint = TableServiceClient.fromConnectionString(connection.connectionString).url;
    // Plain HTTP is allowed only for an emulator on this machine.
    const insecure = isLoopback(endpoint);
    const options = { allowInsecureConnection: insecure, agent: keepAliveAgent(endpoint) };
    const account = accountKeyOf(connection.connectionString);
    clientFor = (name) => signWithKeyObject(TableClient.fromConnectionString(connection.connectionString, name, options), account);
    service = signWithKeyObject(TableServiceClient.fromConnectionString(connection.connectionString, options), account);
  } else {
    const credential = storageCredential();
    const url = `https://${connection.accountName}.table.core.windows.net`;
    const options = { agent: keepAliveAgent(url) };
    clientFor = (name) => new TableClient(url, name, credential, options);
    service = new TableServiceClient(url, credential, options);
  }
  const clients = new Map<TableName, TableClient>();
  return {
    client(name) {
      let client = clients.get(name);
      if (!client) {
        client = clientFor(tableName(name));
        clients.set(name, client);
      }
      return client;
    },
    async ping() {
      await service.listTables().byPage({ maxPageSize: 1 }).next();
    },
    async ensureTables() {
      for (const name of TABLE_NAMES) {
        try {
          await service.createTable(tableName(name));
        } catch (error) {
          if (!(error instanceof RestError && error.statusCode === 409)) throw error;
        }
      }
    },
  };
}

/** One `Name=value` part of a storage connection string; names are compared ignoring case, as Azure does. */
function connectionStringPart(connectionString: string, name: string): string | undefined {
  return new RegExp(`(?:^|;)\\s*${name}=([^;]+)`, 'i').exec(connectionString)?.[1];
}

/** An account connection string's name and key, or undefined for any other kind (SAS, development shorthand). */
export function accountKeyOf(connectionString: string): AccountKey | undefined {
  const accountName = connectionStringPart(connectionString, 'AccountName');
  const accountKey = connectionStringPart(connectionString, 'AccountKey');
  return accountName && accountKey ? { accountName, accountKey } : undefined;
}

/** A point read where 404 means "not there". */
export async function getEntityOrUndefined<T extends object>(
  client: TableClient,
  key: { partitionKey: string; rowKey: string },
): Promise<TableEntityResult<T> | undefined> {
  try {
    return await client.getEntity<T>(key.partitionKey, key.rowKey);
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return undefined;
    throw error;
  }
}

/** 412 (ETag mismatch) and 409 (insert of an existing row) become a ConcurrencyError the caller may retry. */
export function toConcurrencyError(error: unknown, what: string): unknown {
  if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409)) {
    return new ConcurrencyError(`${what}: concurrent write (${error.statusCode})`, error);
  }
  return error;
}

/** Lists a whole partition (or table) as an array. */
export async function listAll<T extends object>(client: TableClient, filter?: string): Promise<TableEntityResult<T>[]> {
  const rows: TableEntityResult<T>[] = [];
  for await (const row of client.listEntities<T>(filter ? { queryOptions: { filter } } : {})) rows.push(row);
  return rows;
}
