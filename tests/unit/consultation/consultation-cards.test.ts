import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../bot/src/kernel/domain/catalog/localized-text.js';
import { FAQ_ENTRIES } from '../../../bot/src/features/consultation/domain/faq-entries.js';
import {
  applyTransition,
  openTicket,
  parseConsultationInput,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  type Ticket,
  type TicketActor,
  type TicketCommand,
  type TicketHistoryEntry,
} from '../../../bot/src/features/consultation/domain/tickets.js';
import type { AdaptiveCard, CardAction, CardElement } from '../../../bot/src/kernel/cards/adaptive-card.js';
import { buildConsultationConfirmationCard } from '../../../bot/src/features/consultation/cards/consultation-confirmation-card.js';
import { buildConsultationFormCard } from '../../../bot/src/features/consultation/cards/consultation-form-card.js';
import { CONSULTATION_VERBS, TICKET_ACTION_VERBS, ticketActionOfVerb } from '../../../bot/src/features/consultation/cards/consultation-verbs.js';
import { buildFaqAnswerCard } from '../../../bot/src/features/consultation/cards/faq-answer-card.js';
import { buildSatisfactionCard } from '../../../bot/src/features/consultation/cards/satisfaction-card.js';
import { buildTicketCard } from '../../../bot/src/features/consultation/cards/ticket-card.js';
import { buildAssigneeNoticeCard } from '../../../bot/src/features/consultation/cards/assignee-notice-card.js';
import { buildTicketListCard } from '../../../bot/src/features/consultation/cards/ticket-list-card.js';
import { parseAdaptiveCard } from '../../support/cards.js';

const MAX_CARD_BYTES = 28 * 1024;
const LOCALES: Locale[] = ['ja', 'en'];
const requester: TicketActor = { id: 'emp-1', name: '戸越 花子', isAdmin: false };
const admin: TicketActor = { id: 'adm-1', name: '品川 デジタ', isAdmin: true };
const colleague: TicketActor = { id: 'adm-2', name: '大井 次郎', isAdmin: true };
// 𠮷 is 4 bytes of UTF-8: the heaviest character an employee can type.
const heaviest = (count: number) => '𠮷'.repeat(count);

function longTicket(): { ticket: Ticket; history: TicketHistoryEntry[] } {
  const input = parseConsultationInput({ category: 'procurement', title: heaviest(200), details: heaviest(4000), preferredContact: 'in-person', urgency: 'high' });
  const opened = openTicket(input, requester, 'DX-2026-0042', new Date('2026-04-06T01:00:00Z'));
  let ticket = opened.ticket;
  const history = [opened.history];
  let at = Date.parse('2026-04-06T02:00:00Z');
  const step = (command: Parameters<typeof applyTransition>[1], actor: TicketActor) => {
    const change = applyTransition(ticket, command, actor, new Date((at += 60_000)));
    ticket = change.ticket;
    history.push(change.history);
  };
  step({ action: 'assign' }, admin);
  for (let round = 0; round < 20; round++) {
    step({ action: 'comment', text: heaviest(4000) }, round % 2 === 0 ? admin : requester);
    step({ action: 'resolve', note: heaviest(4000) }, admin);
    step({ action: 'reopen', reason: heaviest(4000) }, requester);
  }
  step({ action: 'resolve', note: heaviest(4000) }, admin);
  return { ticket, history };
}

function expectValid(card: { content: AdaptiveCard }) {
  const { problems, bytes } = parseAdaptiveCard(card.content);
  expect(problems).toEqual([]);
  expect(bytes).toBeLessThan(MAX_CARD_BYTES);
  return card.content;
}

function allActions(content: AdaptiveCard): CardAction[] {
  const fromElements = (elements: CardElement[]): CardAction[] =>
    elements.flatMap((element) => (element.type === 'ActionSet' ? element.actions : element.type === 'Container' ? fromElements(element.items) : []));
  const expand = (actions: CardAction[]): CardAction[] =>
    actions.flatMap((action) => (action.type === 'Action.ShowCard' ? [action, ...expand([...(action.card.actions ?? []), ...fromElements(action.card.body)])] : [action]));
  return expand([...fromElements(content.body), ...(content.actions ?? [])]);
}

