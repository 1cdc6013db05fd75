import { and, count, desc, eq, gte, inArray, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { breakGlassActions } from '../../../core/audit-actions.ts';
import type { AuditAction, AuditEntry, AuditFilter } from '../../../core/contracts/audit.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, people, users } from '../../db/schema/index.ts';
import { type Actor, actorOf } from '../../http/request-context.ts';

/**
 * The person an entry is about: named in its details (encounters, notes, roles, referrals, grants),
 * or the entry's own record when that record is a person (read, change, consent, merge).
 */
export const entryPerson = sql<string | null>`coalesce(${auditLog.details}->>'personId',
  case when ${auditLog.entityType} in ('person', 'person_consent', 'person_identity') then ${auditLog.entityId} end)`;

/** Everything about one person, written so each half can use its index. */
export function aboutPerson(personId: string): SQL {
  return or(
    sql`${auditLog.details}->>'personId' = ${personId}`,
    and(inArray(auditLog.entityType, ['person', 'person_consent', 'person_identity']), eq(auditLog.entityId, personId)),
  ) as SQL;
}

/**
 * What of the log a reader sees: an admin all of it; a coordinator the entries of their teams and
 * those about their teams' people (an admin's read of one of them is logged without a team).
 */
function readerScope(actor: Actor): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  if (actor.teamIds.length === 0) return sql`false`;
  const theirPeople = sql`select p.id::text from ${people} p where p.team_id in (${sql.join(
    actor.teamIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  return or(inArray(auditLog.teamId, actor.teamIds), sql`${entryPerson} in (${theirPeople})`);
}

export function auditConditions(actor: Actor, filter: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [readerScope(actor)];
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.personId) conditions.push(aboutPerson(filter.personId));
  if (filter.teamId) conditions.push(eq(auditLog.teamId, filter.teamId));
  if (filter.breakGlass === 'true')
    // Grants and reads under them, and an admin's reads with a stated reason (the same glass, per request).
    conditions.push(
      or(
        inArray(auditLog.action, [...breakGlassActions]),
        and(eq(auditLog.action, 'read'), eq(auditLog.actorRole, 'admin'), isNotNull(auditLog.reason)),
      ),
    );
  if (filter.from) conditions.push(gte(auditLog.at, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditLog.at, new Date(filter.to)));
  const given = conditions.filter((c): c is SQL => c !== undefined);
  return given.length ? and(...given) : undefined;
}

const entryColumns = { entry: auditLog, actorName: users.name, personId: entryPerson };
type EntryRow = { entry: typeof auditLog.$inferSelect; actorName: string | null; personId: string | null };

/**
 * Nicknames only for the people the reader may read as a member of their team: the log shows who
 * was concerned to those who already know them, and ids to everyone else (admins included).
 */
export async function nicknamesFor(db: Database, actor: Actor, personIds: (string | null)[]) {
  const ids = [...new Set(personIds.filter((id): id is string => !!id && /^[0-9a-f-]{36}$/i.test(id)))];
  if (actor.role === 'admin' || ids.length === 0 || actor.teamIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: people.id, nickname: people.nickname })
    .from(people)
    .where(and(inArray(people.id, ids), inArray(people.teamId, actor.teamIds)));
  return new Map(rows.map((row) => [row.id, row.nickname]));
}

export function presentEntry({ entry, actorName, personId }: EntryRow, nicknames: Map<string, string>): AuditEntry {
  return {
    ...entry,
    id: String(entry.id),
    at: entry.at.toISOString(),
    action: entry.action as AuditAction,
    actorName,
    personId,
    personNickname: personId ? (nicknames.get(personId) ?? null) : null,
  };
}

export async function listAudit(
  db: Database,
  request: FastifyRequest,
  query: AuditFilter & { limit: number; offset: number },
) {
  const actor = actorOf(request);
  const where = auditConditions(actor, query);
  const [rows, totals] = await Promise.all([
    db
      .select(entryColumns)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  const nicknames = await nicknamesFor(
    db,
    actor,
    rows.map((row) => row.personId),
  );
  return { total: totals[0]?.total ?? 0, items: rows.map((row) => presentEntry(row, nicknames)) };
}

/**
 * The export walks the log in batches along (at, id), newest first: memory stays flat whatever the
 * size, and an entry written meanwhile does not shift the batches. `at::text` keeps microseconds,
 * which a JavaScript Date would round away.
 */
export async function* auditBatches(db: Database, actor: Actor, filter: AuditFilter, batchSize = 1000) {
  const where = auditConditions(actor, filter);
  let cursor: { at: string; id: number } | null = null;
  for (;;) {
    const after: SQL | undefined = cursor
      ? sql`(${auditLog.at}, ${auditLog.id}) < (${cursor.at}::timestamptz, ${cursor.id})`
      : undefined;
    const rows = await db
      .select({ ...entryColumns, cursorAt: sql<string>`${auditLog.at}::text` })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(where, after))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    const nicknames = await nicknamesFor(
      db,
      actor,
      rows.map((row) => row.personId),
    );
    yield rows.map((row) => presentEntry(row, nicknames));
    const last = rows[rows.length - 1] as (typeof rows)[number];
    cursor = { at: last.cursorAt, id: last.entry.id };
    if (rows.length < batchSize) return;
  }
}
