import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  saveTeamLogDayBodySchema,
  TeamLog,
  TeamLogDay,
  teamLogQuerySchema,
} from '../../../core/contracts/team-log.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { teamLogDays, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { writeTeam } from '../fieldwork/fieldwork.policy.ts';
import { addDays, isoDay, readTeam, withinADayOfToday } from './time.scope.ts';

type DayRow = typeof teamLogDays.$inferSelect;
type SaveBody = z.output<typeof saveTeamLogDayBodySchema>;

async function presentDays(db: Database | Tx, rows: DayRow[]): Promise<TeamLogDay[]> {
  const ids = [...new Set(rows.flatMap((r) => [...r.authorIds, ...(r.updatedBy ? [r.updatedBy] : [])]))];
  const names = ids.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((row) => ({
    id: row.id,
    teamId: row.teamId,
    onDate: row.onDate,
    highlights: row.highlights,
    difficulties: row.difficulties,
    toPassOn: row.toPassOn,
    authors: row.authorIds.map((id) => ({ id, name: nameOf.get(id) ?? '—' })),
    updatedByName: row.updatedBy ? (nameOf.get(row.updatedBy) ?? null) : null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }));
}

/**
 * The team's last days, newest first. The log links no person, so a member's read is not logged;
 * an admin reads it only with a stated reason, and that read is (decision 0023).
 */
export async function readTeamLog(
  db: Database,
  request: FastifyRequest,
  query: z.output<typeof teamLogQuerySchema>,
): Promise<TeamLog> {
  const teamId = readTeam(request, query.teamId);
  const since = addDays(isoDay(new Date()), -query.days);
  const rows = await db
    .select()
    .from(teamLogDays)
    .where(and(eq(teamLogDays.teamId, teamId), gte(teamLogDays.onDate, since)))
    .orderBy(desc(teamLogDays.onDate));
  if (actorOf(request).role === 'admin')
    await recordAudit(db, request, {
      action: 'read',
      entityType: 'teamLog',
      entityId: teamId,
      teamId,
      details: { days: query.days },
    });
  return { teamId, items: await presentDays(db, rows) };
}

/**
 * Saves the day's page whole. The first save creates it; after, only from the current version
 * (two partners writing at once: the second gets 409 and the page as it is now). A past day is
 * closed: what was passed on stays as it was read.
 */
export async function saveTeamLogDay(
  db: Database,
  request: FastifyRequest,
  onDate: string,
  body: SaveBody,
): Promise<{ created: boolean; day: TeamLogDay }> {
  const actor = actorOf(request);
  const teamId = writeTeam(actor, body.teamId);
  if (!withinADayOfToday(onDate))
    throw invalidField(
      'onDate',
      text(
        'Seule la page du jour se modifie : les jours passés restent comme ils ont été lus.',
        'Only today’s page can be changed: past days stay as they were read.',
      ),
    );
  const content = { highlights: body.highlights, difficulties: body.difficulties, toPassOn: body.toPassOn };
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(teamLogDays)
      .where(and(eq(teamLogDays.teamId, teamId), eq(teamLogDays.onDate, onDate)));
    let row: DayRow | undefined;
    if (!existing) {
      [row] = await tx
        .insert(teamLogDays)
        .values({ id: uuidv7(), teamId, onDate, ...content, authorIds: [actor.id], updatedBy: actor.id })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new VersionConflict(null);
    } else {
      if (body.baseVersion === undefined) throw new VersionConflict((await presentDays(tx, [existing]))[0]);
      const authorIds = existing.authorIds.includes(actor.id) ? existing.authorIds : [...existing.authorIds, actor.id];
      [row] = await tx
        .update(teamLogDays)
        .set({
          ...content,
          authorIds,
          updatedBy: actor.id,
          version: sql`${teamLogDays.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(teamLogDays.id, existing.id), eq(teamLogDays.version, body.baseVersion)))
        .returning();
      if (!row) throw new VersionConflict((await presentDays(tx, [existing]))[0]);
    }
    await recordAudit(tx, request, {
      action: existing ? 'update' : 'create',
      entityType: 'teamLogDay',
      entityId: row.id,
      teamId,
      details: { onDate },
    });
    return { created: !existing, day: (await presentDays(tx, [row]))[0] as TeamLogDay };
  });
}
