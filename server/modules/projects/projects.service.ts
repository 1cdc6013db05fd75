import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  createProjectBodySchema,
  projectListQuerySchema,
  updateProjectBodySchema,
} from '../../../core/contracts/projects.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database } from '../../db/client.ts';
import { communityProjects, projectHistory } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { teamFilter, writeTeam } from '../fieldwork/fieldwork.policy.ts';
import { replaceLinks, today } from './project.links.ts';
import { type ProjectRow, projectRecord } from './project.record.ts';
import { checkProjectReferences } from './project.references.ts';
import { presentProject, summariesOf } from './projects.presenter.ts';

type CreateBody = z.output<typeof createProjectBodySchema>;
type UpdateBody = z.output<typeof updateProjectBodySchema>;

export async function listProjects(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof projectListQuerySchema>,
) {
  const teams = teamFilter(actorOf(request), request, query.teamId);
  if (teams && teams.length === 0) return { items: [] };
  const conditions = [];
  if (teams) conditions.push(inArray(communityProjects.teamId, teams));
  if (query.neighbourhoodId) conditions.push(eq(communityProjects.neighbourhoodId, query.neighbourhoodId));
  if (query.stage) conditions.push(eq(communityProjects.stage, query.stage));
  const status = query.status ?? 'active';
  if (status !== 'all') conditions.push(eq(communityProjects.status, status));
  const rows = await db
    .select()
    .from(communityProjects)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(communityProjects.title), asc(communityProjects.id));
  return { items: await summariesOf(db, rows) };
}

/** A project with the people involved in it: a read of personal data, so it is logged. */
export async function readProject(db: Database, request: FastifyRequest, id: string) {
  const row = await projectRecord.readable(db, request, id);
  const project = await presentProject(db, row);
  if (project.citizens.length > 0)
    await recordAudit(db, request, {
      action: 'read',
      entityType: 'communityProject',
      entityId: id,
      teamId: row.teamId,
      details: { citizens: project.citizens.length },
    });
  return project;
}

/** A new project starts its history: its first stage and ownership level, dated from its start. */
export async function createProject(db: Database, request: FastifyRequest, body: CreateBody) {
  const teamId = writeTeam(actorOf(request), body.teamId);
  const survivors = await checkProjectReferences(db, teamId, body);
  const { id: givenId, teamId: _team, signalIds, priorities, citizens, actors, ...fields } = body;
  const id = givenId ?? uuidv7();
  const startedOn = fields.startedOn ?? today();
  const by = actorOf(request).id;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(communityProjects)
      .values({ id, teamId, ...fields, startedOn, createdBy: by })
      .returning();
    await tx.insert(projectHistory).values([
      { id: uuidv7(), projectId: id, kind: 'stage', value: fields.stage, onDate: startedOn, recordedBy: by },
      { id: uuidv7(), projectId: id, kind: 'ownership', value: fields.ownership, onDate: startedOn, recordedBy: by },
    ]);
    await replaceLinks(
      tx,
      request,
      { id, title: fields.title },
      { signalIds, priorities, citizens, actors },
      survivors,
    );
    await recordAudit(tx, request, { action: 'create', entityType: 'communityProject', entityId: id, teamId });
    return presentProject(tx, row as ProjectRow);
  });
}

export async function updateProject(db: Database, request: FastifyRequest, id: string, body: UpdateBody) {
  const current = await projectRecord.writable(db, request, id);
  const survivors = await checkProjectReferences(db, current.teamId, body);
  const { baseVersion, signalIds, priorities, citizens, actors, ...fields } = body;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(communityProjects)
      .set({ ...fields, version: sql`${communityProjects.version} + 1`, updatedAt: new Date() })
      .where(and(eq(communityProjects.id, id), eq(communityProjects.version, baseVersion)))
      .returning();
    if (!row) {
      const [now] = await tx.select().from(communityProjects).where(eq(communityProjects.id, id));
      throw new VersionConflict(now ? await presentProject(tx, now) : null);
    }
    await replaceLinks(tx, request, row, { signalIds, priorities, citizens, actors }, survivors);
    const lists = { signalIds, priorities, citizens, actors };
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'communityProject',
      entityId: id,
      teamId: row.teamId,
      details: {
        fields: [...Object.keys(fields), ...Object.entries(lists).flatMap(([key, value]) => (value ? [key] : []))],
      },
    });
    return presentProject(tx, row);
  });
}

/**
 * Moves the project to a stage, or its ownership to a level, from its current version: the row
 * says where it stands, the history row when and why. The same stage again is no move (422).
 */
export async function recordProgress(
  db: Database,
  request: FastifyRequest,
  id: string,
  change: { kind: 'stage' | 'ownership'; value: string; baseVersion: number; onDate?: string; note?: string | null },
) {
  await projectRecord.writable(db, request, id);
  const column = change.kind === 'stage' ? communityProjects.stage : communityProjects.ownership;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(communityProjects)
      .set({ [change.kind]: change.value, version: sql`${communityProjects.version} + 1`, updatedAt: new Date() })
      .where(
        and(eq(communityProjects.id, id), eq(communityProjects.version, change.baseVersion), ne(column, change.value)),
      )
      .returning();
    if (!row) {
      const [now] = (await tx.select().from(communityProjects).where(eq(communityProjects.id, id))) as ProjectRow[];
      if (now && now.version === change.baseVersion) throw sameValue(change.kind);
      throw new VersionConflict(now ? await presentProject(tx, now) : null);
    }
    await tx.insert(projectHistory).values({
      id: uuidv7(),
      projectId: id,
      kind: change.kind,
      value: change.value,
      onDate: change.onDate ?? today(),
      note: change.note ?? null,
      recordedBy: actorOf(request).id,
    });
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'communityProject',
      entityId: id,
      teamId: row.teamId,
      details: { [change.kind]: change.value },
    });
    return presentProject(tx, row);
  });
}

const sameValue = (kind: 'stage' | 'ownership') =>
  kind === 'stage'
    ? invalidField('stage', text('Le projet est déjà à cette étape.', 'The project is already at this stage.'))
    : invalidField(
        'level',
        text('Le projet est déjà à ce niveau d’appropriation.', 'The project is already at this level of ownership.'),
      );
