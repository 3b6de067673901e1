import { beforeAll, describe, expect, it } from 'vitest';
import { demoEmployees } from '../../bot/src/dev/demo-data.js';
import { SKILLS } from '../../bot/src/kernel/domain/catalog/skills.js';
import { fiscalYearOf } from '../../bot/src/kernel/domain/jst.js';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCREENSHOT_DIR } from '../support/browser.js';
import { useTabInBrowser } from '../support/tab-in-browser.js';
import { TEST_TENANT_ID } from '../support/test-app.js';

const e2e = useTabInBrowser();
// The page answers after its API calls; on a busy machine (parallel test files) that can take more than poll's default second.
const UI_WAIT = { timeout: 15_000 };
const employees = demoEmployees(TEST_TENANT_ID);
const byName = (name: string) => employees.find((candidate) => candidate.displayName === name)!;
const thisYear = fiscalYearOf(new Date());

/** The criteria to tick for these levels (every criterion of each level up to the one given). */
const ticksFor = (levels: Record<string, number>) =>
  SKILLS.flatMap((skill) =>
    skill.levels
      .filter((level) => level.level <= (levels[skill.id] ?? 0))
      .flatMap((level) => level.criteria.map((criterion) => criterion.id)),
  );

/**
 * Assessments saved in past 年度 (June of each), in order, as the tab would have saved them then: the history the
 * timeline and the trends replay.
 */
async function assessedOver(employeeId: string, byYear: [fiscalYear: number, levels: Record<string, number>][]) {
  for (const [fiscalYear, levels] of byYear) {
    const at = fiscalYear === thisYear ? new Date().toISOString() : `${fiscalYear}-06-01T00:00:00.000Z`;
    await e2e.stack.app.repositories.skillAssessments.update(employeeId, (current) => ({
      ...current,
      ticked: ticksFor(levels),
      updatedAt: at,
    }));
  }
}

beforeAll(async () => {
  const admin = employees.find((candidate) => candidate.roles.includes('admin'))!;
  await e2e.stack.app.repositories.stepUpTargets.save({
    jobLevel: 'general',
    skillId: 'security',
    level: 1,
    byFiscalYear: thisYear + 1,
    setBy: admin.id,
    setAt: new Date().toISOString(),
  });
  // Three 年度 of progress for one employee, and some for everyone, so the charts have lines to draw.
  await assessedOver(byName('大崎 健太').id, [
    [thisYear - 2, { 'data-utilization': 1 }],
    [thisYear - 1, { 'data-utilization': 2, security: 1 }],
    [thisYear, { 'data-utilization': 2, security: 2, 'business-reform': 1 }],
  ]);
  const others = employees.filter((person) => person.displayName !== '大崎 健太' && !person.roles.includes('admin'));
  for (const [index, person] of others.entries()) {
    await assessedOver(person.id, [
      [thisYear - 2, index % 4 === 0 ? { security: 1 } : {}],
      [thisYear - 1, index % 2 === 0 ? { security: 1, 'data-utilization': 1 } : { security: 1 }],
      ...(index % 3 === 0
        ? [[thisYear, { security: 1, 'data-utilization': 1, 'business-reform': 1 }] as [number, Record<string, number>]]
        : []),
    ]);
  }
});

describe('skills over the 年度 in the tab (headless Chromium)', () => {
  it('when an employee opens マイスキル, then スキルの推移 draws their levels by 年度 as a chart with a description, and the table keeps every figure', async () => {
    const page = await e2e.openAs(byName('大崎 健太'), e2e.stack.tabUrl, { width: 1024, height: 900, locale: 'ja-JP' });
    const chart = page.getByTestId('skill-progress-chart');
    await expect.poll(() => chart.locator('svg[role="img"]').count(), UI_WAIT).toBe(1);
    // One line per skill, one point per 年度 where the skill is drawn.
    expect(await chart.locator('g[data-series="データ活用"] circle').count()).toBe(3);
    expect(await chart.locator('figcaption').textContent()).toContain('年度末時点の各スキルのレベル');
    const described = await chart.locator('svg[role="img"]').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toContain('数値は下の表にあります');
    const table = await page.getByTestId('skill-fiscal-years').textContent();
    expect(table).toContain(`${thisYear - 2}年度`);
    expect(table).toContain(`${thisYear}年度`);
    await page.getByTestId('skill-timeline').scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.getByTestId('skill-timeline').screenshot({ path: resolve(SCREENSHOT_DIR, 'skill-timeline.png') });
    await page.close();
  });

  it('when デジタル推進課 opens 管理, then スキル推移 shows the ward and each 課 by 年度 with charts, the share at or above the step-up target, and groups under five hidden', async () => {
    const admin = employees.find((candidate) => candidate.roles.includes('admin'))!;
    const page = await e2e.openAs(admin, e2e.stack.tabUrl, { width: 1280, height: 900, locale: 'ja-JP' });
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('ward-trend-show').click();
    const ward = page.getByTestId('ward-trend');
    await expect
      .poll(() => page.getByTestId(`ward-trend-ward-${thisYear - 1}`).textContent())
      .toMatch(new RegExp(`${thisYear - 1}年度.*\\d+%\\(\\d+/\\d+人\\)`));
    expect(await page.getByTestId('ward-trend-ward-chart').locator('svg[role="img"] path').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('ward-trend-ward-targets').textContent())
      .toMatch(/一般職 セキュリティ LV1\(\d{4}年度まで\).*\d+%\(\d+\/\d+人\)/);
    expect(await ward.textContent()).toContain('5人未満のため非表示');
    const section = page.locator('section[aria-labelledby="ward-trend-heading"]');
    await section.scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await section.screenshot({ path: resolve(SCREENSHOT_DIR, 'ward-skill-trend.png') });
    await page.close();
  });
});
