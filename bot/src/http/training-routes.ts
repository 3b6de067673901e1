import { randomUUID } from 'node:crypto';
import type { Request, Server } from 'restify';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import type { TrainingService } from '../domain/training-service.js';
import type { Logger } from '../logger.js';
import { authenticatedRoute } from './tab-routes.js';
import type { TabTokenVerifier } from './tab-token-verifier.js';

const sessionIdSchema = z.string().trim().min(1).max(100);
const scheduleSchema = z.object({
  courseId: z.string().trim().min(1).max(100),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().max(200).optional(),
  onlineUrl: z.url({ protocol: /^https$/ }).optional(),
  capacity: z.number().int().min(1).max(1000),
});

const localeOf = (req: Request) => (/^en\b/i.test(req.header('accept-language') ?? '') ? 'en' : 'ja');
const invalid = (detail: string) =>
  new AppError('invalid-input', { detail, userMessage: { ja: '入力内容に誤りがあります。', en: 'The input is not valid.' } });

/** 研修の開催回: list, sign up, cancel (the caller only), and scheduling for デジタル推進課. */
export function registerTrainingRoutes(server: Server, deps: { verifier: () => TabTokenVerifier; training: TrainingService; log: Logger }): void {
  const handle = (work: (req: Request, employeeId: string) => Promise<unknown>) => authenticatedRoute(deps, work);
  const sessionIdOf = (req: Request) => {
    const parsed = sessionIdSchema.safeParse(req.params.sessionId);
    if (!parsed.success) throw invalid('session id');
    return parsed.data;
  };
  server.get('/api/tab/sessions', handle(async (req, employeeId) => ({ sessions: await deps.training.upcoming(employeeId, localeOf(req)) })));
  server.post('/api/tab/sessions/:sessionId/enroll', handle((req, employeeId) => deps.training.enroll(employeeId, sessionIdOf(req))));
  server.post('/api/tab/sessions/:sessionId/cancel', handle((req, employeeId) => deps.training.cancel(employeeId, sessionIdOf(req))));
  server.post(
    '/api/tab/admin/sessions',
    handle(async (req, employeeId) => {
      const parsed = scheduleSchema.safeParse(req.body);
      if (!parsed.success) throw invalid(parsed.error.message);
      return deps.training.schedule(employeeId, { id: randomUUID(), place: undefined, onlineUrl: undefined, ...parsed.data });
    }),
  );
}