const executeVerbs = (content: AdaptiveCard) => allActions(content).flatMap((action) => (action.type === 'Action.Execute' ? [action.verb] : []));
function texts(content: AdaptiveCard): string {
  const collect = (elements: CardElement[]): string[] =>
    elements.flatMap((element) =>
      element.type === 'TextBlock' ? [element.text] : element.type === 'Container' ? collect(element.items) : element.type === 'FactSet' ? element.facts.map((fact) => `${fact.title} ${fact.value}`) : [],
    );
  const titles = allActions(content).map((action) => action.title);
  return [...collect(content.body), ...titles].join('\n');
}

describe.each(LOCALES)('DX相談 cards in %s', (locale) => {
  it('when the FAQ has answers, then the card shows them with 解決しました and 相談する, parses cleanly and is small', () => {
    const content = expectValid(buildFaqAnswerCard({ query: 'kintoneでアンケートを作りたい', entries: FAQ_ENTRIES.slice(0, 3), locale }));
    expect(executeVerbs(content)).toEqual([CONSULTATION_VERBS.faqResolved, CONSULTATION_VERBS.openForm]);
    expect(texts(content)).toContain(FAQ_ENTRIES[0]!.answer[locale]);
  });

  it('when the FAQ has no answer and the question is 4,000 characters, then only 相談する is offered and the card stays small', () => {
    const content = expectValid(buildFaqAnswerCard({ query: heaviest(4000), entries: [], locale }));
    expect(executeVerbs(content)).toEqual([CONSULTATION_VERBS.openForm]);
  });

  it('when the longest FAQ answers are shown, then the card stays under 28 KB', () => {
    const longest = [...FAQ_ENTRIES].sort((a, b) => b.answer[locale].length - a.answer[locale].length).slice(0, 3);
    expectValid(buildFaqAnswerCard({ query: '質問', entries: longest, locale }));
  });

  it('when the form is shown empty, then it has the five inputs, limits and the submit verb', () => {
    const content = expectValid(buildConsultationFormCard({ locale, submissionId: 'form-1' }));
    const inputs = content.body.filter((element) => element.type === 'Input.Text' || element.type === 'Input.ChoiceSet');
    expect(inputs.map((input) => input.id)).toEqual(['category', 'title', 'details', 'preferredContact', 'urgency']);
    expect(inputs.find((input) => input.id === 'details')).toMatchObject({ maxLength: 4000, isMultiline: true });
    expect(inputs.find((input) => input.id === 'title')).toMatchObject({ maxLength: 200 });
    expect(content.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: CONSULTATION_VERBS.submit, data: { submissionId: 'form-1' } })]);
  });

  it('when the form is re-shown after bad input with 4,000-character details, then the values and the error line are kept and it stays small', () => {
    const content = expectValid(
      buildConsultationFormCard({
        locale,
        submissionId: 'form-2',
        values: { category: 'ai', title: heaviest(250), details: heaviest(4100), preferredContact: 'in-person', urgency: 'bogus' },
        errorMessage: '件名は200文字以内で入力してください。',
      }),
    );
    expect(content.body.some((element) => element.type === 'TextBlock' && element.color === 'Attention')).toBe(true);
    const byId = (id: string) => content.body.find((element) => 'id' in element && element.id === id) as { value?: string } | undefined;
    expect(byId('category')?.value).toBe('ai');
    expect([...(byId('title')?.value ?? '')]).toHaveLength(200);
    expect(byId('preferredContact')?.value).toBe('in-person');
    expect(byId('urgency')?.value).toBe('medium');
  });

  it('when a ticket is confirmed, then the card names the number and offers to open it and the list, with no inputs', () => {
    const { ticket } = longTicket();
    const content = expectValid(buildConsultationConfirmationCard({ ticket, locale }));
    expect(texts(content)).toContain('DX-2026-0042');
    expect(executeVerbs(content)).toEqual([CONSULTATION_VERBS.openTicket, CONSULTATION_VERBS.listMine]);
    expect(content.body.some((element) => element.type.startsWith('Input.'))).toBe(false);
  });

  it('when a ticket has 4,000-character details and 60+ long history entries, then the ticket card parses and stays under 28 KB', () => {
    const { ticket, history } = longTicket();
    expect(history.length).toBeGreaterThan(60);
    for (const viewer of [admin, requester]) {
      const content = expectValid(buildTicketCard({ ticket, history, viewer, locale, errorMessage: 'この相談はほかの方が先に更新しました。', refreshUserIds: ['adm-1', 'adm-2'] }));
      expect(content.refresh?.action.verb).toBe(CONSULTATION_VERBS.refreshTicket);
    }
  });

  it.each(TICKET_STATUSES)('when a %s ticket is drawn for an admin and for its requester, then each sees only the actions the table allows them', (status) => {
    const base = longTicket().ticket;
    const ticket: Ticket = { ...base, status };
    const allowed = (actor: TicketActor) =>
      TICKET_ACTIONS.filter((action) => {
        try {
          const command: TicketCommand =
            action === 'comment' ? { action, text: 'x' } : action === 'resolve' ? { action, note: 'x' } : action === 'rate' ? { action, rating: 3 } : action === 'reassign' ? { action, assignee: colleague } : { action };
          applyTransition(ticket, command, actor, new Date());
          return true;
        } catch {
          return false;
        }
      }).map((action) => TICKET_ACTION_VERBS[action]);
    for (const viewer of [admin, requester]) {
      // Drawn as the desk draws it, with the division's members: 担当者を変更 is there whenever the table allows it.
      const content = expectValid(buildTicketCard({ ticket, history: [], viewer, locale, colleagues: [colleague, { id: viewer.id, name: viewer.name }] }));
      // Beyond the table: the desk's 「FAQにする」 on a request resolved with a note (not a ticket action).
      const faqDraft = viewer.isAdmin && (status === 'resolved' || status === 'closed') && ticket.resolution ? [CONSULTATION_VERBS.faqDraft] : [];
      expect(new Set(executeVerbs(content))).toEqual(new Set([...allowed(viewer), ...faqDraft]));
      for (const action of allActions(content)) {
        if (action.type === 'Action.Execute') expect(action.data).toMatchObject({ ticketNumber: 'DX-2026-0042', version: ticket.version });
      }
    }
  });

  it('when the admin card of a new ticket is drawn, then 担当する is a direct button and コメント opens a text box', () => {
    const { ticket } = openTicket(parseConsultationInput({ category: 'tool', title: 'RPA', details: '相談', preferredContact: 'chat', urgency: 'low' }), requester, 'DX-2026-0001', new Date());
    const content = expectValid(buildTicketCard({ ticket, history: [], viewer: admin, locale }));
    expect(content.actions?.map((action) => action.type)).toEqual(['Action.Execute', 'Action.ShowCard']);
    expect(texts(content)).toContain(locale === 'ja' ? '担当する' : 'Assign to me');
  });

  it('when the desk card is drawn with the division, then a new ticket offers 担当者を指定 with every colleague and an assigned one 担当者を変更 without its holder', () => {
    const { ticket } = openTicket(parseConsultationInput({ category: 'tool', title: 'RPA', details: '相談', preferredContact: 'chat', urgency: 'low' }), requester, 'DX-2026-0001', new Date());
    const colleagues = [{ id: admin.id, name: admin.name }, { id: colleague.id, name: colleague.name }];
    const choicesOf = (content: AdaptiveCard) =>
      JSON.stringify(content).match(/"choices":\[[^\]]*\]/)?.[0] ?? '';
    const fresh = expectValid(buildTicketCard({ ticket, history: [], viewer: admin, locale, colleagues }));
    expect(texts(fresh)).toContain(locale === 'ja' ? '担当者を指定' : 'Assign to…');
    expect(choicesOf(fresh)).toContain(admin.name);
    expect(choicesOf(fresh)).toContain(colleague.id);
    expect(executeVerbs(fresh)).toEqual([CONSULTATION_VERBS.assign, CONSULTATION_VERBS.assign, CONSULTATION_VERBS.comment]);

    const held = expectValid(buildTicketCard({ ticket: { ...ticket, status: 'assigned', assigneeId: admin.id, assigneeName: admin.name }, history: [], viewer: admin, locale, colleagues }));
    expect(texts(held)).toContain(locale === 'ja' ? '担当者を変更' : 'Reassign');
    expect(choicesOf(held)).toContain(colleague.id);
    expect(choicesOf(held)).not.toContain(admin.id);
    expect(executeVerbs(held)).toContain(CONSULTATION_VERBS.reassign);

    const forRequester = expectValid(buildTicketCard({ ticket, history: [], viewer: requester, locale, colleagues }));
    expect(executeVerbs(forRequester)).not.toContain(CONSULTATION_VERBS.reassign);
    expect(choicesOf(forRequester)).toBe('');
  });

  it('when a colleague is assigned a ticket by someone else, then their notice names the ticket and who gave it, with 開く', () => {
    const { ticket, history } = applyTransition({ ...longTicket().ticket, status: 'assigned', assigneeId: admin.id, assigneeName: admin.name }, { action: 'reassign', assignee: colleague }, admin, new Date());
    const content = expectValid(buildAssigneeNoticeCard({ ticket, entry: history, locale }));
    expect(texts(content)).toContain(locale === 'ja' ? `${ticket.number} の担当になりました` : `You now handle ${ticket.number}`);
    expect(texts(content)).toContain(admin.name);
    expect(executeVerbs(content)).toEqual([CONSULTATION_VERBS.openTicket]);
  });

  it('when an employee has 25 tickets with 200-character titles, then the list shows 10 with open buttons and says how many more', () => {
    const { ticket } = longTicket();
    const tickets = Array.from({ length: 25 }, (_, index) => ({ ...ticket, number: `DX-2026-${String(index + 1).padStart(4, '0')}` }));
    const content = expectValid(buildTicketListCard({ tickets, locale }));
    expect(executeVerbs(content).filter((verb) => verb === CONSULTATION_VERBS.openTicket)).toHaveLength(10);
    expect(texts(content)).toContain('15');
  });

  it('when an employee has no tickets, then the list says so and offers 相談する', () => {
    const content = expectValid(buildTicketListCard({ tickets: [], locale }));
    expect(executeVerbs(content)).toEqual([CONSULTATION_VERBS.openForm]);
  });

  it('when a ticket is resolved, then the satisfaction card offers 1–5; once rated it only thanks', () => {
    const { ticket } = longTicket();
    const ask = expectValid(buildSatisfactionCard({ ticket, locale }));
    expect(allActions(ask).map((action) => (action.type === 'Action.Execute' ? action.data?.rating : undefined))).toEqual([1, 2, 3, 4, 5]);
    const rated = applyTransition(ticket, { action: 'rate', rating: 4 }, requester, new Date()).ticket;
    const thanks = expectValid(buildSatisfactionCard({ ticket: rated, locale }));
    expect(allActions(thanks)).toEqual([]);
    expect(texts(thanks)).toContain('4');
  });
});

describe('consultation verbs', () => {
  it('when verbs are listed, then they are unique and every ticket action maps back from its verb; a forged verb maps to nothing', () => {
    const verbs = Object.values(CONSULTATION_VERBS);
    expect(new Set(verbs).size).toBe(verbs.length);
    for (const action of TICKET_ACTIONS) expect(ticketActionOfVerb(TICKET_ACTION_VERBS[action])).toBe(action);
    expect(ticketActionOfVerb('consult.delete-everything')).toBeUndefined();
  });
});
