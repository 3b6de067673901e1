import { JOB_LEVELS, type JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import type { Employee } from '../../../kernel/domain/employee.js';
import { AppError } from '../../../kernel/domain/errors.js';
import { findHtml, parseNewsMarkdown, type MarkdownProblem } from './news-markdown.js';

/**
 * インフォメーション (policy outcome 05, 「インフォメーションによるDX関連情報配信」): news items デジタル推進課 writes,
 * sent at once or gathered into the weekly digest.
 *
 * An item moves draft → scheduled (saved for the next weekly digest) → published (sent now, or in a digest).
 * A published item is never edited or sent again: its broadcast id `news-<itemId>` makes a repeat a no-op.
 */

export const NEWS_CATEGORIES = ['tech-trends', 'good-practices', 'training', 'notices'] as const;
export type NewsCategory = (typeof NEWS_CATEGORIES)[number];

export const NEWS_CATEGORY_LABELS: Record<NewsCategory, LocalizedText> = {
  'tech-trends': { ja: '技術動向', en: 'Technology trends' },
  'good-practices': { ja: '庁内優良事例', en: 'Good practice in the ward' },
  training: { ja: '研修案内', en: 'Training' },
  notices: { ja: 'お知らせ', en: 'Announcements' },
};

/** Who an item is for: everyone, some departments, some job levels, or the DX推進委員. */
export type NewsAudience =
  | { kind: 'everyone' }
  | { kind: 'departments'; departmentIds: string[] }
  | { kind: 'job-levels'; jobLevels: JobLevel[] }
  | { kind: 'promoters' };
export const NEWS_AUDIENCE_KINDS = ['everyone', 'departments', 'job-levels', 'promoters'] as const;

export type NewsState = 'draft' | 'scheduled' | 'published';

export interface NewsContent {
  title: string;
  summary: string;
  /** Markdown subset (see news-markdown.ts). */
  body: string;
  link: string | undefined;
  imageUrl: string | undefined;
  category: NewsCategory;
  audience: NewsAudience;
  /**
   * 「確認しました」: the card asks each recipient to confirm they read it, and those who have not get one follow-up
   * reminder `followUpDays` after it was sent. Undefined: an ordinary item.
   */
  confirmation: NewsConfirmationRequest | undefined;
}

export interface NewsConfirmationRequest {
  followUpDays: number;
}

export const DEFAULT_FOLLOW_UP_DAYS = 3;
export const MAX_FOLLOW_UP_DAYS = 30;

export interface NewsItem extends NewsContent {
  id: string;
  state: NewsState;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | undefined;
  /** `send-now`, or the weekly digest's slot (`2026-W48`) that carried it. */
  publishedVia: string | undefined;
}

/** What the admin typed, untrusted beyond its shape (the HTTP edge checks types and lengths). */
export interface NewsInput {
  title: string;
  summary: string;
  body: string;
  link?: string | undefined;
  imageUrl?: string | undefined;
  category: string;
  audience: { kind: string; departmentIds?: string[] | undefined; jobLevels?: string[] | undefined };
  /** Present (even empty) when the item asks for 「確認しました」; `followUpDays` defaults to 3. */
  confirmation?: { followUpDays?: number | undefined } | null | undefined;
}

/**
 * Teams refuses messages over about 28 KB. The card is measured as built (UTF-8 JSON) and must leave about 1 KB
 * for the activity around it.
 */
export const MAX_NEWS_CARD_BYTES = 27 * 1024;

const refuse = (message: LocalizedText, detail: string) => new AppError('invalid-input', { detail, userMessage: message });

const isHttpsUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
};

function markdownRefusal(problem: MarkdownProblem): AppError {
  switch (problem.kind) {
    case 'html':
      return refuse(
        { ja: `本文にHTMLタグ(${problem.excerpt})は使えません。<script> などのタグを削除してください。`, en: `HTML tags (${problem.excerpt}) are not allowed in the body. Remove tags such as <script>.` },
        `html in body: ${problem.excerpt}`,
      );
    case 'insecure-link':
      return refuse(
        { ja: `本文のリンクは https:// で始まるURLにしてください(${problem.url})。`, en: `Links in the body must start with https:// (${problem.url}).` },
        `insecure link in body: ${problem.url}`,
      );
    case 'image':
      return refuse(
        { ja: '本文に画像は埋め込めません。画像URL欄を使ってください。', en: 'Images cannot be embedded in the body. Use the image URL field.' },
        `image in body: ${problem.excerpt}`,
      );
  }
}

