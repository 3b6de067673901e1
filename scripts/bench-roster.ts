/**
 * 職員名簿 import at the ward's scale, over HTTP on the real bot server and in-memory Azurite: preview and apply of a
 * 5,200-row Shift_JIS roster, then April's file with 300 transfers, 80 newcomers and 50 leavers (every 10th person
 * linked to a Teams identity, so their employee rows follow). Prints wall time, table rows written and peak RSS.
 * Usage: npm run bench:roster [-- <staff>] (default 5200; e.g. `-- 500` for a smoke run). Never fails on timing:
 * figures need a quiet machine, and the in-memory Azurite (one Node process) sets the pace, not the app.
 */
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { startApp } from '../bot/src/app.js';
import { loadConfig } from '../bot/src/config.js';
import { startEmbeddedAzurite } from '../bot/src/dev/azurite.js';
import { freePort } from '../bot/src/dev/ports.js';
import { createLogger } from '../bot/src/logger.js';
import { generatedRoster, rosterCsv, type RosterLine } from '../tests/support/roster-files.js';

const STAFF = Number(process.argv[2] ?? 5200);
const [TRANSFERS, NEWCOMERS, LEAVERS] = STAFF >= 5200 ? [300, 80, 50] : [Math.ceil(STAFF * 0.06), Math.ceil(STAFF * 0.015), Math.ceil(STAFF * 0.01)];
const TENANT = '00000000-0000-4000-8000-000000000001';
const ADMIN = '00000000-0000-4000-8000-00000000ad01';
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

const azurite = await startEmbeddedAzurite({ tablePort: await freePort(), queuePort: await freePort() });
const app = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', DEV_TENANT_ID: TENANT }), {
  storage: { connectionString: azurite.connectionString },
  log: createLogger({ silent: true }),
  tablePrefix: 'benchroster',
});

async function upload(lines: readonly RosterLine[], query: string) {
  const bytes = iconv.encode(rosterCsv(lines), 'cp932');
  const { accessToken } = await app.devIdentity!.issueToken({ oid: ADMIN, name: 'bench admin' });
  const started = performance.now();
  const response = await fetch(`${app.baseUrl}/api/tab/admin/roster${query}`, { method: 'POST', headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'text/csv' }, body: bytes });
  const body = (await response.json()) as { added: unknown[]; changed: unknown[]; transferred: unknown[]; deactivated: unknown[]; unchanged: number; errors: unknown[]; rowsWritten: number };
  const seconds = (performance.now() - started) / 1000;
  if (response.status !== 200 || body.errors.length > 0) throw new Error(`upload failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { seconds, bytes: bytes.length, body };
}

const report = (label: string, result: Awaited<ReturnType<typeof upload>>) =>
  console.log(
    `${label.padEnd(34)} ${result.seconds.toFixed(2).padStart(7)} s   rows written ${String(result.body.rowsWritten).padStart(6)}   ` +
      `added ${result.body.added.length} transferred ${result.body.transferred.length} changed ${result.body.changed.length} deactivated ${result.body.deactivated.length} unchanged ${result.body.unchanged}   peak RSS ${mb(process.resourceUsage().maxRSS)}`,
  );

try {
  await app.repositories.employees.save({ id: ADMIN, displayName: 'bench admin', email: undefined, departmentId: undefined, jobLevel: 'chief', roles: ['employee', 'admin'], locale: undefined, tenantId: TENANT, installedAt: undefined });
  console.log(`職員名簿 bench — node ${process.version}, in-memory Azurite in this process, ${STAFF} staff; then ${TRANSFERS} transfers, ${NEWCOMERS} new, ${LEAVERS} leavers`);
  const march = generatedRoster(STAFF);
  report(`preview ${STAFF} rows (dryRun)`, await upload(march, '?dryRun=1'));
  report(`apply ${STAFF} rows`, await upload(march, ''));
  report('apply the same file again', await upload(march, ''));

  const linkStarted = performance.now();
  const linked = march.filter((_, index) => index % 10 === 0);
  for (const [index, line] of linked.entries()) await app.directory.linkIdentity(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, line.upn);
  console.log(`linked ${linked.length} identities by UPN in ${((performance.now() - linkStarted) / 1000).toFixed(2)} s`);

  // Every step-th person who stays moves to a 課 new this April.
  const step = Math.floor((STAFF - LEAVERS) / TRANSFERS);
  const april = march
    .slice(LEAVERS)
    .map((line, index) => (index % step === 0 && index / step < TRANSFERS ? { ...line, division: '企画経営部', section: 'DX戦略課' } : line))
    .concat(generatedRoster(NEWCOMERS, STAFF + 1));
  report('preview April (dryRun)', await upload(april, '?dryRun=1&effectiveDate=2027-04-01'));
  report('apply April', await upload(april, '?effectiveDate=2027-04-01'));
  console.log(`(file sizes: ${(iconv.encode(rosterCsv(march), 'cp932').length / 1024).toFixed(0)} KB and ${(iconv.encode(rosterCsv(april), 'cp932').length / 1024).toFixed(0)} KB, Shift_JIS)`);
} finally {
  await app.stop();
  await azurite.stop();
}
