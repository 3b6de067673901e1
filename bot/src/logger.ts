import { AsyncLocalStorage } from 'node:async_hooks';
import { trace } from '@opentelemetry/api';

/** A small structured logger: one JSON line per event on stdout/stderr, so App Service log streams stay parseable. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Correlation fields (request id, activity id) that every line logged while handling one request carries. */
const correlation = new AsyncLocalStorage<Record<string, string>>();

/** Runs `work` with `fields` added to every log line written inside it (and in what it awaits). */
export function withLogContext<T>(fields: Record<string, string | undefined>, work: () => T): T {
  const defined = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return correlation.run({ ...correlation.getStore(), ...defined }, work);
}

function serialise(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
    ]),
  );
}

export function createLogger(options: { silent?: boolean; pretty?: boolean; stream?: (line: string, level: string) => void } = {}): Logger {
  const write = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => {
    // With telemetry on, the line carries the trace id Application Insights shows as the operation id, and an
    // error is recorded on the span it happened in (the exceptions table); without it the API is a no-op.
    const span = trace.getActiveSpan();
    if (level === 'error' && span) {
      const error = Object.values(fields ?? {}).find((value): value is Error => value instanceof Error);
      if (error) span.recordException(error);
    }
    if (options.silent && level !== 'error') return;
    const traceId = span?.spanContext().traceId;
    const context = { ...correlation.getStore(), ...(traceId ? { operationId: traceId } : {}) };
    let line: string;
    if (options.pretty) {
      const all = { ...context, ...serialise(fields) };
      const extra = Object.keys(all).length > 0 ? ` ${JSON.stringify(all)}` : '';
      line = `${level === 'info' ? '' : `[${level}] `}${message}${extra}\n`;
    } else {
      line = `${JSON.stringify({ time: new Date().toISOString(), level, message, ...context, ...serialise(fields) })}\n`;
    }
    if (options.stream) options.stream(line, level);
    else (level === 'info' ? process.stdout : process.stderr).write(line);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
