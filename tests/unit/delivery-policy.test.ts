import { describe, expect, it } from 'vitest';
import {
  claim,
  countDeliveries,
  deliveryReportCsv,
  isFinished,
  markRetrying,
  markSent,
  newDelivery,
  readiness,
  type ClaimantView,
  type Delivery,
} from '../../bot/src/delivery/domain/delivery.js';
import {
  claimsAheadFor,
  DEFAULT_ADAPTIVE_PACE,
  initialPace,
  paceCeiling,
  paceAfterAppThrottle,
  paceAfterCleanTick,
  sendsInFlightFor,
  throttleScope,
  type AdaptivePaceSettings,
} from '../../bot/src/delivery/domain/adaptive-pace.js';
import { createPacer } from '../../bot/src/delivery/delivery-pacer.js';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  classifyFailure,
  decideAfterFailure,
  parseRetryAfter,
  type SendFailure,
} from '../../bot/src/delivery/domain/retry-policy.js';
import { canTakeOver, isoWeekSlot, type SlotLease } from '../../bot/src/delivery/domain/schedule-slots.js';

const now = new Date('2026-11-23T00:00:00.000Z');
const failure = (status: number | undefined, fields: Partial<SendFailure> = {}): SendFailure => ({
  status,
  retryAfter: undefined,
  networkCode: undefined,
  message: 'test',
  ...fields,
});
const fresh = (): Delivery => newDelivery('news-1', { employeeId: 'e1' }, 'ja', now);

describe('classifying what the Bot Connector answered', () => {
  it('when the connector answers 429 with Retry-After: 3, then it is throttled for 3 seconds', () => {
    expect(classifyFailure(failure(429, { retryAfter: '3' }), now)).toEqual({ kind: 'throttled', retryAfterMs: 3000 });
  });

  it('when Retry-After is an HTTP date, then the wait is the time until that date', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('when the connector answers 5xx, 408 or nothing at all, then the failure is transient', () => {
    for (const status of [500, 502, 503, 504, 408]) expect(classifyFailure(failure(status), now).kind).toBe('transient');
    expect(classifyFailure(failure(undefined, { networkCode: 'ECONNRESET' }), now).kind).toBe('transient');
  });

  it('when the connector answers 403 or 404, then the employee is unreachable (blocked or removed the app)', () => {
    expect(classifyFailure(failure(403), now).kind).toBe('unreachable');
    expect(classifyFailure(failure(404), now).kind).toBe('unreachable');
  });

  it('when the connector answers 400, 413 or 501, then the message itself was refused', () => {
    for (const status of [400, 413, 501]) expect(classifyFailure(failure(status), now).kind).toBe('rejected');
  });
});

describe('retry decisions', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3, maxThrottledAttempts: 4, baseDelayMs: 1000, maxDelayMs: 8000 };
  const half = () => 0.5;

  it('when backing off, then the ceiling doubles per attempt up to the maximum and the delay is drawn below it', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, policy, () => 0.999))).toEqual([999, 1998, 3996, 7992, 7992]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
  });

  it('when a 500 comes before the last attempt, then the delivery is retried after a jittered backoff', () => {
    expect(decideAfterFailure(failure(500), { attempts: 2, throttled: 0 }, policy, now, half)).toEqual({
      state: 'retrying',
      delayMs: 1000,
      reason: 'http-500',
      throttled: false,
      pauseAppMs: undefined,
    });
  });

  it('when a 500 comes on the last attempt, then the delivery fails saying how many attempts were made', () => {
    expect(decideAfterFailure(failure(503), { attempts: 3, throttled: 0 }, policy, now, half)).toEqual({ state: 'failed', reason: 'http-503-after-3-attempts' });
  });

  it('when a 429 says Retry-After: 2, then the retry waits at least 2 s and the whole app pauses for 2 s', () => {
    const decision = decideAfterFailure(failure(429, { retryAfter: '2' }), { attempts: 1, throttled: 0 }, policy, now, half);
    expect(decision).toMatchObject({ state: 'retrying', throttled: true, pauseAppMs: 2000 });
    expect(decision.state === 'retrying' && decision.delayMs).toBeGreaterThanOrEqual(2000);
    expect(decision.state === 'retrying' && decision.delayMs).toBeLessThan(2000 + 1000);
  });

  it('when 429s used up attempts, then a following 500 still gets its own retries', () => {
    const decision = decideAfterFailure(failure(500), { attempts: 3, throttled: 2 }, policy, now, half);
    expect(decision.state).toBe('retrying');
  });

  it('when a recipient was throttled too often, then it fails instead of retrying for ever', () => {
    expect(decideAfterFailure(failure(429), { attempts: 4, throttled: 3 }, policy, now, half)).toEqual({ state: 'failed', reason: 'http-429-after-4-throttled-attempts' });
  });

  it('when a 429 has no Retry-After, then the default wait applies; an absurd one is capped', () => {
    const none = decideAfterFailure(failure(429), { attempts: 1, throttled: 0 }, policy, now, () => 0);
    expect(none).toMatchObject({ delayMs: policy.defaultRetryAfterMs });
    const huge = decideAfterFailure(failure(429, { retryAfter: '86400' }), { attempts: 1, throttled: 0 }, policy, now, () => 0);
    expect(huge).toMatchObject({ delayMs: policy.maxRetryAfterMs });
  });

  it('when the connector answers 403, then the recipient is unreachable at once, without retries', () => {
    expect(decideAfterFailure(failure(403), { attempts: 1, throttled: 0 }, policy, now, half)).toEqual({ state: 'unreachable', reason: 'http-403' });
  });

  it('when the connector answers 400, then the delivery fails at once', () => {
    expect(decideAfterFailure(failure(400), { attempts: 1, throttled: 0 }, policy, now, half)).toEqual({ state: 'failed', reason: 'http-400' });
  });
});

