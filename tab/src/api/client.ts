import { directoryAuditSchema, jobLevelSpellingsSchema, promotersSchema, rosterImportSchema, setupSchema } from './directory';
import { z } from 'zod';
import { catalogSchema, examsSchema, programmeTextSchema, type CourseView } from './catalog';
import { devIdentitiesSchema, devTokenSchema, profileSchema } from './profile';
import { confirmationQueueSchema, departmentTrendSchema, wardTrendSchema, skillTimelineSchema, stepUpTargetsSchema, departmentDistributionSchema, examPassesSchema, myExamsSchema, mySkillsSchema, wardDistributionSchema } from './skills';
import {
  attendanceRecordedSchema,
  completionsSchema,
  enrolmentSchema,
  mySessionsSchema,
  rosterSchema,
  scheduledSessionSchema,
  sessionsSchema,
  type ScheduleInput,
} from './training';
import { createAwardsApi } from './awards';
import { createConsultationApi } from './consultations';
import { deskMetricsSchema } from './desk-metrics';
import { createFaqApi } from './faq';
import { broadcastsSchema, confirmationReportsSchema, workingHoursSchema, newsItemsSchema, newsListSchema, savedNewsSchema, preferencesSchema, previewSchema, reportSchema, sentSchema, type NewsInput } from './news';
import { roundResponseSchema, startedSchema, surveyResultsSchema, surveyRoundsSchema, surveyTrendSchema, type NewSurveyInput } from './surveys';

