import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/**
 * The other cause of a turn of about a second: an outgoing request of the bot (a storage read or write, a reply to
 * the Bot Connector) that fails, typically ECONNRESET on a kept-alive connection the server was closing, which the
 * Azure SDKs retry about a second later. Counts this thread's failed HTTP requests by destination, error code and
 * whether the connection was a reused one. `destinations` names a `host:port` (the Host header).
 */
export function watchFailedRequests(destinations: ReadonlyMap<string, string>) {
  const counts = new Map<string, number>();
  const onError = (message: unknown) => {
    const { request, error } = message as { request: ClientRequest; error: NodeJS.ErrnoException };
    const host = String(request.getHeader('host') ?? request.host);
    const key = `${destinations.get(host) ?? host}: ${error.code ?? error.message}${request.reusedSocket ? ' on a reused connection' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  diagnostics.subscribe('http.client.request.error', onError);
  return {
    /** "none", or each kind with its count. */
    summary: () => (counts.size === 0 ? 'none' : [...counts].map(([key, count]) => `${key} ×${count}`).join(' · ')),
  };
}