/**
 * Checks what the admin wrote and returns the content to store, or refuses with a message naming the problem:
 * empty title, HTML anywhere, a non-https link or image, an unknown category, audience or department, or a card
 * too large for Teams. `cardBytes` measures the card built from the content (the largest of its languages).
 */
export function validateNewsContent(
  input: NewsInput,
  context: { departmentIds: ReadonlySet<string>; cardBytes: (content: NewsContent) => number },
): NewsContent {
  const title = input.title.trim();
  const summary = input.summary.trim();
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  if (!title) throw refuse({ ja: 'タイトルを入力してください。', en: 'Enter a title.' }, 'empty title');
  for (const [field, label, text] of [
    ['title', { ja: 'タイトル', en: 'title' }, title],
    ['summary', { ja: '概要', en: 'summary' }, summary],
  ] as const) {
    const html = findHtml(text);
    if (html) throw refuse({ ja: `${label.ja}にHTMLタグ(${html})は使えません。`, en: `HTML tags (${html}) are not allowed in the ${label.en}.` }, `html in ${field}`);
  }
  const parsed = parseNewsMarkdown(body);
  if (!parsed.ok) throw markdownRefusal(parsed.problem);

  const link = input.link?.trim() || undefined;
  if (link !== undefined && !isHttpsUrl(link)) {
    throw refuse({ ja: 'リンクは https:// で始まるURLにしてください。', en: 'The link must be an https:// URL.' }, `insecure link ${link}`);
  }
  const imageUrl = input.imageUrl?.trim() || undefined;
  if (imageUrl !== undefined && !isHttpsUrl(imageUrl)) {
    throw refuse({ ja: '画像URLは https:// で始まるURLにしてください。', en: 'The image URL must be an https:// URL.' }, `insecure image ${imageUrl}`);
  }
  if (!(NEWS_CATEGORIES as readonly string[]).includes(input.category)) {
    throw refuse({ ja: `分類「${input.category}」はありません。`, en: `There is no category "${input.category}".` }, `unknown category ${input.category}`);
  }
  const content: NewsContent = {
    confirmation: validateConfirmation(input.confirmation),
    title,
    summary,
    body,
    link,
    imageUrl,
    category: input.category as NewsCategory,
    audience: validateAudience(input.audience, context.departmentIds),
  };
  const bytes = context.cardBytes(content);
  if (bytes > MAX_NEWS_CARD_BYTES) {
    const kb = (value: number) => (value / 1024).toFixed(1);
    throw refuse(
      {
        ja: `本文が長すぎます。Teams のカードの上限(約${kb(MAX_NEWS_CARD_BYTES)}KB)を超えています(現在 ${kb(bytes)}KB)。本文を短くし、詳細はリンク先に載せてください。`,
        en: `The body is too long: the card would be ${kb(bytes)} KB, over Teams' limit of about ${kb(MAX_NEWS_CARD_BYTES)} KB. Shorten it and put the details behind the link.`,
      },
      `card ${bytes} bytes`,
    );
  }
  return content;
}

function validateConfirmation(confirmation: NewsInput['confirmation']): NewsConfirmationRequest | undefined {
  if (!confirmation) return undefined;
  const followUpDays = confirmation.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS;
  if (!Number.isInteger(followUpDays) || followUpDays < 1 || followUpDays > MAX_FOLLOW_UP_DAYS) {
    throw refuse(
      {
        ja: `未確認の方へのリマインドは配信の1〜${MAX_FOLLOW_UP_DAYS}日後(整数)で指定してください。`,
        en: `The reminder to those who have not confirmed must be 1–${MAX_FOLLOW_UP_DAYS} days (a whole number) after sending.`,
      },
      `follow-up days ${followUpDays}`,
    );
  }
  return { followUpDays };
}

