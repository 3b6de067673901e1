import type { CardAttachment } from '../../bot/src/kernel/cards/adaptive-card.js';
import { buildHelpCard } from '../../bot/src/kernel/cards/help-card.js';
import { MESSAGES, t } from '../../bot/src/kernel/cards/messages.js';
import { buildWelcomeCard } from '../../bot/src/kernel/cards/welcome-card.js';
import type { Locale } from '../../bot/src/kernel/domain/catalog/localized-text.js';
import { ANNUAL_QUESTION_IDS, type SurveyAnswers, type SurveyRound } from '../../bot/src/features/survey/domain/survey-rounds.js';
import { aggregateSurveyRound } from '../../bot/src/features/survey/domain/survey-results.js';
import { buildSurveyAnsweredCard } from '../../bot/src/features/survey/cards/survey-answered-card.js';
import { buildSurveyCard } from '../../bot/src/features/survey/cards/survey-card.js';
import { buildSurveyResultsCard } from '../../bot/src/features/survey/cards/survey-results-card.js';
import { buildProfileCard } from '../../bot/src/features/skills/cards/profile-card.js';
import { buildConfirmationOutcomeCard, buildConfirmationRequestCard } from '../../bot/src/features/skills/cards/confirmation-card.js';
import { DECISION_PROBLEM_MESSAGES, type SkillConfirmation } from '../../bot/src/features/skills/domain/skill-confirmation.js';
import { buildSessionFinderCard } from '../../bot/src/features/training/cards/session-finder-card.js';
import type { SessionView } from '../../bot/src/features/training/domain/training-service.js';
import { buildNewsCard, buildNewsDigestCard } from '../../bot/src/features/news/cards/news-card.js';
import { buildNotificationSettingsCard } from '../../bot/src/features/news/cards/notification-settings-card.js';
import { buildTrainingReminderCard } from '../../bot/src/features/news/cards/training-reminder-card.js';
import type { NewsContent } from '../../bot/src/features/news/domain/news-items.js';
import { buildConsultationConfirmationCard } from '../../bot/src/features/consultation/cards/consultation-confirmation-card.js';
import { buildConsultationFormCard } from '../../bot/src/features/consultation/cards/consultation-form-card.js';
import { buildFaqAnswerCard } from '../../bot/src/features/consultation/cards/faq-answer-card.js';
import { buildFaqDraftCard } from '../../bot/src/features/consultation/cards/faq-draft-card.js';
import { buildSatisfactionCard } from '../../bot/src/features/consultation/cards/satisfaction-card.js';
import { buildTicketCard } from '../../bot/src/features/consultation/cards/ticket-card.js';
import { buildTicketListCard } from '../../bot/src/features/consultation/cards/ticket-list-card.js';
import { buildTicketNoticeCard } from '../../bot/src/features/consultation/cards/ticket-notice-card.js';
import { buildUnassignedReminderCard } from '../../bot/src/features/consultation/cards/unassigned-reminder-card.js';
import { buildNominationNoticeCard } from '../../bot/src/features/programme/cards/nomination-notice-card.js';
import { buildAssigneeNoticeCard } from '../../bot/src/features/consultation/cards/assignee-notice-card.js';
import { buildSlaReminderCard } from '../../bot/src/features/consultation/cards/sla-reminder-card.js';
import { DEFAULT_SLA_SETTINGS, slaClockOf } from '../../bot/src/features/consultation/domain/sla.js';
import { FAQ_ENTRIES } from '../../bot/src/features/consultation/domain/faq-entries.js';
import { applyTransition, openTicket, type TicketActor } from '../../bot/src/features/consultation/domain/tickets.js';
import { responsesWithSums } from './survey-answers.js';

/**
 * Every card the bot can send, each in every state it has (a session open, signed up or full; a ticket new or
 * resolved; the FAQ with answers, resolved or with none), built by the real builders for one locale. What the
 * bot shows of people's own data (names, titles they typed) is written in Latin letters here, so a test can tell
 * the bot's own Japanese from the data's. `BUILDERS_COVERED` names the builders used, so a new builder that is
 * not added here fails the test that compares it with the source.
 */
