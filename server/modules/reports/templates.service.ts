import { and, asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { ReportTemplate, SaveReportTemplate, UpdateReportTemplate } from '../../../core/contracts/reports.ts';
import { text } from '../../../core/localized.ts';
import {
  builtInTemplate,
  builtInTemplates,
  type IndicatorCode,
  type ReportGrouping,
  type ReportTemplateDefinition,
} from '../../../core/reports/catalogue.ts';
import type { PeriodType } from '../../../core/reports/shape.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database } from '../../db/client.ts';
import { reportTemplates, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';

/**
 * Report templates: the built-in ones (read-only, in code) and those the organisation saves
 * (a name, indicators, grouping, period type, threshold). Saved ones change by version (409 when
 * someone changed it in between), like other records.
 */
const templateLabel = text('Modèle de rapport', 'Report template');
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = typeof reportTemplates.$inferSelect & { createdByName: string | null };

const presentBuiltIn = (template: ReportTemplateDefinition): ReportTemplate => ({
  ...template,
  createdByName: null,
  version: null,
  updatedAt: null,
});

function presentSaved(row: Row): ReportTemplate {
  return {
    id: row.id,
    name: text(row.name, row.name),
    indicators: row.indicators as IndicatorCode[],
    grouping: row.grouping as ReportGrouping,
    periodType: row.periodType as PeriodType,
    threshold: row.threshold,
    builtIn: false,
    createdByName: row.createdByName,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function findSaved(db: Database, id: string): Promise<Row | undefined> {
  if (!uuidPattern.test(id)) return undefined;
  const [row] = await db
    .select({ template: reportTemplates, createdByName: users.name })
    .from(reportTemplates)
    .leftJoin(users, eq(users.id, reportTemplates.createdBy))
    .where(eq(reportTemplates.id, id));
  return row ? { ...row.template, createdByName: row.createdByName } : undefined;
}

export async function listTemplates(db: Database): Promise<{ items: ReportTemplate[] }> {
  const rows = await db
    .select({ template: reportTemplates, createdByName: users.name })
    .from(reportTemplates)
    .leftJoin(users, eq(users.id, reportTemplates.createdBy))
    .orderBy(asc(reportTemplates.name));
  return {
    items: [
      ...builtInTemplates.map(presentBuiltIn),
      ...rows.map((row) => presentSaved({ ...row.template, createdByName: row.createdByName })),
    ],
  };
}

/** The template a run names: a built-in one, or a saved one; anything else is a 422 on `templateId`. */
export async function templateToRun(db: Database, id: string): Promise<ReportTemplateDefinition> {
  const builtIn = builtInTemplate(id);
  if (builtIn) return builtIn;
  const saved = await findSaved(db, id);
  if (!saved)
    throw invalidField(
      'templateId',
      text('Ce modèle de rapport n’existe pas.', 'This report template does not exist.'),
    );
  const { createdByName: _, version: __, updatedAt: ___, ...definition } = presentSaved(saved);
  return definition;
}

const builtInIsReadOnly = () =>
  new AppError(
    403,
    'read_only',
    text(
      'Les modèles intégrés ne se modifient pas : faites-en une copie.',
      'Built-in templates cannot be changed: save a copy.',
    ),
  );

export async function createTemplate(db: Database, request: FastifyRequest, body: SaveReportTemplate) {
  const id = uuidv7();
  await db.transaction(async (tx) => {
    await tx.insert(reportTemplates).values({ id, ...body, createdBy: actorOf(request).id });
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'report_template',
      entityId: id,
      details: { name: body.name },
    });
  });
  return presentSaved((await findSaved(db, id)) as Row);
}

export async function updateTemplate(db: Database, request: FastifyRequest, id: string, body: UpdateReportTemplate) {
  if (builtInTemplate(id)) throw builtInIsReadOnly();
  const current = await findSaved(db, id);
  if (!current) throw notFound(templateLabel);
  const { version, ...changes } = body;
  if (current.version !== version) throw new VersionConflict(presentSaved(current));
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(reportTemplates)
      .set({ ...changes, version: version + 1, updatedAt: new Date() })
      .where(and(eq(reportTemplates.id, id), eq(reportTemplates.version, version)))
      .returning({ id: reportTemplates.id });
    if (!row) throw new VersionConflict(presentSaved(current));
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'report_template',
      entityId: id,
      details: { fields: Object.keys(changes) },
    });
  });
  return presentSaved((await findSaved(db, id)) as Row);
}

export async function deleteTemplate(db: Database, request: FastifyRequest, id: string, version: number) {
  if (builtInTemplate(id)) throw builtInIsReadOnly();
  const current = await findSaved(db, id);
  if (!current) throw notFound(templateLabel);
  if (current.version !== version) throw new VersionConflict(presentSaved(current));
  await db.transaction(async (tx) => {
    await tx.delete(reportTemplates).where(and(eq(reportTemplates.id, id), eq(reportTemplates.version, version)));
    await recordAudit(tx, request, { action: 'delete', entityType: 'report_template', entityId: id });
  });
  return { ok: true as const };
}
