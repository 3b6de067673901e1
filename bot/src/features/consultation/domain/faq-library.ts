import { adminCheck } from '../../../kernel/domain/access.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { EmployeeRepository } from '../../../kernel/domain/ports.js';
import { FAQ_ENTRIES, type FaqEntry } from './faq-entries.js';
import type { FaqRepository, FaqSnapshot, FaqWrite } from './faq-ports.js';
import { faqChanges, validateFaqContent, type FaqContent, type FaqHistoryEntry, type FaqInput, type StoredFaqEntry } from './faq-rules.js';
import { createFaqSearch, type FaqSearch } from './faq-search.js';

export interface FaqLibraryDeps {
  repository: FaqRepository;
  employees: EmployeeRepository;
  /** Bytes of the FAQ card built from this content in its worst case (cards/faq-answer-card.ts measures it). */
  cardBytes: (content: FaqContent) => number;
  /** The shipped entries loaded once (faq-entries.ts). */
  seed?: readonly FaqEntry[];
  now?: () => Date;
  newId: () => string;
}

/** Who the shipped entries are attributed to in the history. */
export const SEED_ACTOR = { id: 'seed', name: '初期データ' } as const;

const notFound = (id: string) =>
  new AppError('not-found', { detail: `no faq entry ${id}`, userMessage: { ja: 'このFAQ項目は見つかりませんでした。', en: 'This FAQ entry was not found.' } });

const staleEdit = (id: string) =>
  new AppError('concurrency-conflict', {
    detail: `stale edit of faq entry ${id}`,
    userMessage: {
      ja: 'このFAQ項目はほかの人が先に変更しました。一覧を読み込み直してから、もう一度編集してください。',
      en: 'Someone else changed this FAQ entry first. Reload the list and edit it again.',
    },
  });

const live = (entries: readonly StoredFaqEntry[]) => entries.filter((entry) => entry.status === 'active');
const contentOf = (entry: FaqEntry): FaqInput => ({ category: entry.category, question: entry.question, answer: entry.answer, keywords: entry.keywords });

/**
 * The FAQ as a service: the chat's search over the live entries, and デジタル推進課's edits from the tab. Every
 * instance keeps a search index built from one generation of the FAQ and rebuilds it when the generation it reads
 * (through a short shared-read cache) has moved, so an edit made on any instance is answered everywhere within
 * that cache's lifetime.
 */
