/** A small structured logger: one JSON line per event on stdout/stderr, so App Service log streams stay parseable. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
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

export function createLogger(options: { silent?: boolean; pretty?: boolean } = {}): Logger {
  const write = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => {
    if (options.silent && level !== 'error') return;
    const stream = level === 'info' ? process.stdout : process.stderr;
    if (options.pretty) {
      const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(serialise(fields))}` : '';
      stream.write(`${level === 'info' ? '' : `[${level}] `}${message}${extra}\n`);
    } else {
      stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...serialise(fields) })}\n`);
    }
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
