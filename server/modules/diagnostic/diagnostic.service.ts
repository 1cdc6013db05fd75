import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type Diagnostic,
  type DiagnosticFigures,
  type DiagnosticVersion,
  diagnosticSectionKeys,
  type saveDiagnosticVersionBodySchema,
} from '../../../core/contracts/diagnostic.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { diagnostics, diagnosticVersions, neighbourhoods, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { fieldError, invalidFields, VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { canRead, canWrite, teamFilter } from '../fieldwork/fieldwork.policy.ts';
import type { NetworkPool } from '../network/network.pool.ts';
import { liveFigures } from './diagnostic.figures.ts';

const neighbourhoodLabel = text('Quartier', 'Neighbourhood');
const diagnosticLabel = text('Diagnostic', 'Diagnostic');
const nobody = '00000000-0000-0000-0000-000000000000';

type Hood = { id: string; name: string; teamId: string };
type VersionRow = typeof diagnosticVersions.$inferSelect & { savedByName: string | null };

/** The neighbourhood, if the caller may read its team's work (an admin with a reason); else 404. */
export async function readableNeighbourhood(db: Database | Tx, request: FastifyRequest, id: string): Promise<Hood> {
  const [hood] = await db
    .select({ id: neighbourhoods.id, name: neighbourhoods.name, teamId: neighbourhoods.teamId })
    .from(neighbourhoods)
    .where(eq(neighbourhoods.id, id));
  if (!hood || !canRead(actorOf(request), request, hood.teamId)) throw notFound(neighbourhoodLabel);
  return hood;
}

function presentVersion(row: VersionRow): DiagnosticVersion {
  return {
    number: row.number,
    status: row.status as DiagnosticVersion['status'],
    title: row.title,
    sections: Object.fromEntries(
      diagnosticSectionKeys.map((key) => [key, row.sections[key] ?? '']),
    ) as DiagnosticVersion['sections'],
    priorities: row.priorities,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    figures: (row.figures as DiagnosticFigures | null) ?? null,
    savedAt: row.savedAt.toISOString(),
    savedByName: row.savedByName,
  };
}

async function versionRows(db: Database | Tx, diagnosticId: string, number?: number) {
  const rows = await db
    .select({ version: diagnosticVersions, savedByName: users.name })
    .from(diagnosticVersions)
    .leftJoin(users, eq(users.id, diagnosticVersions.savedBy))
    .where(
      and(
        eq(diagnosticVersions.diagnosticId, diagnosticId),
        number ? eq(diagnosticVersions.number, number) : undefined,
      ),
    )
    .orderBy(desc(diagnosticVersions.number));
  return rows.map((r) => ({ ...r.version, savedByName: r.savedByName }));
}

async function diagnosticOf(db: Database | Tx, hood: Hood): Promise<Diagnostic> {
  const [diagnostic] = await db.select().from(diagnostics).where(eq(diagnostics.neighbourhoodId, hood.id));
  const base = { neighbourhoodId: hood.id, neighbourhoodName: hood.name, teamId: hood.teamId };
  if (!diagnostic) return { id: null, ...base, currentVersion: 0, latest: null, versions: [] };
  const rows = await versionRows(db, diagnostic.id);
  return {
    id: diagnostic.id,
    ...base,
    teamId: diagnostic.teamId,
    currentVersion: diagnostic.currentVersion,
    latest: rows[0] ? presentVersion(rows[0]) : null,
    versions: rows.map((r) => ({
      number: r.number,
      status: r.status as 'draft' | 'published',
      title: r.title,
      savedAt: r.savedAt.toISOString(),
      savedByName: r.savedByName,
    })),
  };
}

/** The neighbourhoods of the caller's teams and where each one's diagnostic stands. */
export async function listDiagnostics(db: Database, request: FastifyRequest, teamId: string | undefined) {
  const readable = teamFilter(actorOf(request), request, teamId);
  const rows = await db
    .select({
      neighbourhoodId: neighbourhoods.id,
      neighbourhoodName: neighbourhoods.name,
      teamId: neighbourhoods.teamId,
      diagnosticId: diagnostics.id,
      currentVersion: diagnostics.currentVersion,
      status: diagnosticVersions.status,
      savedAt: diagnosticVersions.savedAt,
    })
    .from(neighbourhoods)
    .leftJoin(diagnostics, eq(diagnostics.neighbourhoodId, neighbourhoods.id))
    .leftJoin(
      diagnosticVersions,
      and(
        eq(diagnosticVersions.diagnosticId, diagnostics.id),
        eq(diagnosticVersions.number, diagnostics.currentVersion),
      ),
    )
    .where(readable ? inArray(neighbourhoods.teamId, readable.length ? readable : [nobody]) : undefined)
    .orderBy(neighbourhoods.name);
  return {
    items: rows.map((row) => ({
      ...row,
      currentVersion: row.currentVersion ?? 0,
      status: (row.status as 'draft' | 'published' | null) ?? null,
      savedAt: row.savedAt?.toISOString() ?? null,
    })),
  };
}

export async function getDiagnostic(db: Database, request: FastifyRequest, neighbourhoodId: string) {
  const hood = await readableNeighbourhood(db, request, neighbourhoodId);
  const diagnostic = await diagnosticOf(db, hood);
  if (actorOf(request).role === 'admin')
    await recordAudit(db, request, {
      action: 'read',
      entityType: 'diagnostic',
      entityId: diagnostic.id,
      teamId: hood.teamId,
    });
  return diagnostic;
}

