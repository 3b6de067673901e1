import type { AppConfig } from '../config.js';
import type { ConversationReferenceRepository } from '../kernel/domain/ports.js';
import type { StorageConnection, TableStorage } from '../kernel/storage/table-storage.js';
import type { Logger } from '../logger.js';
import { createDeliveryEngine, deliveryOptions } from './delivery-engine.js';
import type { ProactiveSender } from './domain/delivery-ports.js';
import { createDeliveryWorkQueue, deliveryQueueName, deliveryQueuePing } from './storage/delivery-work-queue.js';

/**
 * The app's delivery engine: its queue (one per table prefix), the sender the composition root built on the bot's
 * adapter and the configured pace; `pingQueue` is the readiness probe's queue check.
 */
export function createAppDelivery(deps: {
  storage: TableStorage;
  connection: StorageConnection;
  tablePrefix: string | undefined;
  conversationReferences: ConversationReferenceRepository;
  sender: ProactiveSender;
  config: AppConfig;
  log: Logger;
}) {
  const queueName = deliveryQueueName(deps.tablePrefix);
  const engine = createDeliveryEngine({
    storage: deps.storage,
    workQueue: createDeliveryWorkQueue(deps.connection, queueName),
    conversationReferences: deps.conversationReferences,
    sender: deps.sender,
    log: deps.log,
    options: deliveryOptions(deps.config.delivery),
  });
  return { engine, pingQueue: deliveryQueuePing(deps.connection, queueName) };
}
