import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONSULTATION_VERBS } from '../../bot/src/features/consultation/cards/consultation-verbs.js';
import { demoEmployees } from '../../bot/src/dev/demo-data.js';
import { openTicket, parseConsultationInput } from '../../bot/src/features/consultation/domain/tickets.js';
import { executeActivity, postActivity } from '../support/activities.js';
import { screenshot } from '../support/browser.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';
import { TEST_TENANT_ID } from '../support/test-app.js';

const e2e = useTabInBrowser();

const employees = demoEmployees(TEST_TENANT_ID);
const admin = employees.find((candidate) => candidate.roles.includes('admin'))!;
const [requester, colleague] = employees.filter((candidate) => !candidate.roles.includes('admin'));

/** An employee files a request in the chat, as Teams would post 相談する and then 送信 (two Action.Execute invokes). */
async function fileInChat(person: (typeof employees)[number], form: { category: string; title: string; details: string; urgency: string }) {
  const invoke = async (verb: string, data: unknown) => {
    const activity = executeActivity({ aadObjectId: person.id, name: person.displayName }, `${e2e.stack.app.baseUrl}/dev/connector/`, verb, data);
    return JSON.stringify(await (await postActivity(e2e.stack.app.baseUrl, activity)).json());
  };
  await invoke(CONSULTATION_VERBS.openForm, { title: form.title });
  // The form comes as a new message in the chat (the card pressed stays): the dev connector recorded it.
  const sent = JSON.stringify(e2e.stack.app.devConnector!.list({ conversationId: `a:personal-${person.id}` }).map((entry) => entry.activity));
  const submissionId = [...sent.matchAll(/"submissionId":"([0-9a-f-]+)"/g)].at(-1)![1];
  const confirmation = await invoke(CONSULTATION_VERBS.submit, { submissionId, preferredContact: 'online-meeting', ...form });
  return /DX-\d{4}-\d{4}/.exec(confirmation)![0];
}

async function signedIn(person: (typeof employees)[number], hash: string): Promise<Page> {
  const page = await e2e.openAs(person, `${e2e.stack.tabUrl}#${hash}`, { width: 1280, height: 900, locale: 'ja-JP' });
  return page;
}

