import type { Server } from 'restify';
import type { AppConfig } from '../../config.js';
import { ConnectorRecorder, mountConnectorRecorder } from '../../dev/connector-recorder.js';
import { createDevIdentityProvider, type DevIdentityProvider } from '../../dev/dev-identity-provider.js';
import type { Logger } from '../../logger.js';
import type { DepartmentRepository, EmployeeRepository } from '../domain/ports.js';
import { registerDevRoutes, type DevRosterPerson } from './dev-routes.js';
import { createTabTokenVerifier, entraVerifierOptions, type TabTokenVerifier } from './tab-token-verifier.js';

export interface LocalAuth {
  /** Present on a local stack without Teams: what the bot sent to the dev chat page. */
  devConnector: ConnectorRecorder | undefined;
  /** Present when the tab API trusts the local dev identity provider instead of Entra. */
  devIdentity: DevIdentityProvider | undefined;
}

/**
 * Who the tab API and the bot trust. Locally (no MicrosoftAppId, no AAD_APP_CLIENT_ID) that is the dev identity
 * provider and the Bot Connector stand-in, mounted here; in Azure, Entra. The token verifier needs the bound port in
 * development (it fetches the dev JWKS over HTTP), so `listening` builds it after listen; routes read it through
 * `verifier`.
 */
export async function mountTabAuth(
  server: Server,
  config: AppConfig,
  deps: { repositories: { employees: EmployeeRepository; departments: DepartmentRepository }; log: Logger; rosterPeople?: () => Promise<DevRosterPerson[]> },
) {
  const devIdentity =
    config.tabAuth.kind === 'dev' ? await createDevIdentityProvider({ tenantId: config.tabAuth.tenantId }) : undefined;
  if (devIdentity) registerDevRoutes(server, { identityProvider: devIdentity, ...deps.repositories, log: deps.log, rosterPeople: deps.rosterPeople });
  const devConnector = config.bot.appId ? undefined : new ConnectorRecorder();
  if (devConnector) mountConnectorRecorder(server, devConnector, '/dev/connector');
  let current: TabTokenVerifier | undefined;
  return {
    local: { devIdentity, devConnector } satisfies LocalAuth,
    verifier: (): TabTokenVerifier => {
      if (!current) throw new Error('token verifier used before the server listened');
      return current;
    },
    listening(baseUrl: string): void {
      current =
        config.tabAuth.kind === 'entra'
          ? createTabTokenVerifier(entraVerifierOptions(config.tabAuth.tenantId, config.tabAuth.audiences))
          : createTabTokenVerifier({
              jwksUrl: new URL(`${baseUrl}/api/dev/idp/keys`),
              issuer: devIdentity?.issuer ?? '',
              audiences: [devIdentity?.audience ?? ''],
              tenantId: config.tabAuth.tenantId,
            });
      if (!config.bot.appId) {
        deps.log.warn(
          'BOT AUTH IS OFF: MicrosoftAppId is not set, so /api/messages accepts unauthenticated activities. Local use only.',
        );
      }
      if (config.tabAuth.kind === 'dev') {
        deps.log.warn(
          'TAB SSO IS OFF: AAD_APP_CLIENT_ID is not set, so the tab API trusts the local dev identity provider. Local use only.',
        );
      }
    },
  };
}

/** Locally the tab may be on any loopback port (tests pick free ones); in Azure only the tab's own origin. */
export function allowedOrigins(config: AppConfig): (string | RegExp)[] {
  const local = config.tabAuth.kind === 'dev' || !config.bot.appId;
  return local ? [config.tabEndpoint, /^http:\/\/(localhost|127\.0\.0\.1):\d+$/] : [config.tabEndpoint];
}
