import { describe, expect, it } from 'vitest';
import { demoEmployees } from '../../bot/src/dev/demo-data.js';
import { screenshot } from '../support/browser.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';
import { TEST_TENANT_ID } from '../support/test-app.js';

const e2e = useTabInBrowser();
// The page answers after its API calls; on a busy machine (parallel test files) that can take more than poll's default second.
const UI_WAIT = { timeout: 15_000 };
const employees = demoEmployees(TEST_TENANT_ID);
const byName = (name: string) => employees.find((candidate) => candidate.displayName === name)!;

describe('上司確認 in the tab (headless Chromium)', () => {
  it('when an employee raises データ活用 to LV1 and their 管理職 presses 確認する, then the employee sees 確認済み with the confirmer, also in their timeline', async () => {
    const employee = byName('不動前 葵');
    const manager = byName('長原 明美');
    const page = await e2e.openAs(employee, e2e.stack.tabUrl, { width: 1024, height: 900, locale: 'ja-JP' });
    for (const id of ['data-utilization.lv1.1', 'data-utilization.lv1.2', 'data-utilization.lv1.3']) await page.getByTestId(`criterion-${id}`).click();
    await page.getByTestId('save-skills').click();
    await expect.poll(() => page.getByTestId('skill-confirmation-data-utilization').textContent(), UI_WAIT).toContain('自己評価 · 確認待ち');
    await page.close();

    const confirmer = await e2e.openAs(manager, e2e.stack.tabUrl, { width: 1024, height: 900, locale: 'ja-JP' });
    const item = confirmer.getByTestId(`confirmation-${employee.id}/data-utilization`);
    await expect.poll(() => item.textContent(), UI_WAIT).toContain('不動前 葵: データ活用 LV1');
    await screenshot(confirmer, 'skill-confirmation-queue');
    await confirmer.getByTestId(`confirm-${employee.id}/data-utilization`).click();
    await expect.poll(() => confirmer.getByTestId('confirmation-queue').count(), UI_WAIT).toBe(0);
    await confirmer.close();

    const again = await e2e.openAs(employee, e2e.stack.tabUrl, { width: 1024, height: 900, locale: 'ja-JP' });
    await expect.poll(() => again.getByTestId('skill-confirmation-data-utilization').textContent(), UI_WAIT).toContain('確認済み(長原 明美');
    // The timeline shows the level with who confirmed it, and the table of 年度 has this year's LV1.
    await expect.poll(() => again.getByTestId('timeline-data-utilization').textContent(), UI_WAIT).toMatch(/LV1 — 確認済み\(長原 明美 \d{4}-\d{2}-\d{2}\)/);
    await expect.poll(() => again.getByTestId('skill-fiscal-years').textContent(), UI_WAIT).toContain('年度');
    await again.getByTestId('skill-timeline').scrollIntoViewIfNeeded();
    await screenshot(again, 'skill-timeline-confirmed');
    await again.close();
  });

  it('when デジタル推進課 sets 一般職 データ活用 LV1 as a target, then the ward view shows the share of 一般職 at or above it', async () => {
    const admin = employees.find((candidate) => candidate.roles.includes('admin'))!;
    const page = await e2e.openAs(admin, e2e.stack.tabUrl, { width: 1024, height: 900, locale: 'ja-JP' });
    await page.getByTestId('nav-admin').click();
    await expect.poll(() => page.getByTestId('ward-distribution').textContent(), UI_WAIT).toContain('データ活用');
    await page.getByTestId('target-skill').selectOption('data-utilization');
    await page.getByTestId('target-save').click();
    // 17 一般職 in the sample ward; 不動前 葵 reached LV1 in the test above.
    await expect.poll(() => page.getByTestId('ward-target-shares').textContent(), UI_WAIT).toMatch(/一般職 データ活用 LV1\(\d{4}年度まで\): 目標以上 6%\(1\/17人\)/);
    await expect.poll(() => page.getByTestId('department-target-shares-resident-registry').textContent(), UI_WAIT).toContain('4人のため表示しません');
    await page.close();
  });

  it('when a DX推進委員 opens 部署の状況, then the trend by 年度 shows this year\'s share at LV1 or above for their 課', async () => {
    const promoter = byName('戸越 花子');
    const page = await e2e.openAs(promoter, e2e.stack.tabUrl, { width: 1024, height: 900, locale: 'ja-JP' });
    await page.getByTestId('nav-department').click();
    const year = new Date().getMonth() < 3 ? new Date().getFullYear() - 1 : new Date().getFullYear();
    await expect.poll(() => page.getByTestId(`department-trend-${year}`).textContent(), UI_WAIT).toMatch(new RegExp(`${year}年度.*%\\(\\d+/\\d+人\\)`));
    await screenshot(page, 'department-trend');
    await page.close();
  });
});
