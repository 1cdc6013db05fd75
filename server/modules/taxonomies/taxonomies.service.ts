import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  createTermBodySchema,
  Term,
  termListQuerySchema,
  updateTermBodySchema,
} from '../../../core/contracts/taxonomies.ts';
import type { TaxonomyKind } from '../../../core/fieldwork.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { taxonomyTerms } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { alreadyTaken, notFound } from '../../http/errors.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { defaultTerms } from './taxonomies.defaults.ts';

type TermRow = typeof taxonomyTerms.$inferSelect;
const termLabel = text('Terme', 'Term');

function presentTerm(row: TermRow): Term {
  return {
    id: row.id,
    kind: row.kind as TaxonomyKind,
    code: row.code,
    label: { fr: row.labelFr, en: row.labelEn },
    active: row.active,
    sortOrder: row.sortOrder,
    version: row.version,
  };
}

/** Adds the default terms a deployment lacks; keeps every existing term as it was edited. */
export async function seedTaxonomies(db: Database | Tx): Promise<void> {
  const rows = Object.entries(defaultTerms).flatMap(([kind, terms]) =>
    terms.map(([code, fr, en], index) => ({
      id: uuidv7(),
      kind,
      code,
      labelFr: fr,
      labelEn: en,
      sortOrder: (index + 1) * 10,
    })),
  );
  await db
    .insert(taxonomyTerms)
    .values(rows)
    .onConflictDoNothing({ target: [taxonomyTerms.kind, taxonomyTerms.code] });
}

export async function listTerms(db: Database | Tx, query: z.infer<typeof termListQuerySchema> = {}) {
  const conditions = [];
  if (query.kind) conditions.push(eq(taxonomyTerms.kind, query.kind));
  if (query.includeInactive !== 'true') conditions.push(eq(taxonomyTerms.active, true));
  const rows = await db
    .select()
    .from(taxonomyTerms)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(taxonomyTerms.kind), asc(taxonomyTerms.sortOrder), asc(taxonomyTerms.code));
  return { items: rows.map(presentTerm) };
}

/** The active codes of every kind: what a new record may use. One query for a whole batch. */
export type ActiveCodes = Map<TaxonomyKind, Set<string>>;
export async function activeCodes(db: Database | Tx): Promise<ActiveCodes> {
  const rows = await db
    .select({ kind: taxonomyTerms.kind, code: taxonomyTerms.code })
    .from(taxonomyTerms)
    .where(eq(taxonomyTerms.active, true));
  const byKind: ActiveCodes = new Map();
  for (const row of rows) {
    const kind = row.kind as TaxonomyKind;
    if (!byKind.has(kind)) byKind.set(kind, new Set());
    byKind.get(kind)?.add(row.code);
  }
  return byKind;
}

export async function createTerm(db: Database, request: FastifyRequest, body: z.output<typeof createTermBodySchema>) {
  const [taken] = await db
    .select({ id: taxonomyTerms.id })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.kind, body.kind), eq(taxonomyTerms.code, body.code)));
  if (taken) throw alreadyTaken('code', text('Code', 'Code'));
  const id = body.id ?? uuidv7();
  return db.transaction(async (tx) => {
    const [maxOrder] = await tx
      .select({ value: sql<number>`coalesce(max(${taxonomyTerms.sortOrder}), 0)` })
      .from(taxonomyTerms)
      .where(eq(taxonomyTerms.kind, body.kind));
    const [row] = await tx
      .insert(taxonomyTerms)
      .values({
        id,
        kind: body.kind,
        code: body.code,
        labelFr: body.label.fr,
        labelEn: body.label.en,
        sortOrder: body.sortOrder ?? Number(maxOrder?.value ?? 0) + 10,
      })
      .returning();
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'taxonomy_term',
      entityId: id,
      details: { kind: body.kind, code: body.code },
    });
    return presentTerm(row as TermRow);
  });
}

export async function updateTerm(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateTermBodySchema>,
) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(taxonomyTerms).where(eq(taxonomyTerms.id, id));
    if (!current) throw notFound(termLabel);
    if (current.version !== body.baseVersion) throw new VersionConflict(presentTerm(current));
    const [row] = await tx
      .update(taxonomyTerms)
      .set({
        ...(body.label ? { labelFr: body.label.fr, labelEn: body.label.en } : {}),
        ...(body.sortOrder !== undefined ? { sortOrder: body.sortOrder } : {}),
        ...(body.active !== undefined ? { active: body.active } : {}),
        version: sql`${taxonomyTerms.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(taxonomyTerms.id, id), eq(taxonomyTerms.version, body.baseVersion)))
      .returning();
    if (!row) throw new VersionConflict(presentTerm(current));
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'taxonomy_term',
      entityId: id,
      details: { fields: Object.keys(body).filter((k) => k !== 'baseVersion') },
    });
    return presentTerm(row);
  });
}
