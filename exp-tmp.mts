import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
const server = restify.createServer();
server.use(restify.plugins.bodyParser({ mapParams: false }));
let hits = 0;
server.post('/v3/conversations/:cid/activities/:rid', async (req, res) => { hits++; console.log('hit', req.url, hits); res.header('Retry-After', '1'); res.send(Number(process.env.CODE ?? 429), { error: { code: 'x', message: 'y' } }); });
server.post('/v3/conversations/:cid/activities', async (req, res) => { hits++; console.log('hit', req.url, hits); res.header('Retry-After', '1'); res.send(Number(process.env.CODE ?? 429), { error: { code: 'x', message: 'y' } }); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const port = (server.address() as { port: number }).port;
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' }));
adapter.onTurnError = async (_c, e) => { console.log('onTurnError', e.message); };
const ref = { channelId: 'msteams', serviceUrl: `http://127.0.0.1:${port}/`, conversation: { id: 'a:conv-1', conversationType: 'personal', isGroup: false, name: '' }, user: { id: '29:u', name: 'u' }, bot: { id: '28:b', name: 'b' } };
const strip = process.env.STRIP === '1';
const t0 = Date.now();
await adapter.continueConversationAsync('', ref as never, async (ctx: TurnContext) => {
  const client = ctx.turnState.get(adapter.ConnectorClientKey);
  if (strip) { const p = (client as any).client.pipeline; console.log(p.getOrderedPolicies().map((x: any) => x.name)); p.removePolicy({ name: 'defaultRetryPolicy' }); }
  try { await ctx.sendActivity({ type: 'message', text: 'hi' }); console.log('ok'); }
  catch (e: any) { console.log('caught', e.constructor.name, e.name, e.statusCode, e.code, typeof e.response?.headers?.get, e.response?.headers?.get?.('retry-after'), e.response?.status, Object.keys(e)); }
});
console.log('hits', hits, 'ms', Date.now() - t0);
server.close();
