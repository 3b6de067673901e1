/**
 * The throttling Bot Connector stand-in in a process of its own (started with `fork`), so the times it counts in
 * its app-wide window are its own event loop's: in the engine's process a garbage collection or a busy turn stops
 * both, and requests the engine sent evenly would be stamped together when the loop resumes, as if the engine
 * had burst. Options come as JSON in CONNECTOR_OPTIONS; the parent asks for counts over IPC.
 *
 *   → { type: 'ready', serviceUrl }          once it listens
 *   ← { type: 'counts' }                     → { type: 'counts', counts }
 *   ← { type: 'per-conversation' }           → { type: 'per-conversation', entries: [conversationId, messages][] }
 *   ← { type: 'stop' }                       closes and exits
 */
import { startThrottlingConnector, type ThrottlingConnectorOptions } from './throttling-connector.js';

const options = JSON.parse(process.env.CONNECTOR_OPTIONS ?? '{}') as Partial<ThrottlingConnectorOptions>;
const connector = await startThrottlingConnector(options);
const send = (message: unknown) => process.send?.(message);

process.on('message', (message: { type: string }) => {
  if (message.type === 'counts') send({ type: 'counts', counts: connector.counts });
  if (message.type === 'per-conversation') send({ type: 'per-conversation', entries: [...connector.messagesPerConversation()] });
  if (message.type === 'stop') void connector.stop().then(() => process.exit(0));
});
send({ type: 'ready', serviceUrl: connector.serviceUrl });
