import { z } from 'zod';
import { mySkillsSchema, sessionSchema } from './skills';

export const profileSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string().optional().nullable(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  jobLevel: z.enum(['general', 'chief', 'manager']).nullable(),
  roles: z.array(z.string()),
});
export type Profile = z.infer<typeof profileSchema>;

export const devIdentitySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  departmentName: z.string(),
  jobLevel: z.enum(['general', 'chief', 'manager']).nullable(),
  roles: z.array(z.string()),
});
export type DevIdentity = z.infer<typeof devIdentitySchema>;

const examPassesSchema = z.array(z.object({ examId: z.string(), passedOn: z.string() }));

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
  async function request<T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
    const headers = new Headers(init.headers);
    headers.set('Accept-Language', options.locale);
    if (init.body) headers.set('Content-Type', 'application/json');
    if (options.getToken) headers.set('Authorization', `Bearer ${await options.getToken()}`);
    const response = await fetch(`${options.baseUrl}${path}`, { ...init, headers });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = errorSchema.safeParse(body);
      throw new ApiError(response.status, parsed.success ? parsed.data.error.code : 'http', parsed.success ? parsed.data.error.message : `HTTP ${response.status}`);
    }
    return schema.parse(body);
  }
  return {
    me: () => request('/api/tab/me', profileSchema),
    mySkills: () => request('/api/tab/skills', mySkillsSchema),
    saveMySkills: (input: { ticked: string[]; goals: Record<string, number>; mindsetChecks: string[] }) =>
      request('/api/tab/skills', mySkillsSchema, { method: 'PUT', body: JSON.stringify(input) }),
    sessions: () => request('/api/tab/sessions', z.object({ sessions: z.array(sessionSchema) })).then((body) => body.sessions),
    enroll: (sessionId: string) => request(`/api/tab/sessions/${encodeURIComponent(sessionId)}/enroll`, z.object({ status: z.string() }), { method: 'POST', body: '{}' }),
    cancelEnrollment: (sessionId: string) => request(`/api/tab/sessions/${encodeURIComponent(sessionId)}/cancel`, z.unknown(), { method: 'POST', body: '{}' }),
    exams: () =>
      request('/api/tab/exams', z.object({ exams: z.array(z.object({ id: z.string(), name: z.object({ ja: z.string(), en: z.string() }) })), passes: examPassesSchema })),
    recordExam: (examId: string, passedOn: string) =>
      request(`/api/tab/exams/${encodeURIComponent(examId)}`, z.object({ passes: examPassesSchema }), { method: 'PUT', body: JSON.stringify({ passedOn }) }),
    removeExam: (examId: string) => request(`/api/tab/exams/${encodeURIComponent(examId)}`, z.object({ passes: examPassesSchema }), { method: 'DELETE' }),
    devIdentities: () => request('/api/dev/identities', z.object({ employees: z.array(devIdentitySchema) })).then((body) => body.employees),
    devToken: (employeeId: string) =>
      request('/api/dev/token', z.object({ accessToken: z.string(), expiresOn: z.string() }), {
        method: 'POST',
        body: JSON.stringify({ employeeId }),
      }),
  };
}
