import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { AppError } from '../../../kernel/domain/errors.js';
import { normalizeMultilineText, normalizeTitle } from '../../../kernel/domain/text.js';
import { findHtml } from '../../news/domain/news-markdown.js';
import { fiscalYearOf } from '../../../kernel/domain/jst.js';

/**
 * 評価・表彰制度 (第2章, 取組 「評価、表彰制度」): 「DXの推進に資する取組の優良事例をデジタル推進課が表彰し、職員の
 * モチベーションアップを図ります。」 Staff or DX推進委員 nominate a practice; デジタル推進課 reviews and awards it.
 */

export const NOMINATION_LIMITS = { title: 80, whatChanged: 2000, effect: 1000, link: 500, note: 1000 } as const;

export const NOMINATION_STATES = ['submitted', 'needs-info', 'accepted', 'declined', 'awarded'] as const;
export type NominationState = (typeof NOMINATION_STATES)[number];

/** The award's category. The policy names none; these three are the ward's usual 表彰 grades (a decision to confirm). */
export const AWARD_CATEGORIES = ['grand', 'excellent', 'encouragement'] as const;
export type AwardCategory = (typeof AWARD_CATEGORIES)[number];
export const AWARD_CATEGORY_NAMES: Record<AwardCategory, LocalizedText> = {
  grand: { ja: '最優秀賞', en: 'Grand award' },
  excellent: { ja: '優秀賞', en: 'Excellence award' },
  encouragement: { ja: '奨励賞', en: 'Encouragement award' },
};

/** 本方針の期間: 令和7年度~令和11年度 (第1章). An award year outside it, or still to come, does not exist. */
export const PROGRAMME_FISCAL_YEARS = { first: 2025, last: 2029 } as const;

export interface NominationInput {
  title: string;
  departmentId: string;
  whatChanged: string;
  effect: string;
  link?: string | undefined;
}

export interface Award {
  fiscalYear: number;
  category: AwardCategory;
  awardedBy: string;
  awardedAt: string;
}

export interface Nomination extends NominationInput {
  id: string;
  nominatorId: string;
  state: NominationState;
  submittedAt: string;
  updatedAt: string;
  /** The reviewer's latest note to the nominator (asked for more, or why declined). */
  reviewNote?: string | undefined;
  reviewedBy?: string | undefined;
  award?: Award | undefined;
  /** Set once the award went out as an インフォメーション item (庁内優良事例); the gallery shows only these. */
  published?: { newsId: string; publishedAt: string } | undefined;
}

const refuse = (userMessage: LocalizedText, detail: string) => new AppError('invalid-input', { detail, userMessage });

const FIELD_NAMES: Record<'title' | 'whatChanged' | 'effect' | 'note', LocalizedText> = {
  title: { ja: '取組名', en: 'title' },
  whatChanged: { ja: '変わったこと', en: 'what changed' },
  effect: { ja: '効果', en: 'effect' },
  note: { ja: 'コメント', en: 'note' },
};

function checkText(field: keyof typeof FIELD_NAMES, text: string, required: boolean): void {
  const name = FIELD_NAMES[field];
  if (required && text.trim() === '') throw refuse({ ja: `${name.ja}を入力してください。`, en: `Enter the ${name.en}.` }, `empty ${field}`);
  const limit = NOMINATION_LIMITS[field];
  if ([...text].length > limit) {
    throw refuse({ ja: `${name.ja}は${limit}文字以内で入力してください。`, en: `The ${name.en} must be at most ${limit} characters.` }, `${field} over ${limit}`);
  }
  const html = findHtml(text);
  if (html) throw refuse({ ja: `${name.ja}にHTMLタグ(${html})は使えません。`, en: `HTML tags (${html}) are not allowed in the ${name.en}.` }, `html in ${field}`);
}

const isHttpsUrl = (text: string): boolean => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
};

/**
 * A nomination as it is stored: texts normalised, then refused when the title or 課 is missing, a text is over its
 * limit or carries HTML, or the link is not https. `departmentExists` is the caller's look-up of the 課.
 */
