import {
  claimsAheadFor,
  DEFAULT_ADAPTIVE_PACE,
  initialPace,
  paceAfterAppThrottle,
  paceAfterCleanTick,
  throttleScope,
  type AdaptivePaceSettings,
} from './domain/adaptive-pace.js';

export interface PacerOptions {
  /** Messages this process may start per second (its share of the app's cap); the adaptive pace stays under it. */
  messagesPerSecond: number;
  /**
   * Minimum gap between two messages to one conversation. Teams allows 7 per second, 8 per 2 seconds and 60 per
   * 30 seconds per conversation; one message every 550 ms satisfies all three windows at once. A broadcast sends
   * one message per recipient, so this only matters when several broadcasts reach one person together.
   */
  perConversationGapMs: number;
  /**
   * Sends in flight at once, each from its start to its recorded result. A crash duplicates at most this many
   * messages, so it is what the pace needs (pace × typical latency), not what sockets allow.
   */
  maxInFlight: number;
  /**
   * Tasks claiming or claimed and waiting for their send slot, at most: enough that a slow claim write does not
   * hold an in-flight slot (nor starve the pace), few because a crash leaves these recipients in doubt too (they
   * are sent again, never twice). Defaults to half of maxInFlight.
   */
  maxClaimsAhead?: number;
  /** Tuning of the adaptive pace (see domain/adaptive-pace.ts); the defaults suit Teams. */
  adaptivePace?: Partial<Omit<AdaptivePaceSettings, 'maxPerSecond'>>;
}

export type SendOutcome = { kind: 'accepted' } | { kind: 'throttled'; retryAfterMs: number } | { kind: 'other' };

/** Resolves when the task may send: at its turn of the evenly spaced pace, within the in-flight cap, outside a pause. */
export type SendSlot = () => Promise<void>;

export interface Pacer {
  /**
   * Runs `task` for one conversation, one task per conversation at a time and no sooner than its gap. The task
   * prepares (claims its work), then awaits `sendSlot()` and sends: the pace is applied to the moment of sending,
   * so storage latency before it neither bunches sends nor holds an in-flight slot. A task that finds nothing to
   * send returns without asking for a slot.
   */
  run<T>(conversationKey: string, task: (sendSlot: SendSlot) => Promise<T>): Promise<T>;
  /**
   * How a send ended. A 429 pauses every send (app-wide) or only that conversation until its Retry-After, and an
   * app-wide one lowers the pace; returns which it was.
   */
  observe(conversationKey: string, outcome: SendOutcome): 'app' | 'conversation' | undefined;
  /** Tasks waiting to start, preparing, waiting for a send slot or in flight. */
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
  /** Tasks queued for this conversation, started or not. */
  pending: number;
  /** A task of this conversation has started and not finished: the next waits (sends to one chat stay in order). */
  active: boolean;
}

interface Waiter {
  key: string;
  start(): void;
}

// Remembered this long after their last send, so a 429 can be told apart (see throttleScope) and the memory of
// 50,000 recipients is a sliding 30 s of them, not all.
const CONVERSATION_MEMORY_MS = 30_000;

/**
 * The engine's pacing, in two stages. A task starts (prepares: claims its recipient) when its conversation is free
 * and fewer than maxClaimsAhead tasks are preparing; it then asks for a send slot, and slots are handed out one at
 * a time, evenly spaced at the adaptive pace (a token bucket holding one token: no burst after a pause, when several
 * claims return together or several sends finish together, which a connector's sliding window would count as over
 * the cap), while fewer than maxInFlight sends are in flight and no app-wide pause holds. An app-wide 429 holds
 * every slot until its Retry-After; a conversation's 429 holds only that conversation.
 */
export function createPacer(options: PacerOptions): Pacer {
  const settings: AdaptivePaceSettings = { ...DEFAULT_ADAPTIVE_PACE, ...options.adaptivePace, maxPerSecond: options.messagesPerSecond };
  let pace = initialPace(settings);
  const claimsAhead = options.maxClaimsAhead ?? claimsAheadFor(options.maxInFlight);
  let lastTick = Date.now();
  const waiting: Waiter[] = [];
  const slotWaiters: (() => void)[] = [];
  const conversations = new Map<string, Conversation>();
  let preparing = 0;
  let inFlight = 0;
  let nextSendAt = 0;
  let appPausedUntil = 0;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;

  const conversationOf = (key: string, now: number) => {
    let entry = conversations.get(key);
    if (!entry) {
      entry = { nextAt: 0, pausedUntil: 0, lastAcceptedAt: undefined, lastUsed: now, pending: 0, active: false };
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

  /** Hands out send slots: one per spacing of the pace, within the in-flight cap, outside an app-wide pause. */
  function grantSlots(now: number) {
    while (slotWaiters.length > 0 && inFlight < options.maxInFlight) {
      const gate = Math.max(nextSendAt, appPausedUntil);
      if (gate > now) {
        wakeAt(gate);
        return;
      }
      const spacing = 1000 / pace.perSecond;
      // A late timer (up to one spacing) is made up so the pace holds; a longer stall is not caught up with a burst.
      nextSendAt = Math.max(nextSendAt, now - spacing) + spacing;
      inFlight++;
      preparing--;
      slotWaiters.shift()!();
    }
  }

  /** Starts tasks whose conversation is free, while fewer than maxClaimsAhead are preparing. */
  function startTasks(now: number) {
    let earliest = Infinity;
    const room = () => preparing < claimsAhead;
    for (let i = 0; i < waiting.length && room(); ) {
      const conversation = conversationOf(waiting[i]!.key, now);
      const at = Math.max(conversation.nextAt, conversation.pausedUntil);
      if (conversation.active || at > now) {
        if (!conversation.active) earliest = Math.min(earliest, at);
        i++;
        continue;
      }
      const [waiter] = waiting.splice(i, 1);
      conversation.active = true;
      conversation.lastUsed = now;
      preparing++;
      waiter!.start();
    }
    if (earliest < Infinity && room()) wakeAt(earliest);
  }

  function pump() {
    clearTimeout(timer);
    timer = undefined;
    timerAt = Infinity;
    const now = Date.now();
    if (waiting.length === 0 && preparing === 0 && inFlight === 0) {
      lastTick = now;
      return;
    }
    if (now - lastTick >= 1_000) {
      pace = paceAfterCleanTick(pace, settings, now, now - lastTick);
      lastTick = now;
    }
    grantSlots(now);
    startTasks(now);
    // Anything still waiting is woken by a timer set above, a finishing task or a new one.
  }

  return {
    run<T>(conversationKey: string, task: (sendSlot: SendSlot) => Promise<T>): Promise<T> {
      const now = Date.now();
      const conversation = conversationOf(conversationKey, now);
      conversation.pending++;
      conversation.lastUsed = now;
      return new Promise<T>((resolve, reject) => {
        waiting.push({
          key: conversationKey,
          start: () => {
            let slotAsked = false;
            let sending = false;
            const sendSlot: SendSlot = () => {
              if (slotAsked) return Promise.reject(new Error('a task asks for one send slot'));
              slotAsked = true;
              return new Promise<void>((granted) => {
                slotWaiters.push(() => {
                  sending = true;
                  // The conversation's gap counts from the send, not from the preparation before it.
                  conversation.nextAt = Date.now() + options.perConversationGapMs;
                  granted();
                });
                pump();
              });
            };
            Promise.resolve()
              .then(() => task(sendSlot))
              .then(resolve, reject)
              .finally(() => {
                if (sending) inFlight--;
                else preparing--;
                conversation.pending--;
                conversation.active = false;
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
      return waiting.length + preparing + inFlight;
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
