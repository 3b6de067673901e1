import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { departmentIdOf } from '../../../bot/src/features/directory/domain/roster-diff.js';
import { generatedRoster, rosterCsv, shiftJis, uploadRoster, utf8WithBom, type RosterLine } from '../../support/roster-files.js';
import { startTestApp, TEST_TENANT_ID } from '../../support/test-app.js';

let app: RunningApp;
const ADMIN = 'a0000000-0000-4000-8000-0000000000a1';
const CLERK = 'a0000000-0000-4000-8000-0000000000c1';
const base = generatedRoster(12);

beforeAll(async () => {
  app = await startTestApp();
  const person = { email: undefined, departmentId: undefined, jobLevel: undefined, locale: undefined, tenantId: TEST_TENANT_ID, installedAt: undefined };
  await app.repositories.employees.save({ ...person, id: ADMIN, displayName: '品川 デジタ', roles: ['employee', 'admin'] });
  await app.repositories.employees.save({ ...person, id: CLERK, displayName: '大井 一般', roles: ['employee'] });
});
afterAll(async () => {
  await app?.stop();
});

describe('POST /api/tab/admin/roster', () => {
  it('when an admin previews a Shift_JIS file with ?dryRun=1, then the answer lists what would change and nothing is written', async () => {
    const preview = await uploadRoster(app, ADMIN, shiftJis(rosterCsv(base)), '?dryRun=1');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, encoding: 'shift_jis', unchanged: 0, errors: [], rowsWritten: 0 });
    expect(preview.body.added).toHaveLength(12);
    expect(preview.body.added[0]).toMatchObject({ staffNumber: '100001', name: '職員 1', section: '人事課', jobLevel: 'general' });
    expect(await app.repositories.staffDirectory.listStaff()).toEqual([]);
  });

  it('when the admin applies it, then staff and their 課 are stored; the same file again (UTF-8 this time) writes nothing', async () => {
    const applied = await uploadRoster(app, ADMIN, shiftJis(rosterCsv(base)));
    expect(applied.body.added).toHaveLength(12);
    expect(applied.body.rowsWritten).toBeGreaterThanOrEqual(24);
    expect(await app.repositories.staffDirectory.listStaff()).toHaveLength(12);
    expect(await app.repositories.departments.get(departmentIdOf('総務部', '人事課'))).toEqual({ id: departmentIdOf('総務部', '人事課'), name: '総務部 人事課' });
    const again = await uploadRoster(app, ADMIN, utf8WithBom(rosterCsv(base)));
    expect(again.body).toMatchObject({ encoding: 'utf-8-bom', added: [], changed: [], transferred: [], deactivated: [], unchanged: 12, rowsWritten: 0 });
  });

  it('when a file has bad lines, then every bad line is listed and nothing at all is applied', async () => {
    const lines: RosterLine[] = [...base.slice(0, 10), { ...base[10]!, jobLevel: '嘱託' }, { ...base[11]!, staffNumber: base[0]!.staffNumber }, { ...generatedRoster(1, 99)[0]!, name: '新人 追加' }];
    const answer = await uploadRoster(app, ADMIN, shiftJis(rosterCsv(lines)));
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toEqual([
      { line: 12, column: '職層', message: '職層「嘱託」は対応表にありません。' },
      { line: 13, column: '職員番号', message: '職員番号 100001 が 2 行目と重複しています。' },
    ]);
    expect(answer.body).toMatchObject({ added: [], deactivated: [], rowsWritten: 0 });
    expect(await app.repositories.staffDirectory.listStaff()).toHaveLength(12);
  });

  it('when the caller is not an admin, then the upload is refused with 403 and nothing is read', async () => {
    const answer = await uploadRoster(app, CLERK, shiftJis(rosterCsv(base)), '?dryRun=1');
    expect(answer.status).toBe(403);
  });

  it('when the upload is not a CSV, is empty or is over 10 MB, then the admin is told why and nothing is written', async () => {
    const workbook = await uploadRoster(app, ADMIN, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    expect(workbook.body.errors[0].message).toContain('CSVファイルではありません');
    const empty = await uploadRoster(app, ADMIN, new Uint8Array());
    expect(empty.body.errors[0].message).toBe('ファイルが空です。');
    const huge = await uploadRoster(app, ADMIN, new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41));
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toContain('10 MB');
    const english = await uploadRoster(app, ADMIN, new Uint8Array(), '', { 'Accept-Language': 'en-US' });
    expect(english.body.errors[0].message).toBe('The file is empty.');
    expect(await app.repositories.staffDirectory.listStaff()).toHaveLength(12);
  });

  it('when April\'s file moves one person, adds one and drops one, then the transfer is dated 4月1日 and the leaver is deactivated with their record kept and the date they left', async () => {
    const linkedLeaver = base[2]!;
    const employeeId = 'a0000000-0000-4000-8000-00000000e003';
    await app.directory.linkIdentity(employeeId, linkedLeaver.upn);
    expect((await app.repositories.employees.list()).map((e) => e.id)).toContain(employeeId);

    const april = [...base.filter((line) => line !== linkedLeaver).map((line) => (line === base[0] ? { ...line, division: '企画経営部', section: 'デジタル推進課', jobLevel: '係長' } : line)), ...generatedRoster(1, 500)];
    const preview = await uploadRoster(app, ADMIN, shiftJis(rosterCsv(april)), '?dryRun=1&effectiveDate=2027-04-01');
    expect(preview.body.transferred.map((c: { after: { staffNumber: string } }) => c.after.staffNumber)).toEqual(['100001']);
    expect(preview.body.deactivated.map((c: { after: { staffNumber: string; status: string } }) => [c.after.staffNumber, c.after.status])).toEqual([['100003', 'left']]);
    expect(preview.body.added.map((a: { staffNumber: string }) => a.staffNumber)).toEqual(['100500']);

    const applied = await uploadRoster(app, ADMIN, shiftJis(rosterCsv(april)), '?effectiveDate=2027-04-01');
    expect(applied.body.unchanged).toBe(10);
    expect(await app.directory.transfersOf(ADMIN, '100001')).toEqual([
      expect.objectContaining({ effectiveDate: '2027-04-01', from: { division: '総務部', section: '人事課', jobLevel: 'general' }, to: { division: '企画経営部', section: 'デジタル推進課', jobLevel: 'chief' } }),
    ]);
    const leaver = await app.repositories.employees.get(employeeId);
    expect(leaver).toMatchObject({ directoryStatus: 'left', staffNumber: '100003' });
    expect((await app.repositories.employees.list()).map((e) => e.id)).not.toContain(employeeId);
    // The leaving date is the import's effective date: trends count the leaver in the years before it only.
    expect((await app.repositories.staffDirectory.listStaff()).find((r) => r.staffNumber === '100003')).toMatchObject({ status: 'left', employeeId, leftOn: '2027-04-01' });
    await uploadRoster(app, ADMIN, shiftJis(rosterCsv(april)), '?effectiveDate=2027-05-01');
    expect((await app.repositories.staffDirectory.listStaff()).find((r) => r.staffNumber === '100003')?.leftOn).toBe('2027-04-01');
    const audit = await app.directory.auditLog(ADMIN);
    expect(audit[0]).toMatchObject({ action: 'roster-import', actorName: '品川 デジタ' });
    expect(audit[0]!.detail).toContain('退職扱い 1');
    expect(audit[0]!.detailEn).toContain('deactivated 1');
  });
});
