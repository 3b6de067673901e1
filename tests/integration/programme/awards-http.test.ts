import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../bot/src/app.js';
import { demoEmployees, seedDemoData } from '../../../bot/src/dev/demo-data.js';
import { fiscalYearOf } from '../../../bot/src/features/survey/domain/survey-rounds.js';
import { nominationNoticeId } from '../../../bot/src/features/programme/programme-notifier.js';
import { tabApi } from '../../support/tab-api.js';
import { startTestApp, TEST_TENANT_ID } from '../../support/test-app.js';

let app: RunningApp;
let call: ReturnType<typeof tabApi>;
const employees = demoEmployees(TEST_TENANT_ID);
const admin = employees.find((employee) => employee.roles.includes('admin'))!;
const promoter = employees.find((employee) => employee.roles.includes('promoter') && !employee.roles.includes('admin'))!;
const staff = employees.find((employee) => employee.roles.length === 1 && employee.roles[0] === 'employee')!;
const currentYear = fiscalYearOf(new Date());

const practice = (fields: Record<string, unknown> = {}) => ({
  title: '窓口予約のオンライン化',
  departmentId: staff.departmentId,
  whatChanged: '紙の予約票をやめ、オンライン予約フォームにしました。',
  effect: '電話対応が月120件から30件に減少(75%減)',
  link: 'https://example.city.shinagawa.tokyo.jp/practice/1',
  ...fields,
});

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.repositories, { tenantId: TEST_TENANT_ID });
  call = tabApi(app);
});
afterAll(async () => {
  await app?.stop();
});

async function nominate(by: string, fields: Record<string, unknown> = {}) {
  const answer = await call('POST', '/api/tab/awards/nominations', by, practice(fields));
  expect(answer.status).toBe(200);
  return answer.body.nomination as { id: string; state: string };
}

describe('評価・表彰: nominating', () => {
  it('when a staff member nominates a practice, then it waits for review and only they and デジタル推進課 see it', async () => {
    const nomination = await nominate(staff.id);
    expect(nomination).toMatchObject({ state: 'submitted', title: '窓口予約のオンライン化', nominatorId: staff.id });

    const mine = await call('GET', '/api/tab/awards/nominations/mine', staff.id);
    expect(mine.body.nominations).toEqual([expect.objectContaining({ id: nomination.id, state: 'submitted' })]);
    expect(mine.body.departmentNames[staff.departmentId!]).toBeTruthy();
    const others = await call('GET', '/api/tab/awards/nominations/mine', promoter.id);
    expect(others.body.nominations.map((n: { id: string }) => n.id)).not.toContain(nomination.id);

    const review = await call('GET', '/api/tab/admin/awards/nominations', admin.id);
    expect(review.body.nominations.map((n: { id: string }) => n.id)).toContain(nomination.id);
    expect((await call('GET', '/api/tab/admin/awards/nominations', staff.id)).status).toBe(403);
  });

  it('when a DX推進委員 nominates without a link, then the nomination is kept without one', async () => {
    const nomination = await nominate(promoter.id, { link: '' });
    expect(nomination).not.toHaveProperty('link');
  });

  it.each([
    ['no title', { title: '   ' }, '取組名を入力してください'],
    ['no 課', { departmentId: '' }, '課を選んでください'],
    ['a 課 that does not exist', { departmentId: 'no-such-department' }, '課を選んでください'],
    ['an effect over 1000 characters', { effect: 'あ'.repeat(1001) }, '効果は1000文字以内'],
    ['HTML in what changed', { whatChanged: '<script>alert(1)</script>' }, 'HTMLタグ'],
    ['an http link', { link: 'http://example.com/practice' }, 'https://'],
    ['a javascript: link', { link: 'javascript:alert(1)' }, 'https://'],
  ])('when a nomination has %s, then it is refused with a clear message and nothing is stored', async (_case, fields, message) => {
    const before = (await call('GET', '/api/tab/awards/nominations/mine', staff.id)).body.nominations.length;
    const answer = await call('POST', '/api/tab/awards/nominations', staff.id, practice(fields));
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(message);
    expect((await call('GET', '/api/tab/awards/nominations/mine', staff.id)).body.nominations).toHaveLength(before);
  });

  it('when the effect is exactly 1000 characters, then it is accepted', async () => {
    expect((await call('POST', '/api/tab/awards/nominations', staff.id, practice({ effect: 'あ'.repeat(1000) }))).status).toBe(200);
  });
});

