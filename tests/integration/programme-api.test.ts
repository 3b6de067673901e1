import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../bot/src/app.js';
import { demoEmployees, demoPastSessionId, seedDemoData } from '../../bot/src/dev/demo-data.js';
import { tabApi } from '../support/tab-api.js';
import { startTestApp, TEST_TENANT_ID } from '../support/test-app.js';

let app: RunningApp;
let call: ReturnType<typeof tabApi>;
const employees = demoEmployees(TEST_TENANT_ID);
const admin = employees.find((employee) => employee.roles.includes('admin'))!;
const promoter = employees.find((employee) => employee.roles.includes('promoter'))!;
const byName = (name: string) => employees.find((employee) => employee.displayName === name)!;
const pastSessionId = demoPastSessionId(new Date());

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoData(app.repositories, { tenantId: TEST_TENANT_ID });
  call = tabApi(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('attendance and completed trainings', () => {
  it('when an admin marks attendance after a session, then attendees see the completion and an un-ticked person loses it', async () => {
    const [attendee, absentee] = [byName('大崎 健太'), byName('中延 翔')];
    const roster = await call('GET', `/api/tab/admin/sessions/${pastSessionId}/roster`, admin.id);
    expect(roster.status).toBe(200);
    expect(roster.body.roster.map((entry: { displayName: string }) => entry.displayName)).toEqual(expect.arrayContaining([attendee.displayName, absentee.displayName]));

    expect((await call('PUT', `/api/tab/admin/sessions/${pastSessionId}/attendance`, admin.id, { attended: [attendee.id, absentee.id] })).status).toBe(200);
    const completed = await call('GET', '/api/tab/completions', attendee.id);
    expect(completed.body.completions).toEqual([expect.objectContaining({ sessionId: pastSessionId, courseId: 'it-literacy', courseTitle: 'ITリテラシー研修', confirmedBy: admin.id })]);

    expect((await call('PUT', `/api/tab/admin/sessions/${pastSessionId}/attendance`, admin.id, { attended: [attendee.id] })).status).toBe(200);
    expect((await call('GET', '/api/tab/completions', absentee.id)).body.completions).toEqual([]);
    const mine = await call('GET', '/api/tab/sessions/mine', absentee.id);
    expect(mine.body.sessions).toEqual([expect.objectContaining({ id: pastSessionId, past: true, attended: false })]);
  });

  it('when attendance names someone without a seat, comes from a non-admin, or is for a future session, then it is refused and nothing changes', async () => {
    const outsider = byName('武蔵小山 由美');
    const seated = byName('旗の台 彩');
    expect((await call('PUT', `/api/tab/admin/sessions/${pastSessionId}/attendance`, admin.id, { attended: [seated.id, outsider.id] })).status).toBe(400);
    expect((await call('PUT', `/api/tab/admin/sessions/${pastSessionId}/attendance`, seated.id, { attended: [seated.id] })).status).toBe(403);
    expect((await call('GET', '/api/tab/completions', seated.id)).body.completions).toEqual([]);
    const upcoming = (await call('GET', '/api/tab/sessions', seated.id)).body.sessions[0];
    await call('POST', `/api/tab/sessions/${upcoming.id}/enroll`, seated.id);
    const early = await call('PUT', `/api/tab/admin/sessions/${upcoming.id}/attendance`, admin.id, { attended: [seated.id] });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe('開催前の回の出席は記録できません。');
    expect((await call('GET', '/api/tab/completions', seated.id)).body.completions).toEqual([]);
  });
});

describe('cancelling a session', () => {
  it('when an admin cancels an upcoming session, then it leaves the open list, the signed-up see it cancelled and are told once', async () => {
    const learner = byName('豊町 和也');
    const created = await call('POST', '/api/tab/admin/sessions', admin.id, {
      courseId: 'service-design',
      startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 5 * 86_400_000 + 7_200_000).toISOString(),
      capacity: 10,
    });
    const sessionId = created.body.id as string;
    await call('POST', `/api/tab/sessions/${sessionId}/enroll`, learner.id);
    expect((await call('POST', `/api/tab/admin/sessions/${sessionId}/cancel`, learner.id)).status).toBe(403);
    expect((await call('POST', `/api/tab/admin/sessions/${sessionId}/cancel`, admin.id)).status).toBe(200);
    expect((await call('POST', `/api/tab/admin/sessions/${sessionId}/cancel`, admin.id)).body).toMatchObject({ cancelled: true });
    expect((await call('GET', '/api/tab/sessions', learner.id)).body.sessions.map((session: { id: string }) => session.id)).not.toContain(sessionId);
    expect((await call('GET', '/api/tab/sessions/mine', learner.id)).body.sessions).toEqual(expect.arrayContaining([expect.objectContaining({ id: sessionId, cancelled: true })]));
    const told = await app.delivery.report(`session-cancelled-${sessionId}`);
    expect(told?.broadcast.recipientCount).toBe(1);
    expect((await call('POST', `/api/tab/sessions/${sessionId}/enroll`, byName('二葉 舞').id)).body.error.message).toBe('この回は中止になりました。');
  });

  it('when an admin tries to cancel a session that has started, then it is refused and stays as it was', async () => {
    const refused = await call('POST', `/api/tab/admin/sessions/${pastSessionId}/cancel`, admin.id);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('開始した回は中止できません。');
    expect((await app.repositories.trainingSessions.get(pastSessionId))?.cancelled).toBe(false);
  });
});

