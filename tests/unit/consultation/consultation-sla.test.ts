import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_SETTINGS, isOverdue, parseSlaSettings, slaClockOf } from '../../../bot/src/features/consultation/domain/sla.js';
import { applyTransition, openTicket, parseConsultationInput, type TicketActor } from '../../../bot/src/features/consultation/domain/tickets.js';
import { AppError } from '../../../bot/src/kernel/domain/errors.js';

const jst = (local: string) => new Date(`${local}+09:00`);
const requester: TicketActor = { id: 'emp-1', name: '戸越 花子', isAdmin: false };
const admin: TicketActor = { id: 'adm-1', name: '品川 デジタ', isAdmin: true };
const settings = { firstResponseHours: 4, resolutionHours: { high: 8, medium: 24, low: 40 } };
const filed = (urgency: 'high' | 'medium' | 'low', at: Date) =>
  openTicket(parseConsultationInput({ category: 'tool', title: 'RPA', details: '相談', preferredContact: 'chat', urgency }), requester, 'DX-2026-0001', at).ticket;

describe('SLA clocks in office hours (JST, holidays from @holiday-jp/holiday_jp)', () => {
  it('when a request is filed Monday 10:00, then the first response is due 14:00 and a high-urgency resolution Tuesday 9:15', () => {
    const clock = slaClockOf(filed('high', jst('2026-04-13T10:00')), settings, jst('2026-04-13T11:00'));
    expect(clock.firstResponseDueAt).toBe(jst('2026-04-13T14:00').toISOString());
    // Monday leaves 7 h 15 min (to 17:15); the 8th hour ends Tuesday 9:15.
    expect(clock.resolutionDueAt).toBe(jst('2026-04-14T09:15').toISOString());
    expect(clock).toMatchObject({ firstResponseOverdue: false, resolutionOverdue: false });
  });

  it('when nobody responds by the due time, then the first-response clock is overdue and the ticket is flagged; a response stops it', () => {
    const ticket = filed('low', jst('2026-04-13T10:00'));
    const late = slaClockOf(ticket, settings, jst('2026-04-13T14:01'));
    expect(late.firstResponseOverdue).toBe(true);
    expect(isOverdue(late, ticket.status)).toBe(true);
    const answered = applyTransition(ticket, { action: 'comment', text: '確認します' }, admin, jst('2026-04-13T13:00')).ticket;
    expect(answered.firstResponseAt).toBe(jst('2026-04-13T13:00').toISOString());
    expect(slaClockOf(answered, settings, jst('2026-04-20T10:00')).firstResponseOverdue).toBe(false);
    // The requester's own comment is not a response from the division.
    expect(applyTransition(ticket, { action: 'comment', text: '追記です' }, requester, jst('2026-04-13T11:00')).ticket.firstResponseAt).toBeUndefined();
  });

  it('when the resolution target passes, then open work is flagged and resolved work is not (resolving late is remembered)', () => {
    const assigned = applyTransition(filed('high', jst('2026-04-13T10:00')), { action: 'assign' }, admin, jst('2026-04-13T10:30')).ticket;
    const overdue = slaClockOf(assigned, settings, jst('2026-04-14T09:16'));
    expect(overdue).toMatchObject({ firstResponseOverdue: false, resolutionOverdue: true });
    expect(isOverdue(overdue, assigned.status)).toBe(true);
    const resolved = applyTransition(assigned, { action: 'resolve', note: '対応しました' }, admin, jst('2026-04-14T10:00')).ticket;
    const clock = slaClockOf(resolved, settings, jst('2026-04-20T10:00'));
    expect(clock.resolutionOverdue).toBe(true);
    expect(isOverdue(clock, resolved.status)).toBe(false);
  });

  it('when a request is filed before Golden Week, then the closed days do not count', () => {
    const clock = slaClockOf(filed('medium', jst('2026-04-28T16:00')), settings, jst('2026-04-28T16:00'));
    // 1 h 15 min on 4/28; 4/29 holiday; 4/30 and 5/1 are business days (8.75 h each); 5/2–5/6 closed; 5 h 15 min on 5/7.
    expect(clock.firstResponseDueAt).toBe(jst('2026-04-30T11:15').toISOString());
    expect(clock.resolutionDueAt).toBe(jst('2026-05-07T13:45').toISOString());
  });

  it.each([
    ['zero first response', { ...settings, firstResponseHours: 0 }],
    ['negative resolution', { ...settings, resolutionHours: { ...settings.resolutionHours, low: -1 } }],
    ['text instead of hours', { ...settings, firstResponseHours: '4' }],
    ['a missing urgency', { firstResponseHours: 4, resolutionHours: { high: 8, medium: 24 } }],
    ['over a year', { ...settings, firstResponseHours: 5000 }],
  ])('when the settings have %s, then they are refused with a ja/en message', (_what, raw) => {
    let error: unknown;
    try {
      parseSlaSettings(raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage.ja).toContain('SLAの時間は0より大きく');
    expect((error as AppError).userMessage.en).toContain('greater than 0');
  });

  it('when the defaults are read, then every hour is positive and valid', () => {
    expect(parseSlaSettings(DEFAULT_SLA_SETTINGS)).toMatchObject({ firstResponseHours: 4 });
  });
});
