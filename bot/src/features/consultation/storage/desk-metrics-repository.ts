import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { jstYearOf } from '../../../kernel/domain/jst.js';
import { keys } from '../../../kernel/storage/keys.js';
import type { TableStorage } from '../../../kernel/storage/table-storage.js';
import { CONSULTATION_CATEGORIES } from '../domain/categories.js';
import type { ConsultationDeskRepository } from '../domain/consultation-ports.js';
import type { DeskMetricsRepository } from '../domain/desk-metrics-service.js';
import type { MetricsTicket } from '../domain/desk-metrics.js';
import { TICKET_STATUSES, URGENCIES } from '../domain/tickets.js';

const COLUMNS = ['number', 'category', 'urgency', 'status', 'createdAt', 'firstResponseAt', 'resolvedAt', 'rating'] as const;

// Rows may have been edited by hand: enum columns are checked, as the ticket repository does.
const rowSchema = z.object({
  number: z.string(),
  category: z.enum(CONSULTATION_CATEGORIES),
  urgency: z.enum(URGENCIES),
  status: z.enum(TICKET_STATUSES),
  createdAt: z.string(),
  // Rows from before the SLA clocks have no such columns; a projection answers them as null.
  firstResponseAt: z.string().nullish(),
  resolvedAt: z.string().nullish(),
  rating: z.number().nullish(),
});

/**
 * The desk metrics' reads. Tickets: ticket numbers count per JST calendar year of filing (DX-2026-0042), so a fiscal
 * year (April–March) is the row-key range `ticket!DX-2026-` … `ticket!DX-2028-` of the one `consultation` partition
 * (two calendar years at most), narrowed by filing time on the server and projected to the eight columns the
 * metrics read: no history, index or detail text travels. FAQ counters: the fiscal year's own partition.
 */
export function createDeskMetricsRepository(storage: TableStorage, desk: Pick<ConsultationDeskRepository, 'faqMonths'>): DeskMetricsRepository {
  const table = storage.client('Consultations');
  return {
    async ticketsFiledBetween(start, end) {
      const from = keys.consultationTicket(`DX-${jstYearOf(start)}-`);
      const to = keys.consultationTicket(`DX-${jstYearOf(new Date(end.getTime() - 1)) + 1}-`);
      const filter = odata`PartitionKey eq ${from.partitionKey} and RowKey ge ${from.rowKey} and RowKey lt ${to.rowKey} and createdAt ge ${start.toISOString()} and createdAt lt ${end.toISOString()}`;
      const tickets: MetricsTicket[] = [];
      for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: [...COLUMNS] } })) {
        const parsed = rowSchema.parse(row);
        tickets.push({
          ...parsed,
          firstResponseAt: parsed.firstResponseAt || undefined,
          resolvedAt: parsed.resolvedAt || undefined,
          rating: parsed.rating && parsed.rating > 0 ? parsed.rating : undefined,
        });
      }
      return tickets;
    },
    faqMonths: (fiscalYear) => desk.faqMonths(fiscalYear),
  };
}
