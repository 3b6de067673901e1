import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import type { ProfileService } from '../domain/profile-service.js';
import type { profileSchema } from './tab-api.js';
import { AppError } from '../domain/errors.js';
import { localeFrom } from '../domain/locale.js';
import type { EmployeeProfile } from '../domain/employee.js';
import type { Logger } from '../../logger.js';
import { sendError } from './errors.js';
import { bearerToken, type TabTokenVerifier, type VerifiedCaller } from './tab-token-verifier.js';

export interface TabRouteDeps {
  verifier: () => TabTokenVerifier;
  profiles: ProfileService;
  log: Logger;
  /**
   * 職員名簿 (issue 12): runs when the tab loads (GET /api/tab/me) with the verified caller and their token (for an
   * on-behalf-of call to Graph), before the profile is read.
   */
  onTabLoad?: (caller: VerifiedCaller, userAssertion: string) => Promise<void>;
}

/** The caller, from a verified bearer token only: no route trusts an id sent in the request. */
export async function authenticate(req: Request, verifier: TabTokenVerifier): Promise<VerifiedCaller> {
  const token = bearerToken(req.header('authorization'));
  if (!token) throw new AppError('unauthenticated', { detail: 'no bearer token' });
  return verifier.verify(token);
}

/** A route result sent as a download instead of JSON. */
export class FileResponse {
  // body: text (CSV) or bytes (an xlsx workbook).
  constructor(readonly file: { contentType: string; fileName: string; body: string | Uint8Array }) {}
}

/**
 * Wraps a tab route: verifies the caller, runs `work` with their employee id and answers its result as JSON (or
 * as a file download); any failure becomes the catalogue's JSON error.
 */
export function authenticatedRoute(
  deps: { verifier: () => TabTokenVerifier; log: Logger },
  work: (req: Request, employeeId: string, caller: VerifiedCaller) => Promise<unknown>,
) {
  return async (req: Request, res: Response) => {
    try {
      const caller = await authenticate(req, deps.verifier());
      const result = await work(req, caller.employeeId, caller);
      if (result instanceof FileResponse) {
        const { contentType, fileName, body } = result.file;
        res.writeHead(200, {
          'Content-Type': contentType,
          // RFC 6266: an ASCII fallback plus the UTF-8 name, so Japanese file names survive.
          'Content-Disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          'Cache-Control': 'no-store',
        });
        res.end(body);
        return;
      }
      res.send(200, result);
    } catch (error) {
      sendError(req, res, error, deps.log);
    }
  };
}

/**
 * What a route answers for a response schema the tab parses (features/<name>/<name>-api.ts): the server is checked
 * against the same contract the tab reads with.
 */
export type Contract<S extends z.ZodType> = z.input<S>;

/** The caller's language from Accept-Language: English for any English, Japanese otherwise. */
export const localeOfRequest = (req: Request): 'ja' | 'en' => localeFrom(req.header('accept-language'));

/** Parses a body or params with a zod schema; a mismatch is a 400 with a message the tab can show. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('invalid-input', {
      detail: parsed.error.message,
      userMessage: { ja: `入力内容に誤りがあります: ${parsed.error.issues[0]?.path.join('.') || '本文'}`, en: `The input is not valid: ${parsed.error.issues[0]?.path.join('.') || 'body'}` },
    });
  }
  return parsed.data;
}

export function toProfileResponse(profile: EmployeeProfile): Contract<typeof profileSchema> {
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
  server.get(
    '/api/tab/me',
    authenticatedRoute(deps, async (req, employeeId, caller) => {
      await deps.onTabLoad?.(caller, bearerToken(req.header('authorization')) ?? '');
      return toProfileResponse(await deps.profiles.getProfile(employeeId));
    }),
  );
}
