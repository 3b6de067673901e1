import { describe, expect, it } from 'vitest';
import { demoEmployees } from '../../bot/src/dev/demo-data.js';
import { postActivity, textMessage } from '../support/activities.js';
import { SCREENSHOT_DIR } from '../support/browser.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';
import { TEST_TENANT_ID } from '../support/test-app.js';

const e2e = useTabInBrowser();

const employees = demoEmployees(TEST_TENANT_ID);
const admin = employees.find((candidate) => candidate.roles.includes('admin'))!;
const staff = employees.find((candidate) => !candidate.roles.includes('admin'))!;
const NEW_ANSWER = 'kintoneのアンケートは**フォームブリッジ**で作れます。\n\n- 回答はそのままアプリに入ります\n- 集計はグラフで見られます';

/** A staff member asks the bot in chat (as Teams posts it); returns every message the bot has sent to them since. */
async function askInChat(question: string): Promise<string> {
  const conversationId = `a:personal-${staff.id}`;
  const connector = e2e.stack.app.devConnector!;
  const before = connector.list({ conversationId }).length;
  const activity = textMessage({ aadObjectId: staff.id, name: staff.displayName }, `${e2e.stack.app.baseUrl}/dev/connector/`, question);
  expect((await postActivity(e2e.stack.app.baseUrl, activity)).status).toBeLessThan(300);
  await expect.poll(() => connector.list({ conversationId }).length).toBeGreaterThan(before);
  return JSON.stringify(connector.list({ conversationId }).slice(before).map((entry) => entry.activity));
}

describe('管理 → FAQ in the tab (headless Chromium)', () => {
  it('when an admin edits an FAQ entry in the tab and previews it, then a chat user asking the question gets the new answer', async () => {
    expect(await askInChat('kintoneでアンケートを作りたい')).not.toContain('フォームブリッジ');

    const page = await e2e.openAs(admin, `${e2e.stack.tabUrl}#admin`, { width: 1280, height: 1000, locale: 'ja-JP' });
    page.setDefaultTimeout(8_000);
    await page.getByTestId('faq-filter').fill('アンケート');
    await expect.poll(() => page.getByTestId('faq-entries').locator('li').count()).toBeLessThan(10);
    await page.getByTestId('faq-edit-kintone-form').click();
    await expect.poll(() => page.getByTestId('faq-question-ja').inputValue()).toContain('kintone');
    await page.getByTestId('faq-answer-ja').fill(NEW_ANSWER);
    await page.getByTestId('faq-preview').click();
    await expect.poll(() => page.getByTestId('faq-preview-card').textContent()).toContain('フォームブリッジ');
    const preview = (await page.getByTestId('faq-preview-card').textContent()) ?? '';
    // The card's Markdown is rendered by the Adaptive Cards renderer, not shown as asterisks.
    expect(preview).not.toContain('**');
    expect(preview).toContain('回答はそのままアプリに入ります');
    await page.getByTestId('faq-preview-card').scrollIntoViewIfNeeded();
    await page.locator('section[aria-labelledby="admin-faq-heading"]').screenshot({ path: `${SCREENSHOT_DIR}/tab-admin-faq.png` });

    await page.getByTestId('faq-save').click();
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toContain('FAQを保存しました。');

    // The bot answers from storage: the new text, with its list, on the very next question.
    const answered = await askInChat('kintoneでアンケートを作りたい');
    expect(answered).toContain('フォームブリッジ');
    expect(answered).toContain('- 回答はそのままアプリに入ります');

    // The history says who changed what.
    await page.getByTestId('faq-history-kintone-form').click();
    await expect.poll(() => page.getByTestId('faq-history').textContent()).toContain('品川 デジタ');
    expect(await page.getByTestId('faq-history').textContent()).toContain('回答（日本語）');
    await page.locator('section[aria-labelledby="faq-history-heading"]').screenshot({ path: `${SCREENSHOT_DIR}/tab-admin-faq-history.png` });
    await page.close();
  });

  it('when an admin presses 「FAQにする」 on a resolved request in the queue, then an editable draft without the requester’s name is shown, and publishing it makes the bot answer with it', async () => {
    const requester = employees.find((candidate) => !candidate.roles.includes('admin') && candidate.id !== staff.id)!;
    const { consultations } = e2e.stack.app;
    const filed = await consultations.file(
      requester.id,
      { category: 'data', title: `住民アンケートの自由記述を分類したい（${requester.displayName}）`, details: `${requester.displayName}です。内線 4321 までご連絡ください。自由記述が3,000件あります。`, preferredContact: 'chat', urgency: 'low' },
      'faq-e2e-form-0001',
    );
    const number = filed.ticket.number;
    const assigned = await consultations.act(admin.id, number, { action: 'assign' }, { expectedVersion: filed.ticket.version, origin: 'desk' });
    await consultations.act(admin.id, number, { action: 'resolve', note: 'テキストマイニングの無料ツールで頻出語を集計し、分類の目安にできます。' }, { expectedVersion: assigned.ticket.version, origin: 'desk' });

    const page = await e2e.openAs(admin, `${e2e.stack.tabUrl}#admin`, { width: 1280, height: 1000, locale: 'ja-JP' });
    page.setDefaultTimeout(8_000);
    await page.getByTestId(`consult-open-${number}`).click();
    await page.getByTestId('consult-make-faq').click();
    await expect.poll(() => page.getByTestId('faq-question-ja').inputValue()).toContain('住民アンケートの自由記述を分類したい');
    const editor = (await page.getByTestId('faq-editor').textContent()) ?? '';
    const fields = [await page.getByTestId('faq-question-ja').inputValue(), await page.getByTestId('faq-answer-ja').inputValue(), await page.getByTestId('faq-keywords').inputValue()].join(' ');
    for (const personal of [requester.displayName, ...requester.displayName.split(' '), '4321']) {
      expect(editor + fields, personal).not.toContain(personal);
    }
    expect(await page.getByTestId('faq-draft-context').textContent()).toContain('自由記述が3,000件あります');
    // Editable before publishing: the admin tidies the question, then publishes through the same rules.
    await page.getByTestId('faq-question-ja').fill('住民アンケートの自由記述を分類するには?');
    await page.locator('section[aria-labelledby="consult-desk-detail-heading"]').screenshot({ path: `${SCREENSHOT_DIR}/tab-admin-faq-from-ticket.png` });
    await page.getByTestId('faq-save').click();
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toContain('FAQとして公開しました。');
    expect(await askInChat('アンケートの自由記述を分類したい')).toContain('テキストマイニング');
    await page.close();
  });
});