describe('department and ward-wide skill distributions', () => {
  it('when a DX推進委員 opens the department view, then they see counts per level for their own department only', async () => {
    await call('PUT', '/api/tab/skills', byName('荏原 直樹').id, { ticked: ['security.lv1.1'] });
    const own = await call('GET', '/api/tab/department/skills', promoter.id);
    expect(own.status).toBe(200);
    expect(own.body.department.id).toBe(promoter.departmentId);
    expect(own.body.distribution).toMatchObject({ suppressed: false, people: 6 });
    expect(own.body.distribution.bySkill.security).toEqual([5, 1, 0, 0]);
    expect(JSON.stringify(own.body)).not.toContain(byName('荏原 直樹').id);
    expect((await call('GET', '/api/tab/department/skills?departmentId=welfare-planning', promoter.id)).status).toBe(403);
  });

  it('when a manager opens their department and it has fewer than five people, then the figures are suppressed; staff are refused', async () => {
    const manager = byName('五反田 誠');
    const small = await call('GET', '/api/tab/department/skills', manager.id);
    expect(small.body.distribution).toEqual({ suppressed: true, people: 3 });
    expect((await call('GET', '/api/tab/department/skills', byName('大崎 健太').id)).status).toBe(403);
  });

  it('when an admin opens the ward-wide view, then every employee is counted and each department is listed', async () => {
    const ward = await call('GET', '/api/tab/admin/skills/distribution', admin.id);
    expect(ward.body.ward.people).toBe(30);
    expect(ward.body.departments).toHaveLength(6);
    expect((await call('GET', '/api/tab/admin/skills/distribution', promoter.id)).status).toBe(403);
  });
});

