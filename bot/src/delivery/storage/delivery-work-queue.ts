import type { Agent } from 'node:http';
import { QueueClient, RestError, type StoragePipelineOptions } from '@azure/storage-queue';
import { z } from 'zod';
import type { DeliveryWorkQueue, ReceivedWorkItem } from '../domain/delivery-ports.js';
import { keepAliveAgent } from '../../kernel/storage/keep-alive-agent.js';
import type { StorageConnection } from '../../kernel/storage/table-storage.js';
import { storageCredential } from '../../kernel/storage/azure-credential.js';

const workItemSchema = z.object({ b: z.string().min(1), r: z.array(z.string().min(1)).min(1) });

// Queue visibility is whole seconds, from 0 to 7 days.
const toSeconds = (ms: number) => Math.min(7 * 24 * 3600, Math.max(0, Math.ceil(ms / 1000)));

/** Queue names: 3-63 lowercase letters, digits and single hyphens. */
export function deliveryQueueName(prefix = ''): string {
  return `${prefix}deliveries`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/**
 * The delivery work queue on Azure Storage Queues. Messages are base64 JSON (`{b: broadcastId, r: [ids]}`), the
 * encoding Azure Functions and Storage Explorer expect.
 */
function queueClient(connection: StorageConnection, queueName: string): QueueClient {
  if ('connectionString' in connection) {
    // The queue's address as the SDK reads the connection string (explicit, the account's, or the emulator's).
    const url = new QueueClient(connection.connectionString, queueName).url;
    return new QueueClient(connection.connectionString, queueName, withAgent(keepAliveAgent(url)));
  }
  const url = `https://${connection.accountName}.queue.core.windows.net/${queueName}`;
  return new QueueClient(url, storageCredential(), withAgent(keepAliveAgent(url)));
}

/**
 * The queue SDK's options do not declare `agent`, but it hands its options to core-rest-pipeline, whose agent
 * policy sets it on every request (as the tables SDK's declared option does); tests/integration/storage-connections
 * holds that it takes effect.
 */
const withAgent = (agent: Agent): StoragePipelineOptions => ({ agent }) as StoragePipelineOptions;

/** The readiness probe's check: throws unless the delivery queue answers. One client (and connection) for every probe. */
export function deliveryQueuePing(connection: StorageConnection, queueName: string): () => Promise<void> {
  const client = queueClient(connection, queueName);
  return async () => {
    await client.getProperties();
  };
}

export function createDeliveryWorkQueue(connection: StorageConnection, queueName: string): DeliveryWorkQueue {
  const client = queueClient(connection, queueName);

  const decode = (text: string) => {
    try {
      const parsed = workItemSchema.safeParse(JSON.parse(Buffer.from(text, 'base64').toString('utf8')));
      return parsed.success ? { broadcastId: parsed.data.b, employeeIds: parsed.data.r } : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    async ensure() {
      await client.createIfNotExists();
    },
    async enqueue(items, options = {}) {
      const visibilityTimeout = toSeconds(options.delayMs ?? 0);
      await Promise.all(
        items.map((item) =>
          client.sendMessage(Buffer.from(JSON.stringify({ b: item.broadcastId, r: item.employeeIds })).toString('base64'), {
            visibilityTimeout,
            // Work must never silently expire: a broadcast is finished or recorded as failed, not dropped.
            messageTimeToLive: -1,
          }),
        ),
      );
    },
    async receive(max, visibilityMs) {
      const response = await client.receiveMessages({ numberOfMessages: Math.min(32, Math.max(1, max)), visibilityTimeout: Math.max(1, toSeconds(visibilityMs)) });
      return response.receivedMessageItems.map(
        (message): ReceivedWorkItem => ({
          item: decode(message.messageText),
          dequeueCount: message.dequeueCount,
          receipt: { messageId: message.messageId, popReceipt: message.popReceipt },
        }),
      );
    },
    async extend(received, visibilityMs) {
      try {
        const response = await client.updateMessage(received.receipt.messageId, received.receipt.popReceipt, undefined, toSeconds(visibilityMs));
        if (!response.popReceipt) return undefined;
        return { ...received, receipt: { messageId: received.receipt.messageId, popReceipt: response.popReceipt } };
      } catch (error) {
        // 404: another worker received it after our visibility ran out (its pop receipt replaced ours).
        if (error instanceof RestError && (error.statusCode === 404 || error.statusCode === 400)) return undefined;
        throw error;
      }
    },
    async release(held) {
      try {
        await client.updateMessage(held.messageId, held.popReceipt, undefined, 0);
        return true;
      } catch (error) {
        // Completed, or received again (a new pop receipt) since the receipt was written down.
        if (error instanceof RestError && (error.statusCode === 404 || error.statusCode === 400)) return false;
        throw error;
      }
    },
    async complete(received) {
      try {
        await client.deleteMessage(received.receipt.messageId, received.receipt.popReceipt);
      } catch (error) {
        if (!(error instanceof RestError && error.statusCode === 404)) throw error;
      }
    },
  };
}
