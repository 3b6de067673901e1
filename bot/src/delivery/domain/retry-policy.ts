/**
 * How the engine reacts to what the Bot Connector answered. Teams throttles per conversation and per app and
 * answers 429 with Retry-After; 5xx and network errors are worth a few more tries; 403/404 mean the employee
 * blocked or removed the app, which no retry fixes; 400 and other refusals mean the message itself is wrong.
 */

/** What the sender observed when a send did not succeed. */
export interface SendFailure {
  /** HTTP status, when the connector answered at all. */
  status: number | undefined;
  /** The Retry-After header as received (seconds or an HTTP date). */
  retryAfter: string | undefined;
  /** Node's error code for a failure below HTTP (ECONNRESET, ETIMEDOUT…). */
  networkCode: string | undefined;
  /** For the log only. */
  message: string;
}

export type FailureClass =
  | { kind: 'throttled'; retryAfterMs: number | undefined }
  | { kind: 'transient' }
  | { kind: 'unreachable' }
  | { kind: 'rejected' };

export interface RetryPolicy {
  /** Attempts in total before a 5xx/network failure becomes final. */
  maxAttempts: number;
  /** 429s tolerated for one recipient before giving up (they are not the recipient's fault, so more). */
  maxThrottledAttempts: number;
  /** First backoff ceiling; each attempt doubles it (full jitter picks uniformly below it). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Used when a 429 carries no (readable) Retry-After. */
  defaultRetryAfterMs: number;
  /** A Retry-After longer than this is capped (a broken header must not park a broadcast for days). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  maxThrottledAttempts: 20,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  defaultRetryAfterMs: 1_000,
  maxRetryAfterMs: 5 * 60_000,
};

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

export function classifyFailure(failure: SendFailure, now: Date): FailureClass {
  const { status } = failure;
  if (status === undefined) return { kind: 'transient' };
  if (status === 429) return { kind: 'throttled', retryAfterMs: parseRetryAfter(failure.retryAfter, now) };
  if (status === 403 || status === 404) return { kind: 'unreachable' };
  if (status === 408 || (status >= 500 && status !== 501 && status !== 505)) return { kind: 'transient' };
  return { kind: 'rejected' };
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^(attempt-1))). */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

export type FailureDecision =
  | { state: 'retrying'; delayMs: number; reason: string; throttled: boolean; /** For a 429: how long the whole app should hold off. */ pauseAppMs: number | undefined }
  | { state: 'failed'; reason: string }
  | { state: 'unreachable'; reason: string };

/**
 * Decides after a failed attempt. `attempts` includes the one that just failed; `throttled` counts earlier 429s
 * only. 429s do not use up the recipient's ordinary attempts: they are the app's rate, not the recipient.
 */
export function decideAfterFailure(
  failure: SendFailure,
  counters: { attempts: number; throttled: number },
  policy: RetryPolicy,
  now: Date,
  random: () => number,
): FailureDecision {
  const reason = failure.status !== undefined ? `http-${failure.status}` : `network-${failure.networkCode ?? 'error'}`;
  const failureClass = classifyFailure(failure, now);
  switch (failureClass.kind) {
    case 'unreachable':
      return { state: 'unreachable', reason };
    case 'rejected':
      return { state: 'failed', reason };
    case 'throttled': {
      const throttled = counters.throttled + 1;
      if (throttled >= policy.maxThrottledAttempts) return { state: 'failed', reason: `${reason}-after-${throttled}-throttled-attempts` };
      const retryAfterMs = Math.min(policy.maxRetryAfterMs, failureClass.retryAfterMs ?? policy.defaultRetryAfterMs);
      // Retry-After is a floor; a little jitter on top keeps many recipients from returning in the same instant.
      const jitterMs = Math.floor(random() * Math.min(policy.baseDelayMs, Math.max(retryAfterMs, 100)) * 0.25);
      return { state: 'retrying', delayMs: retryAfterMs + jitterMs, reason, throttled: true, pauseAppMs: retryAfterMs };
    }
    case 'transient': {
      const ordinaryAttempts = counters.attempts - counters.throttled;
      if (ordinaryAttempts >= policy.maxAttempts) return { state: 'failed', reason: `${reason}-after-${ordinaryAttempts}-attempts` };
      return { state: 'retrying', delayMs: backoffDelayMs(ordinaryAttempts, policy, random), reason, throttled: false, pauseAppMs: undefined };
    }
  }
}