export const BUILDERS_COVERED = [
  'buildFaqDraftCard',
  'buildWelcomeCard',
  'buildHelpCard',
  'buildProfileCard',
  'buildConfirmationRequestCard',
  'buildConfirmationOutcomeCard',
  'buildSessionFinderCard',
  'buildSurveyCard',
  'buildSurveyAnsweredCard',
  'buildSurveyResultsCard',
  'buildNewsCard',
  'buildNewsDigestCard',
  'buildNotificationSettingsCard',
  'buildTrainingReminderCard',
  'buildFaqAnswerCard',
  'buildConsultationFormCard',
  'buildConsultationConfirmationCard',
  'buildTicketCard',
  'buildTicketListCard',
  'buildTicketNoticeCard',
  'buildSatisfactionCard',
  'buildUnassignedReminderCard',
  'buildNominationNoticeCard',
  'buildAssigneeNoticeCard',
  'buildSlaReminderCard',
];

const now = new Date('2026-06-15T01:00:00Z');
const tabUrl = 'https://dx-navi.example.jp/tab';
const admin: TicketActor = { id: 'admin-1', name: 'Dejita Shinagawa', isAdmin: true };
const requester = { id: 'requester-1', name: 'Mirai Oi' };

/** A level someone decided, as the confirmer's card shows it (names in Latin letters, as all data here). */
const decidedLevel = (status: 'confirmed' | 'returned'): SkillConfirmation => ({
  employeeId: 'e-2',
  skillId: 'security',
  level: 2,
  status,
  route: 'supervisor',
  departmentId: 'd-1',
  requestedAt: '2026-06-01T00:00:00.000Z',
  decidedBy: 'chief-1',
  decidedByName: 'Naoki Ebara',
  decidedAt: '2026-06-02T01:00:00.000Z',
  comment: status === 'returned' ? 'Please claim it again after the course.' : undefined,
});

const round: SurveyRound = {
  id: 'fy2026-annual',
  kind: 'annual',
  fiscalYear: 2026,
  questionIds: [...ANNUAL_QUESTION_IDS],
  opensAt: '2026-06-01T00:00:00.000Z',
  closesAt: '2026-06-30T08:00:00.000Z',
  audience: { kind: 'everyone' },
  reminderDaysBeforeClose: [3],
  status: 'started',
  createdBy: 'admin',
  createdAt: '2026-05-01T00:00:00.000Z',
};
const allFour: SurveyAnswers = Object.fromEntries(ANNUAL_QUESTION_IDS.map((id) => [id, 4]));

const session = (id: string, change: Partial<SessionView>): SessionView => ({
  id,
  courseId: 'course-1',
  courseTitle: 'kintone basics',
  startsAt: '2026-07-01T05:00:00.000Z',
  endsAt: '2026-07-01T07:00:00.000Z',
  place: 'Room 501',
  onlineUrl: undefined,
  capacity: 20,
  cancelled: false,
  enrolledCount: 5,
  seatsLeft: 15,
  myStatus: null,
  ...change,
});

const news: NewsContent = {
  title: 'Copilot in Teams',
  summary: 'Summary of the pilot',
  body: '- one\n- two\n\n**bold** [link](https://portal.example.jp/a)',
  link: 'https://portal.example.jp/news/1',
  imageUrl: 'https://portal.example.jp/ai.png',
  category: 'tech-trends',
  audience: { kind: 'everyone' },
  confirmation: undefined,
};
const newsToConfirm: NewsContent = { ...news, title: 'Security rules revised', confirmation: { followUpDays: 3 } };

