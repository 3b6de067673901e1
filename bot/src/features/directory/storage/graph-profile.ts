import {
  OnBehalfOfCredential,
  type MultiTenantTokenCredentialOptions,
  type OnBehalfOfCredentialSecretOptions,
} from '@azure/identity';
import { z } from 'zod';
import type { EntraProfile, EntraProfileSource } from '../domain/directory-ports.js';

/** Where and as whom the tab's SSO token is exchanged for a Graph token (config.ts validates every value). */
export interface GraphProfileConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** https://login.microsoftonline.com in Azure; a local stand-in in tests. */
  authorityHost: string;
  /** https://graph.microsoft.com in Azure. */
  graphBaseUrl: string;
  timeoutMs: number;
}

const meSchema = z.object({
  department: z.string().nullish(),
  jobTitle: z.string().nullish(),
  employeeId: z.string().nullish(),
  mail: z.string().nullish(),
});

/**
 * The one file that knows how the on-behalf-of exchange is done. The issue names `@microsoft/teamsfx`'s
 * OnBehalfOfUserCredential; it cannot be pointed at any authority but Microsoft's cloud offline: teamsfx 4.0.3
 * (dist/index.node.cjs.js, function `k`) builds `new ConfidentialClientApplication({ auth: { clientId, authority,
 * clientSecret } })` with no knownAuthorities, cloudDiscoveryMetadata or network client, and @azure/msal-node 2.16.3
 * (lib/msal-node.cjs, getCloudDiscoveryMetadataFromNetwork) then asks
 * https://login.microsoftonline.com/common/discovery/instance about any other host and, unanswered, throws
 * untrusted_authority ("Endpoints cannot be resolved"). @azure/identity's OnBehalfOfCredential takes
 * `disableInstanceDiscovery`, so the same code runs against Entra and against the test's stand-in. Swapping back to
 * teamsfx is a change to this file only: `new OnBehalfOfUserCredential(userAssertion, { authorityHost, clientId,
 * tenantId, clientSecret }).getToken(scope)` answers the same `{ token }`.
 */
export function createGraphProfileSource(config: GraphProfileConfig): EntraProfileSource {
  const graph = new URL(config.graphBaseUrl);
  // Delegated User.Read on Microsoft Graph (granted to the tab's Entra app) is what /me needs.
  const scope = `${graph.origin}/User.Read`;
  return {
    read: (userAssertion) => withinTimeout(readProfile(userAssertion), config.timeoutMs),
  };

  async function readProfile(userAssertion: string): Promise<EntraProfile> {
    const options: OnBehalfOfCredentialSecretOptions &
      MultiTenantTokenCredentialOptions & { disableInstanceDiscovery: boolean } = {
      tenantId: config.tenantId,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      userAssertionToken: userAssertion,
      authorityHost: config.authorityHost,
      // Entra's own hosts are known to MSAL; any other authority must not be looked up at Microsoft first. The
      // credential passes its options on to its MSAL client (msal/nodeFlows/msalClient.js reads this one) though
      // its option type does not list it.
      disableInstanceDiscovery: true,
    };
    const credential = new OnBehalfOfCredential(options);
    const signal = AbortSignal.timeout(config.timeoutMs);
    const accessToken = await credential.getToken(scope, { abortSignal: signal });
    if (!accessToken) throw new Error('on-behalf-of exchange answered no token');
    const url = new URL('/v1.0/me', graph);
    url.searchParams.set('$select', 'department,jobTitle,employeeId,mail');
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${accessToken.token}`, Accept: 'application/json' },
      signal,
    });
    if (!response.ok) throw new Error(`Graph /me answered ${response.status}`);
    const me = meSchema.parse(await response.json());
    return {
      department: me.department ?? undefined,
      jobTitle: me.jobTitle ?? undefined,
      employeeId: me.employeeId ?? undefined,
      mail: me.mail ?? undefined,
    };
  }
}

/** The abort signal ends the Graph call; this bounds the token exchange too, whatever its client does with the signal. */
function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Entra profile read took over ${timeoutMs} ms`)), timeoutMs);
  });
  work.catch(() => undefined); // a late failure after the timeout is not an unhandled rejection
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