export type { DevIdentity, Profile } from './profile';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A small typed client for the tab API: every call carries the bearer token and the UI language. */
export function createApiClient(options: { baseUrl: string; locale: string; getToken?: () => Promise<string> }) {
  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept-Language', options.locale);
    if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    if (options.getToken) headers.set('Authorization', `Bearer ${await options.getToken()}`);
    const response = await fetch(`${options.baseUrl}${path}`, { ...init, headers });
    if (!response.ok) {
      const parsed = errorSchema.safeParse(await response.json().catch(() => undefined));
      throw new ApiError(response.status, parsed.success ? parsed.data.error.code : 'http', parsed.success ? parsed.data.error.message : `HTTP ${response.status}`);
    }
    return response;
  }
  async function request<T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
    return schema.parse(await (await send(path, init)).json());
  }
  const put = (body: unknown): RequestInit => ({ method: 'PUT', body: JSON.stringify(body) });
  /** A file as the server wrote it (BOM included) and the file name it suggested. */
  async function download(path: string, fallbackName: string) {
    const response = await send(path);
    const disposition = response.headers.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    return { blob: await response.blob(), fileName: encoded ? decodeURIComponent(encoded) : fallbackName };
  }
  const surveyPath = (roundId: string) => `/api/tab/admin/surveys/${encodeURIComponent(roundId)}`;
  return {
    consultations: createConsultationApi(request),
    faq: createFaqApi(request),
    awards: createAwardsApi(request),
    me: () => request('/api/tab/me', profileSchema),
    /** Whether any admin exists yet (for everyone: without one the tab says how to make the first). */
    directorySetup: () => request('/api/tab/directory/setup', setupSchema),
    mySkills: () => request('/api/tab/skills', mySkillsSchema),
    saveMySkills: (input: { ticked: string[]; goals: Record<string, number>; mindsetChecks: string[] }) =>
      request('/api/tab/skills', mySkillsSchema, { method: 'PUT', body: JSON.stringify(input) }),
    skillTimeline: () => request('/api/tab/skills/timeline', skillTimelineSchema),
    confirmationQueue: () => request('/api/tab/skills/confirmations', confirmationQueueSchema).then((body) => body.items),
    decideConfirmation: (employeeId: string, skillId: string, input: { decision: 'confirm' | 'return'; level: number; comment?: string }) =>
      request(`/api/tab/skills/confirmations/${encodeURIComponent(employeeId)}/${encodeURIComponent(skillId)}`, z.unknown(), { method: 'POST', body: JSON.stringify(input) }),
    sessions: () => request('/api/tab/sessions', sessionsSchema).then((body) => body.sessions),
    enroll: (sessionId: string) => request(`/api/tab/sessions/${encodeURIComponent(sessionId)}/enroll`, enrolmentSchema, { method: 'POST', body: '{}' }),
    cancelEnrollment: (sessionId: string) => request(`/api/tab/sessions/${encodeURIComponent(sessionId)}/cancel`, z.unknown(), { method: 'POST', body: '{}' }),
    exams: () =>
      request('/api/tab/exams', myExamsSchema),
    recordExam: (examId: string, passedOn: string) =>
      request(`/api/tab/exams/${encodeURIComponent(examId)}`, examPassesSchema, { method: 'PUT', body: JSON.stringify({ passedOn }) }),
    removeExam: (examId: string) => request(`/api/tab/exams/${encodeURIComponent(examId)}`, examPassesSchema, { method: 'DELETE' }),
    mySessions: () => request('/api/tab/sessions/mine', mySessionsSchema).then((body) => body.sessions),
    completions: () => request('/api/tab/completions', completionsSchema).then((body) => body.completions),
    catalog: () => request('/api/tab/catalog', catalogSchema),
    examSubsidy: () => request('/api/tab/content/exam-subsidy', programmeTextSchema),
    departmentSkills: () => request('/api/tab/department/skills', departmentDistributionSchema),
    departmentTrend: () => request('/api/tab/department/skills/trend', departmentTrendSchema),
    admin: {
      distribution: () => request('/api/tab/admin/skills/distribution', wardDistributionSchema),
      /** スキル推移: the ward and every 課 per 年度 (transfers and leavers placed by the directory); read on demand. */
      skillTrend: () => request('/api/tab/admin/skills/trend', wardTrendSchema),
      targets: () => request('/api/tab/admin/skills/targets', stepUpTargetsSchema).then((body) => body.targets),
      saveTarget: (input: { jobLevel: string; skillId: string; level: number; byFiscalYear: number }) =>
        request(`/api/tab/admin/skills/targets/${encodeURIComponent(input.jobLevel)}/${encodeURIComponent(input.skillId)}`, stepUpTargetsSchema, put({ level: input.level, byFiscalYear: input.byFiscalYear })),
      removeTarget: (jobLevel: string, skillId: string) =>
        request(`/api/tab/admin/skills/targets/${encodeURIComponent(jobLevel)}/${encodeURIComponent(skillId)}`, stepUpTargetsSchema, { method: 'DELETE' }),
      sessions: () => request('/api/tab/admin/sessions', sessionsSchema).then((body) => body.sessions),
      schedule: (input: ScheduleInput) =>
        request('/api/tab/admin/sessions', scheduledSessionSchema, { method: 'POST', body: JSON.stringify(input) }),
      cancelSession: (sessionId: string) => request(`/api/tab/admin/sessions/${encodeURIComponent(sessionId)}/cancel`, z.unknown(), { method: 'POST', body: '{}' }),
      roster: (sessionId: string) => request(`/api/tab/admin/sessions/${encodeURIComponent(sessionId)}/roster`, rosterSchema).then((body) => body.roster),
      recordAttendance: (sessionId: string, attended: string[]) =>
        request(`/api/tab/admin/sessions/${encodeURIComponent(sessionId)}/attendance`, attendanceRecordedSchema, put({ attended })),
      saveCourse: ({ id, ...course }: CourseView) => request(`/api/tab/admin/courses/${encodeURIComponent(id)}`, z.unknown(), put(course)),
      saveExam: (id: string, name: { ja: string; en: string }) =>
        request(`/api/tab/admin/exams/${encodeURIComponent(id)}`, examsSchema, put({ name })),
      saveExamSubsidy: (body: { ja: string; en: string }) => request('/api/tab/admin/content/exam-subsidy', programmeTextSchema, put({ body })),
      /** 職員名簿: HR's file as its bytes (Shift_JIS stays Shift_JIS); preview (dryRun) or apply. */
      importRoster: (file: Blob, options: { dryRun: boolean; effectiveDate?: string }) =>
        request(
          `/api/tab/admin/roster?dryRun=${options.dryRun ? 1 : 0}${options.effectiveDate ? `&effectiveDate=${options.effectiveDate}` : ''}`,
          rosterImportSchema,
          { method: 'POST', body: file, headers: { 'Content-Type': 'text/csv' } },
        ),
      jobLevelSpellings: () => request('/api/tab/admin/roster/job-levels', jobLevelSpellingsSchema).then((body) => body.spellings),
      /** DX推進委員 per 課: the current one and the 課's active staff to choose from. */
      promoters: () => request('/api/tab/admin/directory/promoters', promotersSchema).then((body) => body.sections),
      /** Makes a member of the 課 its DX推進委員, or (null) leaves the 課 without one. */
      assignPromoter: (departmentId: string, staffNumber: string | null) =>
        request(`/api/tab/admin/directory/promoters/${encodeURIComponent(departmentId)}`, z.unknown(), put({ staffNumber })),
      directoryAudit: () => request('/api/tab/admin/directory/audit', directoryAuditSchema).then((body) => body.entries),
      exportTalentData: () => download('/api/tab/admin/export/talent-data.csv', 'talent-data.csv'),
      /** 年次報告: the year's logic model as an xlsx workbook. */
      exportEvaluation: (fiscalYear: number) => download(`/api/tab/admin/evaluation/report.xlsx?fiscalYear=${fiscalYear}`, `evaluation-${fiscalYear}.xlsx`),
      surveys: () => request('/api/tab/admin/surveys', surveyRoundsSchema),
      createSurvey: (input: NewSurveyInput) => request('/api/tab/admin/surveys', roundResponseSchema, { method: 'POST', body: JSON.stringify(input) }),
      startSurvey: (roundId: string) => request(`${surveyPath(roundId)}/start`, startedSchema, { method: 'POST', body: '{}' }),
      closeSurvey: (roundId: string) => request(`${surveyPath(roundId)}/close`, roundResponseSchema, { method: 'POST', body: '{}' }),
      surveyResults: (roundId: string) => request(`${surveyPath(roundId)}/results`, surveyResultsSchema),
      surveyTrend: () => request('/api/tab/admin/surveys/trend', surveyTrendSchema).then((body) => body.trend),
      exportSurveyResults: (roundId: string) => download(`${surveyPath(roundId)}/results.csv`, `survey-results_${roundId}.csv`),
      news: () => request('/api/tab/admin/news', newsListSchema),
      previewNews: (input: NewsInput) => request('/api/tab/admin/news/preview', previewSchema, { method: 'POST', body: JSON.stringify(input) }),
      saveNews: (id: string, input: NewsInput, state: 'draft' | 'scheduled') =>
        request(`/api/tab/admin/news/${encodeURIComponent(id)}`, savedNewsSchema, put({ item: input, state })),
      sendNews: (id: string, input?: NewsInput) =>
        request(`/api/tab/admin/news/${encodeURIComponent(id)}/send`, sentSchema, { method: 'POST', body: JSON.stringify(input ? { item: input } : {}) }),
      broadcasts: () => request('/api/tab/admin/broadcasts', broadcastsSchema).then((body) => body.broadcasts),
      /** 「確認しました」 per department for every sent item that asks for it (names: admins only). */
      newsConfirmations: () => request('/api/tab/news/confirmations', confirmationReportsSchema).then((body) => body.reports),
      workingHours: () => request('/api/tab/admin/delivery/working-hours', workingHoursSchema),
      saveWorkingHours: (hours: { start: string; end: string }) => request('/api/tab/admin/delivery/working-hours', workingHoursSchema, put(hours)),
      broadcastReport: (id: string) => request(`/api/tab/admin/broadcasts/${encodeURIComponent(id)}`, reportSchema),
      /** 相談の分析: the desk metrics of a fiscal year (this one when omitted), and the same as CSV. */
      deskMetrics: (fiscalYear?: number) => request(`/api/tab/admin/desk-metrics${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`, deskMetricsSchema),
      exportDeskMetrics: (fiscalYear: number) => download(`/api/tab/admin/desk-metrics/report.csv?fiscalYear=${fiscalYear}`, `desk-metrics_FY${fiscalYear}.csv`),
      exportBroadcastReport: (id: string) => download(`/api/tab/admin/broadcasts/${encodeURIComponent(id)}/report.csv`, `delivery-report_${id}.csv`),
    },
    news: () => request('/api/tab/news', newsItemsSchema).then((body) => body.items),
    notificationSettings: () => request('/api/tab/notifications', preferencesSchema),
    saveNotificationSettings: (categories: string[]) => request('/api/tab/notifications', preferencesSchema, put({ categories })),
    devIdentities: () => request('/api/dev/identities', devIdentitiesSchema).then((body) => body.employees),
    devToken: (employeeId: string) =>
      request('/api/dev/token', devTokenSchema, {
        method: 'POST',
        body: JSON.stringify({ employeeId }),
      }),
  };
}
