/**
 * Broadcast throughput: in-memory Azurite + the Teams-like throttling connector stand-in, then one broadcast to
 * N employees through the delivery engine (one instance); the stand-in runs in a process of its own. Prints wall time, achieved messages/second and its
 * ratio to the connector's app-wide cap (steady state: from 10 % to 90 % delivered), 429s split into app-wide
 * and per-conversation, the engine's in-flight cap and final adaptive pace, peak RSS of this process (the engine;
 * the stand-in and Azurite run in their own processes) and peak heap growth per recipient, and the load average (the
 * figures of a busy machine are not comparable with a quiet one's).
 *
 *   npm run bench:broadcast                 # 5,000 @ 50/s, then 50,000 @ 500/s
 *   npm run bench:broadcast -- 2000:50      # custom recipients:cap pairs
 *   PACE=0.9 npm run bench:broadcast        # engine configured at 0.9 of the cap (default: the cap; it paces at 0.95 of that)
 */
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_ADAPTIVE_PACE } from '../bot/src/delivery/domain/adaptive-pace.js';
import { startEmbeddedAzurite } from '../bot/src/dev/azurite.js';
import { freePort } from '../bot/src/dev/ports.js';
import { conversationIdFor, employeeIdFor, newsVariants, startDeliveryStack } from '../tests/support/delivery-stack.js';
import { startThrottlingConnectorProcess } from '../tests/support/throttling-connector-child.js';

const scenarios = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['5000:50', '50000:500']).map((arg) => {
  const [recipients, cap] = arg.split(':').map(Number);
  if (!recipients || !cap) throw new Error(`expected recipients:cap, got ${arg}`);
  return { recipients, cap };
});

// The engine's configured pace as a share of the connector's cap: configured at the cap, as an operator would, the
// engine itself stays 7 % under it (adaptive-pace ceilingShare), room for the latency jitter between our send times
// and the connector's arrival times (20-80 ms here), which it counts in a sliding 1 s window.
const PACE = Number(process.env.PACE ?? 1);

// The live heap (after a full GC) is what the engine keeps; heapUsed between collections is mostly garbage. A full
// GC stops this process (the engine) for 50-500 ms, which itself costs rate, so it is sampled every 10 s
// and once at the end rather than every 2 s.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
let peakRss = 0;
let peakHeap = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampleLiveHeap = () => {
  collectGarbage();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
const rssTimer = setInterval(sampleRss, 100);
const heapTimer = setInterval(sampleLiveHeap, 10_000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const azurite = await startEmbeddedAzurite({ tablePort: await freePort(), queuePort: await freePort() });
try {
  for (const [index, { recipients, cap }] of scenarios.entries()) {
    // The stand-in runs in its own process, as Teams' connector does: a pause of this process (GC, a busy turn) must
    // not stamp the requests it already sent with one arrival time.
    const connector = await startThrottlingConnectorProcess({ globalPerSecond: cap, retryAfterSeconds: 1, latencyMs: [20, 80] });
    const stack = await startDeliveryStack({
      connectionString: azurite.connectionString,
      prefix: `bench${index}x${Date.now().toString(36)}`,
      options: { messagesPerSecond: PACE * cap },
    });
    const everyone = Array.from({ length: recipients }, (_, i) => employeeIdFor(i + 1));
    const seedStart = Date.now();
    await stack.seedReferences(everyone, connector.serviceUrl);
    const seedMs = Date.now() - seedStart;
    await stack.engine.start();
    collectGarbage();
    peakRss = process.memoryUsage().rss;
    const baseHeap = process.memoryUsage().heapUsed;
    peakHeap = baseHeap;
    const loadBefore = load();

    const started = Date.now();
    await stack.engine.send({ id: `bench-${recipients}`, kind: 'news', createdBy: 'bench', title: 'bench', audience: 'everyone', variants: newsVariants('bench'), recipients: everyone.map((employeeId) => ({ employeeId })) });
    const queuedMs = Date.now() - started;
    let tenth = 0;
    let ninetieth = 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { accepted } = await connector.counts();
      if (!tenth && accepted >= recipients * 0.1) tenth = Date.now();
      if (!ninetieth && accepted >= recipients * 0.9) ninetieth = Date.now();
      if (accepted >= recipients && !(await stack.engine.report(`bench-${recipients}`).then((r) => r?.counts.sending || r?.counts.retrying || r?.counts.queued))) break;
    }
    const wallMs = Date.now() - started;
    sampleLiveHeap();
    // Counted once: recounting every recorded message per recipient would be quadratic in the recipients.
    const perConversation = await connector.messagesPerConversation();
    const counts = await connector.counts();
    const duplicates = [...perConversation.values()].filter((count) => count > 1).length;
    const missing = everyone.filter((employeeId) => !perConversation.has(conversationIdFor(employeeId))).length;
    const achieved = recipients / (wallMs / 1000);
    console.log(
      [
        `${recipients.toLocaleString('en')} recipients, app-wide cap ${cap} msg/s (engine configured at ${(PACE * cap).toFixed(1)}/s, paced at most ${(PACE * cap * DEFAULT_ADAPTIVE_PACE.ceilingShare).toFixed(1)}/s)`,
        `  wall time (send() to last recorded result): ${(wallMs / 1000).toFixed(1)} s  (store + queue ${(queuedMs / 1000).toFixed(1)} s)`,
        `  achieved: ${achieved.toFixed(1)} msg/s = ${(achieved / cap).toFixed(2)} of cap (steady state, 10%→90%: ${((recipients * 0.8) / ((ninetieth - tenth) / 1000) / cap).toFixed(2)} of cap)`,
        `  429s: ${counts.throttledGlobal} app-wide, ${counts.throttledConversation} per conversation   requests: ${counts.requests}   duplicates: ${duplicates}   missing: ${missing}`,
        `  in flight at most: ${stack.engine.maxInFlight} (+ ${stack.engine.maxClaimsAhead} claimed ahead of their send)   adaptive pace at the end: ${stack.engine.pacer.perSecond.toFixed(1)}/s`,
        `  peak RSS (engine; the stand-in and Azurite run in their own processes): ${mb(peakRss)}   peak live heap growth (after GC): ${mb(peakHeap - baseHeap)} = ${((peakHeap - baseHeap) / recipients).toFixed(0)} bytes per recipient   seeding references: ${(seedMs / 1000).toFixed(1)} s`,
        `  load average (1/5/15 min) before: ${loadBefore}   after: ${load()}   (2 shared cores: a busy machine lowers every figure)`,
      ].join('\n'),
    );
    await stack.engine.stop();
    await connector.stop();
  }
} finally {
  clearInterval(rssTimer);
  clearInterval(heapTimer);
  await azurite.stop();
}
