import { describe, expect, it } from 'vitest';
import { addBusinessDays, addBusinessHours, isBusinessDay } from '../../../bot/src/features/consultation/domain/business-days.js';
import {
  applyTransition,
  assertCurrentVersion,
  formatTicketNumber,
  openTicket,
  parseConsultationInput,
  parseTicketNumber,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  ticketYearOf,
  type Ticket,
  type TicketAction,
  type TicketActor,
  type TicketCommand,
  type TicketStatus,
} from '../../../bot/src/features/consultation/domain/tickets.js';
import { isUnassignedReminderDue, needsUnassignedReminder } from '../../../bot/src/features/consultation/domain/reminders.js';
import { AppError } from '../../../bot/src/kernel/domain/errors.js';

const requester: TicketActor = { id: 'emp-1', name: '戸越 花子', isAdmin: false };
const admin: TicketActor = { id: 'adm-1', name: '品川 デジタ', isAdmin: true };
const otherAdmin: TicketActor = { id: 'adm-2', name: '大井 次郎', isAdmin: true };
const stranger: TicketActor = { id: 'emp-9', name: '五反田 三郎', isAdmin: false };
const filedAt = new Date('2026-04-06T01:00:00Z');
const later = new Date('2026-04-07T02:00:00Z');

const validInput = { category: 'tool', title: 'kintoneでアンケート', details: '課内アンケートをkintoneで作りたい。', preferredContact: 'chat', urgency: 'medium' };

function ticketIn(status: TicketStatus): Ticket {
  const { ticket } = openTicket(parseConsultationInput(validInput), requester, 'DX-2026-0001', filedAt);
  return { ...ticket, status, assigneeId: status === 'new' ? undefined : admin.id, assigneeName: status === 'new' ? undefined : admin.name, version: 3 };
}

const commandFor = (action: TicketAction): TicketCommand => {
  switch (action) {
    case 'comment':
      return { action, text: '進捗はいかがですか' };
    case 'resolve':
      return { action, note: 'アンケートアプリを作成しました' };
    case 'rate':
      return { action, rating: 4 };
    case 'reopen':
      return { action, reason: 'まだ集計ができません' };
    case 'reassign':
      return { action, assignee: otherAdmin };
    case 'assign':
      return { action };
    default:
      return { action };
  }
};

const actorFor = (action: TicketAction) => (TICKET_TRANSITIONS[action].by.includes('admin') ? admin : requester);

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('ticket state machine: the whole matrix from the transition table', () => {
  const cases = TICKET_STATUSES.flatMap((status) => TICKET_ACTIONS.map((action) => ({ status, action })));
  const legal = cases.filter(({ status, action }) => TICKET_TRANSITIONS[action].from.includes(status));
  const illegal = cases.filter(({ status, action }) => !TICKET_TRANSITIONS[action].from.includes(status));

  it('when the matrix is built, then both legal and illegal cells exist and closed allows nothing', () => {
    expect(legal.length).toBeGreaterThan(10);
    expect(illegal.length).toBeGreaterThan(10);
    expect(legal.filter(({ status }) => status === 'closed')).toEqual([]);
  });

  it.each(legal)('when $action is applied to a $status ticket by an allowed actor, then it moves as the table says and is recorded', ({ status, action }) => {
    const before = ticketIn(status);
    const actor = actorFor(action);
    const { ticket, history } = applyTransition(before, commandFor(action), actor, later);
    const rule = TICKET_TRANSITIONS[action];
    expect(ticket.status).toBe(rule.to === 'unchanged' ? status : rule.to);
    expect(ticket.version).toBe(before.version + 1);
    expect(ticket.updatedAt).toBe(later.toISOString());
    expect(history).toMatchObject({ sequence: 4, actorId: actor.id, actorName: actor.name, action, fromStatus: status, toStatus: ticket.status, at: later.toISOString() });
  });

  it.each(illegal)('when $action is applied to a $status ticket, then it is refused as invalid input and names the current status', ({ status, action }) => {
    const before = ticketIn(status);
    const error = refusal(() => applyTransition(before, commandFor(action), actorFor(action), later));
    expect(error.code).toBe('invalid-input');
    expect(error.userMessage.ja).toContain('この相談は現在');
    expect(error.userMessage.en).toContain('This request is now');
    expect(before.status).toBe(status);
  });
});

