import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { departmentIdOf } from '../../../bot/src/features/directory/domain/roster-diff.js';
import { generatedRoster, rosterCsv, shiftJis, uploadRoster } from '../../support/roster-files.js';
import { startTestApp } from '../../support/test-app.js';

let app: RunningApp;
const FIRST_ADMIN = 'c0000000-0000-4000-8000-0000000000a1';
const ENTRA_ADMIN = 'c0000000-0000-4000-8000-0000000000a2';
const MEMBER = 'c0000000-0000-4000-8000-000000000001';
const roster = generatedRoster(14);
// Staff numbers 100001 and 100007 are both in 総務部 人事課 (6 sections, round robin).
const personnel = departmentIdOf('総務部', '人事課');

beforeAll(async () => {
  app = await startTestApp({ BOOTSTRAP_ADMIN_UPNS: 'first.admin@city.example.jp' });
});
afterAll(async () => {
  await app?.stop();
});

async function call(employeeId: string, method: string, path: string, claims: { upn?: string; roles?: string[] } = {}, body?: unknown, locale = 'ja') {
  const { accessToken } = await app.devIdentity!.issueToken({ oid: employeeId, name: `名前 ${employeeId.slice(-2)}`, ...claims });
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json', 'Accept-Language': locale },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts on
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('roles', () => {
  it('when nobody is admin yet, then the tab is told so; the UPN in BOOTSTRAP_ADMIN_UPNS becomes admin at first load, audited', async () => {
    expect((await call(MEMBER, 'GET', '/api/tab/directory/setup')).body).toEqual({ hasAdmin: false });
    expect((await call(FIRST_ADMIN, 'GET', '/api/tab/admin/directory/audit', { upn: 'first.admin@city.example.jp' })).status).toBe(403);
    const me = await call(FIRST_ADMIN, 'GET', '/api/tab/me', { upn: 'First.Admin@city.example.jp' });
    expect(me.body.roles).toContain('admin');
    expect((await call(MEMBER, 'GET', '/api/tab/directory/setup')).body).toEqual({ hasAdmin: true });
    const audit = await call(FIRST_ADMIN, 'GET', '/api/tab/admin/directory/audit');
    expect(audit.body.entries).toEqual([expect.objectContaining({ action: 'role-granted', detail: expect.stringContaining('BOOTSTRAP_ADMIN_UPNS') })]);
  });

  it('when a token carries the DXNavi.Admin app role, then that person is admin from that load on', async () => {
    expect((await call(ENTRA_ADMIN, 'GET', '/api/tab/admin/directory/audit')).status).toBe(403);
    await call(ENTRA_ADMIN, 'GET', '/api/tab/me', { roles: ['DXNavi.Admin'] });
    expect((await call(ENTRA_ADMIN, 'GET', '/api/tab/admin/directory/audit')).status).toBe(200);
    // A second load changes nothing and audits nothing more.
    await call(ENTRA_ADMIN, 'GET', '/api/tab/me', { roles: ['DXNavi.Admin'] });
    const entries = (await call(ENTRA_ADMIN, 'GET', '/api/tab/admin/directory/audit')).body.entries as { detail: string }[];
    expect(entries.filter((entry) => entry.detail.includes('Entra アプリロール'))).toHaveLength(1);
  });

  it('when an admin makes a member of 人事課 its DX推進委員, then they get the promoter role at sign-in and the change is audited', async () => {
    await uploadRoster(app, FIRST_ADMIN, shiftJis(rosterCsv(roster)));
    const sections = (await call(FIRST_ADMIN, 'GET', '/api/tab/admin/directory/promoters')).body.sections as { department: { id: string }; candidates: { staffNumber: string }[] }[];
    expect(sections.find((section) => section.department.id === personnel)!.candidates.map((c) => c.staffNumber)).toEqual(['100001', '100007', '100013']);

    const assigned = await call(FIRST_ADMIN, 'PUT', `/api/tab/admin/directory/promoters/${personnel}`, {}, { staffNumber: '100007' });
    expect(assigned.status).toBe(200);
    const me = await call(MEMBER, 'GET', '/api/tab/me', { upn: roster[6]!.upn });
    expect(me.body.roles).toEqual(['employee', 'promoter']);
    expect((await call(MEMBER, 'GET', `/api/tab/department/skills?departmentId=${personnel}`)).status).toBe(200);

    const outsider = await call(FIRST_ADMIN, 'PUT', `/api/tab/admin/directory/promoters/${personnel}`, {}, { staffNumber: '100002' });
    expect(outsider.status).toBe(400);
    expect((await call(FIRST_ADMIN, 'PUT', `/api/tab/admin/directory/promoters/${personnel}`, {}, { staffNumber: null })).status).toBe(200);
    expect((await app.repositories.employees.get(MEMBER))!.roles).toEqual(['employee']);
    expect((await call(MEMBER, 'GET', `/api/tab/department/skills?departmentId=${personnel}`)).status).toBe(403);
    const audit = (await call(FIRST_ADMIN, 'GET', '/api/tab/admin/directory/audit')).body.entries as { action: string; actorName: string }[];
    expect(audit.slice(0, 2).map((entry) => entry.action)).toEqual(['promoter-unassigned', 'promoter-assigned']);
    expect((await call(MEMBER, 'PUT', `/api/tab/admin/directory/promoters/${personnel}`, {}, { staffNumber: '100007' })).status).toBe(403);
  });

  it('when a later token of an Entra-made admin lacks DXNavi.Admin, then they are admin no more and the log says it was taken back', async () => {
    await call(ENTRA_ADMIN, 'GET', '/api/tab/me', { roles: ['DXNavi.Admin'] });
    expect((await app.repositories.employees.get(ENTRA_ADMIN))!.roles).toContain('admin');
    await call(ENTRA_ADMIN, 'GET', '/api/tab/me', { roles: [] });
    expect((await app.repositories.employees.get(ENTRA_ADMIN))!.roles).toEqual(['employee']);
    expect((await call(ENTRA_ADMIN, 'GET', '/api/tab/admin/directory/audit')).status).toBe(403);
    const audit = await call(FIRST_ADMIN, 'GET', '/api/tab/admin/directory/audit', {}, undefined, 'en');
    expect(audit.body.entries[0]).toMatchObject({ action: 'role-revoked', detail: expect.stringContaining('admin taken from') });
    // A second load without the role changes nothing more.
    await call(ENTRA_ADMIN, 'GET', '/api/tab/me', { roles: [] });
    const after = (await call(FIRST_ADMIN, 'GET', '/api/tab/admin/directory/audit')).body.entries as { action: string }[];
    expect(after.filter((entry) => entry.action === 'role-revoked')).toHaveLength(1);
  });

  it('when a BOOTSTRAP_ADMIN_UPNS admin\'s token stops carrying DXNavi.Admin, then they stay admin', async () => {
    await call(FIRST_ADMIN, 'GET', '/api/tab/me', { upn: 'first.admin@city.example.jp', roles: ['DXNavi.Admin'] });
    await call(FIRST_ADMIN, 'GET', '/api/tab/me', { upn: 'first.admin@city.example.jp', roles: [] });
    expect((await app.repositories.employees.get(FIRST_ADMIN))!.roles).toContain('admin');
  });

  it('when DXNavi.Promoter leaves the token, then a promoter Entra made loses the role but one assigned in the tab keeps it', async () => {
    const assignedOne = 'c0000000-0000-4000-8000-000000000011';
    const entraOnly = 'c0000000-0000-4000-8000-000000000012';
    // 100001 (人事課) is assigned in the tab and also had the app role; 100002 only had the app role.
    await call(assignedOne, 'GET', '/api/tab/me', { upn: roster[0]!.upn, roles: ['DXNavi.Promoter'] });
    expect((await call(FIRST_ADMIN, 'PUT', `/api/tab/admin/directory/promoters/${personnel}`, {}, { staffNumber: '100001' })).status).toBe(200);
    await call(entraOnly, 'GET', '/api/tab/me', { upn: roster[1]!.upn, roles: ['DXNavi.Promoter'] });
    expect((await app.repositories.employees.get(entraOnly))!.roles).toContain('promoter');

    await call(assignedOne, 'GET', '/api/tab/me', { upn: roster[0]!.upn, roles: [] });
    await call(entraOnly, 'GET', '/api/tab/me', { upn: roster[1]!.upn, roles: [] });
    expect((await app.repositories.employees.get(assignedOne))!.roles).toContain('promoter');
    expect((await app.repositories.employees.get(entraOnly))!.roles).toEqual(['employee']);
  });

  it('when aad.manifest.json is read, then it defines the DXNavi.Admin and DXNavi.Promoter app roles', () => {
    const manifest = JSON.parse(readFileSync('aad.manifest.json', 'utf8')) as { appRoles: { value: string; allowedMemberTypes: string[] }[] };
    expect(manifest.appRoles.map((role) => role.value)).toEqual(['DXNavi.Admin', 'DXNavi.Promoter']);
  });
});
