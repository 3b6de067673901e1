import {
  DEFAULT_ADAPTIVE_PACE,
  initialPace,
  paceAfterAppThrottle,
  paceAfterCleanTick,
  throttleScope,
  type AdaptivePaceSettings,
} from './domain/adaptive-pace.js';

export interface PacerOptions {
  /** Messages this process may start per second (its share of the app's cap); the adaptive pace never exceeds it. */
  messagesPerSecond: number;
  /**
   * Minimum gap between two messages to one conversation. Teams allows 7 per second, 8 per 2 seconds and 60 per
   * 30 seconds per conversation; one message every 550 ms satisfies all three windows at once. A broadcast sends
   * one message per recipient, so this only matters when several broadcasts reach one person together.
   */
  perConversationGapMs: number;
  /**
   * Sends in flight at once, each from its claim to its recorded result. A crash duplicates at most this many
   * messages, so it is what the pace needs (pace × typical latency), not what sockets allow.
   */
  maxInFlight: number;
  /** Tuning of the adaptive pace (see domain/adaptive-pace.ts); the defaults suit Teams. */
  adaptivePace?: Partial<Omit<AdaptivePaceSettings, 'maxPerSecond'>>;
}

export type SendOutcome = { kind: 'accepted' } | { kind: 'throttled'; retryAfterMs: number } | { kind: 'other' };

export interface Pacer {
  /** Runs `task` when the app-wide pace, the in-flight cap and the conversation's own gap and pause allow it. */
  run<T>(conversationKey: string, task: () => Promise<T>): Promise<T>;
  /**
   * How a send ended. A 429 pauses every send (app-wide) or only that conversation until its Retry-After, and an
   * app-wide one lowers the pace; returns which it was.
   */
  observe(conversationKey: string, outcome: SendOutcome): 'app' | 'conversation' | undefined;
  /** Sends waiting for a slot or in flight. */
  readonly backlog: number;
  /** The current adaptive pace (messages per second). */
  readonly perSecond: number;
  stop(): void;
}

interface Conversation {
  nextAt: number;
  pausedUntil: number;
  lastAcceptedAt: number | undefined;
  lastUsed: number;
  pending: number;
}

interface Waiter {
  key: string;
  start(): void;
}

// Remembered this long after their last send, so a 429 can be told apart (see throttleScope) and the memory of
// 50,000 recipients is a sliding 30 s of them, not all.
const CONVERSATION_MEMORY_MS = 30_000;

/**
 * The engine's pacing: sends start evenly spaced at the adaptive pace (a burst at the start of each second is what
 * a connector's sliding window throttles first), at most maxInFlight at once, each conversation no faster than its
 * gap; an app-wide 429 holds every send until its Retry-After, a conversation's 429 holds only that conversation.
 */
export function createPacer(options: PacerOptions): Pacer {
  const settings: AdaptivePaceSettings = { ...DEFAULT_ADAPTIVE_PACE, ...options.adaptivePace, maxPerSecond: options.messagesPerSecond };
  let pace = initialPace(settings);
  let lastTick = Date.now();
  const waiting: Waiter[] = [];
  const conversations = new Map<string, Conversation>();
  let inFlight = 0;
  let nextStartAt = 0;
  let appPausedUntil = 0;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;

  const conversationOf = (key: string, now: number) => {
    let entry = conversations.get(key);
    if (!entry) {
      entry = { nextAt: 0, pausedUntil: 0, lastAcceptedAt: undefined, lastUsed: now, pending: 0 };
      conversations.set(key, entry);
    }
    return entry;
  };

  const sweep = setInterval(() => {
    const forgetBefore = Date.now() - Math.max(CONVERSATION_MEMORY_MS, options.perConversationGapMs * 2);
    for (const [key, entry] of conversations) {
      if (entry.pending === 0 && entry.lastUsed < forgetBefore && entry.pausedUntil < Date.now()) conversations.delete(key);
    }
  }, 5_000);
  sweep.unref();

  function wakeAt(at: number) {
    if (timer && timerAt <= at) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(pump, Math.max(0, at - Date.now()));
  }

  function pump() {
    clearTimeout(timer);
    timer = undefined;
    timerAt = Infinity;
    const now = Date.now();
    if (waiting.length === 0 && inFlight === 0) {
      lastTick = now;
      return;
    }
    if (now - lastTick >= 1_000) {
      pace = paceAfterCleanTick(pace, settings, now, now - lastTick);
      lastTick = now;
    }
    while (waiting.length > 0 && inFlight < options.maxInFlight) {
      const gate = Math.max(nextStartAt, appPausedUntil);
      if (gate > now) {
        wakeAt(gate);
        return;
      }
      let index = -1;
      let earliest = Infinity;
      for (let i = 0; i < waiting.length; i++) {
        const conversation = conversationOf(waiting[i]!.key, now);
        const at = Math.max(conversation.nextAt, conversation.pausedUntil);
        if (at <= now) {
          index = i;
          break;
        }
        earliest = Math.min(earliest, at);
      }
      if (index < 0) {
        wakeAt(earliest);
        return;
      }
      const [waiter] = waiting.splice(index, 1);
      const spacing = 1000 / pace.perSecond;
      // Timer overshoot of up to one gap is made up; a longer stall is not caught up with a burst.
      nextStartAt = Math.max(nextStartAt, now - spacing) + spacing;
      const conversation = conversationOf(waiter!.key, now);
      conversation.nextAt = now + options.perConversationGapMs;
      conversation.lastUsed = now;
      inFlight++;
      waiter!.start();
    }
    // Empty, or full: a finishing send pumps again.
  }

  return {
    run<T>(conversationKey: string, task: () => Promise<T>): Promise<T> {
      const now = Date.now();
      const conversation = conversationOf(conversationKey, now);
      conversation.pending++;
      conversation.lastUsed = now;
      return new Promise<T>((resolve, reject) => {
        waiting.push({
          key: conversationKey,
          start: () => {
            Promise.resolve()
              .then(task)
              .then(resolve, reject)
              .finally(() => {
                inFlight--;
                conversation.pending--;
                conversation.lastUsed = Date.now();
                pump();
              });
          },
        });
        pump();
      });
    },
    observe(conversationKey, outcome) {
      const now = Date.now();
      const conversation = conversationOf(conversationKey, now);
      if (outcome.kind === 'accepted') {
        conversation.lastAcceptedAt = now;
        return undefined;
      }
      if (outcome.kind !== 'throttled') return undefined;
      const scope = throttleScope(conversation.lastAcceptedAt, now);
      const until = now + outcome.retryAfterMs;
      if (scope === 'app') {
        appPausedUntil = Math.max(appPausedUntil, until);
        pace = paceAfterAppThrottle(pace, settings, now);
      } else {
        conversation.pausedUntil = Math.max(conversation.pausedUntil, until);
      }
      return scope;
    },
    get backlog() {
      return waiting.length + inFlight;
    },
    get perSecond() {
      return pace.perSecond;
    },
    stop() {
      clearInterval(sweep);
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
