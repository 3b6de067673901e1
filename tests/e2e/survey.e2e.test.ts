import { describe, expect, it } from 'vitest';
import { SURVEY_VERBS, answerInputId } from '../../bot/src/features/survey/cards/survey-card.js';
import { SURVEY_INDICATORS } from '../../bot/src/kernel/domain/catalog/survey-indicators.js';
import { demoEmployees } from '../../bot/src/dev/demo-data.js';
import { executeActivity, postActivity } from '../support/activities.js';
import { SCREENSHOT_DIR, screenshot } from '../support/browser.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';
import { TEST_TENANT_ID } from '../support/test-app.js';

const e2e = useTabInBrowser();

const employees = demoEmployees(TEST_TENANT_ID);
const admin = employees.find((candidate) => candidate.roles.includes('admin'))!;

/** An employee presses 送信 on the survey card in Teams: the Action.Execute invoke the bot receives. */
async function answer(employee: (typeof employees)[number], roundId: string, value: (questionIndex: number) => number) {
  const data = { roundId, ...Object.fromEntries(SURVEY_INDICATORS.map((indicator, index) => [answerInputId(indicator.id), String(value(index))])) };
  const activity = executeActivity({ aadObjectId: employee.id, name: employee.displayName }, `${e2e.stack.app.baseUrl}/dev/connector/`, SURVEY_VERBS.submit, data);
  const response = await postActivity(e2e.stack.app.baseUrl, activity);
  expect(JSON.stringify(await response.json())).toContain('回答済み');
}

describe('survey in the admin tab (headless Chromium)', () => {
  it('when the admin creates and starts the annual round and staff answer, then the results page shows nothing while it runs, then after the close the means against targets, the chart, groups no smaller than five and the CSV', async () => {
    const page = await e2e.openAs(admin, `${e2e.stack.tabUrl}#admin`, { width: 1280, height: 900, locale: 'ja-JP' });
    // Opening at today's 00:00 JST, which has always passed: the form's default (09:00) is still ahead between
    // midnight and nine in Japan, and the staff below could not answer yet.
    await page.getByTestId('survey-opens-time').fill('00:00');
    await page.getByTestId('survey-create').click();
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toContain('アンケートを作成しました');
    const roundCard = page.locator('[data-testid^="survey-round-"]').first();
    const roundId = ((await roundCard.getAttribute('data-testid')) ?? '').replace('survey-round-', '');
    expect(roundId).toMatch(/^fy\d{4}-annual-/);
    expect(await page.getByTestId(`survey-status-${roundId}`).textContent()).toBe('下書き');

    await page.getByTestId(`survey-start-${roundId}`).click();
    // The delivery engine queues the invitations; the admin is told how many people they go to.
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toContain(`開始しました。対象の${employees.length}人に案内を送ります。`);
    await expect.poll(() => page.getByTestId(`survey-status-${roundId}`).textContent()).toBe('実施中・実施済み');

    // 25 of the 30 answer: Q1 all 4 (mean 4.000, target 3.5 met), the rest alternate 2 and 3.
    const answering = employees.slice(0, 25);
    await Promise.all(answering.map((employee, person) => answer(employee, roundId, (question) => (question === 0 ? 4 : 2 + ((person + question) % 2)))));

    // While the round runs and no snapshot was taken, the results say why there is nothing to read yet.
    await page.getByTestId(`survey-results-${roundId}`).click();
    await expect.poll(() => page.getByTestId('survey-publication').textContent()).toContain('締切後にすべての結果を表示します');
    await page.getByTestId(`survey-close-${roundId}`).click();
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toContain('アンケートを締め切りました');
    await page.getByTestId(`survey-results-${roundId}`).click();
    await expect.poll(() => page.getByTestId('survey-publication').textContent()).toContain('締切後の最終結果です');
    await expect.poll(() => page.getByTestId('survey-response-rate').textContent()).toContain('回答 25人 / 対象 30人(回答率 83.3%)');
    expect(await page.getByTestId('survey-response-rate').textContent()).toContain('参考: 2024年調査 2,251名・43.1%');
    const q1 = await page.getByTestId('survey-question-01').textContent();
    expect(q1).toContain('4.000');
    expect(q1).toContain('0 / 0 / 0 / 25 / 0');
    expect(q1).toContain('✓ 達成');
    expect(q1).toContain('今年度の数字以上（4.000）');
    expect(await page.getByTestId('survey-question-03').textContent()).toContain('未達成');
    expect(await page.getByTestId('survey-chart-01').textContent()).toContain('4.000 / 目標値 3.5');
    expect(await page.getByTestId('survey-chart-08-security').textContent()).toContain('目標値 基準値以上 (3.683)');
    // No 課 of the demo has five people in one job level, so no sheet carries a 課: all count as 記録なし.
    const byDepartment = await page.getByTestId('survey-by-department').textContent();
    expect(byDepartment).not.toContain('デジタル推進課');
    expect(byDepartment).toContain('記録なし');
    expect(byDepartment).not.toContain('品川 デジタ');
    await expect.poll(() => page.getByTestId('survey-trend').textContent()).toContain('3.043');
    await expect.poll(() => page.getByTestId('survey-trend').textContent()).toContain('4.000 (+0.957)');
    await screenshot(page, 'tab-admin-survey-results');
    await page.locator('section[aria-labelledby="survey-heading"]').screenshot({ path: `${SCREENSHOT_DIR}/tab-admin-survey-section.png` });

    const download = page.waitForEvent('download');
    await page.getByTestId(`survey-csv-${roundId}`).click();
    expect((await download).suggestedFilename()).toBe(`アンケート結果_${roundId}.csv`);
    await page.close();
  });
});
