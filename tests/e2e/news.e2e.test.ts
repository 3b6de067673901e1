import { beforeAll, describe, expect, it } from 'vitest';
import { demoEmployees } from '../../bot/src/dev/demo-data.js';
import { SCREENSHOT_DIR, screenshot } from '../support/browser.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';
import { TEST_TENANT_ID } from '../support/test-app.js';
import { personalChatReference, personalConversationId as conversationOf } from '../support/activities.js';

const e2e = useTabInBrowser();

const employees = demoEmployees(TEST_TENANT_ID);
const admin = employees.find((candidate) => candidate.roles.includes('admin'))!;
// Twenty staff have opened the bot (Teams gave it their conversation); the other ten never have.
const withChat = employees.slice(0, 20);

beforeAll(async () => {
  const at = new Date().toISOString();
  await Promise.all(
    withChat.map((employee) =>
      e2e.stack.app.repositories.conversationReferences.save(personalChatReference(employee.id, `${e2e.stack.app.baseUrl}/dev/connector/`, at)),
    ),
  );
});

describe('インフォメーション in the admin tab (headless Chromium)', () => {
  it('when the admin writes a news item, previews it and sends it now (twice), then each employee with a chat gets one card and the report shows the counts', async () => {
    const page = await e2e.openAs(admin, `${e2e.stack.tabUrl}#admin`, { width: 1280, height: 900, locale: 'ja-JP' });
    page.setDefaultTimeout(8_000);

    await page.getByTestId('news-title').fill('kintone 活用事例: 戸籍住民課の窓口予約');
    await page.getByTestId('news-summary').fill('窓口予約を kintone で受け付け、待ち時間を半分にしました。');
    await page.getByTestId('news-body').fill('取り組みの**ポイント**:\n\n- 予約フォームを1日で作成\n- 集計はグラフで自動表示\n\n詳しくは[庁内ポータル](https://portal.example.jp/kintone)へ。');
    await page.getByTestId('news-link').fill('https://portal.example.jp/kintone');
    await page.getByTestId('news-category').selectOption('good-practices');
    await page.getByTestId('news-preview').click();
    await expect.poll(() => page.getByTestId('news-preview-card').textContent()).toContain('kintone 活用事例: 戸籍住民課の窓口予約');
    const preview = await page.getByTestId('news-preview-card').textContent();
    expect(preview).toContain('庁内優良事例');
    expect(preview).toContain('予約フォームを1日で作成');
    // Markdown is rendered by the Adaptive Cards renderer, not shown as asterisks.
    expect(preview).not.toContain('**');
    await page.locator('section[aria-labelledby="news-heading"]').screenshot({ path: `${SCREENSHOT_DIR}/tab-admin-news-preview.png` });

    await page.getByTestId('news-send-now').click();
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toContain(`配信を開始しました(対象${employees.length}人)`);
    await page.getByTestId('news-send-now').click();
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toContain('このニュースは配信済みです。二重には送信していません。');

    const broadcast = page.locator('[data-testid^="broadcast-news-"]').first();
    const broadcastId = ((await broadcast.getAttribute('data-testid')) ?? '').replace('broadcast-', '');
    await page.getByTestId(`broadcast-report-${broadcastId}`).click();
    await expect.poll(() => page.getByTestId('report-count-sent').textContent(), { timeout: 20_000 }).toBe(String(withChat.length));
    expect(await page.getByTestId('report-count-noReference').textContent()).toBe(String(employees.length - withChat.length));
    expect(await page.getByTestId('report-count-failed').textContent()).toBe('0');
    await expect.poll(() => page.getByTestId('broadcast-report').textContent()).toContain('未登録(ボット未使用)');
    await expect.poll(() => page.getByTestId(`broadcast-${broadcastId}`).textContent(), { timeout: 10_000 }).toContain('完了');
    await screenshot(page, 'tab-admin-news-report');
    await page.locator('section[aria-labelledby="broadcasts-heading"]').screenshot({ path: `${SCREENSHOT_DIR}/tab-admin-news-deliveries.png` });

    for (const employee of withChat) {
      const cards = e2e.stack.app.devConnector!.list({ conversationId: conversationOf(employee.id) }).filter((entry) => JSON.stringify(entry.activity).includes('窓口予約'));
      expect(cards, employee.displayName).toHaveLength(1);
    }

    const download = page.waitForEvent('download');
    await page.getByTestId(`broadcast-csv-${broadcastId}`).click();
    expect((await download).suggestedFilename()).toBe(`配信レポート_${broadcastId}.csv`);
    await page.close();
  });
});