describe('delivery states', () => {
  it('when a delivery is queued, then it is ready to send; when sent, there is nothing left to do', () => {
    expect(readiness(fresh(), now)).toEqual({ kind: 'ready', inDoubt: false });
    expect(readiness(markSent(fresh(), now, 'a1'), now)).toEqual({ kind: 'done' });
  });

  it('when a retry is scheduled, then the delivery waits until its time and is ready after it', () => {
    const retrying = markRetrying(fresh(), now, { delayMs: 5000, reason: 'http-500', status: 500, throttled: false });
    expect(readiness(retrying, now)).toEqual({ kind: 'wait', until: new Date(now.getTime() + 5000) });
    expect(readiness(retrying, new Date(now.getTime() + 5000))).toEqual({ kind: 'ready', inDoubt: false });
  });

  it('when another worker holds a live claim, then the delivery waits; once the claim expires it is in doubt', () => {
    const claimed = claim(fresh(), { workerId: 'w1', now, claimTtlMs: 60_000, inDoubt: false });
    expect(claimed).toMatchObject({ state: 'sending', attempts: 1, claimedBy: 'w1' });
    expect(readiness(claimed, new Date(now.getTime() + 59_999)).kind).toBe('wait');
    expect(readiness(claimed, new Date(now.getTime() + 60_000))).toEqual({ kind: 'ready', inDoubt: true });
    const takenOver = claim(claimed, { workerId: 'w2', now, claimTtlMs: 60_000, inDoubt: true });
    expect(takenOver).toMatchObject({ attempts: 2, inDoubt: 1, claimedBy: 'w2' });
  });

  it('when counting a report, then every state is counted and the broadcast is finished only with none pending', () => {
    const rows = [fresh(), markSent(fresh(), now, 'a'), { ...fresh(), state: 'no-reference' as const }, { ...fresh(), state: 'unreachable' as const }];
    const counts = countDeliveries(rows);
    expect(counts).toEqual({ total: 4, queued: 1, sending: 0, retrying: 0, sent: 1, failed: 0, unreachable: 1, noReference: 1, inDoubt: 0 });
    expect(isFinished(counts)).toBe(false);
    expect(isFinished(countDeliveries(rows.slice(1)))).toBe(true);
  });

  it('when the report is exported, then the CSV quotes what needs quoting and opens in Excel (BOM, CRLF)', () => {
    const csv = deliveryReportCsv([{ ...fresh(), state: 'failed', reason: 'http-400, "bad"' }]);
    expect(csv.startsWith('\uFEFFemployeeId,state,reason')).toBe(true);
    expect(csv).toContain('\r\ne1,failed,"http-400, ""bad""",0,');
  });
});

