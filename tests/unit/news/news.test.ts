import { describe, expect, it } from 'vitest';
import { buildNewsCard, buildNewsDigestCard, cardBytes, newsCardBytes } from '../../../bot/src/features/news/cards/news-card.js';
import { buildNotificationSettingsCard, categoriesFromCardData, categoryInputId } from '../../../bot/src/features/news/cards/notification-settings-card.js';
import { buildTrainingReminderCard, TRAINING_REMINDER_VERBS } from '../../../bot/src/features/news/cards/training-reminder-card.js';
import type { Employee } from '../../../bot/src/kernel/domain/employee.js';
import { AppError } from '../../../bot/src/kernel/domain/errors.js';
import { MAX_NEWS_CARD_BYTES, planDigest, validateNewsContent, type NewsInput, type NewsItem } from '../../../bot/src/features/news/domain/news-items.js';
import { parseNewsMarkdown } from '../../../bot/src/features/news/domain/news-markdown.js';
import { dueReminders, parseReminderDays } from '../../../bot/src/features/news/domain/training-reminders.js';
import type { TrainingSession } from '../../../bot/src/features/training/domain/training-sessions.js';
import { ConfigError, loadConfig } from '../../../bot/src/config.js';
import { parseAdaptiveCard } from '../../support/cards.js';

const input = (change: Partial<NewsInput> = {}): NewsInput => ({
  title: '生成AIの庁内利用ガイドラインを公開しました',
  summary: '業務で生成AIを使うときのルールをまとめました。',
  body: 'ガイドラインの**要点**です。\n\n- 個人情報を入力しない\n- 出力は必ず確認する\n\n詳しくは[庁内ポータル](https://portal.example.jp/ai)をご覧ください。',
  link: 'https://portal.example.jp/ai',
  imageUrl: 'https://portal.example.jp/ai.png',
  category: 'notices',
  audience: { kind: 'everyone' },
  ...change,
});
const context = { departmentIds: new Set(['digital-promotion', 'environment']), cardBytes: newsCardBytes };
const refusal = (change: Partial<NewsInput>) => {
  try {
    validateNewsContent(input(change), context);
  } catch (error) {
    if (error instanceof AppError) return error.userMessage;
    throw error;
  }
  throw new Error('the input was accepted');
};

describe('news item validation', () => {
  it('when the item is well formed, then it is accepted with its audience and category', () => {
    const content = validateNewsContent(input({ audience: { kind: 'departments', departmentIds: ['environment'] } }), context);
    expect(content).toMatchObject({ category: 'notices', audience: { kind: 'departments', departmentIds: ['environment'] }, link: 'https://portal.example.jp/ai' });
  });

  it('when the title is empty, then it is refused in both languages', () => {
    expect(refusal({ title: '   ' })).toEqual({ ja: 'タイトルを入力してください。', en: 'Enter a title.' });
  });

  it('when the body carries a script tag or any HTML, then it is refused naming the tag', () => {
    expect(refusal({ body: 'こんにちは<script>alert(1)</script>' }).ja).toContain('<script>');
    expect(refusal({ body: '<b>太字</b>' }).en).toContain('HTML tags');
    expect(refusal({ summary: '<img src=x onerror=alert(1)>' }).ja).toContain('概要にHTMLタグ');
    // A comparison is not a tag.
    expect(() => validateNewsContent(input({ body: '3 < 5 かつ A < B' }), context)).not.toThrow();
  });

  it('when a link or the image is not https, then it is refused', () => {
    expect(refusal({ link: 'http://portal.example.jp' }).ja).toBe('リンクは https:// で始まるURLにしてください。');
    expect(refusal({ imageUrl: 'javascript:alert(1)' }).en).toBe('The image URL must be an https:// URL.');
    expect(refusal({ body: '[ここ](http://example.jp)' }).ja).toContain('http://example.jp');
    expect(refusal({ body: '[ここ](javascript:alert(1))' }).en).toContain('https://');
  });

  it('when the audience or a department is unknown, then it is refused with a clear message', () => {
    expect(refusal({ audience: { kind: 'departments', departmentIds: ['no-such-department'] } }).ja).toBe('配信先に存在しない所属があります: no-such-department');
    expect(refusal({ audience: { kind: 'robots' } }).en).toContain('Unknown audience "robots"');
    expect(refusal({ audience: { kind: 'job-levels', jobLevels: ['ceo'] } }).ja).toContain('ceo');
    expect(refusal({ category: 'gossip' }).ja).toBe('分類「gossip」はありません。');
  });

  it('when the built card would exceed the size Teams accepts, then the body is refused with the measured size', () => {
    const long = Array.from({ length: 120 }, (_, index) => `第${index}段落: ${'デジタル推進課からのお知らせです。'.repeat(5)}`).join('\n\n');
    const message = refusal({ body: long });
    expect(message.ja).toContain('本文が長すぎます');
    expect(message.en).toMatch(/would be \d+\.\d KB/);
  });
});

