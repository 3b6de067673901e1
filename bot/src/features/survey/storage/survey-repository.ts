import { randomUUID } from 'node:crypto';
import { odata, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { JOB_LEVELS } from '../../../kernel/domain/catalog/job-levels.js';
import { AppError } from '../../../kernel/domain/errors.js';
import type { StoredSurveyResponse, SurveyResponseRepository, SurveyRoundRepository } from '../domain/survey-ports.js';
import { surveyRoundNotFound, type SurveyRound } from '../domain/survey-rounds.js';
import { keys } from '../../../kernel/storage/keys.js';
import { createSurveyPseudonyms, type SurveyPseudonyms } from './survey-pseudonyms.js';
import { replaceOrCreate, withEtagRetry } from '../../../kernel/storage/etag-update.js';
import { createReadCache } from '../../../kernel/storage/read-cache.js';
import { getEntityOrUndefined, listAll, type TableStorage } from '../../../kernel/storage/table-storage.js';

// Twenty taps on 送信 at once lose up to nineteen races for the last writer; each retry is two point reads.

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
  };
}

/** SurveyResponses: an answer sheet under a random id, with department and job level for the breakdowns. */
interface ResponseEntity {
  answersJson: string;
  departmentId: string;
  jobLevel: string;
  submittedAt: string;
}

/** SurveyParticipation: keyed by HMAC(round, employee); holds only the sealed response id. */
interface ParticipationEntity {
  sealedResponseId: string;
}

const answersSchema = z.record(z.string(), z.number().int().min(1).max(5));
const jobLevelSchema = z.enum(JOB_LEVELS).optional().catch(undefined);

const toResponse = (entity: ResponseEntity) => ({
  answers: answersSchema.parse(JSON.parse(entity.answersJson)),
  departmentId: entity.departmentId || undefined,
  jobLevel: jobLevelSchema.parse(entity.jobLevel || undefined),
  submittedAt: entity.submittedAt,
});

/**
 * Answers and participation in two tables that only the secret links. Submitting creates the participation row
 * first (create-once: of twenty simultaneous first submissions exactly one wins, the rest find its row and
 * follow it to the same answer sheet), then creates or ETag-replaces the answer sheet it points to, so an
 * employee never has two sheets in a round.
 */
export function createSurveyResponseRepository(storage: TableStorage, options: { secret: string } | { pseudonyms: SurveyPseudonyms }): SurveyResponseRepository {
  const pseudonyms = 'pseudonyms' in options ? options.pseudonyms : createSurveyPseudonyms(options.secret);
  const responses = storage.client('SurveyResponses');
  const participation = storage.client('SurveyParticipation');

  /** The response id this participant's sheet lives under, or undefined when they have not answered. */
  async function responseIdOf(roundId: string, participantKey: string): Promise<string | undefined> {
    const row = await getEntityOrUndefined<ParticipationEntity>(participation, keys.surveyParticipation(roundId, participantKey));
    if (!row) return undefined;
    const responseId = pseudonyms.openResponseId(roundId, participantKey, row.sealedResponseId);
    // Only a changed secret or an edited row gets here; carrying on would give the employee a second sheet.
    if (!responseId) throw new AppError('internal', { detail: `survey participation in ${roundId} does not open with the configured secret` });
    return responseId;
  }

  return {
    async submit(submission) {
      const { roundId } = submission;
      const participantKey = pseudonyms.participantKey(roundId, submission.employeeId);
      return withEtagRetry(`survey response in ${roundId}`, 'contended', async () => {
        let responseId = await responseIdOf(roundId, participantKey);
        if (!responseId) {
          responseId = randomUUID();
          await participation.createEntity<ParticipationEntity>({
            ...keys.surveyParticipation(roundId, participantKey),
            sealedResponseId: pseudonyms.sealResponseId(roundId, participantKey, responseId),
          });
        }
        const sheetKey = keys.surveyResponse(roundId, responseId);
        const existing = await getEntityOrUndefined<ResponseEntity>(responses, sheetKey);
        const sheet = {
          ...sheetKey,
          answersJson: JSON.stringify(submission.answers),
          departmentId: submission.departmentId ?? '',
          jobLevel: submission.jobLevel ?? '',
          submittedAt: submission.submittedAt,
        };
        await replaceOrCreate<ResponseEntity>(responses, sheet, existing?.etag);
        return { responseId, replaced: Boolean(existing) };
      });
    },
    async findOwn(roundId, employeeId) {
      const responseId = await responseIdOf(roundId, pseudonyms.participantKey(roundId, employeeId));
      if (!responseId) return undefined;
      const entity = await getEntityOrUndefined<ResponseEntity>(responses, keys.surveyResponse(roundId, responseId));
      return entity && ({ ...toResponse(entity), responseId } satisfies StoredSurveyResponse);
    },
    async notAnswered(roundId, employeeIds) {
      const answered = new Set<string>();
      const partitionKey = keys.surveyParticipation(roundId, '').partitionKey;
      for await (const row of participation.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] } })) {
        if (row.rowKey) answered.add(row.rowKey);
      }
      return employeeIds.filter((employeeId) => !answered.has(pseudonyms.participantKey(roundId, employeeId)));
    },
    async listResponses(roundId) {
      const partitionKey = keys.surveyResponse(roundId, '').partitionKey;
      const rows = await listAll<ResponseEntity>(responses, odata`PartitionKey eq ${partitionKey}`);
      return rows.map(toResponse);
    },
  };
}