export function validateNomination(input: NominationInput, departmentExists: boolean): NominationInput {
  const title = normalizeTitle(input.title);
  const whatChanged = normalizeMultilineText(input.whatChanged).trim();
  const effect = normalizeMultilineText(input.effect).trim();
  checkText('title', title, true);
  if (input.departmentId.trim() === '' || !departmentExists) {
    throw refuse({ ja: '課を選んでください。', en: 'Choose the department (課).' }, `unknown department ${input.departmentId}`);
  }
  checkText('whatChanged', whatChanged, true);
  checkText('effect', effect, true);
  const link = input.link?.trim() || undefined;
  if (link !== undefined && (link.length > NOMINATION_LIMITS.link || !isHttpsUrl(link))) {
    throw refuse({ ja: 'リンクは https:// で始まるURLにしてください。', en: 'The link must be an https:// URL.' }, `insecure link ${link}`);
  }
  return { title, departmentId: input.departmentId.trim(), whatChanged, effect, link };
}

export type ReviewDecision = 'accept' | 'ask-for-more' | 'decline';

const notNow = (nomination: Nomination, action: LocalizedText) =>
  refuse(
    { ja: `この推薦は現在「${STATE_NAMES[nomination.state].ja}」のため、${action.ja}できません。`, en: `This nomination is ${STATE_NAMES[nomination.state].en}, so it cannot be ${action.en}.` },
    `${nomination.id} is ${nomination.state}`,
  );

export const STATE_NAMES: Record<NominationState, LocalizedText> = {
  submitted: { ja: '審査待ち', en: 'waiting for review' },
  'needs-info': { ja: '追加情報の依頼中', en: 'waiting for more information' },
  accepted: { ja: '受理', en: 'accepted' },
  declined: { ja: '見送り', en: 'declined' },
  awarded: { ja: '表彰済み', en: 'awarded' },
};

/**
 * デジタル推進課's review: accept, ask for more, or decline. Asking for more and declining need a note to the
 * nominator. Only a nomination waiting for review (or re-sent after a request) can be reviewed; an accepted one may
 * still be declined before it is awarded.
 */
export function reviewNomination(nomination: Nomination, review: { decision: ReviewDecision; note?: string | undefined; reviewerId: string; now: Date }): Nomination {
  const note = review.note === undefined ? undefined : normalizeMultilineText(review.note).trim() || undefined;
  if (note !== undefined) checkText('note', note, false);
  const reviewable = nomination.state === 'submitted' || (nomination.state === 'accepted' && review.decision === 'decline');
  if (!reviewable) throw notNow(nomination, { ja: '審査', en: 'reviewed' });
  if (review.decision !== 'accept' && note === undefined) {
    throw refuse({ ja: '推薦者へのコメントを入力してください。', en: 'Write a note to the nominator.' }, `${review.decision} without a note`);
  }
  const state: NominationState = review.decision === 'accept' ? 'accepted' : review.decision === 'decline' ? 'declined' : 'needs-info';
  return { ...nomination, state, reviewNote: note, reviewedBy: review.reviewerId, updatedAt: review.now.toISOString() };
}

/** The nominator answers a request for more: the edited nomination goes back to review. */
export function resubmitNomination(nomination: Nomination, input: NominationInput, now: Date): Nomination {
  if (nomination.state !== 'needs-info') throw notNow(nomination, { ja: '再提出', en: 'resubmitted' });
  return { ...nomination, ...input, state: 'submitted', updatedAt: now.toISOString() };
}

/**
 * Selects an accepted nomination as an awardee of a fiscal year. Refused: a declined (or not yet accepted)
 * nomination, one already awarded, and a year outside the policy's period or not yet begun.
 */
