import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose';

/**
 * A local stand-in for Entra ID, for development and tests only: it signs tokens shaped like Entra v2 access
 * tokens (oid, tid, name, aud, iss) with a key generated at start-up and publishes the public key as a JWKS, so
 * the tab API verifies them with exactly the code that verifies real SSO tokens.
 */
export interface DevIdentityProvider {
  readonly issuer: string;
  readonly audience: string;
  readonly tenantId: string;
  jwks(): JSONWebKeySet;
  /** `upn` goes in preferred_username (as Entra v2 does), `roles` in roles (app roles assigned in Entra). */
  issueToken(claims: { oid: string; name: string; tid?: string; lifetimeSeconds?: number; upn?: string; roles?: string[] }): Promise<{ accessToken: string; expiresOn: string }>;
}

export const DEV_AUDIENCE = 'api://localhost/dx-navi-dev';

export async function createDevIdentityProvider(options: { tenantId: string }): Promise<DevIdentityProvider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const issuer = `https://dev-idp.dx-navi.local/${options.tenantId}/v2.0`;
  return {
    issuer,
    audience: DEV_AUDIENCE,
    tenantId: options.tenantId,
    jwks: () => ({ keys: [publicJwk] }),
    async issueToken(claims) {
      const lifetime = claims.lifetimeSeconds ?? 8 * 3600;
      const now = Math.floor(Date.now() / 1000);
      const accessToken = await new SignJWT({
        oid: claims.oid,
        tid: claims.tid ?? options.tenantId,
        name: claims.name,
        ver: '2.0',
        ...(claims.upn ? { preferred_username: claims.upn } : {}),
        ...(claims.roles ? { roles: claims.roles } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(DEV_AUDIENCE)
        .setSubject(claims.oid)
        .setIssuedAt(now)
        .setNotBefore(now - 5)
        .setExpirationTime(now + lifetime)
        .sign(privateKey);
      return { accessToken, expiresOn: new Date((now + lifetime) * 1000).toISOString() };
    },
  };
}

/**
 * The Entra object id the dev sign-in gives a roster person who has no identity yet: derived from the 職員番号, so
 * signing in as them twice is the same person (linked to their row by UPN at the first load, as Entra SSO would).
 */
export function devObjectIdForStaff(staffNumber: string): string {
  const hex = createHash('sha256').update(`dx-navi-dev-roster:${staffNumber}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
