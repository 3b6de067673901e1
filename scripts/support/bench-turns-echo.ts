/**
 * The bare botbuilder bot of `npm run bench:turns`, on a worker thread of its own: restify + CloudAdapter + an
 * ActivityHandler that echoes, nothing else. In production it would be a process of its own; sharing the project
 * bot's thread it also shared its V8 heap, so the garbage of one bot's waves (the echo's CloudAdapter builds a
 * connector client, a whole HTTP pipeline, for every turn) filled the old generation that the other bot's waves
 * then paid a major collection for. On a worker each bot's collections are its own, and the machine is still the
 * same: both bots' threads, the crowd's and Azurite share its cores.
 *
 * Protocol (worker_threads messages): the worker starts the bot on 127.0.0.1 and says `ready` with its URL;
 * `collections` asks for the garbage collections it has done so far (absolute start times, so the main thread can
 * set them against the waves), answered with `collections`; `stop` closes the server and answers `stopped`.
 */
import { parentPort } from 'node:worker_threads';
import { PerformanceObserver } from 'node:perf_hooks';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import restify from 'restify';
import { close, listen } from '../../bot/src/kernel/http/server.js';
import { collectionOf, type Collection } from './collections.js';

export type EchoMessage = { type: 'ready'; baseUrl: string } | { type: 'collections'; collections: Collection[] } | { type: 'stopped' };
export type EchoRequest = { type: 'collections' } | { type: 'stop' };

const port = parentPort;
if (!port) throw new Error('bench-turns-echo runs as a worker thread of scripts/bench-turns.ts');
const say = (message: EchoMessage) => port.postMessage(message);

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context: TurnContext, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

const collections: Collection[] = [];
new PerformanceObserver((list) => collections.push(...list.getEntries().map(collectionOf))).observe({ entryTypes: ['gc'] });

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer({ name: 'echo-bot' });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
const boundPort = await listen(server, 0, '127.0.0.1');
say({ type: 'ready', baseUrl: `http://127.0.0.1:${boundPort}` });

port.on('message', (message: EchoRequest) => {
  if (message.type === 'collections') say({ type: 'collections', collections: [...collections] });
  else void close(server).then(() => say({ type: 'stopped' }));
});
