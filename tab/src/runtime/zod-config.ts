import { z } from 'zod';

/**
 * Imported first by every page: zod's object parser otherwise probes `new Function` (its JIT fast path), which the
 * tab's Content-Security-Policy forbids (script-src 'self', no 'unsafe-eval') and the browser reports as a
 * violation. Without the probe zod parses the same way, a little slower; the tab parses a few small responses.
 */
z.config({ jitless: true });
