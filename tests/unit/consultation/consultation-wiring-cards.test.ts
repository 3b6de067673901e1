import { describe, expect, it } from 'vitest';
import { buildConsultationConfirmationCard } from '../../../bot/src/features/consultation/cards/consultation-confirmation-card.js';
import { buildFaqAnswerCard } from '../../../bot/src/features/consultation/cards/faq-answer-card.js';
import { FAQ_ENTRIES } from '../../../bot/src/features/consultation/domain/faq-entries.js';
import { t } from '../../../bot/src/kernel/cards/messages.js';
import { buildTicketNoticeCard } from '../../../bot/src/features/consultation/cards/ticket-notice-card.js';
import { buildUnassignedReminderCard } from '../../../bot/src/features/consultation/cards/unassigned-reminder-card.js';
import { applyTransition, openTicket, type TicketActor } from '../../../bot/src/features/consultation/domain/tickets.js';
import { looksLikeQuestion } from '../../../bot/src/features/consultation/consultation-teams.js';
import { parseAdaptiveCard } from '../../support/cards.js';

const now = new Date('2026-06-01T01:00:00Z');
const admin: TicketActor = { id: 'admin-1', name: '品川 デジタ', isAdmin: true };
const filed = openTicket(
  { category: 'security', title: 'USBメモリを使いたい', details: '𠮷'.repeat(4_000), preferredContact: 'in-person', urgency: 'high' },
  { id: 'requester-1', name: '大井 相談' },
  'DX-2026-0007',
  now,
);
const KB28 = 28 * 1024;

describe('DX相談 wiring cards', () => {
  it('when a requester is told of a 4,000-character comment or resolution in either language, then the card parses cleanly under 28 KB', () => {
    const assigned = applyTransition(filed.ticket, { action: 'assign' }, admin, now);
    const longText = '𠮷'.repeat(4_000);
    const commented = applyTransition(assigned.ticket, { action: 'comment', text: longText }, admin, now);
    const resolved = applyTransition(commented.ticket, { action: 'resolve', note: longText }, admin, now);
    for (const locale of ['ja', 'en'] as const) {
      for (const change of [assigned, commented, resolved]) {
        const entry = change.history as typeof change.history & { action: 'assign' | 'comment' | 'resolve' };
        const card = buildTicketNoticeCard({ ticket: change.ticket, entry, locale }).content;
        const parsed = parseAdaptiveCard(card);
        expect(parsed.problems).toEqual([]);
        expect(parsed.bytes).toBeLessThan(KB28);
      }
    }
    expect(JSON.stringify(buildTicketNoticeCard({ ticket: assigned.ticket, entry: assigned.history as never, locale: 'ja' }).content)).toContain('DX-2026-0007 の担当者が決まりました');
  });

  it('when the FAQ thanks, the reminder of 25 tickets and a confirmation with the no-desk note are drawn, then they parse cleanly', () => {
    const many = Array.from({ length: 25 }, (_, index) => ({ ...filed.ticket, number: `DX-2026-${String(index + 1).padStart(4, '0')}` }));
    const reminder = buildUnassignedReminderCard({ tickets: many, locale: 'ja' }).content;
    const confirmation = buildConsultationConfirmationCard({ ticket: filed.ticket, locale: 'en', note: t('consultNoDeskNote', 'en') }).content;
    const resolved = (locale: 'ja' | 'en') => buildFaqAnswerCard({ query: 'kintone', entries: FAQ_ENTRIES.slice(0, 3), locale, resolved: true }).content;
    for (const card of [resolved('ja'), resolved('en'), reminder, confirmation]) {
      expect(parseAdaptiveCard(card).problems).toEqual([]);
    }
    expect(JSON.stringify(reminder)).toContain('ほか 5 件はタブで確認できます。');
    expect(JSON.stringify(confirmation)).toContain('No desk channel is set up yet');
  });

  it('when free text finds no FAQ entry, then only a question or a request (6+ characters or a question mark) still gets the FAQ card', () => {
    expect(looksLikeQuestion('ok')).toBe(false);
    expect(looksLikeQuestion('ありがとう')).toBe(false);
    expect(looksLikeQuestion('これは?')).toBe(true);
    expect(looksLikeQuestion('ＰＣが重くて困っています')).toBe(true);
  });
});
