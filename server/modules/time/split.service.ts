import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type Mission, type TimeCategory, timeCategories } from '../../../core/collective.ts';
import type {
  CreateTimeAgreementBody,
  PeriodKind,
  TimeAgreement,
  TimeSplit,
  timeSplitQuerySchema,
} from '../../../core/contracts/time.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database } from '../../db/client.ts';
import { teamMemberships, timeAgreements, timeEntries, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { addDays, isoDay, readTeam, seesWholeTeam } from './time.scope.ts';

type AgreementRow = typeof timeAgreements.$inferSelect;

/** The week (Monday to Sunday) or the calendar month holding a day. */
export function periodOf(kind: PeriodKind, date: string): { from: string; to: string } {
  const at = new Date(`${date}T00:00:00Z`);
  if (kind === 'week') {
    const from = addDays(date, -((at.getUTCDay() + 6) % 7));
    return { from, to: addDays(from, 6) };
  }
  const from = isoDay(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)));
  const to = isoDay(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)));
  return { from, to };
}

async function presentAgreements(db: Database, rows: AgreementRow[]): Promise<TimeAgreement[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.workerId, r.createdBy]).filter((id): id is string => !!id))];
  const names = ids.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((row) => ({
    id: row.id,
    teamId: row.teamId,
    workerId: row.workerId,
    workerName: row.workerId ? (nameOf.get(row.workerId) ?? '—') : null,
    effectiveFrom: row.effectiveFrom,
    hostPartnerPercent: row.hostPartnerPercent,
    missionPercents: (row.missionPercents as Partial<Record<Mission, number>> | null) ?? null,
    note: row.note,
    createdByName: row.createdBy ? (nameOf.get(row.createdBy) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Every agreement of the team, newest first: the history of what was agreed and from when. */
export async function listAgreements(db: Database, request: FastifyRequest, teamId: string | undefined) {
  const team = readTeam(request, teamId);
  const rows = await db
    .select()
    .from(timeAgreements)
    .where(eq(timeAgreements.teamId, team))
    .orderBy(desc(timeAgreements.effectiveFrom), desc(timeAgreements.createdAt));
  return { items: await presentAgreements(db, rows) };
}

/** Coordination records what was agreed for the team or one of its members, from a date on. */
export async function createAgreement(
  db: Database,
  request: FastifyRequest,
  teamId: string,
  body: CreateTimeAgreementBody,
): Promise<TimeAgreement> {
  if (body.workerId) {
    const [member] = await db
      .select({ userId: teamMemberships.userId })
      .from(teamMemberships)
      .where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, body.workerId)));
    if (!member)
      throw invalidField('workerId', text('Cette personne n’est pas de l’équipe.', 'This person is not on the team.'));
  }
  const id = uuidv7();
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(timeAgreements)
      .values({
        id,
        teamId,
        workerId: body.workerId,
        effectiveFrom: body.effectiveFrom,
        hostPartnerPercent: body.hostPartnerPercent,
        missionPercents: body.missionPercents as Record<string, number> | null,
        note: body.note || null,
        createdBy: actorOf(request).id,
      })
      .returning();
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'timeAgreement',
      entityId: id,
      teamId,
      details: { workerId: body.workerId, hostPartnerPercent: body.hostPartnerPercent },
    });
    return inserted as AgreementRow;
  });
  return (await presentAgreements(db, [row]))[0] as TimeAgreement;
}

const emptyMinutes = () => Object.fromEntries(timeCategories.map((c) => [c, 0])) as Record<TimeCategory, number>;

/**
 * Each worker's time in a week or a month, by mission and host partner, with the time flagged
 * outside the mandate and the agreement in force on the period's last day (their own, else the
 * team's). A worker sees their own line; coordination every member who works in the field or
 * logged time.
 */
export async function readSplit(
  db: Database,
  request: FastifyRequest,
  query: z.output<typeof timeSplitQuerySchema>,
): Promise<TimeSplit> {
  const actor = actorOf(request);
  const teamId = readTeam(request, query.teamId);
  const { from, to } = periodOf(query.period, query.date ?? isoDay(new Date()));
  const whole = seesWholeTeam(actor);
  const sums = await db
    .select({
      workerId: timeEntries.workerId,
      category: timeEntries.category,
      minutes: sql<number>`sum(${timeEntries.minutes})::int`,
      outside: sql<number>`coalesce(sum(${timeEntries.minutes}) filter (where ${timeEntries.outsideMandate}), 0)::int`,
    })
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.teamId, teamId),
        gte(timeEntries.onDate, from),
        lte(timeEntries.onDate, to),
        ...(whole ? [] : [eq(timeEntries.workerId, actor.id)]),
      ),
    )
    .groupBy(timeEntries.workerId, timeEntries.category);
  const members = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .innerJoin(teamMemberships, eq(teamMemberships.userId, users.id))
    .where(and(eq(teamMemberships.teamId, teamId), ne(users.role, 'admin')))
    .orderBy(asc(users.name));
  const logged = new Set(sums.map((s) => s.workerId));
  const shown = members.filter((m) =>
    whole ? m.role === 'worker' || m.role === 'organizer' || logged.has(m.id) : m.id === actor.id,
  );
  const agreementRows = await db
    .select()
    .from(timeAgreements)
    .where(and(eq(timeAgreements.teamId, teamId), lte(timeAgreements.effectiveFrom, to)))
    .orderBy(desc(timeAgreements.effectiveFrom), desc(timeAgreements.createdAt));
  const agreements = await presentAgreements(db, agreementRows);
  return {
    teamId,
    period: query.period,
    from,
    to,
    workers: shown.map((member) => {
      const minutes = emptyMinutes();
      let outsideMandateMinutes = 0;
      for (const s of sums.filter((x) => x.workerId === member.id)) {
        minutes[s.category as TimeCategory] += s.minutes;
        outsideMandateMinutes += s.outside;
      }
      return {
        workerId: member.id,
        name: member.name,
        totalMinutes: Object.values(minutes).reduce((a, b) => a + b, 0),
        minutes,
        outsideMandateMinutes,
        agreed: agreements.find((a) => a.workerId === member.id) ?? agreements.find((a) => a.workerId === null) ?? null,
      };
    }),
  };
}
