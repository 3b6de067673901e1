import { describe, expect, it } from 'vitest';
import {
  applyTransition,
  assertCurrentVersion,
  openTicket,
  parseConsultationInput,
  type TicketActor,
  type TicketCommand,
} from '../../../bot/src/features/consultation/domain/tickets.js';
import { AppError } from '../../../bot/src/kernel/domain/errors.js';
import type { ConsultationRepository } from '../../../bot/src/features/consultation/domain/consultation-ports.js';
import { createConsultationRepository } from '../../../bot/src/features/consultation/storage/consultation-repository.js';
import { testTableStorage } from '../../support/storage.js';

const admin: TicketActor = { id: 'adm-1', name: '品川 デジタ', isAdmin: true };
const otherAdmin: TicketActor = { id: 'adm-2', name: '大井 次郎', isAdmin: true };
const input = (title: string) =>
  parseConsultationInput({ category: 'tool', title, details: 'RPAで転記作業を自動化したい', preferredContact: 'online-meeting', urgency: 'medium' });

let clock = Date.parse('2026-04-06T00:00:00Z');
const tick = () => new Date((clock += 1000));

async function file(repository: ConsultationRepository, requester: { id: string; name: string }, title = '相談', submissionId?: string) {
  const now = tick();
  return repository.create({ year: 2026, requesterId: requester.id, submissionId, build: (ticketNumber) => openTicket(input(title), requester, ticketNumber, now) });
}

