import type { TestProject } from 'vitest/node';
import { startEmbeddedAzurite } from '../../bot/src/dev/azurite.js';
import { freePort } from '../../bot/src/dev/ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
  }
}

/** One in-memory Azurite for the whole run, on ports the OS hands out. */
export default async function setup(project: TestProject) {
  const start = async () =>
    startEmbeddedAzurite({ tablePort: await freePort(), queuePort: await freePort(), onSlow: (message) => console.warn(message) });
  // A port the OS just freed can be taken by another process before Azurite binds it; then try fresh ones.
  const azurite = await start().catch(start).catch(start);
  project.provide('azuriteConnectionString', azurite.connectionString);
  return async () => {
    await azurite.stop();
  };
}
