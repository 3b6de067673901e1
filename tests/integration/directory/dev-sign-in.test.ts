import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { generatedRoster, rosterCsv, shiftJis, uploadRoster } from '../../support/roster-files.js';
import { startTestApp } from '../../support/test-app.js';

let app: RunningApp;
const ADMIN = 'd0000000-0000-4000-8000-0000000000a1';
const LINKED = 'd0000000-0000-4000-8000-000000000001';
const roster = generatedRoster(8);

beforeAll(async () => {
  app = await startTestApp({ BOOTSTRAP_ADMIN_UPNS: 'dev.admin@city.example.jp' });
  const { accessToken } = await app.devIdentity!.issueToken({ oid: ADMIN, name: '管理 者', upn: 'dev.admin@city.example.jp' });
  await fetch(`${app.baseUrl}/api/tab/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
  expect((await uploadRoster(app, ADMIN, shiftJis(rosterCsv(roster)))).status).toBe(200);
  // One roster person already has a Teams identity.
  const linked = await app.devIdentity!.issueToken({ oid: LINKED, name: 'x', upn: roster[0]!.upn });
  await fetch(`${app.baseUrl}/api/tab/me`, { headers: { Authorization: `Bearer ${linked.accessToken}` } });
});
afterAll(async () => {
  await app?.stop();
});

interface Listed {
  id: string;
  displayName: string;
  departmentName: string;
  staffNumber: string | null;
  linked: boolean;
}
const identities = async () => ((await (await fetch(`${app.baseUrl}/api/dev/identities`)).json()) as { employees: Listed[] }).employees;

describe('dev sign-in lists the roster', () => {
  it('when a roster is imported, then the dev sign-in lists every active roster person once, with their 課, linked or not', async () => {
    const listed = await identities();
    for (const person of roster) {
      const entries = listed.filter((identity) => identity.staffNumber === person.staffNumber);
      expect(entries).toHaveLength(1);
      expect(entries[0]!.departmentName).toBe(`${person.division} ${person.section}`);
    }
    expect(listed.find((identity) => identity.staffNumber === roster[0]!.staffNumber)).toMatchObject({ id: LINKED, linked: true });
    expect(listed.find((identity) => identity.staffNumber === roster[1]!.staffNumber)).toMatchObject({ linked: false, displayName: roster[1]!.name });
  });

  it('when someone signs in as a roster-only person, then the tab knows them by their roster row and they are listed as linked from then on', async () => {
    const rosterOnly = (await identities()).find((identity) => identity.staffNumber === roster[2]!.staffNumber)!;
    const tokenAnswer = await fetch(`${app.baseUrl}/api/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ employeeId: rosterOnly.id }) });
    expect(tokenAnswer.status).toBe(200);
    const { accessToken } = (await tokenAnswer.json()) as { accessToken: string };
    const me = await fetch(`${app.baseUrl}/api/tab/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: rosterOnly.id, displayName: roster[2]!.name, email: roster[2]!.upn, department: { name: `${roster[2]!.division} ${roster[2]!.section}` } });
    expect((await app.repositories.staffDirectory.findByUpn(roster[2]!.upn))!.employeeId).toBe(rosterOnly.id);
    const after = (await identities()).filter((identity) => identity.staffNumber === roster[2]!.staffNumber);
    expect(after).toEqual([expect.objectContaining({ id: rosterOnly.id, linked: true })]);
  });

  it('when a token is asked for an id that is neither an employee nor a roster person, then it is refused', async () => {
    const answer = await fetch(`${app.baseUrl}/api/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ employeeId: 'd0000000-0000-4000-8000-0000000000ff' }) });
    expect(answer.status).toBe(404);
  });
});
