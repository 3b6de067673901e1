import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * How long an outgoing connection (to storage, to the Bot Connector) may sit unused before this side closes it.
 * Node's agent keeps idle connections forever unless it has a timeout, and only with one does it honour a server's
 * `Keep-Alive: timeout=N` (closing a second before the server would). A connection reused just as the server
 * closed it is reset, and the Azure SDKs retry about a second later: Azurite and the connector stand-in close after
 * 5 s, so the first turns of a crowd after a quiet spell took about a second. Against Azure a connection is closed
 * after this long unused (well inside any front end's idle limit).
 */
export const IDLE_CONNECTION_MS = 30_000;

/** A keep-alive agent with the idle limit above, for http: or https: URLs (an Azure SDK client's `agent`). */
export function keepAliveAgent(url: string): HttpAgent {
  const options = { keepAlive: true, timeout: IDLE_CONNECTION_MS };
  return url.startsWith('http:') ? new HttpAgent(options) : new HttpsAgent(options);
}