describe('news Markdown subset', () => {
  it('when the body has paragraphs, lists, bold and links, then each becomes a block a TextBlock renders', () => {
    const parsed = parseNewsMarkdown('# 見出し\n一行目\n二行目\n\n1. 最初\n2. 次\n- 箇条');
    expect(parsed).toEqual({
      ok: true,
      blocks: [
        { kind: 'paragraph', text: '**見出し**' },
        { kind: 'paragraph', text: '一行目\n二行目' },
        { kind: 'list', ordered: true, items: ['最初', '次'] },
        { kind: 'list', ordered: false, items: ['箇条'] },
      ],
    });
  });
});

describe('news cards', () => {
  const item = validateNewsContent(input(), context);

  it('when a news item is built, then the card parses without problems and carries image, title, list and link', () => {
    for (const locale of ['ja', 'en'] as const) {
      const card = buildNewsCard({ item, locale });
      const parsed = parseAdaptiveCard(card.content);
      expect(parsed.problems).toEqual([]);
      expect(parsed.bytes).toBeLessThan(28 * 1024);
      const text = JSON.stringify(card.content);
      expect(text).toContain('"type":"Image","url":"https://portal.example.jp/ai.png"');
      expect(text).toContain('- 個人情報を入力しない\\r- 出力は必ず確認する');
      expect(text).toContain('[庁内ポータル](https://portal.example.jp/ai)');
    }
  });

  it('when a digest has more items than fit in 28 KB, then it keeps what fits and links to the rest', () => {
    const many = Array.from({ length: 200 }, (_, index) => ({ ...item, title: `事例紹介No.${index}`, summary: '庁内のDX事例を紹介します。'.repeat(6) }));
    const card = buildNewsDigestCard({ items: many, locale: 'ja', kind: 'digest', tabUrl: 'https://tab.example.jp' });
    const parsed = parseAdaptiveCard(card.content);
    expect(parsed.problems).toEqual([]);
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_NEWS_CARD_BYTES);
    const shown = (JSON.stringify(card.content).match(/事例紹介No\.\d+/g) ?? []).length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(200);
    const more = (card.content.body.at(-1) as { text?: string }).text;
    expect(more).toBe(`ほか ${200 - shown} 件はタブの「お知らせ」で読めます。`);
  });

  it('when the reminder and settings cards are built, then they parse and carry their actions', () => {
    const session = { id: 's-1', startsAt: '2026-12-02T05:00:00.000Z', place: undefined, onlineUrl: 'https://teams.example.jp/meet/1' };
    const reminder = buildTrainingReminderCard({ session, courseTitle: { ja: 'セキュリティ研修', en: 'Security training' }, days: 7, locale: 'ja' });
    expect(parseAdaptiveCard(reminder.content).problems).toEqual([]);
    const text = JSON.stringify(reminder.content);
    expect(text).toContain('2026年12月2日（水） 14:00');
    expect(text).toContain(`"verb":"${TRAINING_REMINDER_VERBS.cancel}","data":{"sessionId":"s-1","days":7}`);
    const settings = buildNotificationSettingsCard({ preferences: { employeeId: 'e', categories: ['training'], updatedAt: undefined }, reminderDays: [7, 1], locale: 'ja' });
    expect(parseAdaptiveCard(settings.content).problems).toEqual([]);
    expect(JSON.stringify(settings.content)).toContain('申し込んだ研修のリマインド（7日前・1日前）は、申し込んでいる間は止められません。');
    expect(categoriesFromCardData({ [categoryInputId('training')]: 'true', [categoryInputId('notices')]: 'false' })).toEqual(['training']);
  });
});