describe('評価・表彰: review and award', () => {
  it('when デジタル推進課 asks for more, then the nominator sees the note, edits it and it is back in review', async () => {
    const nomination = await nominate(staff.id);
    const asked = await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/review`, admin.id, { decision: 'ask-for-more', note: '削減時間の根拠を追記してください。' });
    expect(asked.status).toBe(200);
    // The nominator is told in chat, through the delivery engine, with the note.
    const notice = await app.delivery.report(nominationNoticeId(asked.body.nomination));
    expect(notice?.broadcast).toMatchObject({ kind: 'award-nomination-notice' });
    expect(JSON.stringify(notice)).toContain(staff.id);
    const mine = await call('GET', '/api/tab/awards/nominations/mine', staff.id);
    expect(mine.body.nominations.find((n: { id: string }) => n.id === nomination.id)).toMatchObject({ state: 'needs-info', reviewNote: '削減時間の根拠を追記してください。' });

    // Someone else cannot answer for the nominator.
    expect((await call('PUT', `/api/tab/awards/nominations/${nomination.id}`, promoter.id, practice())).status).toBe(404);
    const resent = await call('PUT', `/api/tab/awards/nominations/${nomination.id}`, staff.id, practice({ effect: '電話対応が月120件から30件に減少(職員2名で月15時間の削減)' }));
    expect(resent.body.nomination).toMatchObject({ state: 'submitted', effect: '電話対応が月120件から30件に減少(職員2名で月15時間の削減)' });
    // Only once: a nomination in review cannot be edited again by the nominator.
    expect((await call('PUT', `/api/tab/awards/nominations/${nomination.id}`, staff.id, practice())).status).toBe(400);
  });

  it('when デジタル推進課 declines with a note, then the nominator sees it and the declined nomination cannot be awarded', async () => {
    const nomination = await nominate(staff.id);
    expect((await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/review`, admin.id, { decision: 'decline' })).status).toBe(400);
    const declined = await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/review`, admin.id, { decision: 'decline', note: '今年度は対象外です。' });
    expect(declined.body.nomination).toMatchObject({ state: 'declined', reviewNote: '今年度は対象外です。' });
    const mine = await call('GET', '/api/tab/awards/nominations/mine', staff.id);
    expect(mine.body.nominations.find((n: { id: string }) => n.id === nomination.id)).toMatchObject({ state: 'declined', reviewNote: '今年度は対象外です。' });

    const award = await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/award`, admin.id, { fiscalYear: currentYear, category: 'excellent' });
    expect(award.status).toBe(400);
    expect(award.text).toContain('見送り');
  });

  it('when デジタル推進課 accepts and awards a nomination for this year, then the nominator sees it awarded with its category', async () => {
    const nomination = await nominate(promoter.id);
    expect((await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/review`, admin.id, { decision: 'accept' })).body.nomination.state).toBe('accepted');
    const awarded = await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/award`, admin.id, { fiscalYear: currentYear, category: 'grand' });
    expect(awarded.status).toBe(200);
    const mine = await call('GET', '/api/tab/awards/nominations/mine', promoter.id);
    expect(mine.body.nominations.find((n: { id: string }) => n.id === nomination.id)).toMatchObject({ state: 'awarded', award: { fiscalYear: currentYear, category: 'grand', awardedBy: admin.id } });
    // Awarded once only.
    expect((await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/award`, admin.id, { fiscalYear: currentYear, category: 'excellent' })).status).toBe(400);
  });

  it.each([
    ['before the policy period', 2024],
    ['a year not yet begun', currentYear + 1],
  ])('when the award year is %s, then it is refused and the nomination stays accepted', async (_case, fiscalYear) => {
    const nomination = await nominate(staff.id);
    await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/review`, admin.id, { decision: 'accept' });
    const answer = await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/award`, admin.id, { fiscalYear, category: 'grand' });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('表彰できる年度ではありません');
    const list = await call('GET', '/api/tab/admin/awards/nominations', admin.id);
    expect(list.body.nominations.find((n: { id: string }) => n.id === nomination.id).state).toBe('accepted');
  });

  it('when a staff member or a DX推進委員 tries to review or award, then they are refused', async () => {
    const nomination = await nominate(staff.id);
    expect((await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/review`, promoter.id, { decision: 'accept' })).status).toBe(403);
    expect((await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/award`, staff.id, { fiscalYear: currentYear, category: 'grand' })).status).toBe(403);
  });
});

describe('評価・表彰: publishing and the 優良事例 gallery', () => {
  async function awarded(by: string, category: string, fields: Record<string, unknown> = {}) {
    const nomination = await nominate(by, fields);
    await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/review`, admin.id, { decision: 'accept' });
    expect((await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/award`, admin.id, { fiscalYear: currentYear, category })).status).toBe(200);
    return nomination;
  }

  it('when an award is published, then a 庁内優良事例 news item goes out once through the delivery engine and the gallery shows it under its year', async () => {
    const nomination = await awarded(staff.id, 'excellent', { title: 'RPAで給付金審査を自動化' });
    expect((await call('GET', '/api/tab/awards/gallery', staff.id)).body.years.flatMap((year: { awards: { id: string }[] }) => year.awards.map((a) => a.id))).not.toContain(nomination.id);

    const published = await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/publish`, admin.id);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ broadcastId: `news-award-${nomination.id}`, alreadySent: false, nomination: { published: { newsId: `award-${nomination.id}` } } });
    expect(published.body.recipients).toBeGreaterThan(0);
    expect(await app.delivery.report(published.body.broadcastId)).toBeDefined();

    const news = await call('GET', '/api/tab/admin/news', admin.id);
    expect(news.body.items.find((item: { id: string }) => item.id === `award-${nomination.id}`)).toMatchObject({
      category: 'good-practices',
      state: 'published',
      title: `【${currentYear}年度 優秀賞】RPAで給付金審査を自動化`,
      audience: { kind: 'everyone' },
    });
    const staffNews = await call('GET', '/api/tab/news', staff.id);
    expect(staffNews.body.items.map((item: { id: string }) => item.id)).toContain(`award-${nomination.id}`);

    const again = await call('POST', `/api/tab/admin/awards/nominations/${nomination.id}/publish`, admin.id);
    expect(again.body).toMatchObject({ alreadySent: true, broadcastId: `news-award-${nomination.id}` });

    const gallery = await call('GET', '/api/tab/awards/gallery', promoter.id);
    const year = gallery.body.years.find((entry: { fiscalYear: number }) => entry.fiscalYear === currentYear);
    expect(year.awards).toEqual(expect.arrayContaining([expect.objectContaining({ id: nomination.id, title: 'RPAで給付金審査を自動化', category: 'excellent', departmentId: staff.departmentId })]));
    // The gallery carries no nominator and no review note.
    expect(gallery.text).not.toContain(staff.id);
  });

  it('when a nomination that is not awarded is published, or someone not in デジタル推進課 publishes, then it is refused and nothing is sent', async () => {
    const accepted = await nominate(staff.id);
    await call('POST', `/api/tab/admin/awards/nominations/${accepted.id}/review`, admin.id, { decision: 'accept' });
    expect((await call('POST', `/api/tab/admin/awards/nominations/${accepted.id}/publish`, admin.id)).status).toBe(400);
    expect(await app.delivery.report(`news-award-${accepted.id}`)).toBeUndefined();

    const winner = await awarded(promoter.id, 'encouragement');
    expect((await call('POST', `/api/tab/admin/awards/nominations/${winner.id}/publish`, promoter.id)).status).toBe(403);
    expect(await app.delivery.report(`news-award-${winner.id}`)).toBeUndefined();
  });
});
