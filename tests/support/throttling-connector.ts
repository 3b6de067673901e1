import { randomUUID } from 'node:crypto';
import restify, { type Request, type Response } from 'restify';
import { ConnectorRecorder } from '../../bot/src/dev/connector-recorder.js';
import { close, listen } from '../../bot/src/kernel/http/server.js';

/**
 * A Bot Connector stand-in that throttles like Teams: per conversation at most 7 messages per second, 8 per 2
 * seconds and 60 per 30 seconds, and an app-wide cap per second, each answered 429 with Retry-After. It can also
 * answer 500 (the first N attempts per conversation, or a random fraction) and 403 for chosen conversations, and
 * hold sends unanswered (to kill a bot mid-request), and throttle the whole app or one conversation on demand. Only
 * accepted messages are recorded; every answered request is logged with its arrival time (received plus the
 * simulated latency) and, for a 429, whether the app-wide cap or the conversation's own limits refused it.
 */
export interface ThrottlingConnectorOptions {
  /** Accepted messages per second for the whole app (sliding 1 s window); Infinity for none. */
  globalPerSecond: number;
  /** Enforce Teams' per-conversation windows. */
  perConversation: boolean;
  /** Retry-After (seconds) on a 429. */
  retryAfterSeconds: number;
  /** Conversations that answer 403 (the user blocked or removed the app). */
  forbidden: ReadonlySet<string>;
  /** Per conversation, how many first attempts answer 500. */
  failFirst: (conversationId: string) => number;
  /** Fraction of other attempts answering 500, drawn from `random`. */
  failFraction: number;
  random: () => number;
  /** Simulated connector latency in ms, [min, max]. */
  latencyMs: [number, number];
}

/** One request as the stand-in answered it (arrival time after the simulated latency). */
export interface ConnectorRequest {
  at: number;
  conversationId: string;
  status: number;
  /** For a 429: whether the app-wide cap or the conversation's own limits refused it. */
  throttledBy: 'app' | 'conversation' | undefined;
}

export interface ConnectorCounts {
  requests: number;
  accepted: number;
  throttledGlobal: number;
  throttledConversation: number;
  serverErrors: number;
  forbidden: number;
}

const CONVERSATION_WINDOWS = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
];

/** Timestamps of accepted sends within the longest window, oldest first. */
class SlidingLog {
  private readonly times: number[] = [];
  private head = 0;

  countSince(since: number): number {
    let count = 0;
    for (let index = this.times.length - 1; index >= this.head && (this.times[index] ?? 0) > since; index--) count++;
    return count;
  }

  add(at: number, keepMs: number): void {
    this.times.push(at);
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= at - keepMs) this.head++;
    if (this.head > 1024) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
  }
}

