import { randomInt, randomUUID } from 'node:crypto';
import { odata, RestError, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { JOB_LEVELS } from '../../../kernel/domain/catalog/job-levels.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { StoredSurveyResponse, SurveyResponseRepository, SurveyRoundRepository, SurveySnapshot } from '../domain/survey-ports.js';
import { surveyRoundNotFound, type SurveyRound } from '../domain/survey-rounds.js';
import { keys } from '../../../kernel/storage/keys.js';
import { createSurveyPseudonyms, type SurveyPseudonyms } from './survey-pseudonyms.js';
import { withEtagRetry } from '../../../kernel/storage/etag-update.js';
import { createReadCache } from '../../../kernel/storage/read-cache.js';
import { getEntityOrUndefined, listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';

interface RoundEntity {
  roundJson: string;
}

const roundSchema = z.object({
  id: z.string(),
  kind: z.enum(['annual', 'pulse']),
  fiscalYear: z.number().int(),
  questionIds: z.array(z.string()),
  opensAt: z.string(),
  closesAt: z.string(),
  audience: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('everyone') }),
    z.object({ kind: z.literal('departments'), departmentIds: z.array(z.string()) }),
    z.object({ kind: z.literal('job-levels'), jobLevels: z.array(z.enum(JOB_LEVELS)) }),
  ]),
  reminderDaysBeforeClose: z.array(z.number().int()),
  status: z.enum(['draft', 'started', 'cancelled']),
  createdBy: z.string(),
  createdAt: z.string(),
  remindersSent: z.array(z.string()).optional(),
});

const toRound = (entity: RoundEntity): SurveyRound => roundSchema.parse(JSON.parse(entity.roundJson));
const claims = (round: SurveyRound) => round.kind === 'annual' && round.status !== 'cancelled';

/** Rounds live in one small partition with their annual claims, so a round and its claim change in one transaction. */
export function createSurveyRoundRepository(storage: TableStorage): SurveyRoundRepository {
  const table = storage.client('SurveyRounds');
  const roundEntity = (round: SurveyRound) => ({ ...keys.surveyRound(round.id), roundJson: JSON.stringify(round) });
  const list = async () => {
    const rows = await listAll<RoundEntity>(table, odata`PartitionKey eq ${'round'} and RowKey gt ${'round-'} and RowKey lt ${'round.'}`);
    return rows.map(toRound).sort((a, b) => a.opensAt.localeCompare(b.opensAt));
  };
  // Every 送信 reads its round: once per instance per TTL. A start, cancel or edit through this instance forgets it.
  const rounds = createReadCache<SurveyRound | undefined>({ maxEntries: 100 });
  return {
    get(roundId) {
      return rounds.get(roundId, async () => {
        const entity = await getEntityOrUndefined<RoundEntity>(table, keys.surveyRound(roundId));
        return entity && toRound(entity);
      });
    },
    list,
    async create(decide) {
      return withEtagRetry('new survey round', 'contended', async () => {
        const round = decide(await list());
        const actions: TransactionAction[] = [['create', roundEntity(round)]];
        if (claims(round)) actions.push(['create', { ...keys.annualSurveyClaim(round.fiscalYear), roundId: round.id }]);
        await table.submitTransaction(actions);
        rounds.invalidate(round.id);
        return round;
      });
    },
    async update(roundId, change) {
      return withEtagRetry(`survey round ${roundId}`, 'contended', async () => {
        const entity = await getEntityOrUndefined<RoundEntity>(table, keys.surveyRound(roundId));
        if (!entity) {
          throw surveyRoundNotFound(roundId);
        }
        const current = toRound(entity);
        const next = change(current);
        const actions: TransactionAction[] = [['update', roundEntity(next), 'Replace', { etag: entity.etag }]];
        if (claims(current) && !claims(next)) actions.push(['delete', keys.annualSurveyClaim(current.fiscalYear)]);
        await table.submitTransaction(actions);
        rounds.invalidate(roundId);
        return next;
      });
    },
    async latestSnapshot(roundId) {
      const entity = await getEntityOrUndefined<SnapshotEntity>(table, keys.surveySnapshot(roundId));
      return entity && (JSON.parse(entity.snapshotJson) as SurveySnapshot);
    },
    async saveSnapshot(snapshot) {
      await table.upsertEntity<SnapshotEntity>({ ...keys.surveySnapshot(snapshot.roundId), snapshotJson: JSON.stringify(snapshot) }, 'Replace');
    },
  };
}

