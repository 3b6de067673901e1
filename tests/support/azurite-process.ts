/**
 * An embedded Azurite in a process of its own, as `npm start` runs it, for tests that SIGKILL its parent.
 * Arguments: data folder, table port, queue port. Prints one JSON line once both services listen.
 */
import { startEmbeddedAzurite } from '../../bot/src/dev/azurite.js';

const [location, tablePort, queuePort] = process.argv.slice(2);
await startEmbeddedAzurite({ location: location!, tablePort: Number(tablePort), queuePort: Number(queuePort) });
process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid })}\n`);