export async function startThrottlingConnector(initial: Partial<ThrottlingConnectorOptions> = {}) {
  let options: ThrottlingConnectorOptions = {
    globalPerSecond: Infinity,
    perConversation: true,
    retryAfterSeconds: 1,
    forbidden: new Set(),
    failFirst: () => 0,
    failFraction: 0,
    random: Math.random,
    latencyMs: [0, 0],
    ...initial,
  };
  const recorder = new ConnectorRecorder();
  const counts: ConnectorCounts = { requests: 0, accepted: 0, throttledGlobal: 0, throttledConversation: 0, serverErrors: 0, forbidden: 0 };
  const global = new SlidingLog();
  const perConversation = new Map<string, SlidingLog>();
  const attempts = new Map<string, number>();
  const requestLog: ConnectorRequest[] = [];
  // Throttling ordered by a test: until these times every request (app) or the conversation's requests get a 429.
  let appThrottledUntil = 0;
  const conversationThrottledUntil = new Map<string, number>();
  let holding = false;
  const held = new Set<() => void>();

  const server = restify.createServer({ name: 'throttling-connector' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));

  const send = async (req: Request, res: Response) => {
    const conversationId = String(req.params.conversationId);
    counts.requests++;
    const receivedAt = Date.now();
    const [minLatency, maxLatency] = options.latencyMs;
    const latency = maxLatency > 0 ? minLatency + options.random() * (maxLatency - minLatency) : 0;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const wasHeld = holding;
    if (holding) {
      // Never answered: the bot is expected to die with this request in flight, so it is never recorded.
      await new Promise<void>((release) => held.add(release));
    }
    // The arrival time is the network's (received plus the simulated latency), not the time this process gets to
    // the request after the timer: the stand-in shares its event loop with the bot under test, and a pause of that
    // loop (a GC, a starved CPU) would otherwise release every timer that expired meanwhile with one timestamp,
    // bunching arrivals into the next window that a remote connector sees spread out as they were sent.
    const now = wasHeld ? Date.now() : Math.round(receivedAt + latency);
    const answer = (status: number, body: unknown, throttledBy?: 'app' | 'conversation') => {
      requestLog.push({ at: now, conversationId, status, throttledBy });
      res.send(status, body);
    };
    const throttle = (throttledBy: 'app' | 'conversation', retryAfterSeconds = options.retryAfterSeconds) => {
      if (throttledBy === 'app') counts.throttledGlobal++;
      else counts.throttledConversation++;
      res.header('Retry-After', String(retryAfterSeconds));
      answer(429, { error: { code: 'TooManyRequests', message: 'Too many requests' } }, throttledBy);
    };
    if (options.forbidden.has(conversationId)) {
      counts.forbidden++;
      answer(403, { error: { code: 'BotDisabledByAdmin', message: 'The bot is not installed for this user' } });
      return;
    }
    if (now < appThrottledUntil) {
      throttle('app', Math.ceil((appThrottledUntil - now) / 1000));
      return;
    }
    const conversationUntil = conversationThrottledUntil.get(conversationId) ?? 0;
    if (now < conversationUntil) {
      throttle('conversation', Math.ceil((conversationUntil - now) / 1000));
      return;
    }
    const conversation = perConversation.get(conversationId) ?? new SlidingLog();
    perConversation.set(conversationId, conversation);
    if (options.perConversation && CONVERSATION_WINDOWS.some((window) => conversation.countSince(now - window.ms) >= window.max)) {
      throttle('conversation');
      return;
    }
    if (global.countSince(now - 1_000) >= options.globalPerSecond) {
      throttle('app');
      return;
    }
    // Attempts that got past the throttles: the first N of them fail.
    const attempt = (attempts.get(conversationId) ?? 0) + 1;
    attempts.set(conversationId, attempt);
    if (attempt <= options.failFirst(conversationId) || options.random() < options.failFraction) {
      counts.serverErrors++;
      answer(500, { error: { code: 'ServiceError', message: 'Internal error' } });
      return;
    }
    global.add(now, 1_000);
    conversation.add(now, 30_000);
    counts.accepted++;
    const activityId = randomUUID();
    recorder.record({ kind: 'send', conversationId, activityId, activity: { ...((req.body ?? {}) as Record<string, unknown>), id: activityId } });
    answer(200, { id: activityId });
  };
  server.post('/v3/conversations/:conversationId/activities', send);
  server.post('/v3/conversations/:conversationId/activities/:replyToId', send);

  const port = await listen(server, 0, '127.0.0.1');
  return {
    recorder,
    counts,
    serviceUrl: `http://127.0.0.1:${port}/`,
    /** Messages recorded per conversation id. */
    messagesPerConversation(): Map<string, number> {
      const perId = new Map<string, number>();
      for (const entry of recorder.list()) perId.set(entry.conversationId, (perId.get(entry.conversationId) ?? 0) + 1);
      return perId;
    },
    /** Every answered request in arrival order (held requests that were never answered are not in it). */
    requests: requestLog as readonly ConnectorRequest[],
    /** From now on, for `seconds`, every request is refused with an app-wide 429 whose Retry-After is the rest of it. */
    throttleApp(seconds: number) {
      appThrottledUntil = Date.now() + seconds * 1000;
    },
    /** From now on, for `seconds`, this conversation's requests are refused with a conversation-level 429. */
    throttleConversation(conversationId: string, seconds: number) {
      conversationThrottledUntil.set(conversationId, Date.now() + seconds * 1000);
    },
    configure(change: Partial<ThrottlingConnectorOptions>) {
      options = { ...options, ...change };
    },
    /** From now on sends are held unanswered (and never recorded) until `release`. */
    hold() {
      holding = true;
    },
    get heldCount() {
      return held.size;
    },
    /** Stops holding; held requests whose client is gone are answered into the void and not recorded. */
    release(options: { drop: boolean }) {
      holding = false;
      if (options.drop) {
        held.clear();
        return;
      }
      for (const wake of held) wake();
      held.clear();
    },
    stop: () => close(server),
  };
}

export type ThrottlingConnector = Awaited<ReturnType<typeof startThrottlingConnector>>;