export function awardNomination(nomination: Nomination, award: { fiscalYear: number; category: AwardCategory; adminId: string; now: Date }): Nomination {
  const current = fiscalYearOf(award.now);
  if (award.fiscalYear < PROGRAMME_FISCAL_YEARS.first || award.fiscalYear > Math.min(PROGRAMME_FISCAL_YEARS.last, current)) {
    throw refuse(
      {
        ja: `${award.fiscalYear}年度は表彰できる年度ではありません(${PROGRAMME_FISCAL_YEARS.first}年度~${Math.min(PROGRAMME_FISCAL_YEARS.last, current)}年度)。`,
        en: `Fiscal year ${award.fiscalYear} cannot be awarded (${PROGRAMME_FISCAL_YEARS.first}–${Math.min(PROGRAMME_FISCAL_YEARS.last, current)}).`,
      },
      `award year ${award.fiscalYear} does not exist`,
    );
  }
  if (nomination.state !== 'accepted') throw notNow(nomination, { ja: '表彰', en: 'awarded' });
  const at = award.now.toISOString();
  return { ...nomination, state: 'awarded', updatedAt: at, award: { fiscalYear: award.fiscalYear, category: award.category, awardedBy: award.adminId, awardedAt: at } };
}

/** The インフォメーション item an award goes out as: one id per nomination, so a second press sends nothing twice. */
export const awardNewsId = (nominationId: string) => `award-${nominationId}`;

/** Only an awarded nomination can be published. */
export function checkPublishable(nomination: Nomination): Award {
  if (nomination.state !== 'awarded' || !nomination.award) throw notNow(nomination, { ja: '公開', en: 'published' });
  return nomination.award;
}

/** The news item for an award, in the 庁内優良事例 category, to everyone; texts are the nomination's own. */
export function awardNewsContent(nomination: Nomination, award: Award, departmentName: string) {
  const category = AWARD_CATEGORY_NAMES[award.category].ja;
  return {
    title: `【${award.fiscalYear}年度 ${category}】${nomination.title}`,
    summary: `${departmentName}の取組が${award.fiscalYear}年度のDX優良事例（${category}）に選ばれました。`,
    body: `**変わったこと**\n\n${nomination.whatChanged}\n\n**効果**\n\n${nomination.effect}`,
    link: nomination.link,
    category: 'good-practices',
    audience: { kind: 'everyone' },
  };
}

export interface GalleryYear {
  fiscalYear: number;
  awards: { id: string; title: string; departmentId: string; departmentName: string; category: AwardCategory; whatChanged: string; effect: string; link?: string | undefined; publishedAt: string }[];
}

/** 優良事例 gallery: published awards by fiscal year, newest year first, grand awards first within a year. */
export function galleryByYear(nominations: readonly Nomination[], departmentName: (id: string) => string): GalleryYear[] {
  const years = new Map<number, GalleryYear>();
  for (const nomination of nominations) {
    if (!nomination.award || !nomination.published) continue;
    const year = years.get(nomination.award.fiscalYear) ?? { fiscalYear: nomination.award.fiscalYear, awards: [] };
    years.set(year.fiscalYear, year);
    year.awards.push({
      id: nomination.id,
      title: nomination.title,
      departmentId: nomination.departmentId,
      departmentName: departmentName(nomination.departmentId),
      category: nomination.award.category,
      whatChanged: nomination.whatChanged,
      effect: nomination.effect,
      link: nomination.link,
      publishedAt: nomination.published.publishedAt,
    });
  }
  const rank = (category: AwardCategory) => AWARD_CATEGORIES.indexOf(category);
  return [...years.values()]
    .sort((a, b) => b.fiscalYear - a.fiscalYear)
    .map((year) => ({ ...year, awards: year.awards.sort((a, b) => rank(a.category) - rank(b.category) || a.publishedAt.localeCompare(b.publishedAt)) }));
}

export interface NominationRepository {
  create(nomination: Nomination): Promise<void>;
  get(id: string): Promise<Nomination | undefined>;
  /** Reads, changes and writes one nomination under its ETag; `change` may throw to refuse. */
  update(id: string, change: (current: Nomination) => Nomination): Promise<Nomination>;
  list(): Promise<Nomination[]>;
  listByNominator(nominatorId: string): Promise<Nomination[]>;
}
