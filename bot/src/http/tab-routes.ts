import type { Request, Server } from 'restify';
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
  server.get('/api/tab/me', async (req, res) => {
    try {
      const caller = await authenticate(req, deps.verifier());
      const profile = await deps.profiles.getProfile(caller.employeeId);
      res.send(200, toProfileResponse(profile));
    } catch (error) {
      sendError(req, res, error, deps.log);
    }
  });
}
