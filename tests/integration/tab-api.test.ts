import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../bot/src/app.js';
import { createDevIdentityProvider } from '../../bot/src/dev/dev-identity-provider.js';
import { DEMO_DEPARTMENTS, demoEmployees, seedDemoData } from '../../bot/src/dev/demo-data.js';
import { startTestApp, TEST_TENANT_ID } from '../support/test-app.js';

let app: RunningApp;
const [someone] = demoEmployees(TEST_TENANT_ID);

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.repositories, { tenantId: TEST_TENANT_ID });
});
afterAll(async () => {
  await app?.stop();
});

const me = (token?: string, headers: Record<string, string> = {}) =>
  fetch(`${app.baseUrl}/api/tab/me`, { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });

async function devSignIn(employeeId: string): Promise<string> {
  const response = await fetch(`${app.baseUrl}/api/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ employeeId }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

describe('tab API authorisation', () => {
  it('when a sample employee signs in, then /api/tab/me returns their name, department and job level', async () => {
    const response = await me(await devSignIn(someone!.id));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      id: someone!.id,
      displayName: someone!.displayName,
      department: DEMO_DEPARTMENTS.find((department) => department.id === someone!.departmentId),
      jobLevel: someone!.jobLevel,
    });
  });

  it('when no token is sent, then the answer is 401 with a JSON error', async () => {
    const response = await me();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('when the token has expired, then the answer is 401', async () => {
    const expired = await app.devIdentity!.issueToken({ oid: someone!.id, name: 'x', lifetimeSeconds: -600 });
    expect((await me(expired.accessToken)).status).toBe(401);
  });

  it('when the token comes from another tenant, then the answer is 401', async () => {
    const foreign = await app.devIdentity!.issueToken({ oid: someone!.id, name: 'x', tid: '99999999-0000-4000-8000-000000000000' });
    expect((await me(foreign.accessToken)).status).toBe(401);
  });

  it('when the token is signed by another key, then the answer is 401', async () => {
    const impostor = await createDevIdentityProvider({ tenantId: TEST_TENANT_ID });
    const forged = await impostor.issueToken({ oid: someone!.id, name: 'x' });
    expect((await me(forged.accessToken)).status).toBe(401);
  });

  it('when the token is garbage or the header is not Bearer, then the answer is 401', async () => {
    expect((await me('not-a-jwt')).status).toBe(401);
    const basic = await fetch(`${app.baseUrl}/api/tab/me`, { headers: { Authorization: 'Basic abc' } });
    expect(basic.status).toBe(401);
  });

  it('when a valid token carries an id in the query string, then the token decides who is answered', async () => {
    const [, other] = demoEmployees(TEST_TENANT_ID);
    const response = await fetch(`${app.baseUrl}/api/tab/me?employeeId=${other!.id}`, {
      headers: { Authorization: `Bearer ${await devSignIn(someone!.id)}` },
    });
    expect(((await response.json()) as { id: string }).id).toBe(someone!.id);
  });

  it('when the browser prefers English, then errors are in English', async () => {
    const response = await me(undefined, { 'Accept-Language': 'en-US,en;q=0.9' });
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('Sign-in is required.');
  });

  it('when a rejected request is made, then nothing is written', async () => {
    const before = (await app.repositories.employees.list()).length;
    await me('not-a-jwt');
    await fetch(`${app.baseUrl}/api/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect((await app.repositories.employees.list()).length).toBe(before);
  });

  it('when the dev token request names nobody, then it is refused with 400 or 404', async () => {
    const missing = await fetch(`${app.baseUrl}/api/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(400);
    const unknown = await fetch(`${app.baseUrl}/api/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ employeeId: 'nobody' }),
    });
    expect(unknown.status).toBe(404);
  });

  it('when the seed runs twice, then there are still 30 sample employees, one admin and one DX推進委員', async () => {
    await seedDemoData(app.repositories, { tenantId: TEST_TENANT_ID });
    const employees = await app.repositories.employees.list();
    expect(employees).toHaveLength(30);
    expect(employees.filter((employee) => employee.roles.includes('admin'))).toHaveLength(1);
    expect(employees.filter((employee) => employee.roles.includes('promoter'))).toHaveLength(1);
    expect(new Set(employees.map((employee) => employee.jobLevel))).toEqual(new Set(['general', 'chief', 'manager']));
  });
});
