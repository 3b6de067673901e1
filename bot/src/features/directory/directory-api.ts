import { z } from 'zod';

const placementSchema = z.object({ division: z.string(), section: z.string(), jobLevel: z.enum(['general', 'chief', 'manager']) });

export const staffEntrySchema = z.object({
  staffNumber: z.string(),
  name: z.string(),
  division: z.string(),
  section: z.string(),
  jobLevel: z.enum(['general', 'chief', 'manager']),
  upn: z.string(),
  status: z.enum(['active', 'on-leave', 'left']),
});
export type StaffEntryView = z.infer<typeof staffEntrySchema>;

const staffChangeSchema = z.object({ before: staffEntrySchema, after: staffEntrySchema });

/** The answer of POST /api/tab/admin/roster, preview (?dryRun=1) or apply: what the file does, or every bad line. */
export const rosterImportSchema = z.object({
  dryRun: z.boolean(),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'shift_jis']).nullable(),
  effectiveDate: z.string(),
  added: z.array(staffEntrySchema),
  changed: z.array(staffChangeSchema),
  transferred: z.array(staffChangeSchema),
  deactivated: z.array(staffChangeSchema),
  unchanged: z.number(),
  transfers: z.array(z.object({ staffNumber: z.string(), name: z.string(), from: placementSchema, to: placementSchema, effectiveDate: z.string() })),
  errors: z.array(z.object({ line: z.number(), column: z.string().nullable(), message: z.string() })),
  rowsWritten: z.number(),
});
export type RosterImportView = z.infer<typeof rosterImportSchema>;

/** The 職層 mapping table the admin sees beside the upload. */
export const jobLevelSpellingsSchema = z.object({
  spellings: z.array(z.object({ jobLevel: z.enum(['general', 'chief', 'manager']), label: z.string(), spellings: z.array(z.string()) })),
});

export const directoryAuditSchema = z.object({
  entries: z.array(z.object({ at: z.string(), actorName: z.string(), action: z.string(), detail: z.string() })),
});

/** DX推進委員 per 課 for the admin: the current one and the section's active staff to choose from. */
export const promotersSchema = z.object({
  sections: z.array(
    z.object({
      department: z.object({ id: z.string(), name: z.string() }),
      promoter: z.object({ staffNumber: z.string(), name: z.string() }).nullable(),
      candidates: z.array(z.object({ staffNumber: z.string(), name: z.string() })),
    }),
  ),
});

export const setupSchema = z.object({ hasAdmin: z.boolean() });
