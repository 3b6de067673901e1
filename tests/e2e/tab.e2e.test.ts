import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENTS, demoEmployees, demoPastSessionId } from '../../bot/src/dev/demo-data.js';
import { screenshot } from '../support/browser.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';
import { TEST_TENANT_ID } from '../support/test-app.js';

const e2e = useTabInBrowser();

const employees = demoEmployees(TEST_TENANT_ID);
const departmentName = (id: string | undefined) => DEMO_DEPARTMENTS.find((department) => department.id === id)!.name;

describe('tab in headless Chromium', () => {
  it('when a sample employee signs in outside Teams, then the tab shows their name, department and job level', async () => {
    const employee = employees.find((candidate) => candidate.jobLevel === 'chief')!;
    const page = await e2e.openAs(employee, e2e.stack.tabUrl, { width: 1024, height: 720, locale: 'ja-JP' });
    await expect.poll(() => page.getByTestId('employee-name').textContent()).toContain(employee.displayName);
    expect(await page.getByTestId('employee-department').textContent()).toContain(departmentName(employee.departmentId));
    expect(await page.getByTestId('employee-job-level').textContent()).toContain('係長級');
    await screenshot(page, 'tab-home-ja-light');
    await page.close();
  });

  it('when the browser is English and the theme is dark, then the tab speaks English in the dark theme', async () => {
    const employee = employees.find((candidate) => candidate.jobLevel === 'manager')!;
    const page = await e2e.openAs(employee, `${e2e.stack.tabUrl}?theme=dark&lang=en`, { width: 360, height: 720, locale: 'en-US' });
    await expect.poll(() => page.getByTestId('employee-job-level').textContent()).toContain('Manager');
    await expect.poll(() => page.getByTestId('recommendations').textContent()).toContain('Business process reform LV1');
    // Nothing may force a sideways scroll at Teams' narrow width.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    const [red = 255, green = 255, blue = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(red + green + blue).toBeLessThan(3 * 100);
    await screenshot(page, 'tab-home-en-dark-narrow');
    await page.close();
  });

  it('when someone chats on the dev chat page, then the bot welcomes them and answers ヘルプ with a rendered card', async () => {
    const employee = employees[0]!;
    const page = await e2e.openAs(employee, e2e.stack.devChatUrl, { width: 900, height: 900, locale: 'ja-JP' });
    await expect.poll(() => page.getByTestId('bot-message').first().textContent(), { timeout: 15_000 }).toContain('DX Navi へようこそ');
    await page.getByTestId('chat-input').fill('ヘルプ');
    await page.getByTestId('chat-send').click();
    await expect.poll(() => page.getByTestId('bot-message').last().textContent(), { timeout: 15_000 }).toContain('DX Navi でできること');
    await screenshot(page, 'dev-chat-help');
    await page.close();
  });

  it('when someone asks 研修を探す in the dev chat and presses 申し込む, then the card is replaced by one saying they are signed up', async () => {
    const employee = employees.find((candidate) => candidate.displayName === '目黒 隆')!;
    const page = await e2e.openAs(employee, e2e.stack.devChatUrl, { width: 900, height: 1200, locale: 'ja-JP' });
    await expect.poll(() => page.getByTestId('bot-message').first().textContent(), { timeout: 15_000 }).toContain('DX Navi へようこそ');
    await page.getByTestId('chat-input').fill('研修を探す');
    await page.getByTestId('chat-send').click();
    await expect.poll(() => page.getByTestId('bot-message').last().textContent(), { timeout: 15_000 }).toContain('あなたにおすすめの研修');
    await page.getByTestId('bot-message').last().getByRole('button', { name: '申し込む' }).first().click();
    await expect.poll(() => page.getByTestId('bot-message').last().textContent(), { timeout: 15_000 }).toContain('に申し込みました。');
    await screenshot(page, 'dev-chat-find-training');
    await page.close();
  });

  it('when an employee ticks every データ活用 LV1 criterion and saves, then the level shows LV1 and its recommendation goes away', async () => {
    const employee = employees.find((candidate) => candidate.jobLevel === 'general')!;
    const page = await e2e.openAs(employee, e2e.stack.tabUrl, { width: 1024, height: 900, locale: 'ja-JP' });
    await expect.poll(() => page.getByTestId('skill-level-data-utilization').textContent()).toBe('未達成');
    expect(await page.getByTestId('recommendation-data-utilization').textContent()).toContain('データ活用 LV1: データの収集方法を理解している');
    for (const index of [1, 2, 3]) await page.getByTestId(`criterion-data-utilization.lv1.${index}`).click();
    await page.getByTestId('save-skills').click();
    await expect.poll(() => page.getByTestId('skill-level-data-utilization').textContent()).toBe('LV1');
    expect(await page.getByTestId('recommendation-data-utilization').count()).toBe(0);
    // A step-up goal brings the skill back with the next level's first open criterion.
    await page.getByTestId('goal-data-utilization').selectOption('2');
    await page.getByTestId('save-skills').click();
    await expect.poll(() => page.getByTestId('recommendation-data-utilization').textContent()).toContain('データ活用 LV2: 担当業務におけるデータ蓄積、収集の適正化を図ることができる');
    await screenshot(page, 'tab-skills-after-save');
    await page.reload();
    await expect.poll(() => page.getByTestId('skill-level-data-utilization').textContent()).toBe('LV1');
    await page.close();
  });

  it('when an employee signs up for a session in the tab, then it shows 申込済み, and キャンセル gives the seat back', async () => {
    const employee = employees.find((candidate) => candidate.jobLevel === 'manager')!;
    const page = await e2e.openAs(employee, e2e.stack.tabUrl, { width: 1024, height: 900, locale: 'ja-JP' });
    const sessionId = `demo-${new Date().toISOString().slice(0, 7)}-data-utilization`;
    await page.getByTestId('nav-training').click();
    await page.getByTestId(`session-enroll-${sessionId}`).click();
    await expect.poll(() => page.getByTestId(`session-status-${sessionId}`).textContent()).toBe('申込済み');
    await screenshot(page, 'tab-session-enrolled');
    await page.getByTestId(`session-cancel-${sessionId}`).click();
    await expect.poll(() => page.getByTestId(`session-${sessionId}`).textContent()).toContain('残り20席');
    await page.close();
  });

  it('when an employee records an IT exam pass, then it is listed with its date', async () => {
    const employee = employees.find((candidate) => candidate.jobLevel === 'general' && candidate.departmentId === 'environment')!;
    const page = await e2e.openAs(employee, e2e.stack.tabUrl, { width: 1024, height: 900, locale: 'ja-JP' });
    await page.getByTestId('nav-evidence').click();
    await page.getByTestId('exam-select').selectOption('sg');
    await page.getByTestId('exam-date').fill('2024-11-01');
    await page.getByTestId('exam-record').click();
    await expect.poll(() => page.getByTestId('exam-passes').textContent()).toContain('情報セキュリティマネジメント (2024-11-01)');
    await expect.poll(() => page.getByTestId('exam-subsidy').textContent()).toContain('IT関連試験・講座を受ける職員への助成率を引き上げる');
    await screenshot(page, 'tab-evidence');
    await page.close();
  });

  it('when an employee signs up from a recommendation, then the recommendation shows 申込済み and the training page lists the session', async () => {
    const employee = employees.find((candidate) => candidate.displayName === '天王洲 拓也')!;
    const page = await e2e.openAs(employee, e2e.stack.tabUrl, { width: 1024, height: 900, locale: 'ja-JP' });
    const sessionId = `demo-${new Date().toISOString().slice(0, 7)}-security`;
    await expect.poll(() => page.getByTestId('skill-chart').textContent()).toContain('セキュリティ');
    await page.getByTestId(`recommended-enroll-${sessionId}`).click();
    await expect.poll(() => page.getByTestId('recommendation-security').textContent()).toContain('申込済み');
    await screenshot(page, 'tab-skills-recommendations');
    await page.getByTestId('nav-training').click();
    await expect.poll(() => page.getByTestId('my-sessions').textContent()).toContain('セキュリティ研修');
    await expect.poll(() => page.getByTestId('training-map').textContent()).toContain('データ利活用研修');
    await screenshot(page, 'tab-training');
    await page.close();
  });

  it('when the admin records attendance for a held session, then the attendee finds it under completed training', async () => {
    const admin = employees.find((candidate) => candidate.roles.includes('admin'))!;
    const attendee = employees.find((candidate) => candidate.displayName === '大崎 健太')!;
    const sessionId = demoPastSessionId(new Date());
    const page = await e2e.openAs(admin, e2e.stack.tabUrl, { width: 1280, height: 900, locale: 'ja-JP' });
    await page.getByTestId('nav-admin').click();
    await expect.poll(() => page.getByTestId('ward-distribution').textContent()).toContain('セキュリティ');
    await page.getByTestId(`roster-open-${sessionId}`).click();
    await page.getByTestId(`attended-${attendee.id}`).click();
    await page.getByTestId('attendance-save').click();
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toContain('出席を記録しました');
    await screenshot(page, 'tab-admin');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    expect((await download).suggestedFilename()).toMatch(/^人材データ_\d{4}-\d{2}-\d{2}\.csv$/);

    await page.getByText('別の職員でサインイン').click();
    await page.getByTestId(`dev-identity-${attendee.id}`).click();
    await page.getByTestId('nav-evidence').click();
    await expect.poll(() => page.getByTestId('completions').textContent()).toContain('ITリテラシー研修');
    await page.close();
  });

  it('when the DX推進委員 opens 部署の状況, then the department distribution shows counts, not names', async () => {
    const promoter = employees.find((candidate) => candidate.roles.includes('promoter'))!;
    const page = await e2e.openAs(promoter, `${e2e.stack.tabUrl}#department`, { width: 400, height: 900, locale: 'ja-JP' });
    await expect.poll(() => page.getByTestId('department-distribution').textContent()).toContain('データ活用');
    expect(await page.getByTestId('department-distribution').textContent()).not.toContain('大崎');
    await screenshot(page, 'tab-department-narrow');
    await page.close();
  });

  it('when the tab is opened in the high-contrast theme, then it renders with the contrast palette and the keyboard reaches the tabs', async () => {
    const employee = employees.find((candidate) => candidate.jobLevel === 'general')!;
    const page = await e2e.openAs(employee, `${e2e.stack.tabUrl}?theme=contrast`, { width: 1024, height: 800, locale: 'ja-JP' });
    await expect.poll(() => page.getByTestId('skill-chart').isVisible()).toBe(true);
    await page.getByTestId('nav-skills').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('training-map').isVisible()).toBe(true);
    const background = await page.evaluate<string>('getComputedStyle(document.querySelector(".fui-FluentProvider")).backgroundColor');
    expect(background).toBe('rgb(0, 0, 0)');
    await screenshot(page, 'tab-contrast');
    await page.close();
  });
});
