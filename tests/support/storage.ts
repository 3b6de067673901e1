import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createTableStorage } from '../../bot/src/kernel/storage/table-storage.js';

/** A table prefix no other test file uses (letters and digits only, as table names require). */
export function uniqueTablePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

export function azuriteConnectionString(): string {
  return inject('azuriteConnectionString');
}

export async function testTableStorage() {
  const storage = createTableStorage({ connectionString: azuriteConnectionString() }, uniqueTablePrefix());
  await storage.ensureTables();
  return storage;
}