describe('digest plan and reminder windows', () => {
  const employee = (id: string, fields: Partial<Employee> = {}): Employee => ({
    id,
    displayName: id,
    email: undefined,
    departmentId: 'environment',
    jobLevel: 'general',
    roles: ['employee'],
    locale: undefined,
    tenantId: undefined,
    installedAt: undefined,
    ...fields,
  });
  const news = (id: string, fields: Partial<NewsItem>): NewsItem => ({
    ...validateNewsContent(input(), context),
    id,
    state: 'published',
    createdBy: 'admin',
    createdAt: '2026-11-20T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
    publishedAt: '2026-11-23T00:00:00.000Z',
    publishedVia: '2026-W48',
    ...fields,
  });

  it('when items target different audiences and someone turned a category off, then each gets their own items and the one with none is left out', () => {
    const items = [news('all', { category: 'tech-trends' }), news('promoters', { audience: { kind: 'promoters' } }), news('managers', { audience: { kind: 'job-levels', jobLevels: ['manager'] } })];
    const plan = planDigest(items, [employee('a'), employee('p', { roles: ['employee', 'promoter'] }), employee('quiet'), employee('m', { jobLevel: 'manager', departmentId: 'x' })], (id) =>
      id === 'quiet' ? { employeeId: id, categories: ['notices'], updatedAt: undefined } : undefined,
    );
    expect(plan.map(({ employee: who, items: mine }) => [who.id, mine.map((item) => item.id).sort()])).toEqual([
      ['a', ['all']],
      ['p', ['all', 'promoters']],
      ['m', ['all', 'managers']],
    ]);
  });

  it('when sessions are 6 days, 20 hours and 10 days away, then the 7-day, 1-day and no reminder are due', () => {
    const now = new Date('2026-11-25T00:00:00.000Z');
    const at = (hours: number): TrainingSession => ({ id: `in-${hours}h`, courseId: 'c', startsAt: new Date(now.getTime() + hours * 3600_000).toISOString(), endsAt: '', place: undefined, onlineUrl: undefined, capacity: 1, cancelled: false, enrolledCount: 0 });
    const due = dueReminders([at(144), at(20), at(240), { ...at(30), cancelled: true }], now, [7, 1]);
    expect(due.map((reminder) => [reminder.session.id, reminder.days])).toEqual([
      ['in-144h', 7],
      ['in-20h', 1],
    ]);
    expect(parseReminderDays('7,1')).toEqual([7, 1]);
    expect(parseReminderDays('7,x')).toBeUndefined();
  });
});

describe('news configuration', () => {
  it('when nothing is set, then the digest goes out Mondays 09:00, reminders come 7 and 1 days before and confirmation follow-ups are looked for, hourly, inside working hours', () => {
    expect(loadConfig({}).news).toEqual({ weeklyDigestCron: '0 9 * * 1', reminderDays: [7, 1], reminderCron: '5 * * * *', confirmationFollowUpCron: '15 * * * *' });
    expect(loadConfig({}).delivery.workingHours).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).delivery.workingHours).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', DELIVERY_WORKING_HOURS: 'on' }).delivery.workingHours).toBe(true);
    expect(loadConfig({ WEEKLY_DIGEST_CRON: '30 8 * * 2', TRAINING_REMINDER_DAYS: '3, 14' }).news).toMatchObject({ weeklyDigestCron: '30 8 * * 2', reminderDays: [14, 3] });
  });

  it('when WEEKLY_DIGEST_CRON or TRAINING_REMINDER_DAYS is not valid, then the error names the variable', () => {
    const problems = (() => {
      try {
        loadConfig({ WEEKLY_DIGEST_CRON: 'every monday', TRAINING_REMINDER_DAYS: '7,zero' });
      } catch (error) {
        if (error instanceof ConfigError) return error.problems.join('\n');
        throw error;
      }
      return '';
    })();
    expect(problems).toMatch(/^WEEKLY_DIGEST_CRON: /m);
    expect(problems).toMatch(/^TRAINING_REMINDER_DAYS: /m);
  });
});
