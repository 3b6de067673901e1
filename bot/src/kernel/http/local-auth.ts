import type { Server } from 'restify';
import type { AppConfig } from '../../config.js';
import { ConnectorRecorder, mountConnectorRecorder } from '../../dev/connector-recorder.js';
import { createDevIdentityProvider, type DevIdentityProvider } from '../../dev/dev-identity-provider.js';
import type { Logger } from '../../logger.js';
import type { DepartmentRepository, EmployeeRepository } from '../domain/ports.js';
import { registerDevRoutes } from './dev-routes.js';
import { createTabTokenVerifier, entraVerifierOptions, type TabTokenVerifier } from './tab-token-verifier.js';

/**
 * The tab token verifier needs the bound port in development (it fetches the dev JWKS over HTTP), so it is built
 * after listen; routes read it through `get`.
 */
export function tabTokenVerifierSlot() {
  let current: TabTokenVerifier | undefined;
  return {
    get: (): TabTokenVerifier => {
      if (!current) throw new Error('token verifier used before the server listened');
      return current;
    },
    bind(config: AppConfig, baseUrl: string, devIdentity: DevIdentityProvider | undefined): void {
      current =
        config.tabAuth.kind === 'entra'
          ? createTabTokenVerifier(entraVerifierOptions(config.tabAuth.tenantId, config.tabAuth.audiences))
          : createTabTokenVerifier({
              jwksUrl: new URL(`${baseUrl}/api/dev/idp/keys`),
              issuer: devIdentity?.issuer ?? '',
              audiences: [devIdentity?.audience ?? ''],
              tenantId: config.tabAuth.tenantId,
            });
    },
  };
}

export interface LocalAuth {
  /** Present on a local stack without Teams: what the bot sent to the dev chat page. */
  devConnector: ConnectorRecorder | undefined;
  /** Present when the tab API trusts the local dev identity provider instead of Entra. */
  devIdentity: DevIdentityProvider | undefined;
}

/** Local stack only: the dev identity provider's routes, and the Bot Connector stand-in when bot auth is off. */
export async function mountLocalAuth(
  server: Server,
  config: AppConfig,
  deps: { repositories: { employees: EmployeeRepository; departments: DepartmentRepository }; log: Logger },
): Promise<LocalAuth> {
  const devIdentity =
    config.tabAuth.kind === 'dev' ? await createDevIdentityProvider({ tenantId: config.tabAuth.tenantId }) : undefined;
  if (devIdentity) registerDevRoutes(server, { identityProvider: devIdentity, ...deps.repositories, log: deps.log });
  let devConnector: ConnectorRecorder | undefined;
  if (!config.bot.appId) {
    devConnector = new ConnectorRecorder();
    mountConnectorRecorder(server, devConnector, '/dev/connector');
  }
  return { devIdentity, devConnector };
}

export function warnAboutLocalAuth(config: AppConfig, log: Logger): void {
  if (!config.bot.appId) {
    log.warn(
      'BOT AUTH IS OFF: MicrosoftAppId is not set, so /api/messages accepts unauthenticated activities. Local use only.',
    );
  }
  if (config.tabAuth.kind === 'dev') {
    log.warn(
      'TAB SSO IS OFF: AAD_APP_CLIENT_ID is not set, so the tab API trusts the local dev identity provider. Local use only.',
    );
  }
}

/** Locally the tab may be on any loopback port (tests pick free ones); in Azure only the tab's own origin. */
export function allowedOrigins(config: AppConfig): (string | RegExp)[] {
  const local = config.tabAuth.kind === 'dev' || !config.bot.appId;
  return local ? [config.tabEndpoint, /^http:\/\/(localhost|127\.0\.0\.1):\d+$/] : [config.tabEndpoint];
}
