import restify from 'restify';
import { ConnectorRecorder, mountConnectorRecorder } from '../../bot/src/dev/connector-recorder.js';
import { close, listen } from '../../bot/src/kernel/http/server.js';

/** The Bot Connector stand-in as its own server on 127.0.0.1, as Teams' connector is to a real bot. */
export async function startConnectorStandIn() {
  const server = restify.createServer({ name: 'connector-stand-in' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  const recorder = new ConnectorRecorder();
  mountConnectorRecorder(server, recorder);
  const port = await listen(server, 0, '127.0.0.1');
  return { recorder, serviceUrl: `http://127.0.0.1:${port}/`, stop: () => close(server) };
}
