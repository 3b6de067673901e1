import { describe, expect, it } from 'vitest';
import { demoEmployees } from '../../bot/src/dev/demo-data.js';
import { fiscalYearOf } from '../../bot/src/features/survey/domain/survey-rounds.js';
import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { resolve } from 'node:path';
import { SCREENSHOT_DIR, screenshot } from '../support/browser.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';
import { TEST_TENANT_ID } from '../support/test-app.js';

const e2e = useTabInBrowser();
const employees = demoEmployees(TEST_TENANT_ID);
const admin = employees.find((candidate) => candidate.roles.includes('admin'))!;
const staff = employees.find((candidate) => candidate.roles.length === 1 && candidate.roles[0] === 'employee')!;

describe('評価・表彰 in the tab (headless Chromium)', () => {
  it('when a staff member nominates from the tab and デジタル推進課 accepts, awards and publishes it, then the nominator sees 表彰済み and the gallery shows it under this year', async () => {
    const page = await e2e.openAs(staff, `${e2e.stack.tabUrl}#awards`, { width: 1280, height: 900, locale: 'ja-JP' });
    await page.getByTestId('nominate-title').fill('会議録作成を音声認識で効率化');
    await page.getByTestId('nominate-what-changed').fill('会議録を手で起こしていた作業を、音声認識ツールの下書きから直す形に変えました。');
    await page.getByTestId('nominate-effect').fill('1件あたり4時間 → 1.5時間(62%削減)');
    // A non-https link is refused with the reason, and the form keeps what was typed.
    await page.getByTestId('nominate-link').fill('http://example.com/minutes');
    await page.getByTestId('nominate-submit').click();
    await expect.poll(() => page.getByTestId('error-bar').textContent()).toContain('https://');
    expect(await page.getByTestId('nominate-title').inputValue()).toBe('会議録作成を音声認識で効率化');
    await page.getByTestId('nominate-link').fill('');
    await page.getByTestId('nominate-submit').click();
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toContain('推薦を受け付けました');
    const item = page.locator('[data-testid^="my-nomination-"]').first();
    const id = ((await item.getAttribute('data-testid')) ?? '').replace('my-nomination-', '');
    expect(await page.getByTestId(`nomination-state-${id}`).textContent()).toBe('審査待ち');

    const desk = await e2e.openAs(admin, `${e2e.stack.tabUrl}#awards`, { width: 1280, height: 900, locale: 'ja-JP' });
    await desk.getByTestId(`review-accept-${id}`).click();
    await desk.getByTestId(`award-category-${id}`).selectOption('grand');
    await desk.getByTestId(`award-${id}`).click();
    await desk.getByTestId(`award-publish-${id}`).click();
    await expect.poll(() => desk.getByTestId('notice-bar').textContent()).toContain('庁内優良事例として配信します');
    const year = fiscalYearOf(new Date());
    await expect.poll(() => desk.getByTestId(`gallery-award-${id}`).textContent()).toContain('最優秀賞');
    expect(await desk.getByTestId(`gallery-year-${year}`).textContent()).toContain(`${year}年度`);
    await screenshot(desk, 'awards-gallery');

    await page.reload();
    await expect.poll(() => page.getByTestId(`nomination-state-${id}`).textContent()).toBe('表彰済み');
    expect(await page.getByTestId(`gallery-award-${id}`).textContent()).toContain('1件あたり4時間 → 1.5時間(62%削減)');
  });

  it('when デジタル推進課 opens 管理 → 事業評価, then all eight outcomes show their outputs and indicators, the award counted on 03, and 人事課’s figure can be entered for 02 (out of range refused)', async () => {
    const page = await e2e.openAs(admin, `${e2e.stack.tabUrl}#admin`, { width: 1280, height: 1000, locale: 'ja-JP' });
    await expect.poll(() => page.locator('[data-testid^="evaluation-outcome-"]').count()).toBe(8);
    expect(await page.getByTestId('evaluation-outcome-03').textContent()).toContain('表彰件数');
    expect(await page.getByTestId('evaluation-output-03-awards').textContent()).toMatch(/表彰件数: 1/);
    expect(await page.getByTestId('evaluation-outcome-01').textContent()).toContain('基準値 3.043 / 目標値 3.5');
    expect(await page.getByTestId('evaluation-outcome-02').textContent()).toContain('人事課実施アンケートにより評価する');

    await page.getByTestId('evaluation-hr-value').fill('7');
    await page.getByTestId('evaluation-hr-save').click();
    await expect.poll(() => page.getByTestId('error-bar').textContent()).toContain('1~5');
    await page.getByTestId('evaluation-hr-value').fill('3.2');
    await page.getByTestId('evaluation-hr-save').click();
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toContain('人事課の数値を保存しました');
    // 年次報告: one click downloads the workbook; its summary carries 人事課's figure just entered.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evaluation-export').click()]);
    expect(download.suggestedFilename()).toBe(`事業評価_${fiscalYearOf(new Date())}年度.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync((await download.path())!)).buffer);
    const hrRow = workbook.getWorksheet('概要')!.getSheetValues().find((row) => Array.isArray(row) && String(row[1]).startsWith('02 ')) as unknown[];
    expect(hrRow[3]).toBe(3.2);

    // The dashboard alone, for the closing note (the admin page around it is long).
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.locator('#admin-evaluation-heading').locator('xpath=ancestor::section[1]').screenshot({ path: resolve(SCREENSHOT_DIR, 'evaluation-dashboard.png') });
  });
});