/** The published snapshot of a running round: one row per round beside the rounds, replaced by the next. */
interface SnapshotEntity {
  snapshotJson: string;
}

/** SurveyResponses: an answer sheet under a random id, with the groups it may carry and its day (no finer time). */
interface ResponseEntity {
  answersJson: string;
  departmentId: string;
  jobLevel: string;
  submittedOn: string;
}

/** SurveyParticipation: keyed by HMAC(round, employee); holds only the sealed response id. */
interface ParticipationEntity {
  sealedResponseId: string;
}

/** SurveyPending: keyed by another HMAC(round, employee); one sealed value, nothing readable. */
interface PendingEntity {
  sealed: string;
}

const answersSchema = z.record(z.string(), z.number().int().min(1).max(5));
const jobLevelSchema = z.enum(JOB_LEVELS).optional().catch(undefined);
const pendingSchema = z.object({
  participantKey: z.string(),
  answers: answersSchema,
  departmentId: z.string().optional(),
  jobLevel: z.enum(JOB_LEVELS).optional(),
  submittedOn: z.string(),
});

const toResponse = (entity: ResponseEntity) => ({
  answers: answersSchema.parse(JSON.parse(entity.answersJson)),
  departmentId: entity.departmentId || undefined,
  jobLevel: jobLevelSchema.parse(entity.jobLevel || undefined),
  submittedOn: entity.submittedOn,
});

interface PendingRef {
  rowKey: string;
  etag: string;
  participantKey: string;
}

// Entity group transactions take at most 100 rows of one partition.
const TRANSACTION_ROWS = 100;

interface KeyCheckEntity {
  sealedCheck: string;
}

/**
 * A participation row at an employee's key whose sealed response id does not open under the round's key (the key
 * check has passed, so the row was edited in the table): using it, or replacing it, would give a second sheet.
 */
class EditedParticipationError extends AppError {
  constructor(roundId: string) {
    super('internal', { detail: `a survey participation row in ${roundId} does not open with the round's key: edited in the table?` });
  }
}

/** Fisher–Yates with a cryptographic source: the order rows are written in says nothing about who came first. */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/**
 * Answers and participation in two tables that only the secret links, and a third where answers wait, sealed.
 * A submission replaces the employee's waiting row (nothing else is written in that turn: the round's key
 * check was stored when it started, see keyOpens). A batch then, for each
 * waiting answer in shuffled order, finds or creates the participation row (create-once: two batches racing
 * follow one row to the same sheet), and writes all the sheets in shuffled order, 100 to a transaction, so an
 * employee never has two sheets in a round and no sheet's write time or position points at its author.
 */