export function createFaqLibrary(deps: FaqLibraryDeps) {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  let built: { generation: number; entries: StoredFaqEntry[]; byId: Map<string, StoredFaqEntry>; search: FaqSearch } | undefined;
  let building: Promise<NonNullable<typeof built>> | undefined;

  const build = (snapshot: FaqSnapshot) => ({
    generation: snapshot.generation,
    entries: snapshot.entries,
    byId: new Map(snapshot.entries.map((entry) => [entry.id, entry])),
    search: createFaqSearch(live(snapshot.entries)),
  });

  /** The index for the newest generation this instance knows of; one rebuild at a time, shared by every caller. */
  async function current() {
    const generation = await deps.repository.generation();
    if (built && built.generation >= generation) return built;
    building ??= deps.repository
      .snapshot()
      .then((snapshot) => {
        if (!built || snapshot.generation > built.generation) built = build(snapshot);
        return built;
      })
      .finally(() => (building = undefined));
    return building;
  }

  /**
   * One change by an admin. `decide` returns the write, or the entry as it stands when there is nothing to write
   * (an edit that changed nothing, retiring what is retired); either way the caller gets the entry.
   */
  async function write(adminId: string, decide: (snapshot: FaqSnapshot, actor: { id: string; name: string }) => FaqWrite | StoredFaqEntry): Promise<StoredFaqEntry> {
    const admin = await adminCheck(deps.employees)(adminId);
    let unchanged: StoredFaqEntry | undefined;
    const written = await deps.repository.change((snapshot) => {
      const decided = decide(snapshot, { id: admin.id, name: admin.displayName });
      if ('history' in decided) return decided;
      unchanged = decided;
      return undefined;
    });
    return written?.entry ?? unchanged!;
  }

  /** The history row of a change: the entry as it became, who made it (by name as well, as it was then), and what changed. */
  const historyOf = (entry: StoredFaqEntry, actor: { name: string }, action: FaqHistoryEntry['action'], changes: FaqHistoryEntry['changes']): FaqHistoryEntry => ({
    entryId: entry.id,
    version: entry.version,
    at: entry.updatedAt,
    actorId: entry.updatedBy,
    actorName: actor.name,
    action,
    changes,
  });

  function existing(snapshot: FaqSnapshot, id: string, version: number): StoredFaqEntry {
    const entry = snapshot.entries.find((candidate) => candidate.id === id);
    if (!entry) throw notFound(id);
    if (entry.version !== version) throw staleEdit(id);
    return entry;
  }

  const validate = (input: FaqInput, snapshot: FaqSnapshot, exceptId?: string) =>
    validateFaqContent(input, { others: live(snapshot.entries).filter((entry) => entry.id !== exceptId), cardBytes: deps.cardBytes });

  return {
    /** Loads the shipped entries the first time the app ever starts on this storage; later starts change nothing. */
    async seed(): Promise<boolean> {
      const at = now();
      const writes = (deps.seed ?? FAQ_ENTRIES).map((entry): FaqWrite => {
        const stored: StoredFaqEntry = { ...entry, keywords: [...entry.keywords], status: 'active', version: 1, createdAt: at, createdBy: SEED_ACTOR.id, updatedAt: at, updatedBy: SEED_ACTOR.id };
        return { entry: stored, history: historyOf(stored, SEED_ACTOR, 'seed', faqChanges(undefined, stored)) };
      });
      return deps.repository.seedOnce(writes);
    },

    /** The best live entries for a free-text question, best first. */
    async search(question: string, limit: number): Promise<FaqEntry[]> {
      return (await current()).search.search(question, limit).map((hit) => hit.entry);
    },

    /** The entries with these ids (live or retired: a card read before a retirement still counts), in that order. */
    async entriesByIds(ids: readonly string[]): Promise<StoredFaqEntry[]> {
      const { byId } = await current();
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    /** Every entry, live and retired. */
    async all(): Promise<StoredFaqEntry[]> {
      return (await current()).entries;
    },

    async list(adminId: string): Promise<FaqSnapshot> {
      await adminCheck(deps.employees)(adminId);
      return deps.repository.snapshot();
    },

    /** The content as it would be stored, or the refusal an admin would get on saving it. */
    async preview(adminId: string, input: FaqInput, entryId?: string): Promise<FaqContent> {
      await adminCheck(deps.employees)(adminId);
      return validate(input, await deps.repository.snapshot(), entryId);
    },

    async create(adminId: string, input: FaqInput): Promise<StoredFaqEntry> {
      return write(adminId, (snapshot, actor) => {
        const at = now();
        const content = validate(input, snapshot);
        const entry: StoredFaqEntry = { id: deps.newId(), ...content, status: 'active', version: 1, createdAt: at, createdBy: actor.id, updatedAt: at, updatedBy: actor.id };
        return { entry, history: historyOf(entry, actor, 'create', faqChanges(undefined, content)) };
      });
    },

    /** An edit made from `version`; an edit that changes nothing writes nothing and returns the entry as it is. */
    async update(adminId: string, id: string, input: FaqInput, version: number): Promise<StoredFaqEntry> {
      return write(adminId, (snapshot, actor) => {
        const before = existing(snapshot, id, version);
        const content = before.status === 'active' ? validate(input, snapshot, id) : validateFaqContent(input, { others: [], cardBytes: deps.cardBytes });
        const changes = faqChanges(before, content);
        if (changes.length === 0) return before;
        const entry: StoredFaqEntry = { ...before, ...content, version: before.version + 1, updatedAt: now(), updatedBy: actor.id };
        return { entry, history: historyOf(entry, actor, 'update', changes) };
      });
    },

    /** 取り下げ: the bot stops answering with the entry; it stays, with its history and counts, and can come back. */
    async retire(adminId: string, id: string, version: number): Promise<StoredFaqEntry> {
      return write(adminId, (snapshot, actor) => {
        const before = existing(snapshot, id, version);
        if (before.status === 'retired') return before;
        const entry: StoredFaqEntry = { ...before, status: 'retired', version: before.version + 1, updatedAt: now(), updatedBy: actor.id };
        return { entry, history: historyOf(entry, actor, 'retire', [{ field: 'status', before: 'active', after: 'retired' }]) };
      });
    },

    /** 再公開: a retired entry answers again, unless a live entry now asks the same question. */
    async restore(adminId: string, id: string, version: number): Promise<StoredFaqEntry> {
      return write(adminId, (snapshot, actor) => {
        const before = existing(snapshot, id, version);
        if (before.status === 'active') return before;
        validate(contentOf(before), snapshot, id);
        const entry: StoredFaqEntry = { ...before, status: 'active', version: before.version + 1, updatedAt: now(), updatedBy: actor.id };
        return { entry, history: historyOf(entry, actor, 'restore', [{ field: 'status', before: 'retired', after: 'active' }]) };
      });
    },

    async history(adminId: string, id: string): Promise<FaqHistoryEntry[]> {
      await adminCheck(deps.employees)(adminId);
      return deps.repository.history(id);
    },
  };
}

export type FaqLibrary = ReturnType<typeof createFaqLibrary>;
