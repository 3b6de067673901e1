import type { Request, Response } from 'restify';
import { AppError } from '../domain/errors.js';
import { localeFrom } from '../domain/locale.js';
import type { Logger } from '../../logger.js';

/** Sends a JSON error the tab can show; details go to the log only. */
export function sendError(req: Request, res: Response, error: unknown, log: Logger): void {
  const appError = error instanceof AppError ? error : new AppError('internal', { cause: error });
  if (appError.code === 'internal') log.error('request failed', { error, method: req.method, url: req.url });
  else log.warn('request refused', { code: appError.code, detail: appError.message, url: req.url });
  res.send(appError.status, { error: { code: appError.code, message: appError.userMessage[localeFrom(req.header('accept-language'))] } });
}