describe('DX相談 in the tab (headless Chromium)', () => {
  let kintone: string;
  let security: string;

  it('when an employee opens 私の相談, then their requests are listed, the history shows, and a comment is added', async () => {
    kintone = await fileInChat(requester!, { category: 'tool', title: 'kintoneで申請受付アプリを作りたい', details: '紙の申請書を kintone で受け付けたい。', urgency: 'medium' });
    security = await fileInChat(colleague!, { category: 'security', title: 'USBメモリの利用について', details: '外部とのデータ受け渡し方法を知りたい。', urgency: 'high' });
    const page = await signedIn(requester!, 'consult');
    await page.getByTestId('nav-consult').click();
    await expect.poll(() => page.getByTestId('my-consultations').textContent()).toContain(kintone);
    expect(await page.getByTestId('my-consultations').textContent()).not.toContain(security);
    await page.getByTestId(`my-ticket-open-${kintone}`).click();
    const detail = page.getByTestId(`ticket-detail-${kintone}`);
    expect(await detail.textContent()).toContain('紙の申請書を kintone で受け付けたい。');
    expect(await detail.getByTestId('ticket-history').textContent()).toContain('相談を受付');
    // The requester may comment (and close nothing yet): no desk buttons.
    expect(await page.getByTestId('ticket-action-assign').count()).toBe(0);
    await page.getByTestId('ticket-text').fill('画面のイメージを添付します。');
    await page.getByTestId('ticket-action-comment').click();
    await expect.poll(() => detail.getByTestId('ticket-history').textContent()).toContain('画面のイメージを添付します。');
    await screenshot(page, 'tab-consult-mine');
    await page.close();
  });

  it('when the admin opens 相談窓口, then the queue shows counts and filters, and taking and resolving a ticket there updates it', async () => {
    const page = await signedIn(admin, 'admin');
    // The admin page loads every section at once; on a shared machine the queue can take longer than a second.
    await expect.poll(() => page.getByTestId('consult-queue').textContent(), { timeout: 10_000 }).toContain(kintone);
    await expect.poll(() => page.getByTestId('consult-queue').textContent()).toContain(security);
    await expect.poll(() => page.getByTestId('consult-count-new').textContent()).toContain('受付 2');

    await page.getByTestId('consult-filter-category').selectOption('security');
    await expect.poll(() => page.getByTestId('consult-queue').textContent()).not.toContain(kintone);
    await expect.poll(() => page.getByTestId('consult-queue').textContent()).toContain(security);
    await page.getByTestId('consult-filter-category').selectOption('');

    await page.getByTestId(`consult-open-${kintone}`).click();
    const detail = page.getByTestId(`ticket-detail-${kintone}`);
    await page.getByTestId('ticket-action-assign').click();
    await expect.poll(() => detail.getByTestId('ticket-status').textContent()).toBe('担当者決定');
    await expect.poll(() => detail.textContent()).toContain(admin.displayName);
    await page.getByTestId('ticket-action-start').click();
    await expect.poll(() => detail.getByTestId('ticket-status').textContent()).toBe('対応中');
    await page.getByTestId('ticket-text').fill('アプリの雛形を作成して共有しました。');
    await page.getByTestId('ticket-action-resolve').click();
    await expect.poll(() => detail.getByTestId('ticket-status').textContent()).toBe('解決');
    await expect.poll(() => detail.textContent()).toContain('アプリの雛形を作成して共有しました。');
    await expect.poll(() => page.getByTestId('consult-count-resolved').textContent()).toContain('解決 1');
    await screenshot(page, 'tab-admin-consult-desk');
    await page.locator('section[aria-labelledby="consult-desk-heading"]').screenshot({ path: '.artifacts/screenshots/tab-admin-consult-section.png' });
    await page.close();
  });

  it('when the admin gives a ticket to a named colleague of the division, then the queue shows the colleague and 自分の担当 leaves it out', async () => {
    const divisionColleague = { ...admin, id: '0b6f3c3e-5d1a-4c8e-9f1e-2a7d9c4b8e21', displayName: '大崎 推進', email: undefined, staffNumber: undefined };
    await e2e.stack.app.repositories.employees.save(divisionColleague);
    const page = await signedIn(admin, 'admin');
    await expect.poll(() => page.getByTestId('consult-queue').textContent(), { timeout: 10_000 }).toContain(security);
    await page.getByTestId(`consult-open-${security}`).click();
    const detail = page.getByTestId(`ticket-detail-${security}`);
    // Only members of デジタル推進課 are offered; the requester (not in the division) is not.
    expect(await page.getByTestId('ticket-assignee').textContent()).toContain('大崎 推進');
    expect(await page.getByTestId('ticket-assignee').textContent()).not.toContain(colleague!.displayName);
    await page.getByTestId('ticket-assignee').selectOption(divisionColleague.id);
    await page.getByTestId('ticket-assign-to').click();
    await expect.poll(() => detail.getByTestId('ticket-status').textContent()).toBe('担当者決定');
    await expect.poll(() => detail.textContent()).toContain('大崎 推進');
    await expect.poll(() => page.getByTestId(`consult-ticket-${security}`).textContent()).toContain('担当: 大崎 推進');

    await page.getByTestId('consult-filter-assignee').selectOption('me');
    await expect.poll(() => page.getByTestId('consult-queue').textContent()).not.toContain(security);
    await expect.poll(() => page.getByTestId('consult-queue').textContent()).toContain(kintone);
    await screenshot(page, 'tab-admin-consult-assigned');
    await page.close();
  });

  it('when a request is past its SLA, then the queue flags it 期限超過; SLA hours of 0 are refused with the message and valid hours are saved', async () => {
    const input = parseConsultationInput({ category: 'tool', title: '先月からの相談', details: '詳細', preferredContact: 'chat', urgency: 'high' });
    const { ticket: late } = await e2e.stack.app.repositories.consultations.create({
      year: 2026,
      requesterId: requester!.id,
      build: (ticketNumber) => openTicket(input, { id: requester!.id, name: requester!.displayName }, ticketNumber, new Date('2026-04-13T10:00:00+09:00')),
    });
    const page = await signedIn(admin, 'admin');
    await expect.poll(() => page.getByTestId('consult-queue').textContent(), { timeout: 10_000 }).toContain(late.number);
    expect(await page.getByTestId(`consult-overdue-${late.number}`).textContent()).toBe('期限超過');
    expect(await page.getByTestId(`consult-overdue-${kintone}`).count()).toBe(0);
    await page.getByTestId('consult-filter-overdue').selectOption('true');
    await expect.poll(() => page.getByTestId('consult-queue').textContent()).not.toContain(security);
    expect(await page.getByTestId('consult-queue').textContent()).toContain(late.number);

    await page.getByTestId('sla-firstResponseHours').fill('0');
    await page.getByTestId('sla-save').click();
    await expect.poll(() => page.getByTestId('error-bar').textContent()).toContain('SLAの時間は0より大きく');
    expect(await e2e.stack.app.repositories.consultationDesk.getSlaSettings()).toBeUndefined();
    await page.getByTestId('sla-firstResponseHours').fill('6');
    await page.getByTestId('sla-save').click();
    await expect.poll(async () => (await e2e.stack.app.repositories.consultationDesk.getSlaSettings())?.firstResponseHours).toBe(6);
    await screenshot(page, 'tab-admin-consult-sla');
    await page.close();
  });

  it('when the requester rates the resolved request in the tab, then it is closed with the rating and the buttons are gone', async () => {
    const page = await signedIn(requester!, 'consult');
    await page.getByTestId('nav-consult').click();
    await page.getByTestId(`my-ticket-open-${kintone}`).click();
    const detail = page.getByTestId(`ticket-detail-${kintone}`);
    await page.getByTestId('ticket-rate-5').click();
    await expect.poll(() => detail.getByTestId('ticket-status').textContent()).toBe('完了');
    expect(await detail.textContent()).toContain('5 / 5');
    expect(await page.getByTestId('ticket-rate-5').count()).toBe(0);
    await screenshot(page, 'tab-consult-rated');
    await page.close();
  });
});