const act = (repository: ConsultationRepository, ticketNumber: string, command: TicketCommand, actor: TicketActor, expectedVersion?: number) =>
  repository.transition(ticketNumber, (current) => {
    assertCurrentVersion(current, expectedVersion);
    return applyTransition(current, command, actor, tick());
  });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('consultation repository on Azurite', () => {
  it('when 50 tickets are filed at once from two instances, then they get 50 distinct consecutive numbers', async () => {
    const storage = await testTableStorage();
    const instances = [createConsultationRepository(storage), createConsultationRepository(storage)];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => file(instances[index % 2]!, { id: `emp-${index}`, name: `職員 ${index}` }, `相談 ${index}`)),
    );
    const numbers = results.map(({ ticket }) => ticket.number).sort();
    expect(new Set(numbers).size).toBe(50);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, index) => `DX-2026-${String(index + 1).padStart(4, '0')}`));
    expect(results.every(({ created }) => created)).toBe(true);
    expect(await instances[0]!.listByStatus(['new'])).toHaveLength(50);
  });

  it('when the same form is submitted twice at once on two instances, then one ticket is created and both calls return it', async () => {
    const storage = await testTableStorage();
    const requester = { id: 'emp-1', name: '戸越 花子' };
    const results = await Promise.all([
      file(createConsultationRepository(storage), requester, '同じフォーム', 'form-1'),
      file(createConsultationRepository(storage), requester, '同じフォーム', 'form-1'),
    ]);
    expect(results.map(({ created }) => created).sort()).toEqual([false, true]);
    expect(results[0]!.ticket).toEqual(results[1]!.ticket);
    const repository = createConsultationRepository(storage);
    expect(await repository.listByRequester('emp-1')).toHaveLength(1);
    expect((await file(repository, requester, '別のフォーム', 'form-2')).ticket.number).toBe('DX-2026-0002');
  });

  it('when several employees file tickets, then "my tickets" returns only theirs, newest first, and a forged number is not found', async () => {
    const repository = createConsultationRepository(await testTableStorage());
    const hanako = { id: 'emp-a', name: '戸越 花子' };
    // An id that is a prefix of another must not leak the other's tickets into the range query.
    const hanakoToo = { id: 'emp-a!b', name: '戸越 花子(別)' };
    await file(repository, hanako, '一件目');
    await file(repository, hanakoToo, '別人');
    await file(repository, hanako, '二件目');
    expect((await repository.listByRequester('emp-a')).map((ticket) => ticket.title)).toEqual(['二件目', '一件目']);
    expect((await repository.listByRequester('emp-a!b')).map((ticket) => ticket.title)).toEqual(['別人']);
    expect(await repository.listByRequester('nobody')).toEqual([]);
    expect(await repository.get("DX-2026-9999' or true")).toBeUndefined();
  });

  it('when tickets move through the workflow, then the queue by status and the requester copy follow every move', async () => {
    const repository = createConsultationRepository(await testTableStorage());
    const requester = { id: 'emp-q', name: '大崎 一郎' };
    const a = (await file(repository, requester, 'A')).ticket;
    const b = (await file(repository, requester, 'B')).ticket;
    const c = (await file(repository, requester, 'C')).ticket;
    await act(repository, a.number, { action: 'assign' }, admin);
    await act(repository, b.number, { action: 'assign' }, admin);
    await act(repository, b.number, { action: 'start' }, admin);
    await act(repository, b.number, { action: 'resolve', note: '手順書を共有しました' }, admin);
    const titles = async (statuses: Parameters<ConsultationRepository['listByStatus']>[0]) => (await repository.listByStatus(statuses)).map((ticket) => ticket.title);
    expect(await titles(['new'])).toEqual(['C']);
    expect(await titles(['assigned'])).toEqual(['A']);
    expect(await titles(['in-progress'])).toEqual([]);
    expect(await titles(['resolved'])).toEqual(['B']);
    expect(await titles(['new', 'assigned', 'in-progress', 'reopened'])).toEqual(['A', 'C']);
    const mine = await repository.listByRequester('emp-q');
    expect(mine.map((ticket) => [ticket.title, ticket.status, ticket.assigneeName])).toEqual([
      ['C', 'new', undefined],
      ['B', 'resolved', '品川 デジタ'],
      ['A', 'assigned', '品川 デジタ'],
    ]);
    expect((await repository.get(c.number))?.status).toBe('new');
  });

  it('when a transition is made, then the history records who, when and what in order', async () => {
    const repository = createConsultationRepository(await testTableStorage());
    const requester: TicketActor = { id: 'emp-h', name: '五反田 三郎', isAdmin: false };
    const { ticket } = await file(repository, requester);
    await act(repository, ticket.number, { action: 'assign' }, admin);
    await act(repository, ticket.number, { action: 'comment', text: '画面を共有してください' }, admin);
    await act(repository, ticket.number, { action: 'resolve', note: 'シナリオを修正しました' }, admin);
    await act(repository, ticket.number, { action: 'rate', rating: 5 }, requester);
    const history = await repository.history(ticket.number);
    expect(history.map((entry) => [entry.sequence, entry.action, entry.actorName, entry.fromStatus, entry.toStatus, entry.text ?? entry.rating])).toEqual([
      [1, 'create', '五反田 三郎', undefined, 'new', undefined],
      [2, 'assign', '品川 デジタ', 'new', 'assigned', undefined],
      [3, 'comment', '品川 デジタ', 'assigned', 'assigned', '画面を共有してください'],
      [4, 'resolve', '品川 デジタ', 'assigned', 'resolved', 'シナリオを修正しました'],
      [5, 'rate', '五反田 三郎', 'resolved', 'closed', 5],
    ]);
    expect(history.every((entry, index) => index === 0 || entry.at > history[index - 1]!.at)).toBe(true);
    expect(await repository.get(ticket.number)).toMatchObject({ status: 'closed', rating: 5, version: 5, resolution: 'シナリオを修正しました' });
  });

  it('when an admin acts on a stale card after someone else resolved the ticket, then it is refused and nothing changes', async () => {
    const repository = createConsultationRepository(await testTableStorage());
    const { ticket } = await file(repository, { id: 'emp-s', name: '旗の台 四郎' });
    const seenOnCard = (await act(repository, ticket.number, { action: 'assign' }, admin)).ticket.version;
    await act(repository, ticket.number, { action: 'resolve', note: '対応済みです' }, admin, seenOnCard);
    const before = { ticket: await repository.get(ticket.number), history: await repository.history(ticket.number), queue: await repository.listByStatus(['resolved']) };

    const stale = await rejection(act(repository, ticket.number, { action: 'start' }, otherAdmin, seenOnCard));
    expect(stale.code).toBe('concurrency-conflict');
    expect(stale.userMessage.ja).toContain('現在「解決」');
    // Without the card's version the state machine itself refuses: a resolved ticket cannot be started.
    expect((await rejection(act(repository, ticket.number, { action: 'start' }, otherAdmin))).code).toBe('invalid-input');

    expect(await repository.get(ticket.number)).toEqual(before.ticket);
    expect(await repository.history(ticket.number)).toEqual(before.history);
    expect(await repository.listByStatus(['resolved'])).toEqual(before.queue);
    expect(await repository.listByStatus(['in-progress'])).toEqual([]);
  });

  it('when another write lands between the read and the write, then the ETag refuses it and the decision is re-made on the new state', async () => {
    const repository = createConsultationRepository(await testTableStorage());
    const { ticket } = await file(repository, { id: 'emp-r', name: '荏原 五郎' });
    await act(repository, ticket.number, { action: 'assign' }, admin);
    const seen: string[] = [];
    const late = repository.transition(ticket.number, async (current) => {
      seen.push(current.status);
      // While this admin is deciding, another one resolves the ticket.
      if (seen.length === 1) await act(repository, ticket.number, { action: 'resolve', note: '先に解決' }, admin);
      return applyTransition(current, { action: 'resolve', note: '遅れた解決' }, otherAdmin, tick());
    });
    const error = await rejection(late);
    expect(error.code).toBe('invalid-input');
    expect(seen).toEqual(['assigned', 'resolved']);
    const history = await repository.history(ticket.number);
    expect(history.filter((entry) => entry.action === 'resolve').map((entry) => entry.text)).toEqual(['先に解決']);
    expect((await repository.get(ticket.number))?.resolution).toBe('先に解決');
  });

  it('when a transition is asked for an unknown ticket, then it is not found and nothing is written', async () => {
    const repository = createConsultationRepository(await testTableStorage());
    expect((await rejection(act(repository, 'DX-2026-0404', { action: 'assign' }, admin))).code).toBe('not-found');
    expect(await repository.listByStatus(['assigned'])).toEqual([]);
  });

  it('when two reminder jobs claim the same overdue ticket, then exactly one wins and an assigned ticket is never claimed', async () => {
    const repository = createConsultationRepository(await testTableStorage());
    const { ticket } = await file(repository, { id: 'emp-m', name: '中延 六子' });
    const claims = await Promise.all([repository.claimUnassignedReminder(ticket.number, tick()), repository.claimUnassignedReminder(ticket.number, tick())]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await repository.get(ticket.number))?.unassignedReminderAt).toBeDefined();
    expect((await repository.listByStatus(['new']))[0]?.unassignedReminderAt).toBeDefined();
    const other = (await file(repository, { id: 'emp-m', name: '中延 六子' })).ticket;
    await act(repository, other.number, { action: 'assign' }, admin);
    expect(await repository.claimUnassignedReminder(other.number, tick())).toBe(false);
  });

  it('when a reminder is given back, then only the claim made at that time is cleared, on the ticket and the queue, and it can be claimed again', async () => {
    const repository = createConsultationRepository(await testTableStorage());
    const { ticket } = await file(repository, { id: 'emp-n', name: '戸越 七子' });
    const claimedAt = tick();
    expect(await repository.claimSlaReminder(ticket.number, 'resolution', claimedAt)).toBe(true);
    // Another instance's give-back of an older claim leaves this one alone.
    await repository.releaseReminder(ticket.number, 'resolution', new Date(claimedAt.getTime() - 60_000));
    expect((await repository.get(ticket.number))?.resolutionRemindedAt).toBe(claimedAt.toISOString());
    await repository.releaseReminder(ticket.number, 'resolution', claimedAt);
    expect((await repository.get(ticket.number))?.resolutionRemindedAt).toBeUndefined();
    expect((await repository.listByStatus(['new']))[0]?.resolutionRemindedAt).toBeUndefined();
    expect(await repository.claimSlaReminder(ticket.number, 'resolution', tick())).toBe(true);
  });
});
