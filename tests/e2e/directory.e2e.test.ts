import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, demoObjectId } from '../../bot/src/dev/demo-data.js';
import { ADMIN_SEEN_TTL_MS } from '../../bot/src/features/directory/domain/directory-roles.js';
import { screenshot } from '../support/browser.js';
import { shiftJis } from '../support/roster-files.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';

const e2e = useTabInBrowser();
const admin = { id: demoObjectId(DEMO_PEOPLE.find(([, , , roles]) => roles?.includes('admin'))![0]) };

/** April's sample file as the local stack imported it, with one more transfer, one newcomer and one more leaver. */
function nextFile(change: (lines: string[]) => string[]): Uint8Array {
  const text = new TextDecoder('shift_jis').decode(readFileSync('bot/src/dev/sample-roster/roster-2026-04.csv'));
  const [header, ...lines] = text.trimEnd().split('\r\n');
  return shiftJis([header, ...change(lines)].join('\r\n') + '\r\n');
}

const moveTo = (line: string, division: string, section: string) => {
  const cells = line.split(',');
  cells.splice(2, 2, division, section);
  return cells.join(',');
};

describe('職員名簿 in the admin tab (headless Chromium)', () => {
  it('when the admin previews HR\'s Shift_JIS file, then a table shows each change before 適用, and 適用 stores it; a file with errors lists its lines', async () => {
    const page = await e2e.openAs(admin, `${e2e.stack.tabUrl}#admin`, { width: 1280, height: 900, locale: 'ja-JP' });
    const roster = page.locator('section[aria-labelledby="roster-heading"]');
    await roster.scrollIntoViewIfNeeded();

    const broken = nextFile((lines) => [...lines, 'S9001,新人 太郎,総務部,人事課,嘱託,new1@city.shinagawa.example.jp,在籍,', lines[0]!]);
    await page.getByTestId('roster-file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await page.getByTestId('roster-preview').click();
    await expect.poll(() => page.getByTestId('roster-errors').textContent()).toContain('職層「嘱託」は対応表にありません。');
    expect(await page.getByTestId('roster-errors').textContent()).toContain('職員番号 S1001 が 2 行目と重複しています。');
    expect(await page.getByTestId('roster-apply').isDisabled()).toBe(true);

    const good = nextFile((lines) => [
      ...lines.filter((line) => !line.startsWith('S2003,')).map((line) => (line.startsWith('S2004,') ? moveTo(line, '都市環境部', '環境課') : line)),
      'S9001,新人 太郎,総務部,人事課,主事,new1@city.shinagawa.example.jp,在籍,',
    ]);
    await page.getByTestId('roster-file').setInputFiles({ name: 'roster-2026-05.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByTestId('roster-preview').click();
    await expect.poll(() => page.getByTestId('roster-count-added').textContent()).toBe('追加 1');
    expect(await page.getByTestId('roster-count-deactivated').textContent()).toBe('退職扱い 1');
    expect(await page.getByTestId('roster-row-S9001').textContent()).toContain('新人 太郎');
    expect(await page.getByTestId('roster-row-S2003').textContent()).toContain('退職');
    expect(await page.getByTestId('roster-row-S2004').textContent()).toContain('都市環境部 環境課');
    expect(await page.getByTestId('roster-count-unchanged').textContent()).toMatch(/変更なし 5[67]/);
    await screenshot(page, 'tab-admin-roster-page');
    await roster.screenshot({ path: '.artifacts/screenshots/tab-admin-roster-preview.png' });
    expect((await e2e.stack.app.repositories.staffDirectory.listStaff()).some((record) => record.staffNumber === 'S9001')).toBe(false);

    await page.getByTestId('roster-apply').click();
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toContain('職員名簿を更新しました');
    const stored = await e2e.stack.app.repositories.staffDirectory.listStaff();
    expect(stored.find((record) => record.staffNumber === 'S9001')).toMatchObject({ name: '新人 太郎', status: 'active' });
    expect(stored.find((record) => record.staffNumber === 'S2003')).toMatchObject({ status: 'left' });
  });
});

describe('DX推進委員 per 課 in the admin tab (headless Chromium)', () => {
  it('when the admin picks a 課, finds a member by name and appoints them, then the table shows them and the change log says who appointed whom', async () => {
    const repositories = e2e.stack.app.repositories;
    const promoters = new Set((await repositories.staffDirectory.listPromoters()).map((assignment) => assignment.staffNumber));
    const chosen = (await repositories.staffDirectory.listStaff()).find(
      (record) => record.status === 'active' && record.section === '戸籍住民課' && !promoters.has(record.staffNumber) && !['S2003', 'S2004', 'S9001'].includes(record.staffNumber),
    )!;
    const sectionName = `${chosen.division} ${chosen.section}`;
    const page = await e2e.openAs(admin, `${e2e.stack.tabUrl}#admin`, { width: 1280, height: 900, locale: 'ja-JP' });
    const section = page.locator('section[aria-labelledby="promoters-heading"]');
    await section.scrollIntoViewIfNeeded();
    await page.getByTestId('promoters-open').click();
    await page.getByTestId('promoter-section').selectOption({ label: sectionName });
    await page.getByTestId('promoter-search').fill(chosen.name.split(' ')[1] ?? chosen.name);
    await page.getByTestId('promoter-person').selectOption(chosen.staffNumber);
    await page.getByTestId('promoter-assign').click();
    await expect.poll(() => page.getByTestId('notice-bar').textContent()).toContain('DX推進委員を任命しました');
    await expect.poll(() => page.getByTestId('promoter-table').textContent()).toContain(`${chosen.name} (${chosen.staffNumber})`);
    await expect.poll(() => page.getByTestId('directory-audit').textContent()).toContain('DX推進委員の任命');
    const auditText = await page.getByTestId('directory-audit').textContent();
    expect(auditText).toContain(`${sectionName}: ${chosen.name} (${chosen.staffNumber})`);
    expect(auditText).toContain('品川 デジタ');
    expect((await repositories.staffDirectory.listPromoters()).some((assignment) => assignment.staffNumber === chosen.staffNumber)).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: '.artifacts/screenshots/tab-admin-promoters.png' });
  });
});

describe('dev sign-in from the roster (headless Chromium)', () => {
  it('when someone filters the dev sign-in by name and picks a roster person no one has signed in as, then the tab opens as them with their roster 課', async () => {
    const repositories = e2e.stack.app.repositories;
    const rosterOnly = (await repositories.staffDirectory.listStaff()).find((record) => record.status === 'active' && !record.employeeId)!;
    const page = await e2e.browser.newPage({ viewport: { width: 1024, height: 800 }, locale: 'ja-JP' });
    await page.goto(e2e.stack.tabUrl);
    await page.getByTestId('dev-identity-filter').fill(rosterOnly.name);
    const groups = page.getByTestId('dev-identity-group');
    await expect.poll(() => groups.first().textContent()).toContain(rosterOnly.name);
    expect(await groups.first().textContent()).toContain('名簿のみ(サインインで連携)');
    await groups.first().getByRole('button', { name: new RegExp(rosterOnly.name) }).first().click();
    await expect.poll(() => page.getByTestId('employee-name').textContent()).toBe(rosterOnly.name);
    expect(await page.getByTestId('employee-department').textContent()).toContain(rosterOnly.section);
    expect((await repositories.staffDirectory.findByUpn(rosterOnly.upn))!.employeeId).toBeTruthy();
  });
});

describe('first run without an admin (headless Chromium)', () => {
  it('when nobody is admin yet, then the tab tells whoever opens it, in Japanese, how to make the first one; with an admin it says nothing', async () => {
    const employees = e2e.stack.app.repositories.employees;
    const member = { id: demoObjectId(DEMO_PEOPLE.find(([, , , roles]) => !roles || roles.length === 0)![0]) };
    const withAdmin = await e2e.openAs(member, e2e.stack.tabUrl, { width: 1024, height: 800, locale: 'ja-JP' });
    await withAdmin.getByTestId('nav-skills').waitFor();
    await withAdmin.waitForLoadState('networkidle'); // the setup answer has arrived
    expect(await withAdmin.getByTestId('no-admin-bar').count()).toBe(0);

    // This file's last test: the stack loses its admins.
    for (const employee of await employees.listEveryone()) {
      if (employee.roles.includes('admin')) await employees.update(employee.id, (current) => ({ ...current!, roles: current!.roles.filter((role) => role !== 'admin') }));
    }
    const page = await e2e.openAs(member, e2e.stack.tabUrl, { width: 1024, height: 800, locale: 'ja-JP' });
    const hint = page.getByTestId('no-admin-bar');
    // The tab signs out on a 401; should a reload ever land on the sign-in page, the failure says what the API answered.
    const refusals: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) void response.text().then((body) => refusals.push(`${response.status()} ${new URL(response.url()).pathname} ${body.slice(0, 200)}`));
    });
    // The server believes "an admin exists" for ADMIN_SEEN_TTL_MS after it last saw one; the tab asks at each load.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page
            .getByTestId('nav-skills')
            .waitFor()
            .catch((error: unknown) => {
              throw new Error(`the tab did not open after a reload; API refusals so far: ${refusals.join(' | ') || 'none'}`, { cause: error });
            });
          await page.waitForLoadState('networkidle');
          return hint.count();
        },
        // Generous: each try reloads the tab, which takes seconds on a loaded machine.
        { timeout: ADMIN_SEEN_TTL_MS + 30_000, interval: 1_000 },
      )
      .toBe(1);
    const text = await hint.textContent();
    expect(text).toContain('管理者(デジタル推進課)がまだ設定されていません');
    expect(text).toContain('BOOTSTRAP_ADMIN_UPNS');
    expect(text).toContain('DXNavi.Admin');
  }, 90_000);
});
