import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { AppError } from '../domain/errors.js';

export interface VerifiedCaller {
  /** Entra object id: the employee id everywhere in the app. */
  employeeId: string;
  tenantId: string;
  name: string | undefined;
  /** preferred_username (v2) or upn (v1): links the caller to HR's roster row. */
  upn: string | undefined;
  /** Entra app roles assigned to the caller (DXNavi.Admin, DXNavi.Promoter). */
  roles: string[];
}

export interface TabTokenVerifier {
  /** Verifies signature (JWKS), issuer, audience, expiry and tenant; throws AppError('unauthenticated'). */
  verify(token: string): Promise<VerifiedCaller>;
}

export interface TabTokenVerifierOptions {
  jwksUrl: URL;
  issuer: string;
  audiences: string[];
  tenantId: string;
}

const unauthenticated = (detail: string, cause?: unknown) =>
  new AppError('unauthenticated', {
    detail,
    cause,
    userMessage: { ja: 'サインインの有効期限が切れたか、無効です。もう一度サインインしてください。', en: 'Your sign-in is invalid or has expired. Please sign in again.' },
  });

/**
 * One verifier for Entra ID v2 SSO tokens and for the local dev identity provider: only the JWKS URL, issuer and
 * audience differ, so development and tests exercise the production code path.
 */
export function createTabTokenVerifier(options: TabTokenVerifierOptions): TabTokenVerifier {
  const jwks = createRemoteJWKSet(options.jwksUrl, { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          issuer: options.issuer,
          audience: options.audiences,
          algorithms: ['RS256'],
          requiredClaims: ['exp', 'oid', 'tid'],
          clockTolerance: 60,
        }));
      } catch (error) {
        const reason = error instanceof joseErrors.JOSEError ? error.code : 'verification failed';
        throw unauthenticated(`token rejected: ${reason}`, error);
      }
      if (typeof payload.tid !== 'string' || payload.tid.toLowerCase() !== options.tenantId.toLowerCase()) throw unauthenticated(`token from foreign tenant ${String(payload.tid)}`);
      if (typeof payload.oid !== 'string' || payload.oid.length === 0) throw unauthenticated('token without oid');
      const upn = [payload.preferred_username, payload.upn].find((claim): claim is string => typeof claim === 'string' && claim.includes('@'));
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];
      return { employeeId: payload.oid, tenantId: payload.tid, name: typeof payload.name === 'string' ? payload.name : undefined, upn: upn?.toLowerCase(), roles };
    },
  };
}

/** Entra ID v2 endpoints for a single-tenant app. */
export function entraVerifierOptions(tenantId: string, audiences: string[]): TabTokenVerifierOptions {
  return {
    jwksUrl: new URL(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`),
    issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
    audiences,
    tenantId,
  };
}

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
