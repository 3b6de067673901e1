/**
 * How fast the engine sends, and how many sends it lets be in flight. Pure rules; the pacer applies them.
 *
 * Teams answers an app-wide 429 when the app as a whole is over its rate and asks the app to back off as a whole:
 * every send waits out the Retry-After. The connector counts arrivals in a sliding window, so a pace equal to the
 * cap still overshoots now and then (network jitter bunches arrivals); the pace therefore adapts: lower on an
 * app-wide 429, and raised slowly while clean, but only to just under the pace that was throttled, so the engine
 * stops causing its own 429s. Long clean stretches probe a little higher again (the cap may have been a spike).
 * Even then the pace stays a little under the configured one (ceilingShare): configured at the cap itself, a pace
 * of exactly the cap is over it in every window where jitter bunches a few arrivals.
 */

export interface AdaptivePaceSettings {
  /** The configured pace (messages per second): the adaptive pace never exceeds ceilingShare of it. */
  maxPerSecond: number;
  /** The highest pace as a share of maxPerSecond: room for the jitter between our sends and their arrivals. */
  ceilingShare: number;
  /** The pace never drops below this share of maxPerSecond. */
  floorShare: number;
  /** Multiplier applied to the pace on an app-wide 429. */
  decrease: number;
  /** How much of maxPerSecond is added back per clean second. */
  raisePerSecondShare: number;
  /** Seconds without a 429 before the pace is raised at all. */
  quietBeforeRaiseMs: number;
  /** The pace climbs back to this share of the pace that was throttled, not beyond. */
  belowThrottledShare: number;
  /** After this long without a 429 the remembered throttled pace no longer limits the climb. */
  forgetThrottledAfterMs: number;
}

/**
 * The gap between two messages a bot sends to one conversation. Teams allows 7 per second, 8 per 2 seconds and 60
 * per 30 seconds per conversation (a chat or a channel); one message every 550 ms satisfies all three windows.
 */
export const TEAMS_CONVERSATION_GAP_MS = 550;

export const DEFAULT_ADAPTIVE_PACE: Omit<AdaptivePaceSettings, 'maxPerSecond'> = {
  // Room for network jitter: with arrivals spread 20-80 ms after evenly spaced sends, a connector counting a sliding
  // second sees up to ~3 more than the mean at 50/s; at 95 % that still made 1-3 of its own 429s per 5,000 sends
  // (bench:broadcast, quiet machine), at 93 % none, and the steady rate stays above 0.9 of the cap.
  ceilingShare: 0.93,
  floorShare: 0.2,
  // Mild steps: a pace near the cap overshoots by a few per cent (jitter), so a deep cut only loses rate.
  decrease: 0.9,
  raisePerSecondShare: 0.02,
  quietBeforeRaiseMs: 3_000,
  belowThrottledShare: 0.97,
  forgetThrottledAfterMs: 120_000,
};

export interface PaceState {
  perSecond: number;
  /** The pace at the last app-wide 429 (undefined: none remembered). */
  throttledAt: number | undefined;
  lastThrottleMs: number;
}

/** The highest pace the engine ever sends at. */
export const paceCeiling = (settings: AdaptivePaceSettings): number => settings.maxPerSecond * settings.ceilingShare;

export const initialPace = (settings: AdaptivePaceSettings): PaceState => ({
  perSecond: paceCeiling(settings),
  throttledAt: undefined,
  lastThrottleMs: Number.NEGATIVE_INFINITY,
});

/** An app-wide 429 came back at `nowMs`. */
export function paceAfterAppThrottle(state: PaceState, settings: AdaptivePaceSettings, nowMs: number): PaceState {
  // Sends already in flight when the first 429 arrived come back 429 too; one episode lowers the pace once.
  if (nowMs - state.lastThrottleMs < 1_000) return { ...state, lastThrottleMs: nowMs };
  return {
    perSecond: Math.max(settings.maxPerSecond * settings.floorShare, state.perSecond * settings.decrease),
    throttledAt: state.perSecond,
    lastThrottleMs: nowMs,
  };
}

/** Called about once a second while sending: raises the pace slowly while no 429 came back. */
export function paceAfterCleanTick(state: PaceState, settings: AdaptivePaceSettings, nowMs: number, elapsedMs: number): PaceState {
  const quietMs = nowMs - state.lastThrottleMs;
  if (quietMs < settings.quietBeforeRaiseMs) return state;
  const throttledAt = quietMs >= settings.forgetThrottledAfterMs ? undefined : state.throttledAt;
  const ceiling = Math.min(paceCeiling(settings), throttledAt === undefined ? Infinity : throttledAt * settings.belowThrottledShare);
  const raised = state.perSecond + (settings.maxPerSecond * settings.raisePerSecondShare * elapsedMs) / 1000;
  return { ...state, throttledAt, perSecond: Math.max(state.perSecond, Math.min(ceiling, raised)) };
}

/**
 * Sends in flight (claimed, not yet recorded) that the pace needs: pace × typical latency, at least 2. A crash
 * can duplicate at most this many messages, so it is kept to what the rate needs rather than what sockets allow.
 */
export function sendsInFlightFor(messagesPerSecond: number, typicalLatencyMs: number): number {
  return Math.max(2, Math.ceil((messagesPerSecond * typicalLatencyMs) / 1000));
}

/**
 * Recipients claimed ahead of their send slot: half the in-flight cap, at least 1. Claiming ahead keeps a slow
 * claim write off the in-flight slots; a crash leaves these in doubt as well (sent again, never twice), so a crash
 * leaves at most maxInFlight + this many in doubt and duplicates at most maxInFlight.
 */
export function claimsAheadFor(maxInFlight: number): number {
  return Math.max(1, Math.ceil(maxInFlight / 2));
}

/** The longest of Teams' per-conversation windows (60 messages per 30 s). */
const CONVERSATION_WINDOW_MS = 30_000;

/**
 * Whether a 429 was the app's or the conversation's. The connector does not say; but the engine paces each
 * conversation below Teams' per-conversation limits, so a conversation that accepted nothing from this instance
 * in the last 30 s cannot be over its own limits: the app-wide cap refused it. A conversation that was just
 * written to (a busy person getting a reminder and a survey, plus the bot's replies) is throttled on its own.
 */
export function throttleScope(lastAcceptedAtMs: number | undefined, nowMs: number): 'app' | 'conversation' {
  return lastAcceptedAtMs !== undefined && nowMs - lastAcceptedAtMs < CONVERSATION_WINDOW_MS ? 'conversation' : 'app';
}