/** A diagnostic by its id, for a caller who may read its team's work; else 404. */
export async function readableDiagnostic(db: Database, request: FastifyRequest, id: string) {
  const [diagnostic] = await db.select().from(diagnostics).where(eq(diagnostics.id, id));
  if (!diagnostic || !canRead(actorOf(request), request, diagnostic.teamId)) throw notFound(diagnosticLabel);
  return diagnostic;
}

export async function getVersion(db: Database, request: FastifyRequest, id: string, number: number) {
  await readableDiagnostic(db, request, id);
  const [row] = await versionRows(db, id, number);
  if (!row) throw notFound(text('Version', 'Version'));
  return presentVersion(row);
}

type SaveBody = z.output<typeof saveDiagnosticVersionBodySchema>;

/** Priorities keep the id they came with; a new one gets its own. The same id twice is refused. */
function prioritiesOf(body: SaveBody) {
  const seen = new Set<string>();
  const problems = body.priorities.flatMap((p, index) => {
    if (!p.id) return [];
    if (seen.has(p.id))
      return [fieldError(`priorities.${index}.id`, text('Priorité en double.', 'Duplicate priority.'))];
    seen.add(p.id);
    return [];
  });
  if (problems.length) throw invalidFields(problems);
  return body.priorities.map((p) => ({ id: p.id ?? uuidv7(), title: p.title, detail: p.detail || null }));
}

const onlyCoordinatorsPublish = () =>
  new AppError(
    403,
    'forbidden',
    text(
      'Seule la coordination publie un diagnostic ; enregistrez-le comme brouillon.',
      'Only coordination publishes a diagnostic; save it as a draft.',
    ),
    [{ path: 'publish', message: text('Réservé à la coordination.', 'Coordinators only.') }],
  );

/**
 * Saves the text as a new version on top of `baseVersion`. Another save since answers 409 with the
 * diagnostic as it is now, and nothing is overwritten: the caller still has their text to merge.
 * Publishing (coordinators) freezes the live figures into the version.
 */
export async function saveVersion(
  db: Database,
  pool: NetworkPool,
  request: FastifyRequest,
  neighbourhoodId: string,
  body: SaveBody,
): Promise<Diagnostic> {
  const actor = actorOf(request);
  const hood = await readableNeighbourhood(db, request, neighbourhoodId);
  if (!canWrite(actor, hood.teamId)) throw notFound(neighbourhoodLabel);
  if (body.publish && actor.role !== 'coordinator') throw onlyCoordinatorsPublish();
  const priorities = prioritiesOf(body);
  const conflict = async () => new VersionConflict(await diagnosticOf(db, hood));
  const [existing] = await db.select().from(diagnostics).where(eq(diagnostics.neighbourhoodId, hood.id));
  if ((existing?.currentVersion ?? 0) !== body.baseVersion) throw await conflict();
  const figures = body.publish ? await liveFigures(db, pool, request, hood, body.periodFrom, body.periodTo) : null;
  const number = body.baseVersion + 1;
  const saved = await db.transaction(async (tx) => {
    let diagnosticId = existing?.id;
    if (!diagnosticId) {
      diagnosticId = uuidv7();
      const created = await tx
        .insert(diagnostics)
        .values({ id: diagnosticId, neighbourhoodId: hood.id, teamId: hood.teamId, createdBy: actor.id })
        .onConflictDoNothing()
        .returning({ id: diagnostics.id });
      if (!created.length) return false;
    }
    const moved = await tx
      .update(diagnostics)
      .set({ currentVersion: number, updatedAt: new Date() })
      .where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.currentVersion, body.baseVersion)))
      .returning({ id: diagnostics.id });
    if (!moved.length) return false;
    await tx.insert(diagnosticVersions).values({
      id: uuidv7(),
      diagnosticId,
      number,
      status: body.publish ? 'published' : 'draft',
      title: body.title,
      sections: body.sections,
      priorities,
      periodFrom: body.periodFrom,
      periodTo: body.periodTo,
      figures,
      savedBy: actor.id,
    });
    await recordAudit(tx, request, {
      action: number === 1 ? 'create' : 'update',
      entityType: 'diagnostic',
      entityId: diagnosticId,
      teamId: hood.teamId,
      details: { version: number, published: body.publish },
    });
    return true;
  });
  if (!saved) throw await conflict();
  return diagnosticOf(db, hood);
}

/** The version to print: the one asked for or the latest, with its figures (frozen, or live for a draft). */
export async function versionForPrint(
  db: Database,
  pool: NetworkPool,
  request: FastifyRequest,
  id: string,
  number: number | undefined,
) {
  const diagnostic = await readableDiagnostic(db, request, id);
  const [row] = await versionRows(db, id, number ?? diagnostic.currentVersion);
  if (!row) throw notFound(text('Version', 'Version'));
  const [hood] = await db
    .select({ id: neighbourhoods.id, name: neighbourhoods.name, teamId: neighbourhoods.teamId })
    .from(neighbourhoods)
    .where(eq(neighbourhoods.id, diagnostic.neighbourhoodId));
  const version = presentVersion(row);
  const figures =
    version.figures ??
    (await liveFigures(
      db,
      pool,
      request,
      { id: hood!.id, teamId: diagnostic.teamId },
      version.periodFrom,
      version.periodTo,
    ));
  await recordAudit(db, request, {
    action: 'read',
    entityType: 'diagnostic_pdf',
    entityId: id,
    teamId: diagnostic.teamId,
    details: { version: version.number },
  });
  return { neighbourhoodName: hood!.name, version, figures, live: version.figures === null };
}