function tickets() {
  const filed = openTicket(
    { category: 'tool', title: 'Intake app in kintone', details: 'We take paper forms today.', preferredContact: 'online-meeting', urgency: 'medium' },
    requester,
    'DX-2026-0007',
    now,
  );
  const assigned = applyTransition(filed.ticket, { action: 'assign' }, admin, now);
  const commented = applyTransition(assigned.ticket, { action: 'comment', text: 'Let us meet online.' }, admin, now);
  const resolved = applyTransition(commented.ticket, { action: 'resolve', note: 'Built together.' }, admin, now);
  const rated = applyTransition(resolved.ticket, { action: 'rate', rating: 4 }, { id: requester.id, name: requester.name, isAdmin: false }, now);
  const history = [filed.history, assigned.history, commented.history, resolved.history];
  return { filed, assigned, commented, resolved, rated, history };
}

/** Every card of the bot in `locale`, named by builder and state. */
export function everyCard(locale: Locale): { name: string; card: CardAttachment }[] {
  const { filed, assigned, commented, resolved, rated, history } = tickets();
  const requesterViewer = { id: requester.id, isAdmin: false };
  const colleague = { id: 'admin-2', name: 'Jiro Osaki', isAdmin: true };
  const colleagues = [{ id: admin.id, name: admin.name }, colleague];
  const reassigned = applyTransition(assigned.ticket, { action: 'reassign', assignee: colleague }, admin, now);
  // A week after filing: both clocks ran out.
  const overdueClock = slaClockOf(filed.ticket, DEFAULT_SLA_SETTINGS, new Date(now.getTime() + 7 * 24 * 3_600_000));
  const results = aggregateSurveyRound(round, responsesWithSums(100, Object.fromEntries(ANNUAL_QUESTION_IDS.map((id) => [id, 380]))), 2320);
  const cards: { name: string; card: CardAttachment }[] = [
    { name: 'welcome', card: buildWelcomeCard({ displayName: 'Mirai Oi', locale, tabUrl }) },
    { name: 'welcome without a name', card: buildWelcomeCard({ displayName: '', locale, tabUrl }) },
    { name: 'help', card: buildHelpCard({ locale }) },
    { name: 'help after unknown text', card: buildHelpCard({ locale, unrecognisedText: 'lunch' }) },
    {
      name: 'profile (not registered)',
      card: buildProfileCard({
        profile: { id: 'e-1', displayName: 'Mirai Oi', email: undefined, departmentId: undefined, department: undefined, jobLevel: undefined, roles: ['employee'], locale: undefined, tenantId: undefined, installedAt: undefined },
        skills: { levels: { rpa: 1, kintone: 0, bpr: 0, data: 2, security: 0 } as never, ticked: [], goals: {}, mindsetChecks: [], updatedAt: undefined, recommendations: [], mindsets: undefined, confirmations: [] },
        locale,
        tabUrl,
      }),
    },
    {
      name: 'skill confirmation request (with evidence)',
      card: buildConfirmationRequestCard(
        {
          employeeId: 'e-2',
          employeeName: 'Kenta Osaki',
          skillId: 'security',
          level: 2,
          requestedAt: '2026-06-01T00:00:00.000Z',
          route: 'supervisor',
          evidence: {
            completions: [{ courseId: 'c-1', title: { ja: 'Security basics', en: 'Security basics' }, completedOn: '2026-05-20' }],
            examPasses: [{ examId: 'ip', name: { ja: 'IT Passport', en: 'IT Passport' }, passedOn: '2025-06-01' }],
          },
        },
        locale,
        tabUrl,
      ),
    },
    {
      name: 'skill confirmation request (no evidence, promoter)',
      card: buildConfirmationRequestCard(
        { employeeId: 'e-3', employeeName: 'Aoi Fudomae', skillId: 'data-utilization', level: 1, requestedAt: '2026-06-01T00:00:00.000Z', route: 'promoter', evidence: { completions: [], examPasses: [] } },
        locale,
        tabUrl,
      ),
    },
    {
      name: 'skill confirmation request (差し戻す pressed without a comment)',
      card: buildConfirmationRequestCard(
        { employeeId: 'e-3', employeeName: 'Aoi Fudomae', skillId: 'data-utilization', level: 1, requestedAt: '2026-06-01T00:00:00.000Z', route: 'supervisor', evidence: { completions: [], examPasses: [] } },
        locale,
        tabUrl,
        locale === 'ja' ? '差し戻すときは、職員へのコメントを入力してください。' : 'Write a comment to the employee when sending a level back.',
      ),
    },
    { name: 'skill confirmation outcome (confirmed now)', card: buildConfirmationOutcomeCard({ kind: 'decided', confirmation: decidedLevel('confirmed'), employeeName: 'Kenta Osaki' }, locale, tabUrl) },
    { name: 'skill confirmation outcome (sent back now)', card: buildConfirmationOutcomeCard({ kind: 'decided', confirmation: decidedLevel('returned'), employeeName: 'Kenta Osaki' }, locale, tabUrl) },
    { name: 'skill confirmation outcome (confirmed earlier by someone else)', card: buildConfirmationOutcomeCard({ kind: 'already-decided', confirmation: decidedLevel('confirmed'), employeeName: 'Kenta Osaki' }, locale, tabUrl) },
    { name: 'skill confirmation outcome (sent back earlier by someone else)', card: buildConfirmationOutcomeCard({ kind: 'already-decided', confirmation: decidedLevel('returned'), employeeName: undefined }, locale, tabUrl) },
    ...(['own-level', 'outside-section', 'not-a-confirmer', 'no-longer-claimed', 'not-pending'] as const).map((problem) => ({
      name: `skill confirmation refused (${problem})`,
      card: buildConfirmationOutcomeCard({ kind: 'refused', skillId: 'security', level: 1, message: DECISION_PROBLEM_MESSAGES[problem][locale] }, locale, tabUrl),
    })),
    {
      name: 'session finder (open, signed up, waitlisted, full)',
      card: buildSessionFinderCard({
        found: [
          { session: session('s-1', {}), reason: undefined },
          { session: session('s-2', { myStatus: 'enrolled' }), reason: undefined },
          { session: session('s-3', { myStatus: 'waitlisted', seatsLeft: 0 }), reason: undefined },
          { session: session('s-4', { seatsLeft: 0, place: undefined, onlineUrl: 'https://teams.example.jp/meet/1' }), reason: undefined },
        ],
        locale,
        tabUrl,
        notice: { kind: 'done', text: t('enrolledNotice', locale, { course: 'kintone basics' }) },
      }),
    },
    { name: 'session finder (none open)', card: buildSessionFinderCard({ found: [], locale, tabUrl }) },
    { name: 'survey', card: buildSurveyCard({ round, locale }) },
    { name: 'survey answered (open)', card: buildSurveyAnsweredCard({ round, locale, answers: allFour, now }) },
    { name: 'survey answered (closed)', card: buildSurveyAnsweredCard({ round, locale, answers: allFour, now: new Date('2026-07-01T00:00:00Z') }) },
    { name: 'survey results', card: buildSurveyResultsCard({ results, locale, tabUrl }) },
    { name: 'news', card: buildNewsCard({ item: news, locale }) },
    { name: 'news asking for 確認しました', card: buildNewsCard({ item: newsToConfirm, locale, confirmation: { newsId: 'n-1' } }) },
    {
      name: 'news confirmed (in place)',
      card: buildNewsCard({ item: newsToConfirm, locale, confirmation: { newsId: 'n-1', confirmedAt: '2026-12-02T01:00:00.000Z', notice: t('newsConfirmThanks', locale) } }),
    },
    { name: 'news confirmation follow-up', card: buildNewsCard({ item: newsToConfirm, locale, confirmation: { newsId: 'n-1', followUp: true } }) },
    { name: 'news digest', card: buildNewsDigestCard({ items: [news, news], locale, kind: 'digest', tabUrl }) },
    { name: 'latest news (none)', card: buildNewsDigestCard({ items: [], locale, kind: 'latest', tabUrl }) },
    { name: 'notification settings', card: buildNotificationSettingsCard({ preferences: { categories: ['tech-trends'] } as never, reminderDays: [7, 1], locale }) },
    {
      name: 'notification settings (saved, none chosen)',
      card: buildNotificationSettingsCard({ preferences: { categories: [] } as never, reminderDays: [7, 1], locale, notice: `${t('settingsSaved', locale)} ${t('settingsNoneChosen', locale)}` }),
    },
    {
      name: 'training reminder',
      card: buildTrainingReminderCard({ session: { id: 's-1', startsAt: '2026-12-02T05:00:00.000Z', place: undefined, onlineUrl: 'https://teams.example.jp/meet/1' }, courseTitle: { ja: 'セキュリティ研修', en: 'Security training' }, days: 7, locale }),
    },
    {
      name: 'training reminder (cancelled)',
      card: buildTrainingReminderCard({ session: { id: 's-1', startsAt: '2026-12-02T05:00:00.000Z', place: 'Room 501', onlineUrl: undefined }, courseTitle: { ja: 'セキュリティ研修', en: 'Security training' }, days: 1, locale, outcome: { kind: 'cancelled', text: t('reminderCancelled', locale) } }),
    },
    { name: 'FAQ answers', card: buildFaqAnswerCard({ query: 'kintone survey', entries: FAQ_ENTRIES.slice(0, 3), locale }) },
    { name: 'FAQ answers (resolved)', card: buildFaqAnswerCard({ query: 'kintone survey', entries: FAQ_ENTRIES.slice(0, 3), locale, resolved: true }) },
    { name: 'FAQ (no match)', card: buildFaqAnswerCard({ query: 'forgot my password', entries: [], locale }) },
    ...FAQ_ENTRIES.map((entry) => ({ name: `FAQ entry ${entry.id}`, card: buildFaqAnswerCard({ query: 'q', entries: [entry], locale }) })),
    // An entry デジタル推進課 wrote in the tab: the answer's Markdown subset (paragraphs, a list, bold, an https link).
    {
      name: 'FAQ entry edited in the tab (Markdown answer)',
      card: buildFaqAnswerCard({
        query: 'Power Automate',
        entries: [
          {
            id: 'faq-0a1b2c3d4e5f',
            category: 'tool',
            question: { ja: 'Power Automateで承認の通知を自動化できますか?', en: 'Can Power Automate send approval notices?' },
            answer: { ja: 'できます。**承認フロー**から始めてください。\n\n- 申請の受付\n- 承認者への通知\n\n[手順書](https://example.jp/pa)', en: 'Yes. Start from the **approval flow**.\n\n- intake\n- notices\n\n[Guide](https://example.jp/pa)' },
            keywords: ['Power Automate'],
          },
        ],
        locale,
      }),
    },
    ...(() => {
      // 「FAQにする」 in the desk channel: the draft, a refusal on 公開, and the published state.
      const values =
        locale === 'ja'
          ? { category: 'tool', question: { ja: 'Excelの集計を毎月手作業でしています（氏名）', en: '' }, answer: { ja: 'Power Queryで毎月の集計を自動で更新できます。', en: '' }, keywords: ['Excel', '集計'] }
          : { category: 'tool', question: { ja: 'Monthly Excel totals by hand', en: '' }, answer: { ja: 'Power Query refreshes the monthly totals.', en: '' }, keywords: ['Excel', 'totals'] };
      return [
        { name: 'FAQ draft from a request', card: buildFaqDraftCard({ sourceTicket: 'DX-2026-0042', values, locale }) },
        { name: 'FAQ draft (refused)', card: buildFaqDraftCard({ sourceTicket: 'DX-2026-0042', values, locale, errorMessage: t('invalidCardData', locale) }) },
        { name: 'FAQ draft (published)', card: buildFaqDraftCard({ sourceTicket: 'DX-2026-0042', values, locale, published: { question: values.question.ja } }) },
      ];
    })(),
    { name: 'consultation form', card: buildConsultationFormCard({ locale, submissionId: '00000000-0000-4000-8000-000000000001' }) },
    { name: 'consultation confirmation', card: buildConsultationConfirmationCard({ ticket: filed.ticket, locale, note: t('consultNoDeskNote', locale) }) },
    { name: 'ticket (requester, new)', card: buildTicketCard({ ticket: filed.ticket, history: [filed.history], viewer: requesterViewer, locale }) },
    { name: 'ticket (desk, resolved)', card: buildTicketCard({ ticket: resolved.ticket, history, viewer: { id: admin.id, isAdmin: true }, locale }) },
    { name: 'ticket (requester, rated)', card: buildTicketCard({ ticket: rated.ticket, history: [...history, rated.history], viewer: requesterViewer, locale }) },
    { name: 'ticket list', card: buildTicketListCard({ tickets: [filed.ticket, resolved.ticket], locale }) },
    { name: 'ticket list (empty)', card: buildTicketListCard({ tickets: [], locale }) },
    ...[assigned, commented, resolved].map((change) => ({
      name: `ticket notice ${change.history.action}`,
      card: buildTicketNoticeCard({ ticket: change.ticket, entry: change.history as typeof change.history & { action: 'assign' | 'comment' | 'resolve' }, locale }),
    })),
    { name: 'satisfaction', card: buildSatisfactionCard({ ticket: resolved.ticket, locale }) },
    { name: 'satisfaction (rated)', card: buildSatisfactionCard({ ticket: rated.ticket, locale }) },
    { name: 'unassigned reminder', card: buildUnassignedReminderCard({ tickets: [filed.ticket], locale }) },
    ...(['needs-info', 'declined', 'accepted'] as const).map((state) => ({
      name: `nomination ${state}`,
      card: buildNominationNoticeCard({ nomination: { title: 'Paperless forms', state, reviewNote: state === 'accepted' ? undefined : 'Please add the hours saved *per month*.', award: undefined }, locale, tabUrl }),
    })),
    {
      name: 'nomination awarded',
      card: buildNominationNoticeCard({ nomination: { title: 'Paperless forms', state: 'awarded', reviewNote: undefined, award: { fiscalYear: 2026, category: 'grand', awardedBy: 'a', awardedAt: now.toISOString() } }, locale, tabUrl }),
    },
    {
      name: 'ticket (desk, new, colleagues, overdue)',
      card: buildTicketCard({ ticket: filed.ticket, history: [filed.history], viewer: { id: admin.id, isAdmin: true }, locale, colleagues, sla: overdueClock }),
    },
    {
      name: 'ticket (desk, assigned, colleagues)',
      card: buildTicketCard({ ticket: assigned.ticket, history: [filed.history, assigned.history], viewer: { id: admin.id, isAdmin: true }, locale, colleagues, sla: slaClockOf(assigned.ticket, DEFAULT_SLA_SETTINGS, now) }),
    },
    { name: 'assignee notice', card: buildAssigneeNoticeCard({ ticket: reassigned.ticket, entry: reassigned.history, locale }) },
    { name: 'SLA reminder (assignee)', card: buildSlaReminderCard({ ticket: assigned.ticket, which: 'resolution', clock: overdueClock, locale, openable: true }) },
    { name: 'SLA reminder (desk)', card: buildSlaReminderCard({ ticket: filed.ticket, which: 'first-response', clock: overdueClock, locale, openable: false }) },
  ];
  return cards;
}

/** Every plain-text line of the message table in `locale` (the bot's text replies and the cards' words). */
export function everyMessage(locale: Locale): { key: string; text: string }[] {
  return Object.entries(MESSAGES).map(([key, text]) => ({ key, text: text[locale] }));
}

/** Every text a person reads on a card: text blocks, facts, labels, placeholders, choices, button titles. */
export function textsOf(card: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (typeof value === 'string' && ['text', 'title', 'value', 'label', 'placeholder', 'errorMessage', 'altText'].includes(key)) found.push(value);
    return value;
  });
  return found;
}
