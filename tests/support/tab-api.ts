import type { RunningApp } from '../../bot/src/app.js';

export interface TabApiAnswer {
  status: number;
  // JSON as the API sent it; each test reads the fields it asserts on.
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response shapes vary per route
  text: string;
  headers: Headers;
}

/** Calls the tab API as an employee, with a token the app's dev identity provider signs (verified like Entra's). */
export function tabApi(app: RunningApp) {
  return async function call(method: string, path: string, employeeId: string, body?: unknown, headers: Record<string, string> = {}): Promise<TabApiAnswer> {
    const { accessToken } = await app.devIdentity!.issueToken({ oid: employeeId, name: 'x' });
    const response = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // Decoded with the BOM kept, so a test can see the bytes Excel would see.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    let parsed: Record<string, unknown> = {};
    if ((response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text) as Record<string, unknown>;
    return { status: response.status, body: parsed, text, headers: response.headers };
  };
}
