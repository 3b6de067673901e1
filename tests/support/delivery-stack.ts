import { createDeliveryEngine, type DeliveryEngineOptions } from '../../bot/src/delivery/delivery-engine.js';
import type { Logger } from '../../bot/src/logger.js';
import { createConversationReferenceRepository } from '../../bot/src/kernel/storage/conversation-reference-repository.js';
import { createDeliveryWorkQueue, deliveryQueueName } from '../../bot/src/delivery/storage/delivery-work-queue.js';
import { createTableStorage } from '../../bot/src/kernel/storage/table-storage.js';
import { createBotAdapter } from '../../bot/src/kernel/teams/adapter.js';
import { createProactiveSender } from '../../bot/src/kernel/teams/proactive-sender.js';
import { personalChatReference, personalConversationId } from './activities.js';


/** Employee ids shaped like Entra object ids. */
export const employeeIdFor = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
export const conversationIdFor = personalConversationId;

export const quietLog: Logger = { info: () => {}, warn: () => {}, error: (message, fields) => console.error(message, fields) };

/**
 * The delivery engine as the bot would build it, on a given Azurite (tables and queue under `prefix`), with a
 * real CloudAdapter (bot auth off, as on a local stack). No vitest imports: child processes use it too.
 */
export async function startDeliveryStack(settings: {
  connectionString: string;
  prefix: string;
  options?: Partial<DeliveryEngineOptions>;
  log?: Logger;
  /** A simulated clock (working-hours tests); the real one otherwise. */
  clock?: () => Date;
}) {
  const log = settings.log ?? quietLog;
  const storage = createTableStorage({ connectionString: settings.connectionString }, settings.prefix);
  await storage.ensureTables();
  const conversationReferences = createConversationReferenceRepository(storage);
  const workQueue = createDeliveryWorkQueue({ connectionString: settings.connectionString }, deliveryQueueName(settings.prefix));
  await workQueue.ensure();
  const adapter = createBotAdapter({ appId: undefined, appPassword: undefined, appType: 'MultiTenant', appTenantId: undefined }, log);
  const sender = createProactiveSender({ adapter, appId: undefined, log });
  const engine = createDeliveryEngine({ storage, workQueue, conversationReferences, sender, log, options: settings.options, ...(settings.clock ? { clock: settings.clock } : {}) });

  /** Stores the personal-chat reference Teams would have given the bot when each employee installed it. */
  async function seedReferences(employeeIds: readonly string[], serviceUrl: string) {
    const at = new Date().toISOString();
    for (let start = 0; start < employeeIds.length; start += 50) {
      await Promise.all(
        employeeIds.slice(start, start + 50).map((employeeId) =>
          conversationReferences.save(personalChatReference(employeeId, serviceUrl, at)),
        ),
      );
    }
  }

  return { engine, storage, conversationReferences, workQueue, seedReferences };
}

export type DeliveryStack = Awaited<ReturnType<typeof startDeliveryStack>>;

/** A news-like message per locale; the text names the broadcast so tests can tell broadcasts apart. */
export const newsVariants = (label: string) => ({
  ja: { type: 'message', text: `【お知らせ】${label}` },
  en: { type: 'message', text: `[News] ${label}` },
});
