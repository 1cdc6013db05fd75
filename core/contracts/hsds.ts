import { z } from 'zod';

const localizedTextSchema = z.object({ fr: z.string(), en: z.string() });

/** Query of an HSDS import: the body is the file itself (JSON, a zip of CSV files, or one CSV). */
export const hsdsImportQuerySchema = z.strictObject({
  /** Check and report only; nothing is written. */
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  /** The publisher: with each record's HSDS id, what makes a second import update, not duplicate. */
  source: z.string().trim().min(1).max(120).optional(),
  /** The file's name, kept in the audit log; the source defaults to it. */
  filename: z.string().trim().min(1).max(255).optional(),
});

const hsdsImportActions = ['create', 'update', 'reject'] as const;

const importRowSchema = z.object({
  /** Where the record is in the file: "contents[3]", "services.csv, ligne 5". */
  where: localizedTextSchema,
  externalId: z.string().nullable(),
  name: z.string().nullable(),
  organisation: z.string().nullable(),
  action: z.enum(hsdsImportActions),
  /** Why a record is rejected. */
  reasons: z.array(localizedTextSchema),
  /** What was left aside or guessed in a record that is still imported. */
  warnings: z.array(localizedTextSchema),
});
export type HsdsImportRow = z.infer<typeof importRowSchema>;

export const hsdsImportReportSchema = z.object({
  dryRun: z.boolean(),
  source: z.string(),
  format: z.enum(['json', 'csv']),
  counts: z.object({ created: z.number(), updated: z.number(), rejected: z.number() }),
  organisations: z.object({ created: z.number(), updated: z.number() }),
  rows: z.array(importRowSchema),
});
export type HsdsImportReport = z.infer<typeof hsdsImportReportSchema>;

/** The OpenAPI shape of the JSON export (each item is a full HSDS 3.0 `service`). */
export const hsdsServicePageSchema = z.object({
  total_items: z.number(),
  total_pages: z.number(),
  page_number: z.number(),
  size: z.number(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(z.record(z.string(), z.unknown())),
});
