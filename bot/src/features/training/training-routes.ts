import { randomUUID } from 'node:crypto';
import type { Request, Server } from 'restify';
import { z } from 'zod';
import type { TrainingService } from './domain/training-service.js';
import type { Logger } from '../../logger.js';
import { authenticatedRoute, localeOfRequest, parseInput } from '../../kernel/http/tab-routes.js';
import type { TabTokenVerifier } from '../../kernel/http/tab-token-verifier.js';
import type { Contract } from '../../kernel/http/tab-routes.js';
import {
  attendanceInputSchema,
  scheduleInputSchema,
  type attendanceRecordedSchema,
  type completionsSchema,
  type enrolmentSchema,
  type mySessionsSchema,
  type rosterSchema,
  type scheduledSessionSchema,
  type sessionsSchema,
} from './training-api.js';

const idSchema = z.string().trim().min(1).max(100);

/** 研修の開催回: list, sign up, cancel (the caller only); scheduling, rosters and attendance for デジタル推進課. */
export function registerTrainingRoutes(server: Server, deps: { verifier: () => TabTokenVerifier; training: TrainingService; log: Logger }): void {
  const handle = (work: (req: Request, employeeId: string) => Promise<unknown>) => authenticatedRoute(deps, work);
  const sessionIdOf = (req: Request) => parseInput(idSchema, req.params.sessionId);
  server.get('/api/tab/sessions', handle(async (req, employeeId): Promise<Contract<typeof sessionsSchema>> => ({ sessions: await deps.training.upcoming(employeeId, localeOfRequest(req)) })));
  server.get('/api/tab/sessions/mine', handle(async (req, employeeId): Promise<Contract<typeof mySessionsSchema>> => ({ sessions: await deps.training.mine(employeeId, localeOfRequest(req)) })));
  server.get('/api/tab/completions', handle(async (req, employeeId): Promise<Contract<typeof completionsSchema>> => ({ completions: await deps.training.completions(employeeId, localeOfRequest(req)) })));
  server.post('/api/tab/sessions/:sessionId/enroll', handle((req, employeeId): Promise<Contract<typeof enrolmentSchema>> => deps.training.enroll(employeeId, sessionIdOf(req))));
  server.post('/api/tab/sessions/:sessionId/cancel', handle((req, employeeId) => deps.training.cancel(employeeId, sessionIdOf(req))));

  server.get('/api/tab/admin/sessions', handle(async (req, employeeId): Promise<Contract<typeof sessionsSchema>> => ({ sessions: await deps.training.allSessions(employeeId, localeOfRequest(req)) })));
  server.post(
    '/api/tab/admin/sessions',
    handle(async (req, employeeId): Promise<Contract<typeof scheduledSessionSchema>> =>
      deps.training.schedule(employeeId, { id: randomUUID(), place: undefined, onlineUrl: undefined, ...parseInput(scheduleInputSchema, req.body) }),
    ),
  );
  server.post('/api/tab/admin/sessions/:sessionId/cancel', handle((req, employeeId) => deps.training.cancelSession(employeeId, sessionIdOf(req))));
  server.get('/api/tab/admin/sessions/:sessionId/roster', handle(async (req, employeeId): Promise<Contract<typeof rosterSchema>> => ({ roster: await deps.training.roster(employeeId, sessionIdOf(req)) })));
  server.put(
    '/api/tab/admin/sessions/:sessionId/attendance',
    handle(async (req, employeeId): Promise<Contract<typeof attendanceRecordedSchema>> =>
      deps.training.recordAttendance(employeeId, sessionIdOf(req), parseInput(attendanceInputSchema, req.body).attended),
    ),
  );
}
