import { beforeAll, describe, expect, it } from 'vitest';
import { demoEmployees } from '../../bot/src/dev/demo-data.js';
import { SCREENSHOT_DIR } from '../support/browser.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';
import { TEST_TENANT_ID } from '../support/test-app.js';
import { personalChatReference } from '../support/activities.js';

const e2e = useTabInBrowser();
const employees = demoEmployees(TEST_TENANT_ID);
const admin = employees.find((candidate) => candidate.roles.includes('admin'))!;
// Twenty staff have opened the bot (Teams gave it their conversation): the news reaches them.
const withChat = employees.slice(0, 20);

beforeAll(async () => {
  const at = new Date().toISOString();
  for (const employee of withChat) {
    await e2e.stack.app.repositories.conversationReferences.save(personalChatReference(employee.id, `${e2e.stack.app.baseUrl}/dev/connector/`, at));
  }
});

describe('news that asks for 確認しました, in the admin tab (headless Chromium)', () => {
  it('when the admin asks for a follow-up after 0 days, then the page says why and nothing is sent; sent with 2 days, the report shows confirmed and not yet per department with names', async () => {
    const page = await e2e.openAs(admin, `${e2e.stack.tabUrl}#admin`, { width: 1280, height: 900, locale: 'ja-JP' });
    page.setDefaultTimeout(8_000);
    await page.getByTestId('news-title').fill('情報セキュリティ規程の改正(要確認)');
    await page.getByTestId('news-body').fill('USBメモリの持ち出しは禁止です。');
    await page.getByTestId('news-ask-confirmation').click();
    await page.getByTestId('news-follow-up-days').fill('0');
    await page.getByTestId('news-send-now').click();
    await expect.poll(() => page.getByTestId('error-bar').textContent(), { timeout: 10_000 }).toContain('未確認の方へのリマインドは配信の1〜30日後');
    expect(await e2e.stack.app.repositories.news.list()).toEqual([]);

    await page.getByTestId('news-follow-up-days').fill('2');
    await page.getByTestId('news-send-now').click();
    await expect.poll(() => page.getByTestId('notice-bar').textContent(), { timeout: 10_000 }).toContain('配信を開始しました');
    const [item] = await e2e.stack.app.repositories.news.list();
    expect(item!.confirmation).toEqual({ followUpDays: 2 });

    // Three staff press 確認しました on their cards (the service the chat handler calls).
    const confirmers = employees.filter((employee) => !employee.roles.includes('admin')).slice(0, 3);
    for (const employee of confirmers) await e2e.stack.app.news.service.confirm(employee.id, item!.id);

    await page.reload();
    await page.getByTestId('news-confirmations-show').click();
    const report = page.getByTestId(`confirmation-report-${item!.id}`);
    await expect.poll(() => page.getByTestId(`confirmation-summary-${item!.id}`).textContent(), { timeout: 15_000 }).toBe(`確認済み 3 / 対象 ${employees.length} 人(未確認 ${employees.length - 3} 人)・リマインドは 2 日後`);
    const firstDepartment = confirmers[0]!.departmentId!;
    const row = page.getByTestId(`confirmation-row-${item!.id}-${firstDepartment}`);
    const notYetThere = employees.filter((employee) => employee.departmentId === firstDepartment && !confirmers.includes(employee));
    for (const employee of notYetThere) expect(await row.textContent()).toContain(employee.displayName);
    for (const employee of confirmers.filter((candidate) => candidate.departmentId === firstDepartment)) expect(await row.textContent()).not.toContain(employee.displayName);
    await report.scrollIntoViewIfNeeded();
    await page.locator('section[aria-labelledby="confirmations-heading"]').screenshot({ path: `${SCREENSHOT_DIR}/tab-admin-news-confirmations.png` });

    // Working hours: a start after the end is refused on the page.
    await page.getByTestId('working-hours-start').fill('18:00');
    await page.getByTestId('working-hours-end').fill('09:00');
    await page.getByTestId('working-hours-save').click();
    await expect.poll(() => page.getByTestId('error-bar').textContent(), { timeout: 10_000 }).toContain('開始は終了より前の時刻にしてください。');
    await page.locator('section[aria-labelledby="working-hours-heading"]').screenshot({ path: `${SCREENSHOT_DIR}/tab-admin-working-hours.png` });
    await page.close();
  });

  it('when the year has an exam pass and confirmed news, then 事業評価 shows them under 03 and 05 and the exported workbook carries them', async () => {
    const passer = employees.find((employee) => !employee.roles.includes('admin'))!;
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    await e2e.stack.app.repositories.examPasses.save(passer.id, { examId: 'ip', passedOn: today });
    const [item] = await e2e.stack.app.repositories.news.list();
    await expect.poll(async () => (await e2e.stack.app.delivery.report(`news-${item!.id}`))?.broadcast.state, { timeout: 20_000 }).toBe('completed');
    const page = await e2e.openAs(admin, `${e2e.stack.tabUrl}#admin`, { width: 1280, height: 900, locale: 'ja-JP' });
    page.setDefaultTimeout(8_000);
    await expect.poll(() => page.getByTestId('evaluation-output-03-exam-passes').textContent(), { timeout: 15_000 }).toContain('1');
    expect(await page.getByTestId('evaluation-output-05-news-confirmations').textContent()).toMatch(/「確認しました」の数\s*3/);
    expect(await page.getByTestId('evaluation-output-05-news-sent').textContent()).toMatch(/インフォメーションの配信数\s*1/);
    expect(await page.getByTestId('evaluation-output-05-news-reach').textContent()).toMatch(new RegExp(`届いた数.*\\)\\s*${withChat.length}$`));
    await page.locator('#admin-evaluation-heading').locator('xpath=ancestor::section[1]').screenshot({ path: `${SCREENSHOT_DIR}/tab-admin-programme-dashboard.png` });
    // The workbook as an admin downloads it, kept for the summary-sheet picture (converted outside the test suite).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evaluation-export').click()]);
    await download.saveAs(`${SCREENSHOT_DIR}/../annual-report.xlsx`);
    await page.close();
  });
});
