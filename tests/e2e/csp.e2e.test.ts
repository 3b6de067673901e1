import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoEmployees } from '../../bot/src/dev/demo-data.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';
import { TEST_TENANT_ID } from '../support/test-app.js';

/**
 * Issue 14, finding 6: the tab now runs under a Content-Security-Policy. A policy that is too strict breaks a page
 * silently (a blocked style or request is only a console line), so Chromium reports every violation here.
 */
const e2e = useTabInBrowser();
const employees = demoEmployees(TEST_TENANT_ID);
const manager = employees.find((candidate) => candidate.jobLevel === 'manager')!;
const admin = employees.find((candidate) => candidate.roles.includes('admin'))!;

async function violationsOn(url: string, ready: (page: Page) => Promise<void>, employee = manager) {
  const page = await e2e.browser.newPage({ viewport: { width: 1024, height: 900 }, locale: 'ja-JP' });
  // Page scripts as strings (as the other browser tests do): the test code is type-checked without the DOM library.
  await page.addInitScript({
    content: "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));",
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  const response = await page.goto(url);
  expect(response?.headers()['content-security-policy']).toContain('frame-ancestors https://teams.microsoft.com');
  await page.getByTestId(`dev-identity-${employee.id}`).click();
  await ready(page);
  const violations = await page.evaluate<string[]>('window.cspViolations');
  await page.close();
  return [...violations, ...consoleErrors];
}

describe('the tab under its Content-Security-Policy (headless Chromium)', () => {
  it('when the tab is opened and signed in, then it renders with no CSP violation', async () => {
    const violations = await violationsOn(`${e2e.stack.tabUrl}?theme=dark`, async (page) => {
      await expect.poll(() => page.getByTestId('employee-name').textContent(), { timeout: 15_000 }).toContain(manager.displayName);
      await expect.poll(() => page.getByTestId('recommendations').textContent()).toBeTruthy();
    });
    expect(violations).toEqual([]);
  });

  it('when an admin opens the 管理 pages (charts, queue), then they render with no CSP violation', async () => {
    const violations = await violationsOn(
      `${e2e.stack.tabUrl}#admin`,
      async (page) => {
        await expect.poll(() => page.locator('section[aria-labelledby="consult-desk-heading"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      },
      admin,
    );
    expect(violations).toEqual([]);
  });

  it('when the local dev chat page talks to the bot, then it works with no CSP violation', async () => {
    const violations = await violationsOn(e2e.stack.devChatUrl, async (page) => {
      await expect.poll(() => page.getByTestId('bot-message').first().textContent(), { timeout: 15_000 }).toContain('DX Navi へようこそ');
    });
    expect(violations).toEqual([]);
  });
});
