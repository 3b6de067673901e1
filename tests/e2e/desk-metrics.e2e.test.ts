import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoEmployees } from '../../bot/src/dev/demo-data.js';
import { CONSULTATION_CATEGORIES } from '../../bot/src/features/consultation/domain/categories.js';
import { applyTransition, openTicket, parseConsultationInput, type TicketActor, type TicketCommand } from '../../bot/src/features/consultation/domain/tickets.js';
import { FAQ_ENTRIES } from '../../bot/src/features/consultation/domain/faq-entries.js';
import { SCREENSHOT_DIR } from '../support/browser.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';
import { TEST_TENANT_ID } from '../support/test-app.js';
import { resolve } from 'node:path';

const e2e = useTabInBrowser();
const employees = demoEmployees(TEST_TENANT_ID);
const admin = employees.find((candidate) => candidate.roles.includes('admin'))!;
const requesters = employees.filter((candidate) => !candidate.roles.includes('admin'));
const jst = (local: string) => new Date(`${local}+09:00`);
const ADMIN_ACTOR: TicketActor = { id: admin.id, name: admin.displayName, isAdmin: true };

// 2026年度, April to November: how many requests each month, and how the desk answered them.
const PER_MONTH = [4, 6, 9, 7, 5, 8, 10, 6];
const MONTHS = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

/** A year of the desk: requests filed on fixed JST days, answered, resolved and rated by the ticket rules. */
async function seedYear() {
  const { consultations, consultationDesk } = e2e.stack.app.repositories;
  let serial = 0;
  for (const [monthIndex, month] of MONTHS.entries()) {
    for (let index = 0; index < PER_MONTH[monthIndex]!; index++) {
      serial++;
      const requester = requesters[serial % requesters.length]!;
      const category = CONSULTATION_CATEGORIES[(serial * 3 + monthIndex) % (serial % 4 === 0 ? 7 : 3)]!;
      const filedAt = jst(`${month}-${String(2 + index * 2).padStart(2, '0')}T${String(9 + (serial % 7)).padStart(2, '0')}:15`);
      const input = parseConsultationInput({ category, title: `相談 ${serial}`, details: '詳細', preferredContact: 'chat', urgency: ['low', 'medium', 'high'][serial % 3] });
      const { ticket } = await consultations.create({
        year: 2026,
        requesterId: requester.id,
        build: (ticketNumber) => openTicket(input, { id: requester.id, name: requester.displayName }, ticketNumber, filedAt),
      });
      const later = (hours: number) => new Date(filedAt.getTime() + hours * 3_600_000);
      const steps: [Date, TicketActor, TicketCommand][] = [[later(1 + (serial % 5) * 0.75), ADMIN_ACTOR, { action: 'assign' }]];
      if (serial % 6 !== 0) steps.push([later(4 + (serial % 9) * 6), ADMIN_ACTOR, { action: 'resolve', note: '対応しました。' }]);
      if (serial % 6 !== 0 && serial % 4 !== 1) steps.push([later(30 + (serial % 9) * 6), { id: requester.id, name: requester.displayName, isAdmin: false }, { action: 'rate', rating: [5, 4, 4, 3, 5, 2, 4][serial % 7]! }]);
      for (const [at, actor, command] of steps) await consultations.transition(ticket.number, (current) => applyTransition(current, command, actor, at));
    }
    // The FAQ in chat that month: answers shown, some marked 「解決しました」.
    const at = jst(`${month}-15T12:00`);
    for (let shown = 0; shown < 12 + monthIndex * 3; shown++) await consultationDesk.recordFaqShown(at);
    for (let solved = 0; solved < 5 + monthIndex; solved++) await consultationDesk.recordFaqResolved([FAQ_ENTRIES[solved % 4]!.id], at);
  }
}

describe('相談の分析 in the tab (headless Chromium)', () => {
  it('when デジタル推進課 opens 管理 → 相談の分析 for 2026年度, then the chart, the monthly table, ratings and top FAQ entries show the desk’s year, and the CSV downloads for Excel', async () => {
    await seedYear();
    const page = await e2e.openAs(admin, `${e2e.stack.tabUrl}#admin`, { width: 1280, height: 1000, locale: 'ja-JP' });
    await page.getByTestId('desk-metrics-year').selectOption('2026');
    await expect.poll(() => page.getByTestId('desk-metrics-row-2026-06').textContent()).toMatch(/^2026-069/);
    expect(await page.getByTestId('desk-metrics-requests').textContent()).toContain(String(PER_MONTH.reduce((sum, count) => sum + count, 0)));
    expect(await page.locator('[data-testid="desk-metrics-bar-2026-10"] rect').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('desk-metrics-top-faq').textContent()).toContain(FAQ_ENTRIES[0]!.question.ja);
    expect(await page.getByTestId('desk-metrics-selfService').textContent()).toContain('%');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('desk-metrics-export').click()]);
    expect(download.suggestedFilename()).toBe('相談の分析_2026年度.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF年月,相談件数')).toBe(true);

    await page.locator('#admin-desk-metrics-heading').locator('xpath=ancestor::section[1]').screenshot({ path: resolve(SCREENSHOT_DIR, 'tab-admin-desk-metrics.png') });
  });
});