describe('claims after a crash: instance, run and heartbeat', () => {
  const at = (ms: number) => new Date(now.getTime() + ms);
  const claimedBy = (instance: string, run: string) => claim(fresh(), { workerId: instance, run, now, claimTtlMs: 120_000, inDoubt: false });
  const view = (self: { instance: string; run: string }, beats: Record<string, { run: string; beatAtMs: number }> = {}): ClaimantView => ({
    instanceId: self.instance,
    run: self.run,
    heartbeatTimeoutMs: 10_000,
    heartbeats: new Map(Object.entries(beats).map(([instance, beat]) => [instance, { run: beat.run, beatAt: at(beat.beatAtMs) }])),
  });

  it('when an instance restarts, then the claims of its previous run are free at once (and in doubt), its own current ones are not', () => {
    const previous = claimedBy('instance-a', 'run-1');
    expect(readiness(previous, at(500), view({ instance: 'instance-a', run: 'run-2' }))).toEqual({ kind: 'ready', inDoubt: true });
    expect(readiness(previous, at(500), view({ instance: 'instance-a', run: 'run-1' })).kind).toBe('wait');
  });

  it("when another instance's heartbeat stops, then its claims are free a heartbeat timeout after its last beat, long before the claim expiry", () => {
    const theirs = claimedBy('instance-b', 'run-9');
    const me = { instance: 'instance-a', run: 'run-1' };
    expect(readiness(theirs, at(5_000), view(me, { 'instance-b': { run: 'run-9', beatAtMs: 2_000 } }))).toEqual({ kind: 'wait', until: at(12_000) });
    expect(readiness(theirs, at(12_000), view(me, { 'instance-b': { run: 'run-9', beatAtMs: 2_000 } }))).toEqual({ kind: 'ready', inDoubt: true });
    // It restarted in the meantime: its new run does not own the old run's claims.
    expect(readiness(theirs, at(3_000), view(me, { 'instance-b': { run: 'run-10', beatAtMs: 2_900 } })).kind).toBe('ready');
  });

  it('when an instance beats but its send never returns, then the claim expiry still frees the claim', () => {
    const theirs = claimedBy('instance-b', 'run-9');
    expect(readiness(theirs, at(120_000), view({ instance: 'instance-a', run: 'run-1' }, { 'instance-b': { run: 'run-9', beatAtMs: 119_000 } })).kind).toBe('ready');
  });

  it('when taken-over claims are counted, then the report counts the recipients in doubt beside their states', () => {
    const takenOver = markSent(claim(claimedBy('instance-a', 'run-1'), { workerId: 'instance-a', run: 'run-2', now, claimTtlMs: 1, inDoubt: true }), now, 'x');
    expect(countDeliveries([takenOver, markSent(fresh(), now, 'y')])).toMatchObject({ total: 2, sent: 2, inDoubt: 1 });
  });
});

