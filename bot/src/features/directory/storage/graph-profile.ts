import type * as TeamsFx from '@microsoft/teamsfx';
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
 * teamsfx is loaded at the first exchange, not with the bot: its one bundle brings the Agents SDK, its dialogs,
 * adaptive-expressions and ANTLR, ~48 MB of live heap measured, which every major garbage collection of the chat
 * process would mark again although the fill runs only for people HR's roster does not cover yet.
 *
 * The one file that knows how the on-behalf-of exchange is done: `@microsoft/teamsfx`'s OnBehalfOfUserCredential
 * (it wraps MSAL's acquireTokenOnBehalfOf). Swapping to `@azure/identity` is a change to this file only:
 * `new OnBehalfOfCredential({ tenantId, clientId, clientSecret, userAssertionToken, authorityHost }).getToken(scope)`
 * answers the same `{ token }` and takes an abortSignal.
 *
 * teamsfx builds its MSAL client with no knownAuthorities or discovery metadata, so any authority other than
 * Microsoft's own clouds is first looked up at login.microsoftonline.com; with Entra's own authority host (the
 * default) MSAL's built-in metadata answers and the only request is the token exchange. The tests keep that
 * authority host and route the connection to a local stand-in (tests/support/entra-connection-redirect.mjs).
 */
let teamsfx: Promise<typeof TeamsFx> | undefined;

export function createGraphProfileSource(config: GraphProfileConfig): EntraProfileSource {
  const graph = new URL(config.graphBaseUrl);
  // Delegated User.Read on Microsoft Graph (granted to the tab's Entra app) is what /me needs.
  const scope = `${graph.origin}/User.Read`;
  return {
    async read(userAssertion: string): Promise<EntraProfile> {
      teamsfx ??= import('@microsoft/teamsfx');
      const { OnBehalfOfUserCredential } = await teamsfx;
      const credential = new OnBehalfOfUserCredential(userAssertion, {
        authorityHost: config.authorityHost,
        tenantId: config.tenantId,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
      });
      const signal = AbortSignal.timeout(config.timeoutMs);
      // teamsfx's getToken takes no abort signal: the exchange races a timer of the same budget as the Graph call.
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`on-behalf-of exchange took longer than ${config.timeoutMs} ms`)), config.timeoutMs);
      });
      const accessToken = await Promise.race([credential.getToken(scope), timedOut]).finally(() => clearTimeout(timer));
      if (!accessToken) throw new Error('on-behalf-of exchange answered no token');
      const url = new URL('/v1.0/me', graph);
      url.searchParams.set('$select', 'department,jobTitle,employeeId,mail');
      const response = await fetch(url, { headers: { Authorization: `Bearer ${accessToken.token}`, Accept: 'application/json' }, signal });
      if (!response.ok) throw new Error(`Graph /me answered ${response.status}`);
      const me = meSchema.parse(await response.json());
      return { department: me.department ?? undefined, jobTitle: me.jobTitle ?? undefined, employeeId: me.employeeId ?? undefined, mail: me.mail ?? undefined };
    },
  };
}