function validateAudience(audience: NewsInput['audience'], knownDepartments: ReadonlySet<string>): NewsAudience {
  switch (audience.kind) {
    case 'everyone':
      return { kind: 'everyone' };
    case 'promoters':
      return { kind: 'promoters' };
    case 'departments': {
      const departmentIds = [...new Set((audience.departmentIds ?? []).map((id) => id.trim()).filter(Boolean))];
      if (departmentIds.length === 0) throw refuse({ ja: '配信先の所属を1つ以上選んでください。', en: 'Choose at least one department.' }, 'empty department audience');
      const unknown = departmentIds.filter((id) => !knownDepartments.has(id));
      if (unknown.length > 0) {
        throw refuse({ ja: `配信先に存在しない所属があります: ${unknown.join('、')}`, en: `Unknown department in the audience: ${unknown.join(', ')}` }, `unknown departments ${unknown.join(',')}`);
      }
      return { kind: 'departments', departmentIds };
    }
    case 'job-levels': {
      const jobLevels = [...new Set(audience.jobLevels ?? [])];
      if (jobLevels.length === 0) throw refuse({ ja: '配信先の職層を1つ以上選んでください。', en: 'Choose at least one job level.' }, 'empty job-level audience');
      const unknown = jobLevels.filter((level) => !(JOB_LEVELS as readonly string[]).includes(level));
      if (unknown.length > 0) throw refuse({ ja: `配信先に存在しない職層があります: ${unknown.join('、')}`, en: `Unknown job level in the audience: ${unknown.join(', ')}` }, `unknown job levels`);
      return { kind: 'job-levels', jobLevels: jobLevels as JobLevel[] };
    }
    default:
      throw refuse(
        { ja: `配信先「${audience.kind}」は指定できません。全職員・所属・職層・DX推進委員から選んでください。`, en: `Unknown audience "${audience.kind}". Choose everyone, departments, job levels or DX promoters.` },
        `unknown audience ${audience.kind}`,
      );
  }
}

export function isInNewsAudience(audience: NewsAudience, employee: Pick<Employee, 'departmentId' | 'jobLevel' | 'roles'>): boolean {
  switch (audience.kind) {
    case 'everyone':
      return true;
    case 'departments':
      return employee.departmentId !== undefined && audience.departmentIds.includes(employee.departmentId);
    case 'job-levels':
      return employee.jobLevel !== undefined && audience.jobLevels.includes(employee.jobLevel);
    case 'promoters':
      return employee.roles.includes('promoter');
  }
}

/** The audience as the delivery report shows it. */
export function describeAudience(audience: NewsAudience, departmentName: (id: string) => string): string {
  switch (audience.kind) {
    case 'everyone':
      return '全職員';
    case 'departments':
      return `所属: ${audience.departmentIds.map(departmentName).join('、')}`;
    case 'job-levels':
      return `職層: ${audience.jobLevels.join('、')}`;
    case 'promoters':
      return 'DX推進委員';
  }
}

/** Which categories an employee receives. Training reminders for their own sessions are not a category: always on. */
export interface NotificationPreferences {
  employeeId: string;
  categories: NewsCategory[];
  updatedAt: string | undefined;
}

export const defaultNotificationPreferences = (employeeId: string): NotificationPreferences => ({ employeeId, categories: [...NEWS_CATEGORIES], updatedAt: undefined });

/**
 * Whether this employee should get this item: in its audience and subscribed to its category. An item that asks for
 * 「確認しました」 is essential: everyone in its audience gets it whatever their categories, because デジタル推進課 must
 * know who has read it (通知設定 says so).
 */
export function wantsNews(item: Pick<NewsContent, 'audience' | 'category' | 'confirmation'>, employee: Employee, preferences: NotificationPreferences | undefined): boolean {
  if (!isInNewsAudience(item.audience, employee)) return false;
  return item.confirmation !== undefined || (preferences ?? defaultNotificationPreferences(employee.id)).categories.includes(item.category);
}

const newestFirst = (a: NewsItem, b: NewsItem) => (b.publishedAt ?? b.updatedAt).localeCompare(a.publishedAt ?? a.updatedAt);

/**
 * The weekly digest per employee: of the items this digest publishes, those in the employee's audience and
 * categories, newest first. Employees with nothing are left out (they get no card at all).
 */
export function planDigest(
  items: readonly NewsItem[],
  employees: readonly Employee[],
  preferencesOf: (employeeId: string) => NotificationPreferences | undefined,
): { employee: Employee; items: NewsItem[] }[] {
  const ordered = [...items].sort(newestFirst);
  return employees.flatMap((employee) => {
    const mine = ordered.filter((item) => wantsNews(item, employee, preferencesOf(employee.id)));
    return mine.length > 0 ? [{ employee, items: mine }] : [];
  });
}

/** The latest published items an employee may read (their audience), newest first. */
export function latestFor(items: readonly NewsItem[], employee: Employee, limit: number): NewsItem[] {
  return items.filter((item) => item.state === 'published' && isInNewsAudience(item.audience, employee)).sort(newestFirst).slice(0, limit);
}