describe('adaptive pace and the in-flight cap', () => {
  const settings: AdaptivePaceSettings = { ...DEFAULT_ADAPTIVE_PACE, maxPerSecond: 50 };

  it('when the pace is 50/s and answers take 0.2 s, then 10 sends may be in flight and 5 recipients be claimed ahead', () => {
    expect(sendsInFlightFor(50, 200)).toBe(10);
    expect(sendsInFlightFor(1, 200)).toBe(2);
    expect(claimsAheadFor(10)).toBe(5);
    expect(claimsAheadFor(1)).toBe(1);
  });

  it('when nothing was throttled yet, then the pace is 93 % of the configured one, never the cap itself', () => {
    expect(paceCeiling(settings)).toBeCloseTo(46.5, 9);
    let pace = initialPace(settings);
    expect(pace.perSecond).toBeCloseTo(46.5, 9);
    for (let second = 1; second < 300; second++) pace = paceAfterCleanTick(pace, settings, second * 1_000, 1_000);
    expect(pace.perSecond).toBeCloseTo(46.5, 9);
  });

  it('when an app-wide 429 comes back, then the pace drops once per episode and climbs back slowly, to just under the throttled pace', () => {
    const ceiling = 50 * 0.93;
    let pace = paceAfterAppThrottle(initialPace(settings), settings, 0);
    expect(pace.perSecond).toBeCloseTo(ceiling * 0.9);
    pace = paceAfterAppThrottle(pace, settings, 300);
    expect(pace.perSecond).toBeCloseTo(ceiling * 0.9);
    expect(paceAfterCleanTick(pace, settings, 2_000, 1_000).perSecond).toBeCloseTo(ceiling * 0.9);
    pace = paceAfterCleanTick(pace, settings, 4_000, 1_000);
    expect(pace.perSecond).toBeCloseTo(ceiling * 0.9 + 1);
    for (let second = 5; second < 60; second++) pace = paceAfterCleanTick(pace, settings, second * 1_000, 1_000);
    expect(pace.perSecond).toBeCloseTo(ceiling * 0.97);
    for (let second = 60; second < 200; second++) pace = paceAfterCleanTick(pace, settings, second * 1_000, 1_000);
    expect(pace.perSecond).toBeCloseTo(ceiling, 9);
  });

  it('when a 429 comes for a conversation that accepted a message moments ago, then it is that conversation; otherwise the app', () => {
    expect(throttleScope(undefined, 1_000)).toBe('app');
    expect(throttleScope(500, 1_000)).toBe('conversation');
    expect(throttleScope(0, 40_000)).toBe('app');
  });

  it('when the pacer is told of an app-wide 429, then no send starts until its Retry-After; a conversation 429 holds only that conversation', async () => {
    const pacer = createPacer({ messagesPerSecond: 100, perConversationGapMs: 0, maxInFlight: 4 });
    try {
      const started: { key: string; at: number }[] = [];
      const send = (key: string) =>
        pacer.run(key, async (sendSlot) => {
          await sendSlot();
          started.push({ key, at: Date.now() });
        });
      await send('a');
      pacer.observe('a', { kind: 'accepted' });
      expect(pacer.observe('b', { kind: 'throttled', retryAfterMs: 300 })).toBe('app');
      const pausedAt = Date.now();
      await Promise.all(['c', 'd', 'e'].map(send));
      expect(Math.min(...started.slice(1).map((start) => start.at)) - pausedAt).toBeGreaterThanOrEqual(290);
      expect(pacer.perSecond).toBeCloseTo(93 * 0.9);

      expect(pacer.observe('a', { kind: 'throttled', retryAfterMs: 400 })).toBe('conversation');
      const heldAt = Date.now();
      const busy = send('a');
      await Promise.all(['f', 'g'].map(send));
      expect(Date.now() - heldAt).toBeLessThan(300);
      await busy;
      expect(started.at(-1)).toMatchObject({ key: 'a' });
      expect(started.at(-1)!.at - heldAt).toBeGreaterThanOrEqual(390);
    } finally {
      pacer.stop();
    }
  });
});

