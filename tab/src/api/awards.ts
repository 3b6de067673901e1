import type { z } from 'zod';
import { awardPublishedSchema, evaluationSchema, gallerySchema, hrFigureSchema, nominationListSchema, nominationResponseSchema } from '../../../bot/src/features/programme/programme-api.js';

export * from '../../../bot/src/features/programme/programme-api.js';

type Request = <T>(path: string, schema: z.ZodType<T>, init?: RequestInit) => Promise<T>;

export interface NominationInput {
  title: string;
  departmentId: string;
  whatChanged: string;
  effect: string;
  link?: string;
}

/** 評価・表彰 in the tab: nominate and follow one's own nominations, the gallery, and デジタル推進課's review. */
export function createAwardsApi(request: Request) {
  const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
  const admin = (id: string) => `/api/tab/admin/awards/nominations/${encodeURIComponent(id)}`;
  return {
    mine: () => request('/api/tab/awards/nominations/mine', nominationListSchema),
    nominate: (input: NominationInput) => request('/api/tab/awards/nominations', nominationResponseSchema, post(input)),
    resubmit: (id: string, input: NominationInput) =>
      request(`/api/tab/awards/nominations/${encodeURIComponent(id)}`, nominationResponseSchema, { method: 'PUT', body: JSON.stringify(input) }),
    gallery: () => request('/api/tab/awards/gallery', gallerySchema).then((body) => body.years),
    admin: {
      list: () => request('/api/tab/admin/awards/nominations', nominationListSchema),
      review: (id: string, decision: 'accept' | 'ask-for-more' | 'decline', note?: string) =>
        request(`${admin(id)}/review`, nominationResponseSchema, post(note ? { decision, note } : { decision })),
      award: (id: string, fiscalYear: number, category: 'grand' | 'excellent' | 'encouragement') =>
        request(`${admin(id)}/award`, nominationResponseSchema, post({ fiscalYear, category })),
      publish: (id: string) => request(`${admin(id)}/publish`, awardPublishedSchema, post({})),
      /** 管理 → 事業評価: the logic model of a fiscal year (this year when omitted). */
      evaluation: (fiscalYear?: number) => request(`/api/tab/admin/evaluation${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`, evaluationSchema),
      saveHrFigure: (fiscalYear: number, value: number) =>
        request('/api/tab/admin/evaluation/hr-figure', hrFigureSchema, { method: 'PUT', body: JSON.stringify({ fiscalYear, value }) }),
    },
  };
}
