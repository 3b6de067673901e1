import { readFile } from 'node:fs/promises';
import type { RunningApp } from '../app.js';
import { departmentResolver } from '../features/directory/domain/roster-diff.js';
import { demoObjectId, DEMO_PEOPLE } from './demo-data.js';

const SAMPLE = (file: string) => new URL(`./sample-roster/${file}`, import.meta.url);

/** 4月1日 of the current fiscal year (JST), when April's personnel changes take effect. */
function aprilFirst(now: Date): string {
  const jst = new Date(now.getTime() + 9 * 3600_000);
  const year = jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
  return `${year}-04-01`;
}

/**
 * The local stack's staff come in through the real import path: March's Shift_JIS roster on the first start, then
 * April's (one transfer dated 4月1日, one leaver) on every start (idempotent: nothing changes the second time), and
 * the demo identities are linked to their rows by UPN as Teams would; a sample DX推進委員 is their 課's assigned one
 * (as デジタル推進課 would assign them on the DX推進委員 page) unless the 課 already has one.
 */
export async function importDemoRoster(app: RunningApp, options: { adminId: string; now?: Date }): Promise<{ staff: number; linked: number }> {
  const now = options.now ?? new Date();
  if ((await app.repositories.staffDirectory.listStaff()).length === 0) {
    await app.directory.importRoster(options.adminId, await readFile(SAMPLE('roster-2026-03.csv')), { dryRun: false });
  }
  await app.directory.importRoster(options.adminId, await readFile(SAMPLE('roster-2026-04.csv')), { dryRun: false, effectiveDate: aprilFirst(now) });
  const staff = await app.repositories.staffDirectory.listStaff();
  const byName = new Map(staff.map((record) => [record.name, record]));
  let linked = 0;
  const departmentOf = departmentResolver(await app.repositories.departments.list());
  for (const [name, , , roles = []] of DEMO_PEOPLE) {
    const record = byName.get(name);
    if (!record) continue;
    await app.directory.linkIdentity(demoObjectId(name), record.upn);
    linked++;
    const departmentId = departmentOf(record);
    if (roles.includes('promoter') && record.status === 'active' && !(await app.repositories.staffDirectory.getPromoter(departmentId))) {
      await app.repositories.staffDirectory.setPromoter(departmentId, { departmentId, staffNumber: record.staffNumber, assignedBy: options.adminId, assignedAt: now.toISOString() });
    }
  }
  return { staff: staff.length, linked };
}
