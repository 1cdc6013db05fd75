/**
 * Reports (issue 8, points 1 and 2): templates that name indicators, a grouping and a period type,
 * and the report they produce, ALWAYS as it may leave the server (`showReport`: counts only, cells
 * under the threshold hidden). No names, no ids of people.
 *
 * | method | path                         | body / query                                             | answer                     |
 * | GET    | /api/reports/templates       |                                                          | { items: ReportTemplate[] } |
 * | POST   | /api/reports/templates       | SaveReportTemplate (coordinator, organizer, admin)       | 201 ReportTemplate          |
 * | PATCH  | /api/reports/templates/:id   | UpdateReportTemplate (version; 409 when stale)           | ReportTemplate              |
 * | DELETE | /api/reports/templates/:id   | ?version                                                 | { ok }                      |
 * | GET    | /api/reports/run             | ?templateId&periodType&year|quarter|month|from&to&teamId&neighbourhoodId | ShownReport |
 * | GET    | /api/reports/dashboard       | ?teamId&neighbourhoodId&from&to (custom period)          | ShownReport                 |
 *
 * Who: every signed-in role reads templates and runs reports; a worker or coordinator counts their
 * own teams, an organizer or admin the whole organisation (reports hold no personal data: no
 * stated reason needed). Coordinators, organizers and admins save templates.
 */
import { z } from 'zod';
import { bothLanguages, languages } from '../localized.ts';
import { indicatorCodes, minimumThreshold, reportGroupings } from '../reports/catalogue.ts';
import { figureUnits, periodTypes } from '../reports/shape.ts';

const localized = z.object({ fr: z.string(), en: z.string() });
const day = z.iso.date();

export const reportTemplateSchema = z.object({
  /** A built-in template's id is a word (`dashboard`, `ciusssActivity`, `raqAnnual`); a saved one's a UUID. */
  id: z.string(),
  name: localized,
  indicators: z.array(z.enum(indicatorCodes)),
  grouping: z.enum(reportGroupings),
  periodType: z.enum(periodTypes),
  threshold: z.number().int(),
  builtIn: z.boolean(),
  /** Saved templates only: who made it, and the version to send back when changing it. */
  createdByName: z.string().nullable(),
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type ReportTemplate = z.infer<typeof reportTemplateSchema>;
export const reportTemplateListSchema = z.object({ items: z.array(reportTemplateSchema) });

const thresholdField = z.coerce
  .number()
  .int()
  .refine(
    (value) => value >= minimumThreshold,
    bothLanguages(
      `Le seuil ne peut pas descendre sous ${minimumThreshold}.`,
      `The threshold cannot go below ${minimumThreshold}.`,
    ),
  )
  .refine(
    (value) => value <= 100,
    bothLanguages('Le seuil ne peut pas dépasser 100.', 'The threshold cannot exceed 100.'),
  );

const templateFields = {
  name: z.string().trim().min(1).max(120),
  indicators: z
    .array(z.enum(indicatorCodes))
    .min(1, bothLanguages('Choisissez au moins un indicateur.', 'Choose at least one indicator.'))
    .max(indicatorCodes.length),
  grouping: z.enum(reportGroupings),
  periodType: z.enum(periodTypes),
  threshold: thresholdField,
};

export const saveReportTemplateBodySchema = z.strictObject({
  ...templateFields,
  grouping: templateFields.grouping.default('none'),
  threshold: thresholdField.default(minimumThreshold),
});
export type SaveReportTemplate = z.infer<typeof saveReportTemplateBodySchema>;

export const updateReportTemplateBodySchema = z.strictObject({
  version: z.number().int().min(1),
  name: templateFields.name.optional(),
  indicators: templateFields.indicators.optional(),
  grouping: templateFields.grouping.optional(),
  periodType: templateFields.periodType.optional(),
  threshold: thresholdField.optional(),
});
export type UpdateReportTemplate = z.infer<typeof updateReportTemplateBodySchema>;

export const deleteReportTemplateQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1) });

/** A period: its type, then the year (fiscal year 2025 = 1 April 2025 to 31 March 2026), quarter, month, or from/to. */
export const runReportQuerySchema = z.strictObject({
  templateId: z.string().trim().min(1).max(80),
  periodType: z.enum(periodTypes).optional(),
  year: z.coerce.number().int().optional(),
  quarter: z.coerce.number().int().optional(),
  month: z.coerce.number().int().optional(),
  from: day.optional(),
  to: day.optional(),
  teamId: z.uuid().optional(),
  neighbourhoodId: z.uuid().optional(),
});
export type RunReportQuery = z.infer<typeof runReportQuerySchema>;

/** The dashboard over any days (default: the last twelve months). */
export const dashboardQuerySchema = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  teamId: z.uuid().optional(),
  neighbourhoodId: z.uuid().optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const shownFigureSchema = z.union([
  z.object({ id: z.string(), value: z.number() }),
  z.object({ id: z.string(), value: z.null(), hidden: z.enum(['primary', 'secondary']) }),
]);

export const shownReportSchema = z.object({
  templateId: z.string(),
  title: localized,
  period: z.object({ type: z.enum(periodTypes), from: z.string(), to: z.string(), label: localized }),
  scope: localized,
  generatedAt: z.string(),
  threshold: z.number().int(),
  tables: z.array(
    z.object({
      id: z.string(),
      title: localized,
      note: localized.optional(),
      unit: z.enum(figureUnits),
      columns: z.array(z.object({ key: z.string(), label: localized })),
      rows: z.array(
        z.object({
          key: z.string(),
          label: localized,
          cells: z.array(shownFigureSchema),
          isTotal: z.boolean().optional(),
        }),
      ),
      chart: z.enum(['bars', 'stackedBars', 'line', 'none']),
    }),
  ),
});

/** The same report as a file: the run's query, the format, and the language of its words. */
export const reportExportFormats = ['csv', 'xlsx', 'pdf'] as const;
export const exportReportQuerySchema = runReportQuerySchema.extend({
  format: z.enum(reportExportFormats),
  language: z.enum(languages).optional(),
});