describe('ticket state machine: who may act', () => {
  const adminOnly = TICKET_ACTIONS.filter((action) => !TICKET_TRANSITIONS[action].by.includes('requester'));
  const requesterOnly = TICKET_ACTIONS.filter((action) => !TICKET_TRANSITIONS[action].by.includes('admin'));

  it('when the table is read, then assign, start and resolve are admin-only and rating is the requester’s alone', () => {
    expect(adminOnly.sort()).toEqual(['assign', 'reassign', 'resolve', 'start']);
    expect(requesterOnly).toEqual(['rate']);
  });

  it.each(adminOnly)('when the requester tries %s, then it is forbidden with a ja/en message', (action) => {
    const from = TICKET_TRANSITIONS[action].from[0]!;
    const error = refusal(() => applyTransition(ticketIn(from), commandFor(action), requester, later));
    expect(error.code).toBe('forbidden');
    expect(error.userMessage.ja).toContain('デジタル推進課の担当者のみ');
    expect(error.userMessage.en).toContain('Digital Promotion Division');
  });

  it.each(TICKET_ACTIONS)('when an employee who is neither requester nor admin tries %s, then it is forbidden', (action) => {
    const from = TICKET_TRANSITIONS[action].from[0]!;
    expect(refusal(() => applyTransition(ticketIn(from), commandFor(action), stranger, later)).code).toBe('forbidden');
  });

  it('when an admin tries to rate, then it is forbidden: only the requester rates', () => {
    expect(refusal(() => applyTransition(ticketIn('resolved'), { action: 'rate', rating: 5 }, admin, later)).code).toBe('forbidden');
  });

  it('when an admin files their own request, then they may rate it as its requester', () => {
    const own = { ...ticketIn('resolved'), requesterId: admin.id };
    expect(applyTransition(own, { action: 'rate', rating: 5 }, admin, later).ticket.rating).toBe(5);
  });

  it('when a second admin clicks 担当する on a ticket already assigned, then it is refused and the assignee stays', () => {
    const { ticket } = applyTransition(ticketIn('new'), { action: 'assign' }, admin, later);
    expect(ticket.assigneeName).toBe('品川 デジタ');
    const error = refusal(() => applyTransition(ticket, { action: 'assign' }, otherAdmin, later));
    expect(error.code).toBe('invalid-input');
    expect(error.userMessage.ja).toBe('この相談は現在「担当者決定」のため、「担当する」はできません。');
  });

  it('when an admin assigns a new ticket to a named colleague of the division, then the colleague holds it and the history names them', () => {
    const { ticket, history } = applyTransition(ticketIn('new'), { action: 'assign', assignee: otherAdmin }, admin, later);
    expect(ticket).toMatchObject({ status: 'assigned', assigneeId: otherAdmin.id, assigneeName: otherAdmin.name });
    expect(history).toMatchObject({ action: 'assign', actorId: admin.id, text: otherAdmin.name });
  });

  it('when an admin assigns or reassigns to someone outside デジタル推進課, then it is refused with a ja/en message and nothing changes', () => {
    const fresh = ticketIn('new');
    for (const run of [
      () => applyTransition(fresh, { action: 'assign', assignee: stranger }, admin, later),
      () => applyTransition(ticketIn('assigned'), { action: 'reassign', assignee: stranger }, admin, later),
      () => applyTransition(ticketIn('assigned'), { action: 'reassign', assignee: { id: '', name: '', isAdmin: false } }, admin, later),
    ]) {
      const error = refusal(run);
      expect(error.code).toBe('invalid-input');
      expect(error.userMessage.ja).toBe('デジタル推進課の職員ではないため、担当者にできません。デジタル推進課の職員を選んでください。');
      expect(error.userMessage.en).toContain('not in the Digital Promotion Division');
    }
    expect(fresh.assigneeId).toBeUndefined();
  });

  it('when an assigned or in-progress ticket is reassigned, then the new colleague holds it, the status stays, and reassigning to the holder is refused', () => {
    for (const status of ['assigned', 'in-progress'] as const) {
      const { ticket, history } = applyTransition(ticketIn(status), { action: 'reassign', assignee: otherAdmin }, admin, later);
      expect(ticket).toMatchObject({ status, assigneeId: otherAdmin.id, assigneeName: otherAdmin.name });
      expect(history).toMatchObject({ action: 'reassign', fromStatus: status, toStatus: status, text: otherAdmin.name });
      expect(refusal(() => applyTransition(ticket, { action: 'reassign', assignee: otherAdmin }, admin, later)).userMessage.ja).toBe('大井 次郎 さんはすでにこの相談の担当です。');
    }
  });

  it('when a ticket is resolved without the 担当する step, then the resolver becomes the assignee and the note is kept', () => {
    const reopened = { ...ticketIn('reopened'), assigneeId: undefined, assigneeName: undefined };
    const { ticket, history } = applyTransition(reopened, { action: 'resolve', note: '  設定を見直しました ' }, otherAdmin, later);
    expect(ticket).toMatchObject({ status: 'resolved', assigneeId: otherAdmin.id, resolution: '設定を見直しました' });
    expect(history.text).toBe('設定を見直しました');
  });
});

