import { isAdmin, adminCheck } from '../../../kernel/domain/access.js';
import { countsAsStaff, type Employee } from '../../../kernel/domain/employee.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { ConsultationDeskRepository, ConsultationNotifier, ConsultationRepository } from './consultation-ports.js';
import type { EmployeeRepository } from '../../../kernel/domain/ports.js';
import { CONSULTATION_CATEGORIES, type ConsultationCategory } from './categories.js';
import type { FaqEntry } from './faq-entries.js';
import { draftFaqFromTicket, type FaqDraft } from './faq-draft.js';
import type { FaqLibrary } from './faq-library.js';
import { needsUnassignedReminder } from './reminders.js';
import { DEFAULT_SLA_SETTINGS, isOverdue, parseSlaSettings, slaClockOf, slaRemindersDue, type SlaClock, type SlaSettings } from './sla.js';
import {
  applyTransition,
  assertCurrentVersion,
  canApply,
  openTicket,
  parseConsultationInput,
  parseTicketNumber,
  partiesOf,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  ticketYearOf,
  type Ticket,
  type TicketAction,
  type TicketActor,
  type TicketChange,
  type TicketCommand,
  type TicketHistoryEntry,
  type TicketStatus,
} from './tickets.js';

export interface ConsultationServiceDeps {
  tickets: ConsultationRepository;
  desk: ConsultationDeskRepository;
  employees: EmployeeRepository;
  notifier: ConsultationNotifier;
  /** The FAQ デジタル推進課 edits in the tab (faq-library.ts): searched for every free-text question. */
  faq: Pick<FaqLibrary, 'search' | 'entriesByIds' | 'all'>;
  now?: () => Date;
}

/** Where an action was taken: the desk channel is for デジタル推進課 only, even for a requester who is in it. */
export type ActionOrigin = 'desk' | 'own';

export interface TicketView {
  ticket: Ticket;
  history: TicketHistoryEntry[];
  viewer: TicketActor;
  /** What this viewer may do now (the same table the cards use). */
  allowedActions: TicketAction[];
}

export interface QueueFilter {
  statuses?: readonly TicketStatus[] | undefined;
  category?: ConsultationCategory | undefined;
  /** An employee id, 'unassigned', or 'me' (自分の担当: the caller's own tickets). */
  assignee?: string | undefined;
  /** Only tickets past an SLA clock (期限超過). */
  overdue?: boolean | undefined;
}

/** A queue row: the ticket with its SLA clocks now and whether it is flagged overdue. */
export type QueueTicket = Ticket & { sla: SlaClock; overdue: boolean };

/**
 * A ticket action as the edges send it: assignment names the colleague by employee id (the service looks them up,
 * so a forged name never lands on a ticket); `assign` without one is 担当する for oneself.
 */
export type TicketRequest =
  | Exclude<TicketCommand, { action: 'assign' | 'reassign' }>
  | { action: 'assign'; assigneeId?: string | undefined }
  | { action: 'reassign'; assigneeId: string };

/** A member of デジタル推進課 a ticket can be given to. */
export interface DivisionColleague {
  id: string;
  name: string;
}

export interface QueueCounts {
  byStatus: Record<TicketStatus, number>;
  byCategory: Record<ConsultationCategory, number>;
  byAssignee: { id: string | undefined; name: string | undefined; count: number }[];
}

/** Open work: everything but closed. The queue shows it unless the admin filters. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in-progress', 'reopened', 'resolved'];

const FAQ_ANSWERS_SHOWN = 3;

/** The desk channel's card is drawn for デジタル推進課 as a whole: every admin button, nobody's own. */
export const DESK_VIEWER: Pick<TicketActor, 'id' | 'isAdmin'> = { id: '', isAdmin: true };

const ticketNotFound = (ticketNumber: string) =>
  new AppError('not-found', {
    detail: `no consultation ticket ${ticketNumber} (or not the viewer's)`,
    userMessage: { ja: 'この相談は見つかりませんでした。', en: 'This request was not found.' },
  });

const deskOnly = () =>
  new AppError('forbidden', {
    detail: 'desk action by a non-admin',
    userMessage: { ja: 'この操作はデジタル推進課の担当者のみ行えます。', en: 'Only Digital Promotion Division staff can do this.' },
  });

const actorOf = (employee: Employee | undefined, id: string): TicketActor => ({ id, name: employee?.displayName ?? '', isAdmin: isAdmin(employee) });