describe('人材データ export', () => {
  it('when an admin exports, then the CSV is UTF-8 with BOM, one line per employee with levels, completions and exam passes', async () => {
    const person = byName('戸越公園 千尋');
    await call('PUT', '/api/tab/exams/ip', person.id, { passedOn: '2025-06-01' });
    await call('PUT', '/api/tab/skills', person.id, { ticked: ['security.lv1.1'] });
    const exported = await call('GET', '/api/tab/admin/export/talent-data.csv', admin.id);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    expect(exported.headers.get('content-disposition')).toContain("filename*=UTF-8''%E4%BA%BA%E6%9D%90");
    expect(exported.text.charCodeAt(0)).toBe(0xfeff);
    const lines = exported.text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('職員ID,氏名,所属,職層,業務改革(LV),業務改革(確認),プロジェクトマネジメント(LV),プロジェクトマネジメント(確認),デジタル活用(LV),デジタル活用(確認),データ活用(LV),データ活用(確認),セキュリティ(LV),セキュリティ(確認),修了研修,IT試験合格');
    expect(lines).toHaveLength(31);
    expect(lines.find((line) => line.startsWith(person.id))).toBe(`${person.id},戸越公園 千尋,都市環境部 環境課,係長級,0,,0,,0,,0,,1,自己評価,,ITパスポート(2025-06-01)`);
  });

  it('when someone who is not an admin asks for the export, then it is refused with 403', async () => {
    expect((await call('GET', '/api/tab/admin/export/talent-data.csv', promoter.id)).status).toBe(403);
  });
});

describe('catalog, exam list and subsidy text managed by デジタル推進課', () => {
  it('when an admin changes which levels a course teaches, then recommendations follow; a bad course is refused unchanged', async () => {
    const learner = byName('西小山 亮');
    const course = (await call('GET', '/api/tab/catalog', learner.id)).body.courses.find((candidate: { id: string }) => candidate.id === 'logic-model');
    const edited = { ...course, teaches: [...course.teaches, { skillId: 'security', level: 1 }] };
    delete edited.id;
    expect((await call('PUT', '/api/tab/admin/courses/logic-model', admin.id, edited)).status).toBe(200);
    const security = (await call('GET', '/api/tab/skills', learner.id)).body.recommendations.find((recommendation: { skillId: string }) => recommendation.skillId === 'security');
    expect(security.courseIds).toContain('logic-model');
    expect(security.courses.find((entry: { id: string }) => entry.id === 'security').nextSessions[0]).toMatchObject({ seatsLeft: 100 });

    expect((await call('PUT', '/api/tab/admin/courses/logic-model', admin.id, { ...edited, teaches: [{ skillId: 'cooking', level: 1 }] })).status).toBe(400);
    expect((await call('PUT', '/api/tab/admin/courses/logic-model', learner.id, edited)).status).toBe(403);
    const after = (await call('GET', '/api/tab/catalog', learner.id)).body;
    expect(after.courses.find((candidate: { id: string }) => candidate.id === 'logic-model').teaches).toEqual(edited.teaches);
    expect(after.trainingMap.security['1']).toContain('logic-model');
  });

  it('when an admin adds an exam, then employees can record a pass for it; an exam nobody added is still refused', async () => {
    const learner = byName('鮫洲 大輔');
    expect((await call('PUT', '/api/tab/exams/db', learner.id, { passedOn: '2025-04-20' })).status).toBe(400);
    expect((await call('PUT', '/api/tab/admin/exams/db', admin.id, { name: { ja: 'データベーススペシャリスト', en: 'Database Specialist' } })).status).toBe(200);
    expect((await call('PUT', '/api/tab/exams/db', learner.id, { passedOn: '2025-04-20' })).body.passes).toEqual([{ examId: 'db', passedOn: '2025-04-20' }]);
    expect((await call('PUT', '/api/tab/admin/exams/Bad%2Fid', admin.id, { name: { ja: 'x', en: 'x' } })).status).toBe(400);
  });

  it('when an admin writes the subsidy text, then employees read it; staff cannot change it', async () => {
    const body = { ja: '助成の申請は人事課へ。', en: 'Apply to the Personnel Division.' };
    expect((await call('PUT', '/api/tab/admin/content/exam-subsidy', admin.id, { body })).status).toBe(200);
    expect((await call('GET', '/api/tab/content/exam-subsidy', promoter.id)).body).toMatchObject({ body, updatedBy: admin.id });
    expect((await call('PUT', '/api/tab/admin/content/exam-subsidy', promoter.id, { body: { ja: '改ざん', en: '' } })).status).toBe(403);
    expect((await call('GET', '/api/tab/content/exam-subsidy', promoter.id)).body.body).toEqual(body);
  });
});