describe('ticket state machine: action data', () => {
  it('when a comment or resolution note is empty or only spaces, then it is refused', () => {
    expect(refusal(() => applyTransition(ticketIn('assigned'), { action: 'comment', text: '   ' }, admin, later)).userMessage.ja).toBe('コメントを入力してください。');
    expect(refusal(() => applyTransition(ticketIn('assigned'), { action: 'resolve', note: '' }, admin, later)).userMessage.ja).toBe('解決内容を入力してください。');
  });

  it('when a comment has 4,001 characters, then it is refused; 4,000 is accepted', () => {
    expect(refusal(() => applyTransition(ticketIn('assigned'), { action: 'comment', text: 'あ'.repeat(4001) }, admin, later)).code).toBe('invalid-input');
    expect(applyTransition(ticketIn('assigned'), { action: 'comment', text: 'あ'.repeat(4000) }, admin, later).history.text).toHaveLength(4000);
  });

  it.each([0, 6, 3.5, Number.NaN])('when the rating is %s, then it is refused', (rating) => {
    expect(refusal(() => applyTransition(ticketIn('resolved'), { action: 'rate', rating }, requester, later)).code).toBe('invalid-input');
  });

  it('when the requester rates a resolved ticket, then it closes with the rating and a second rating is refused', () => {
    const { ticket } = applyTransition(ticketIn('resolved'), { action: 'rate', rating: 5 }, requester, later);
    expect(ticket).toMatchObject({ status: 'closed', rating: 5 });
    expect(refusal(() => applyTransition(ticket, { action: 'rate', rating: 1 }, requester, later)).code).toBe('invalid-input');
  });

  it('when a ticket is not yet resolved, then rating is refused', () => {
    for (const status of ['new', 'assigned', 'in-progress', 'reopened'] as const) {
      expect(refusal(() => applyTransition(ticketIn(status), { action: 'rate', rating: 3 }, requester, later)).code).toBe('invalid-input');
    }
  });

  it('when the card was drawn from an older version, then the action is refused as a conflict naming the current status', () => {
    const ticket = ticketIn('resolved');
    expect(() => assertCurrentVersion(ticket, ticket.version)).not.toThrow();
    expect(() => assertCurrentVersion(ticket, undefined)).not.toThrow();
    const error = refusal(() => assertCurrentVersion(ticket, ticket.version - 1));
    expect(error.code).toBe('concurrency-conflict');
    expect(error.userMessage.ja).toContain('現在「解決」');
  });
});