/** デジタル推進課's current members among these employees, by name. */
export function divisionColleaguesOf(employees: readonly Employee[]): DivisionColleague[] {
  return employees
    .filter((employee) => isAdmin(employee) && countsAsStaff(employee))
    .map((employee) => ({ id: employee.id, name: employee.displayName }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}

/** A colleague counts as in the division only while they are staff (a leaver keeps the role on record, not the desk). */
const assigneeOf = (employee: Employee | undefined, id: string): TicketActor => ({
  ...actorOf(employee, id),
  isAdmin: isAdmin(employee) && employee !== undefined && countsAsStaff(employee),
});

/**
 * DX相談 as employees and デジタル推進課 use it, in chat, in the channel and in the tab alike: FAQ first, then a
 * ticket that walks through the state machine in tickets.ts. Orchestration only; every rule is in tickets.ts.
 */
export function createConsultationService(deps: ConsultationServiceDeps) {
  const now = () => deps.now?.() ?? new Date();
  const { faq } = deps;

  const divisionColleagues = async () => divisionColleaguesOf(await deps.employees.list());
  const slaSettings = async (): Promise<SlaSettings> => (await deps.desk.getSlaSettings()) ?? DEFAULT_SLA_SETTINGS;

  const numberOf = (ticketNumber: unknown): string => {
    const parsed = parseTicketNumber(ticketNumber);
    if (!parsed) throw ticketNotFound(String(ticketNumber).slice(0, 40));
    return ticketNumber as string;
  };

  /** A ticket as this person may see it: the requester and デジタル推進課 only; for anyone else it does not exist. */
  async function view(viewerId: string, ticketNumber: unknown): Promise<TicketView> {
    const number = numberOf(ticketNumber);
    const [ticket, employee] = await Promise.all([deps.tickets.get(number), deps.employees.get(viewerId)]);
    const viewer = actorOf(employee, viewerId);
    if (!ticket || partiesOf(ticket, viewer).length === 0) throw ticketNotFound(number);
    const history = await deps.tickets.history(number);
    return { ticket, history, viewer, allowedActions: TICKET_ACTIONS.filter((action) => canApply(ticket, action, viewer)) };
  }

  /** Resolves the colleague an assignment names; the domain refuses anyone not in the division. */
  async function commandFor(request: TicketRequest): Promise<TicketCommand> {
    if (request.action !== 'assign' && request.action !== 'reassign') return request;
    const assigneeId = request.assigneeId;
    if (assigneeId === undefined || assigneeId.length === 0) {
      if (request.action === 'assign') return { action: 'assign' };
      return { action: 'reassign', assignee: { id: '', name: '', isAdmin: false } };
    }
    const assignee = assigneeOf(await deps.employees.get(assigneeId), assigneeId);
    return { action: request.action, assignee };
  }

  return {
    view,

    /** デジタル推進課's current members (staff only), by name: who a ticket can be assigned to. */
    async colleagues(adminId: string): Promise<DivisionColleague[]> {
      await adminCheck(deps.employees)(adminId);
      return divisionColleagues();
    },

    /**
     * Whether a channel turn may see or act on desk cards: an admin, in the configured desk channel. Ticket numbers
     * are sequential, so anything else (another channel, a non-admin in the desk) is refused before a ticket is read,
     * and the refusal carries nothing of any ticket (issue 14).
     */
    async assertDeskChannel(actorId: string | undefined, conversationId: string): Promise<void> {
      const [actor, desk] = await Promise.all([actorId ? deps.employees.get(actorId) : undefined, deps.desk.getDesk()]);
      if (!isAdmin(actor) || !desk || desk.conversationId !== conversationId) throw deskOnly();
    },

    /** A ticket as the desk channel shows it to デジタル推進課 there; callers check assertDeskChannel first. */
    async deskView(ticketNumber: unknown): Promise<{ ticket: Ticket; history: TicketHistoryEntry[]; colleagues: DivisionColleague[]; sla: SlaClock }> {
      const number = numberOf(ticketNumber);
      const [ticket, history, colleagues, settings] = await Promise.all([deps.tickets.get(number), deps.tickets.history(number), divisionColleagues(), slaSettings()]);
      if (!ticket) throw ticketNotFound(number);
      return { ticket, history, colleagues, sla: slaClockOf(ticket, settings, now()) };
    },

    /** The best FAQ answers to a free-text question; counted as shown when any came back. */
    async answer(question: string): Promise<FaqEntry[]> {
      const entries = await faq.search(question, FAQ_ANSWERS_SHOWN);
      if (entries.length > 0) await deps.desk.recordFaqShown(now());
      return entries;
    },

    /** 「解決しました」 on an FAQ card: counts for the entries it showed (ids not in the FAQ are ignored) and returns them. */
    async faqResolved(faqIds: readonly string[]): Promise<FaqEntry[]> {
      const known = await faq.entriesByIds([...new Set(faqIds)]);
      await deps.desk.recordFaqResolved(known.map((entry) => entry.id), now());
      return known;
    },

    /**
     * 「FAQにする」: a draft FAQ entry from a resolved request, with the requester's name and personal details
     * taken out, for デジタル推進課 to edit before publishing (nothing is stored until they do).
     */
    async faqDraft(adminId: string, ticketNumber: unknown): Promise<FaqDraft> {
      await adminCheck(deps.employees)(adminId);
      const number = numberOf(ticketNumber);
      const ticket = await deps.tickets.get(number);
      if (!ticket) throw ticketNotFound(number);
      const requester = await deps.employees.get(ticket.requesterId);
      return draftFaqFromTicket(ticket, { displayName: requester?.displayName ?? ticket.requesterName, email: requester?.email, staffNumber: requester?.staffNumber });
    },

    /**
     * Files a request from the form. A second submit of the same form (same submissionId) returns the first ticket
     * with created false. Throws InvalidConsultationInputError naming the field to fix.
     */
    async file(requesterOrId: string | Employee, raw: unknown, submissionId: string | undefined) {
      const input = parseConsultationInput(raw);
      // A chat turn read the requester's record already (its scope's profile): no second read of the same row.
      const requester = typeof requesterOrId === 'string' ? await deps.employees.get(requesterOrId) : requesterOrId;
      const requesterId = typeof requesterOrId === 'string' ? requesterOrId : requesterOrId.id;
      if (!requester) throw new AppError('not-found', { detail: `no employee ${requesterId}` });
      const at = now();
      // The repository may build more than once (a lost race for the number); the last build is what it stored.
      let built: TicketChange | undefined;
      const { ticket, created } = await deps.tickets.create({
        year: ticketYearOf(at),
        requesterId: requester.id,
        submissionId,
        build: (ticketNumber) => (built = openTicket(input, { id: requester.id, name: requester.displayName }, ticketNumber, at)),
      });
      const deskConfigured = created && built ? await deps.notifier.ticketFiled(built) : (await deps.desk.getDesk()) !== undefined;
      return { ticket, created, deskConfigured };
    },

    /**
     * One action by one person. The actor comes from the verified identity only; on the desk (channel, admin tab)
     * only admins may act. A card drawn from an older version is refused (assertCurrentVersion) before the rules run,
     * so a stale click never applies; a forbidden actor is told so even on a stale card.
     */
    async act(actorId: string, ticketNumber: unknown, request: TicketRequest, options: { expectedVersion?: number | undefined; origin: ActionOrigin }): Promise<TicketChange> {
      const number = numberOf(ticketNumber);
      const actor = actorOf(await deps.employees.get(actorId), actorId);
      if (options.origin === 'desk' && !actor.isAdmin) throw deskOnly();
      const command = await commandFor(request);
      const change = await deps.tickets.transition(number, (current) => {
        const rule = TICKET_TRANSITIONS[command.action];
        const parties = partiesOf(current, actor);
        if (parties.length === 0) throw ticketNotFound(number);
        if (parties.some((party) => rule.by.includes(party))) assertCurrentVersion(current, options.expectedVersion);
        return applyTransition(current, command, actor, now());
      });
      await deps.notifier.ticketChanged(change);
      return change;
    },

    /** 「相談状況」 and 私の相談: the requester's own tickets, newest first. */
    mine: (requesterId: string) => deps.tickets.listByRequester(requesterId),

    /** The desk's queue with counts over every ticket, for デジタル推進課 only. */
    async queue(adminId: string, filter: QueueFilter = {}) {
      await adminCheck(deps.employees)(adminId);
      const all = await deps.tickets.listByStatus(TICKET_STATUSES);
      const byStatus = Object.fromEntries(TICKET_STATUSES.map((status) => [status, 0])) as Record<TicketStatus, number>;
      const byCategory = Object.fromEntries(CONSULTATION_CATEGORIES.map((category) => [category, 0])) as Record<ConsultationCategory, number>;
      const assignees = new Map<string, { id: string | undefined; name: string | undefined; count: number }>();
      for (const ticket of all) {
        byStatus[ticket.status]++;
        byCategory[ticket.category]++;
        const key = ticket.assigneeId ?? '';
        const entry = assignees.get(key) ?? { id: ticket.assigneeId, name: ticket.assigneeName, count: 0 };
        entry.count++;
        assignees.set(key, entry);
      }
      const statuses = new Set(filter.statuses && filter.statuses.length > 0 ? filter.statuses : OPEN_STATUSES);
      const assignee = filter.assignee === 'me' ? adminId : filter.assignee;
      const settings = await slaSettings();
      const at = now();
      const withClocks = (ticket: Ticket): QueueTicket => {
        const sla = slaClockOf(ticket, settings, at);
        return { ...ticket, sla, overdue: isOverdue(sla, ticket.status) };
      };
      const tickets = all.map(withClocks).filter(
        (ticket) =>
          statuses.has(ticket.status) &&
          (!filter.category || ticket.category === filter.category) &&
          (!assignee || (assignee === 'unassigned' ? !ticket.assigneeId : ticket.assigneeId === assignee)) &&
          (!filter.overdue || ticket.overdue),
      );
      const counts: QueueCounts = { byStatus, byCategory, byAssignee: [...assignees.values()].sort((a, b) => b.count - a.count) };
      return { tickets, counts, total: all.length };
    },

    /** The SLA settings in force (the defaults until an admin saves some). */
    async slaSettings(adminId: string): Promise<SlaSettings> {
      await adminCheck(deps.employees)(adminId);
      return slaSettings();
    },

    /** An admin's new SLA settings: hours ≤ 0 (or not numbers) are refused and nothing is saved. */
    async updateSlaSettings(adminId: string, raw: unknown): Promise<SlaSettings> {
      const admin = await adminCheck(deps.employees)(adminId);
      const input = parseSlaSettings(raw);
      const settings: SlaSettings = { ...input, updatedBy: admin.displayName, updatedAt: now().toISOString() };
      await deps.desk.saveSlaSettings(settings);
      return settings;
    },

    /** 「相談窓口に設定」 in a channel: only デジタル推進課 may point the desk at a channel. */
    async setDesk(actorId: string, channel: { conversationId: string; reference: Record<string, unknown> }) {
      const actor = await deps.employees.get(actorId);
      if (!isAdmin(actor)) throw deskOnly();
      const desk = { ...channel, setBy: actorId, setAt: now().toISOString() };
      await deps.desk.saveDesk(desk);
      return desk;
    },

    async faqStatistics(adminId: string) {
      await adminCheck(deps.employees)(adminId);
      const [statistics, stored] = await Promise.all([deps.desk.faqStatistics(), faq.all()]);
      const entries = stored.map((entry) => ({ id: entry.id, question: entry.question, resolved: statistics.resolvedByEntry[entry.id] ?? 0 }));
      return { shown: statistics.shown, resolved: statistics.resolved, entries: entries.sort((a, b) => b.resolved - a.resolved) };
    },

    /**
     * The hourly re-post (and the one at start): every open ticket whose desk card never reached the channel (a crash
     * between filing and posting, or Teams refusing it for good) is queued for the channel at its pace and posted
     * once across instances.
     */
    async repostMissingDeskCards(): Promise<number> {
      return deps.notifier.postMissingDeskCards(await deps.tickets.listByStatus(OPEN_STATUSES));
    },

    /**
     * The scheduled SLA check: each clock that ran out on an open ticket gets one reminder (to the assignee, or the
     * desk when nobody holds it), claimed first so two instances never both send it; a claim whose reminder is not
     * sent after all is given back for the next run. Returns how many were claimed and handed over.
     */
    async sendSlaReminders(at: Date = now()): Promise<number> {
      const settings = await slaSettings();
      let sent = 0;
      for (const ticket of await deps.tickets.listByStatus(OPEN_STATUSES)) {
        const clock = slaClockOf(ticket, settings, at);
        for (const which of slaRemindersDue(ticket, clock)) {
          if (!(await deps.tickets.claimSlaReminder(ticket.number, which, at))) continue;
          await deps.notifier.slaReminder(ticket, which, clock, () => deps.tickets.releaseReminder(ticket.number, which, at));
          sent++;
        }
      }
      return sent;
    },

    /**
     * The scheduled check: every ticket still new 2 business days after filing gets one reminder in the channel.
     * Each is claimed first (ETag-guarded), so two instances running the job never both remind; claims whose
     * reminder is not posted after all (see ConsultationNotifier.unassignedReminder) are given back.
     */
    async sendUnassignedReminders(at: Date = now()): Promise<number> {
      const due = (await deps.tickets.listByStatus(['new'])).filter((ticket) => needsUnassignedReminder(ticket, at));
      const claimed: Ticket[] = [];
      for (const ticket of due) if (await deps.tickets.claimUnassignedReminder(ticket.number, at)) claimed.push(ticket);
      if (claimed.length > 0) {
        await deps.notifier.unassignedReminder(claimed, async () => void (await Promise.all(claimed.map((ticket) => deps.tickets.releaseReminder(ticket.number, 'unassigned', at)))));
      }
      return claimed.length;
    },
  };
}

export type ConsultationService = ReturnType<typeof createConsultationService>;