export function createSurveyResponseRepository(storage: TableStorage, options: { secret: string } | { pseudonyms: SurveyPseudonyms }): SurveyResponseRepository {
  const pseudonyms = 'pseudonyms' in options ? options.pseudonyms : createSurveyPseudonyms(options.secret);
  const responses = storage.client('SurveyResponses');
  const participation = storage.client('SurveyParticipation');
  const waiting = storage.client('SurveyPending');
  const rounds = storage.client('SurveyRounds');
  const keyChecks = new Map<string, Promise<void>>();

  /**
   * Refuses unless the configured key is the one this round's pseudonyms were made with. The round's start stores
   * its key check (create-once; a round started before there were checks gets it on first use); each instance then
   * reads it once per round and keeps the answer. Without it a key changed while a round runs goes unnoticed: an
   * employee's participation row is simply not where the new key points, so their next answer would become a second
   * sheet and reminders would go to people who answered.
   */
  function keyOpens(roundId: string): Promise<void> {
    let checked = keyChecks.get(roundId);
    if (!checked) {
      checked = withEtagRetry(`survey key check ${roundId}`, 'turn', async () => {
        const key = keys.surveyKeyCheck(roundId);
        const row = await getEntityOrUndefined<KeyCheckEntity>(rounds, key);
        // Create-once: another instance storing it first (409) makes this read again, and theirs must open too.
        if (!row) {
          await rounds.createEntity<KeyCheckEntity>({ ...key, sealedCheck: pseudonyms.sealKeyCheck(roundId) });
          return;
        }
        if (!pseudonyms.opensKeyCheck(roundId, row.sealedCheck)) {
          throw new AppError('internal', { detail: `the configured survey key is not the one survey round ${roundId} started with (SECRET_SURVEY_KEY changed while it runs?)` });
        }
      });
      keyChecks.set(roundId, checked);
      // A failure (storage unreachable, or the wrong key) is not kept: the next call checks again.
      checked.catch(() => keyChecks.delete(roundId));
    }
    return checked;
  }

  /** The response id this participant's sheet lives under, or undefined when they have not answered. */
  async function responseIdOf(roundId: string, participantKey: string): Promise<string | undefined> {
    const row = await getEntityOrUndefined<ParticipationEntity>(participation, keys.surveyParticipation(roundId, participantKey));
    if (!row) return undefined;
    const responseId = pseudonyms.openResponseId(roundId, participantKey, row.sealedResponseId);
    // The round's key check has passed, so only a row edited in the table gets here; carrying on would give the
    // employee a second sheet.
    if (!responseId) throw new EditedParticipationError(roundId);
    return responseId;
  }

  /** The participant's response id, creating their participation row the first time (create-once). */
  async function claimResponseId(roundId: string, participantKey: string): Promise<string> {
    return withEtagRetry(`survey participation in ${roundId}`, 'contended', async () => {
      const existing = await responseIdOf(roundId, participantKey);
      if (existing) return existing;
      const responseId = randomUUID();
      await participation.createEntity<ParticipationEntity>({
        ...keys.surveyParticipation(roundId, participantKey),
        sealedResponseId: pseudonyms.sealResponseId(roundId, participantKey, responseId),
      });
      return responseId;
    });
  }

  const openWaiting = (roundId: string, row: PendingEntity & { rowKey?: string; etag?: string }) => {
    const plain = pseudonyms.openPending(roundId, row.rowKey ?? '', row.sealed);
    if (plain === undefined) throw new AppError('internal', { detail: `a waiting survey answer in ${roundId} does not open with the configured secret` });
    return pendingSchema.parse(JSON.parse(plain));
  };

  return {
    prepareRound: keyOpens,
    async submit(submission) {
      const { roundId } = submission;
      const participantKey = pseudonyms.participantKey(roundId, submission.employeeId);
      const pendingKey = pseudonyms.pendingKey(roundId, submission.employeeId);
      const key = keys.surveyPending(roundId, pendingKey);
      // Nothing of the employee's is read: the round's key check (read once per instance) refuses a changed key,
      // a participation row edited in the table holds its answer at the batch, and the upsert replaces whatever
      // answer already waits whole.
      await keyOpens(roundId);
      const plaintext = JSON.stringify({
        participantKey,
        answers: submission.answers,
        departmentId: submission.departmentId,
        jobLevel: submission.jobLevel,
        submittedOn: submission.submittedOn,
      } satisfies z.input<typeof pendingSchema>);
      // Upsert: of twenty taps at once the last one wins whole; a sheet is only ever written from one of them.
      await waiting.upsertEntity<PendingEntity>({ ...key, sealed: pseudonyms.sealPending(roundId, pendingKey, plaintext) }, 'Replace');
    },
    async pending(roundId) {
      await keyOpens(roundId);
      const partitionKey = keys.surveyPending(roundId, '').partitionKey;
      const rows = await listAll<PendingEntity>(waiting, odata`PartitionKey eq ${partitionKey}`);
      return rows.map((row) => {
        const { participantKey, answers, departmentId, jobLevel, submittedOn } = openWaiting(roundId, row);
        const ref: PendingRef = { rowKey: row.rowKey!, etag: row.etag, participantKey };
        return { ref, answers, departmentId, jobLevel, submittedOn };
      });
    },
    async writeBatch(roundId, batch) {
      if (batch.length === 0) return 0;
      await keyOpens(roundId);
      const order = shuffled(batch);
      const sheets: TransactionAction[] = [];
      const written: typeof order = [];
      for (const entry of order) {
        const { pending, groups } = entry;
        const responseId = await claimResponseId(roundId, (pending.ref as PendingRef).participantKey).catch((error: unknown) => {
          // A participation row that does not open under the round's key was edited in the table: its answer is
          // held (it stays waiting) rather than written as a second sheet, and nobody else's waits for it.
          if (error instanceof EditedParticipationError) return undefined;
          throw error;
        });
        if (!responseId) continue;
        written.push(entry);
        sheets.push([
          'upsert',
          {
            ...keys.surveyResponse(roundId, responseId),
            answersJson: JSON.stringify(pending.answers),
            departmentId: groups.departmentId ?? '',
            jobLevel: groups.jobLevel ?? '',
            submittedOn: pending.submittedOn,
          } satisfies ResponseEntity & { partitionKey: string; rowKey: string },
          'Replace',
        ]);
      }
      for (let start = 0; start < sheets.length; start += TRANSACTION_ROWS) await responses.submitTransaction(sheets.slice(start, start + TRANSACTION_ROWS));
      // A newer submission replaced the waiting row meanwhile (its ETag moved): it stays for the next batch.
      await Promise.all(
        written.map(async ({ pending }) => {
          const ref = pending.ref as PendingRef;
          try {
            await waiting.deleteEntity(keys.surveyPending(roundId, '').partitionKey, ref.rowKey, { etag: ref.etag });
          } catch (error) {
            if (!(error instanceof RestError) || (error.statusCode !== 404 && error.statusCode !== 412)) throw error;
          }
        }),
      );
      return written.length;
    },
    async findOwn(roundId, employeeId) {
      await keyOpens(roundId);
      const waitingRow = await getEntityOrUndefined<PendingEntity>(waiting, keys.surveyPending(roundId, pseudonyms.pendingKey(roundId, employeeId)));
      if (waitingRow) {
        const { answers, departmentId, jobLevel, submittedOn } = openWaiting(roundId, waitingRow);
        return { answers, departmentId, jobLevel, submittedOn, waiting: true } satisfies StoredSurveyResponse;
      }
      const responseId = await responseIdOf(roundId, pseudonyms.participantKey(roundId, employeeId));
      if (!responseId) return undefined;
      const entity = await getEntityOrUndefined<ResponseEntity>(responses, keys.surveyResponse(roundId, responseId));
      return entity && ({ ...toResponse(entity), waiting: false } satisfies StoredSurveyResponse);
    },
    async notAnswered(roundId, employeeIds) {
      await keyOpens(roundId);
      const answered = new Set<string>();
      const partitionKey = keys.surveyParticipation(roundId, '').partitionKey;
      for await (const row of participation.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] } })) {
        if (row.rowKey) answered.add(row.rowKey);
      }
      const waitingRows = await listAll<PendingEntity>(waiting, odata`PartitionKey eq ${keys.surveyPending(roundId, '').partitionKey}`);
      for (const row of waitingRows) answered.add(openWaiting(roundId, row).participantKey);
      return employeeIds.filter((employeeId) => !answered.has(pseudonyms.participantKey(roundId, employeeId)));
    },
    async listResponses(roundId) {
      const partitionKey = keys.surveyResponse(roundId, '').partitionKey;
      const rows = await listAll<ResponseEntity>(responses, odata`PartitionKey eq ${partitionKey}`);
      return rows.map(toResponse);
    },
  };
}