describe('new consultation input', () => {
  it('when the form is complete, then it is accepted with titles trimmed', () => {
    expect(parseConsultationInput({ ...validInput, title: '  RPAの相談  ' }).title).toBe('RPAの相談');
  });

  it.each([
    [{ title: '' }, 'title', '件名を入力してください。'],
    [{ title: 'あ'.repeat(201) }, 'title', '件名は200文字以内で入力してください。'],
    [{ details: '  ' }, 'details', '相談内容を入力してください。'],
    [{ details: 'x'.repeat(4001) }, 'details', '相談内容は4,000文字以内で入力してください。'],
    [{ category: 'gaming' }, 'category', '相談の分類を選んでください。'],
    [{ preferredContact: 'fax' }, 'preferredContact', '希望する相談方法を選んでください。'],
    [{ urgency: '最高' }, 'urgency', '緊急度を選んでください。'],
  ])('when the form has %o, then field %s is refused with “%s”', (change, field, message) => {
    const error = refusal(() => parseConsultationInput({ ...validInput, ...change }));
    expect(error).toMatchObject({ code: 'invalid-input', field, userMessage: { ja: message } });
    expect(error.userMessage.en.length).toBeGreaterThan(0);
  });

  it('when the title has exactly 200 characters and details 4,000 (including surrogate pairs), then it is accepted', () => {
    expect(() => parseConsultationInput({ ...validInput, title: '𠮷'.repeat(200), details: '𠮷'.repeat(4000) })).not.toThrow();
  });

  it('when the data is not an object at all, then it is refused as invalid input', () => {
    expect(refusal(() => parseConsultationInput('DROP TABLE')).code).toBe('invalid-input');
  });
});

describe('ticket numbers', () => {
  it('when formatted, then the sequence is zero-padded to four digits and grows beyond', () => {
    expect(formatTicketNumber(2026, 42)).toBe('DX-2026-0042');
    expect(formatTicketNumber(2027, 1)).toBe('DX-2027-0001');
    expect(formatTicketNumber(2026, 12345)).toBe('DX-2026-12345');
    expect(() => formatTicketNumber(2026, 0)).toThrow(RangeError);
  });

  it('when parsed, then only real numbers are accepted (forged card data is not)', () => {
    expect(parseTicketNumber('DX-2026-0042')).toEqual({ year: 2026, sequence: 42 });
    expect(parseTicketNumber('DX-2026-12345')).toEqual({ year: 2026, sequence: 12345 });
    for (const forged of ['DX-2026-0000', 'DX-2026-42', "DX-2026-0042' or 1 eq 1", 'dx-2026-0042', 42, undefined, 'DX-2026-00042']) {
      expect(parseTicketNumber(forged)).toBeUndefined();
    }
  });

  it('when a ticket is filed at 08:59 JST on 1 January, then it counts in the new year (JST, not UTC)', () => {
    expect(ticketYearOf(new Date('2026-12-31T23:59:00Z'))).toBe(2027);
    expect(ticketYearOf(new Date('2026-12-31T14:59:00Z'))).toBe(2026);
  });
});

