import PQueue from 'p-queue';

export interface PacerOptions {
  /** Messages this process may start per second (its share of the app's cap). */
  messagesPerSecond: number;
  /**
   * Minimum gap between two messages to one conversation. Teams allows 7 per second, 8 per 2 seconds and 60 per
   * 30 seconds per conversation; one message every 550 ms satisfies all three windows at once. A broadcast sends
   * one message per recipient, so this only matters when several broadcasts reach one person together.
   */
  perConversationGapMs: number;
  /** HTTP requests in flight at once (the rate is the limit; this only bounds sockets and memory). */
  maxInFlight: number;
  /**
   * How long the whole app holds off after an isolated 429. The throttled recipient itself always waits the full
   * Retry-After; the app-wide hold doubles with each further 429 within a few seconds, up to Retry-After, so sustained
   * throttling stops everything as the connector asks while a lone 429 (a burst of network jitter) costs little.
   */
  throttleBrakeMs: number;
}

export interface Pacer {
  /** Runs `task` when both the app-wide rate and the conversation's own rate allow it. */
  run<T>(conversationKey: string, task: () => Promise<T>): Promise<T>;
  /** A 429 came back: holds every send for a while (see throttleBrakeMs), at most `retryAfterMs`. */
  throttled(retryAfterMs: number): void;
  /** Sends waiting for a slot. */
  readonly backlog: number;
  stop(): void;
}

// Windows of 1/10 s keep requests evenly spread (a 1 s window would start a whole second's worth at once, the
// burst a connector's sliding window throttles first); much shorter windows lose rate to timer overshoot.
const WINDOWS_PER_SECOND = 10;
// 429s closer together than this count as one episode of throttling, whose app-wide hold doubles each time.
const BRAKE_MEMORY_MS = 5_000;

/** Pacing with p-queue: a strict sliding window for the app-wide rate, and one small queue per conversation. */
export function createPacer(options: PacerOptions): Pacer {
  const perWindow = Math.max(1, Math.floor(options.messagesPerSecond / WINDOWS_PER_SECOND));
  const global = new PQueue({
    intervalCap: perWindow,
    interval: Math.round((1000 * perWindow) / options.messagesPerSecond),
    strict: true,
    concurrency: options.maxInFlight,
  });
  const conversations = new Map<string, { queue: PQueue; lastUsed: number }>();
  let resumeAt = 0;
  let resumeTimer: NodeJS.Timeout | undefined;
  let waiting = 0;
  let recentThrottles: number[] = [];

  // Forget conversations that have been quiet longer than their window, so 50,000 recipients do not stay in memory.
  const sweep = setInterval(() => {
    const quietSince = Date.now() - Math.max(1_000, options.perConversationGapMs * 2);
    for (const [key, entry] of conversations) {
      if (entry.queue.size === 0 && entry.queue.pending === 0 && entry.lastUsed < quietSince) conversations.delete(key);
    }
  }, 5_000);
  sweep.unref();

  const conversationQueue = (key: string) => {
    let entry = conversations.get(key);
    if (!entry) {
      entry = { queue: new PQueue({ intervalCap: 1, interval: options.perConversationGapMs, strict: true }), lastUsed: Date.now() };
      conversations.set(key, entry);
    }
    entry.lastUsed = Date.now();
    return entry.queue;
  };

  return {
    async run(conversationKey, task) {
      waiting++;
      try {
        return await conversationQueue(conversationKey).add(() => global.add(task));
      } finally {
        waiting--;
      }
    },
    throttled(retryAfterMs) {
      const now = Date.now();
      recentThrottles = [...recentThrottles.filter((at) => at > now - BRAKE_MEMORY_MS), now];
      const ms = Math.min(retryAfterMs, options.throttleBrakeMs * 2 ** (recentThrottles.length - 1));
      const until = now + ms;
      if (until <= resumeAt) return;
      resumeAt = until;
      global.pause();
      clearTimeout(resumeTimer);
      resumeTimer = setTimeout(() => global.start(), ms);
    },
    get backlog() {
      return waiting;
    },
    stop() {
      clearInterval(sweep);
      clearTimeout(resumeTimer);
      global.clear();
    },
  };
}
