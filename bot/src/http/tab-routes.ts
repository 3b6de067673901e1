import type { Request, Response, Server } from 'restify';
import type { ProfileService } from '../domain/profile-service.js';
import { AppError } from '../domain/errors.js';
import type { EmployeeProfile } from '../domain/employee.js';
import type { Logger } from '../logger.js';
import { sendError } from './errors.js';
import { bearerToken, type TabTokenVerifier, type VerifiedCaller } from './tab-token-verifier.js';

export interface TabRouteDeps {
  verifier: () => TabTokenVerifier;
  profiles: ProfileService;
  log: Logger;
}

/** The caller, from a verified bearer token only: no route trusts an id sent in the request. */
export async function authenticate(req: Request, verifier: TabTokenVerifier): Promise<VerifiedCaller> {
  const token = bearerToken(req.header('authorization'));
  if (!token) throw new AppError('unauthenticated', { detail: 'no bearer token' });
  return verifier.verify(token);
}

/**
 * Wraps a tab route: verifies the caller, runs `work` with their employee id and answers its result as JSON;
 * any failure becomes the catalogue's JSON error.
 */
export function authenticatedRoute(
  deps: { verifier: () => TabTokenVerifier; log: Logger },
  work: (req: Request, employeeId: string) => Promise<unknown>,
) {
  return async (req: Request, res: Response) => {
    try {
      const caller = await authenticate(req, deps.verifier());
      res.send(200, await work(req, caller.employeeId));
    } catch (error) {
      sendError(req, res, error, deps.log);
    }
  };
}

export function toProfileResponse(profile: EmployeeProfile) {
  return {
    id: profile.id,
    displayName: profile.displayName,
    email: profile.email,
    department: profile.department ?? null,
    jobLevel: profile.jobLevel ?? null,
    roles: profile.roles,
  };
}

export function registerTabRoutes(server: Server, deps: TabRouteDeps): void {
  server.get('/api/tab/me', authenticatedRoute(deps, async (_req, employeeId) => toProfileResponse(await deps.profiles.getProfile(employeeId))));
}