describe('business days and the unassigned reminder', () => {
  const jst = (local: string) => new Date(`${local}+09:00`);

  it.each([
    ['Friday 17:00 → Tuesday 17:00', '2026-04-10T17:00', '2026-04-14T17:00'],
    ['Monday 09:00 → Wednesday 09:00', '2026-04-13T09:00', '2026-04-15T09:00'],
    ['Thursday 17:00 → Monday 17:00', '2026-04-16T17:00', '2026-04-20T17:00'],
    ['Saturday 10:00 → Wednesday 00:00 (time on a closed day does not count)', '2026-04-11T10:00', '2026-04-15T00:00'],
    ['Friday before 成人の日 → Wednesday', '2026-01-09T17:00', '2026-01-14T17:00'],
    ['Thursday before Golden Week → Thursday 7 May', '2026-04-30T10:00', '2026-05-07T10:00'],
    ['Monday 28 December → Tuesday 5 January (year-end closure)', '2026-12-28T12:00', '2027-01-05T12:00'],
    ['Friday before シルバーウィーク → Friday 25 Sep', '2026-09-18T09:00', '2026-09-25T09:00'],
  ])('when counting 2 business days: %s', (_name, start, due) => {
    expect(addBusinessDays(jst(start), 2).toISOString()).toBe(jst(due).toISOString());
  });

  it('when the due time has not quite come, then no reminder; at the due minute, a reminder', () => {
    const created = jst('2026-04-10T17:00');
    expect(isUnassignedReminderDue(created, jst('2026-04-14T16:59'))).toBe(false);
    expect(isUnassignedReminderDue(created, jst('2026-04-14T17:00'))).toBe(true);
    expect(isUnassignedReminderDue(created.toISOString(), jst('2026-04-13T23:00'))).toBe(false);
  });

  it('when the ticket is assigned or already reminded, then no reminder even if overdue', () => {
    const overdue = jst('2026-05-20T09:00');
    const fresh = { ...ticketIn('new'), createdAt: jst('2026-04-10T17:00').toISOString() };
    expect(needsUnassignedReminder(fresh, overdue)).toBe(true);
    expect(needsUnassignedReminder({ ...fresh, status: 'assigned' }, overdue)).toBe(false);
    expect(needsUnassignedReminder({ ...fresh, unassignedReminderAt: overdue.toISOString() }, overdue)).toBe(false);
  });

  it('when the calendar is asked about years past the old hand-kept list (2028–2030), then the library knows their holidays', () => {
    // 2028-01-10 成人の日, 2029-04-30 昭和の日 振替休日, 2030-09-23 秋分の日 (Mondays): closed. 2028-01-11 (Tuesday): open.
    for (const holiday of ['2028-01-10', '2029-04-30', '2030-09-23']) expect(isBusinessDay(jst(`${holiday}T10:00`))).toBe(false);
    expect(isBusinessDay(jst('2028-01-11T10:00'))).toBe(true);
    expect(addBusinessDays(jst('2028-01-07T10:00'), 1).toISOString()).toBe(jst('2028-01-11T10:00').toISOString());
  });

  it('when business hours are added, then only 8:30–17:15 JST on business days count', () => {
    // Friday 16:15 + 2 h: 1 h on Friday, 1 h from Monday 8:30.
    expect(addBusinessHours(jst('2026-04-10T16:15'), 2).toISOString()).toBe(jst('2026-04-13T09:30').toISOString());
    // Filed at night: the clock starts at 8:30 the next business day.
    expect(addBusinessHours(jst('2026-04-13T20:00'), 4).toISOString()).toBe(jst('2026-04-14T12:30').toISOString());
    // Golden Week 2026 (4/29, 5/3–5/6 closed): Tuesday 4/28 17:00 + 1 h → Thursday 4/30 9:15.
    expect(addBusinessHours(jst('2026-04-28T17:00'), 1).toISOString()).toBe(jst('2026-04-30T09:15').toISOString());
    // Year-end closure: 12/28 (Monday) 17:00 + 1 h → 2027-01-04 9:15.
    expect(addBusinessHours(jst('2026-12-28T17:00'), 1).toISOString()).toBe(jst('2027-01-04T09:15').toISOString());
    // Inside one day.
    expect(addBusinessHours(jst('2026-04-14T10:00'), 0.5).toISOString()).toBe(jst('2026-04-14T10:30').toISOString());
  });
});
