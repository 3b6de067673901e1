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
}

export interface Pacer {
  /** Runs `task` when both the app-wide rate and the conversation's own rate allow it. */
  run<T>(conversationKey: string, task: () => Promise<T>): Promise<T>;
  /** Holds every send for `ms` (a 429's Retry-After applies to the whole app, not one recipient). */
  pauseFor(ms: number): void;
  /** Sends waiting for a slot. */
  readonly backlog: number;
  stop(): void;
}

// A window of 1/10 s keeps requests evenly spread: a 1 s window would start a whole second's worth at once.
const WINDOWS_PER_SECOND = 10;

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
    pauseFor(ms) {
      const until = Date.now() + ms;
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
