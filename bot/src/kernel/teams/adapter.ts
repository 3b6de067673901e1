import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { agentPolicy, type Pipeline } from '@azure/core-rest-pipeline';
import { localeFrom, t } from '../cards/messages.js';
import { keepAliveAgent } from '../storage/keep-alive-agent.js';
import type { Logger } from '../../logger.js';
import { setBounded } from '../domain/bounded-map.js';

export interface BotIdentity {
  appId: string | undefined;
  appPassword: string | undefined;
  appType: string;
  appTenantId: string | undefined;
}

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ClaimsIdentity = AuthenticateRequestResult['claimsIdentity'];
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** How many Bot Connector clients are kept: one per bot app id, service URL and audience, so a handful in practice. */
const MAX_CONNECTOR_CLIENTS = 50;

/** The bot's app id as botbuilder derives it for a client's credentials: the audience claim, else appid. */
const appIdOf = (claimsIdentity: ClaimsIdentity): string => claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';

/** The client kept under `key`, made on first use; at most MAX_CONNECTOR_CLIENTS are kept, the oldest let go. */
function keptClient<Client>(clients: Map<string, Promise<Client>>, key: string, make: () => Promise<Client>): Promise<Client> {
  const cached = clients.get(key);
  if (cached) return cached;
  const client = make();
  setBounded(clients, key, client, MAX_CONNECTOR_CLIENTS);
  // A client that could not be made (credentials unavailable) is not kept: the next turn tries again.
  client.catch(() => {
    if (clients.get(key) === client) clients.delete(key);
  });
  return client;
}

/**
 * The connector client's requests go through a keep-alive agent with an idle limit (kernel/storage/keep-alive-agent.ts)
 * instead of the HTTP client's own, which keeps idle connections until the server closes them: a reply sent as the
 * connector closed an idle connection was reset and retried a second later. botbuilder's options have no agent
 * for the Bot Connector, so it is set by a policy on the client's pipeline (the compat context keeps its core-client
 * ServiceClient in a private `client`); tests/integration/bot-http.test.ts holds that it takes effect.
 */
function withIdleLimit(client: ConnectorClient, serviceUrl: string): ConnectorClient {
  // botbuilder-stdlib declares `client` private; it is the core-client ServiceClient that sends every request. Should
  // a botbuilder upgrade move it, replies go out with the HTTP client's own agent as before (the bot-http test fails).
  const pipeline = (client as unknown as { client?: { pipeline?: Partial<Pipeline> } }).client?.pipeline;
  if (typeof pipeline?.addPolicy !== 'function') return client;
  pipeline.addPolicy(agentPolicy(keepAliveAgent(serviceUrl)));
  return client;
}

/**
 * Bot Framework auth whose Bot Connector clients are made once per (bot app id, service URL, audience) and reused,
 * as botbuilder's older BotFrameworkAdapter did. CloudAdapter asks for a new client on every turn and every
 * proactive send, and each is a new HTTP pipeline whose policies are ordered afresh: with 200 staff at once that
 * was a large share of what a turn allocated, and every major garbage collection it brings on lands on some turn.
 * A client holds no per-turn state; its credentials cache their own token. The same goes for the user-token
 * (OAuth) client CloudAdapter makes for every turn: this bot never asks it for a token, yet each was another
 * pipeline, and a sampling heap profile of 200-staff waves put ~8% of what survived into the old generation there.
 */
class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    const create = (serviceUrl: string, audience?: string): Promise<ConnectorClient> =>
      keptClient(this.clients, JSON.stringify([appId, serviceUrl, audience ?? null]), async () => withIdleLimit(await factory.create(serviceUrl, audience), serviceUrl));
    return { create };
  }

  /** An authenticated request whose connector factory hands out the kept clients. */
  private withKeptClients(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) } : result;
  }

  override async authenticateRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>): Promise<AuthenticateRequestResult> {
    return this.withKeptClients(await super.authenticateRequest(...args));
  }

  override async authenticateStreamingRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateStreamingRequest']>): Promise<AuthenticateRequestResult> {
    return this.withKeptClients(await super.authenticateStreamingRequest(...args));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return keptClient(this.userTokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }
}

/**
 * A CloudAdapter with Bot Framework JWT auth. With no app id, botbuilder accepts unauthenticated activities:
 * that is only for a local stack, and the caller logs it loudly.
 */
export function createBotAdapter(identity: BotIdentity, log: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: identity.appId ?? '',
    MicrosoftAppPassword: identity.appPassword ?? '',
    MicrosoftAppType: identity.appType,
    MicrosoftAppTenantId: identity.appTenantId ?? '',
  };
  const adapter = new CloudAdapter(new ReusingBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error('bot turn failed', {
      error,
      activityId: context.activity.id,
      activityType: context.activity.type,
      conversationId: context.activity.conversation?.id,
    });
    try {
      const locale = localeFrom(context.activity.locale);
      await context.sendActivity(MessageFactory.text(t('genericError', locale)));
    } catch (sendError) {
      log.error('could not tell the user about the failed turn', { error: sendError });
    }
  };
  return adapter;
}
