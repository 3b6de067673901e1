import { z } from 'zod';

/** The signed-in employee as the tab shows them (GET /api/tab/me). */
export const profileSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string().optional().nullable(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  jobLevel: z.enum(['general', 'chief', 'manager']).nullable(),
  roles: z.array(z.string()),
});
export type Profile = z.infer<typeof profileSchema>;

/** The local dev sign-in: who can be signed in as, and the token it issues (never served with Entra SSO). */
export const devIdentitySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  departmentName: z.string(),
  jobLevel: z.enum(['general', 'chief', 'manager']).nullable(),
  roles: z.array(z.string()),
  /** 職員番号 when the person is on the roster; `linked` false: no Teams identity yet (signing in links one). */
  staffNumber: z.string().nullable(),
  linked: z.boolean(),
});
export type DevIdentity = z.infer<typeof devIdentitySchema>;
export const devIdentitiesSchema = z.object({ employees: z.array(devIdentitySchema) });
export const devTokenSchema = z.object({ accessToken: z.string(), expiresOn: z.string() });
export const devTokenInputSchema = z.object({ employeeId: z.string().trim().min(1).max(100) });
