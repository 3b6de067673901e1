/** One dependency the server needs to do its work, checked by the readiness probe. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, 'ok' | 'unreachable' | 'timeout'>;
}

/**
 * Runs every check at once, each bounded by `timeoutMs`, so a probe answers quickly even when storage hangs
 * (App Service takes an instance out of rotation when /healthz answers non-2xx).
 */
export function createReadinessProbe(checks: ReadinessCheck[], options: { timeoutMs?: number } = {}): () => Promise<ReadinessReport> {
  const timeoutMs = options.timeoutMs ?? 3000;
  return async () => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), timeoutMs);
        });
        try {
          const outcome = await Promise.race([check().then(() => 'ok' as const), timeout]);
          return [name, outcome] as const;
        } catch {
          return [name, 'unreachable' as const] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return { ready: results.every(([, outcome]) => outcome === 'ok'), checks: Object.fromEntries(results) };
  };
}