describe('the pacer', () => {
  it('when many claims return together, then the sends still start one pace-spacing apart, never in a bunch', async () => {
    const pacer = createPacer({ messagesPerSecond: 50, perConversationGapMs: 0, maxInFlight: 10 });
    try {
      let releaseClaims!: () => void;
      const claimsWritten = new Promise<void>((resolve) => (releaseClaims = resolve));
      const sentAt: number[] = [];
      const sends = Array.from({ length: 30 }, (_, index) =>
        pacer.run(`conversation-${index}`, async (sendSlot) => {
          await claimsWritten;
          await sendSlot();
          sentAt.push(Date.now());
          await new Promise((resolve) => setTimeout(resolve, 5));
        }),
      );
      setTimeout(releaseClaims, 100);
      await Promise.all(sends);
      // 47.5/s: one send every 21 ms; a timer firing late may bring two together, never more.
      for (let index = 2; index < sentAt.length; index++) expect(sentAt[index]! - sentAt[index - 2]!).toBeGreaterThanOrEqual(20);
      expect(sentAt.at(-1)! - sentAt[0]!).toBeGreaterThanOrEqual(29 * 21 - 25);
    } finally {
      pacer.stop();
    }
  });

  it('when claims are slow, then they do not hold in-flight slots: at most the claims-ahead cap prepare and the in-flight cap send, and one conversation runs one task at a time', async () => {
    const pacer = createPacer({ messagesPerSecond: 1000, perConversationGapMs: 0, maxInFlight: 4, maxClaimsAhead: 2 });
    try {
      let preparing = 0;
      let mostPreparing = 0;
      let sending = 0;
      let mostSending = 0;
      let activeInA = 0;
      let mostInA = 0;
      const task = (key: string) =>
        pacer.run(key, async (sendSlot) => {
          mostPreparing = Math.max(mostPreparing, ++preparing);
          if (key === 'a') mostInA = Math.max(mostInA, ++activeInA);
          await new Promise((resolve) => setTimeout(resolve, 10));
          preparing--;
          await sendSlot();
          mostSending = Math.max(mostSending, ++sending);
          await new Promise((resolve) => setTimeout(resolve, 60));
          sending--;
          if (key === 'a') activeInA--;
        });
      await Promise.all([...Array.from({ length: 16 }, (_, index) => task(`c${index}`)), task('a'), task('a'), task('a')]);
      expect(mostPreparing).toBe(2);
      // Slow sends fill every in-flight slot, which they could not if claims waiting for a slot held one.
      expect(mostSending).toBe(4);
      expect(mostInA).toBe(1);
    } finally {
      pacer.stop();
    }
  });
});

describe('scheduled slots', () => {
  it('when Monday 09:00 in Tokyo is still Sunday in UTC, then the slot is the Tokyo week', () => {
    expect(isoWeekSlot(new Date('2026-11-23T00:00:00Z'), 'Asia/Tokyo')).toBe('2026-W48');
    expect(isoWeekSlot(new Date('2026-11-22T23:00:00Z'), 'UTC')).toBe('2026-W47');
  });

  it('when the week straddles new year, then the ISO week-year is used', () => {
    expect(isoWeekSlot(new Date('2027-01-01T03:00:00Z'), 'Asia/Tokyo')).toBe('2026-W53');
    expect(isoWeekSlot(new Date('2025-12-29T03:00:00Z'), 'Asia/Tokyo')).toBe('2026-W01');
  });

  it('when a slot is done, it is never taken over; a failed one is; a running one only after its lease ran out', () => {
    const lease: SlotLease = { job: 'weekly-digest', slot: '2026-W48', owner: 'a', state: 'running', claimedAt: now.toISOString(), leaseUntil: new Date(now.getTime() + 1000).toISOString(), finishedAt: undefined, error: undefined };
    expect(canTakeOver(lease, now)).toBe(false);
    expect(canTakeOver(lease, new Date(now.getTime() + 1000))).toBe(true);
    expect(canTakeOver({ ...lease, state: 'failed' }, now)).toBe(true);
    expect(canTakeOver({ ...lease, state: 'done' }, new Date(now.getTime() + 86_400_000))).toBe(false);
  });
});
