import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/**
 * The paths of the storage reads (GETs) this process sends while `work` runs: the app's Table Storage calls are
 * its HTTP requests, so a test can say which rows a turn reads. Anything else running at that moment (a scheduled
 * job) is in the list too: filter by table and key.
 */
export async function storageReadsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const paths: string[] = [];
  const onRequest = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    if (request.method === 'GET') paths.push(decodeURIComponent(request.path));
  };
  diagnostics.subscribe('http.client.request.start', onRequest);
  try {
    await work();
  } finally {
    diagnostics.unsubscribe('http.client.request.start', onRequest);
  }
  return paths;
}
