import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  createPrivacyIncidentBodySchema,
  PrivacyIncident,
  registerQuerySchema,
  updatePrivacyIncidentBodySchema,
} from '../../../core/contracts/rights.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { people, privacyIncidentPeople, privacyIncidents, teams } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { type Actor, accessReason, actorOf } from '../../http/request-context.ts';
import { inTeams, period } from './consents.service.ts';
import { natureLabels, presentIncident } from './incidents.presenter.ts';
import { registerCsv } from './rights.csv.ts';

type IncidentRow = typeof privacyIncidents.$inferSelect;
const incidentLabel = text('Incident', 'Incident');

/** Teams whose incidents the caller reads: an admin all; a coordinator theirs and the organisation's. */
const readsTeam = (actor: Actor, teamId: string | null) =>
  actor.role === 'admin' || teamId === null || actor.teamIds.includes(teamId);
/** A coordinator writes their teams' incidents; an admin any, and the organisation's. */
const writesTeam = (actor: Actor, teamId: string | null) =>
  actor.role === 'admin' || (teamId !== null && actor.teamIds.includes(teamId));
/** The people linked to an incident are shown only to those who may read them (an admin with a reason). */
const readsPeopleOf = (actor: Actor, request: FastifyRequest, teamId: string | null) =>
  teamId !== null && (actor.role === 'admin' ? accessReason(request) !== null : actor.teamIds.includes(teamId));

async function linkedPeople(db: Database | Tx, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; nickname: string }[]>();
  const rows = await db
    .select({ incidentId: privacyIncidentPeople.incidentId, id: people.id, nickname: people.nickname })
    .from(privacyIncidentPeople)
    .innerJoin(people, eq(people.id, privacyIncidentPeople.personId))
    .where(inArray(privacyIncidentPeople.incidentId, ids));
  const byIncident = new Map<string, { id: string; nickname: string }[]>();
  for (const { incidentId, ...person } of rows)
    byIncident.set(incidentId, [...(byIncident.get(incidentId) ?? []), person]);
  return byIncident;
}

async function present(db: Database | Tx, request: FastifyRequest, rows: IncidentRow[]): Promise<PrivacyIncident[]> {
  const actor = actorOf(request);
  const links = await linkedPeople(
    db,
    rows.filter((r) => readsPeopleOf(actor, request, r.teamId)).map((r) => r.id),
  );
  return rows.map((row) => presentIncident(row, links.get(row.id) ?? []));
}

export async function listIncidents(db: Database, request: FastifyRequest, query: z.infer<typeof registerQuerySchema>) {
  const actor = actorOf(request);
  if (query.teamId && !readsTeam(actor, query.teamId)) throw notFound(text('Équipe', 'Team'));
  const scope =
    query.teamId !== undefined
      ? sql`team_id = ${query.teamId}::uuid`
      : actor.role === 'admin'
        ? sql`true`
        : sql`(team_id is null or ${inTeams(sql`team_id`, actor.teamIds)})`;
  const rows = await db
    .select()
    .from(privacyIncidents)
    .where(sql`${scope} and ${period(sql`occurred_on`, query)}`)
    .orderBy(sql`occurred_on desc, created_at desc`);
  return present(db, request, rows);
}

/** The linked people must be records of the incident's team; anything else is refused alike. */
async function checkedLinks(db: Database | Tx, teamId: string | null, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const found = teamId
    ? await db
        .select({ id: people.id })
        .from(people)
        .where(and(inArray(people.id, unique), eq(people.teamId, teamId), sql`${people.mergedIntoId} is null`))
    : [];
  if (found.length !== unique.length)
    throw invalidField(
      'affectedPersonIds',
      text(
        'Seules des fiches de l’équipe de l’incident peuvent y être liées.',
        'Only records of the incident’s team can be linked to it.',
      ),
    );
  return unique;
}

async function incidentTeam(db: Database, actor: Actor, requested: string | null | undefined) {
  if (requested === null || (requested === undefined && actor.role === 'admin')) {
    if (actor.role !== 'admin') throw invalidField('teamId', text('Choisissez votre équipe.', 'Choose your team.'));
    return null;
  }
  if (requested === undefined) {
    if (actor.teamIds.length !== 1) throw invalidField('teamId', text('Choisissez l’équipe.', 'Choose the team.'));
    return actor.teamIds[0] as string;
  }
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, requested));
  if (!team || !writesTeam(actor, requested))
    throw invalidField('teamId', text('Vous ne faites pas partie de cette équipe.', 'You are not on this team.'));
  return requested;
}

export async function createIncident(
  db: Database,
  request: FastifyRequest,
  body: z.output<typeof createPrivacyIncidentBodySchema>,
) {
  const actor = actorOf(request);
  const teamId = await incidentTeam(db, actor, body.teamId);
  const links = await checkedLinks(db, teamId, body.affectedPersonIds);
  const id = body.id ?? uuidv7();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(privacyIncidents)
      .values({
        id,
        teamId,
        occurredOn: body.occurredOn,
        nature: body.nature,
        dataConcerned: body.dataConcerned,
        peopleAffected: Math.max(body.peopleAffected, links.length),
        measures: body.measures ?? null,
        notifiedTo: body.notifiedTo ?? null,
        notifiedOn: body.notifiedOn ?? null,
        closedOn: body.closedOn ?? null,
        createdBy: actor.id,
      })
      .returning();
    if (links.length)
      await tx.insert(privacyIncidentPeople).values(links.map((personId) => ({ incidentId: id, personId })));
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'privacy_incident',
      entityId: id,
      teamId,
      details: { nature: body.nature, peopleAffected: row?.peopleAffected, linked: links.length },
    });
    return (await present(tx, request, [row as IncidentRow]))[0] as PrivacyIncident;
  });
}

export async function updateIncident(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updatePrivacyIncidentBodySchema>,
) {
  const actor = actorOf(request);
  const [current] = await db.select().from(privacyIncidents).where(eq(privacyIncidents.id, id));
  if (!current || !writesTeam(actor, current.teamId)) throw notFound(incidentLabel);
  const { baseVersion, affectedPersonIds, ...fields } = body;
  const links = affectedPersonIds ? await checkedLinks(db, current.teamId, affectedPersonIds) : undefined;
  const affectedCount = fields.peopleAffected ?? current.peopleAffected;
  if (links && links.length > affectedCount)
    throw invalidField(
      'peopleAffected',
      text(
        'Le nombre de personnes concernées ne peut pas être inférieur aux fiches liées.',
        'The number of people affected cannot be below the linked records.',
      ),
    );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(privacyIncidents)
      .set({ ...fields, version: sql`${privacyIncidents.version} + 1`, updatedAt: new Date() })
      .where(and(eq(privacyIncidents.id, id), eq(privacyIncidents.version, baseVersion)))
      .returning();
    if (!row)
      throw new AppError(
        409,
        'version_conflict',
        text(
          'Quelqu’un a modifié cet incident entre-temps : rechargez.',
          'Someone changed this incident meanwhile: reload.',
        ),
      );
    if (links) {
      await tx.delete(privacyIncidentPeople).where(eq(privacyIncidentPeople.incidentId, id));
      if (links.length)
        await tx.insert(privacyIncidentPeople).values(links.map((personId) => ({ incidentId: id, personId })));
    }
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'privacy_incident',
      entityId: id,
      teamId: row.teamId,
      details: { fields: Object.keys(body).filter((k) => k !== 'baseVersion') },
    });
    return (await present(tx, request, [row]))[0] as PrivacyIncident;
  });
}

export async function incidentsCsv(db: Database, request: FastifyRequest, query: z.infer<typeof registerQuerySchema>) {
  const items = await listIncidents(db, request, query);
  const language = actorOf(request).language;
  const teamNames = new Map(
    (await db.select({ id: teams.id, name: teams.name }).from(teams)).map((t) => [t.id, t.name]),
  );
  const header =
    language === 'fr'
      ? [
          'date',
          'nature',
          'données concernées',
          'personnes concernées',
          'mesures prises',
          'notifié à',
          'notifié le',
          'clos le',
          'équipe',
        ]
      : [
          'date',
          'nature',
          'data concerned',
          'people affected',
          'measures taken',
          'notified to',
          'notified on',
          'closed on',
          'team',
        ];
  return registerCsv(
    header,
    items.map((i) => [
      i.occurredOn,
      natureLabels[i.nature][language],
      i.dataConcerned,
      i.peopleAffected,
      i.measures,
      i.notifiedTo,
      i.notifiedOn,
      i.closedOn,
      i.teamId ? (teamNames.get(i.teamId) ?? '') : language === 'fr' ? 'toute l’organisation' : 'whole organisation',
    ]),
  );
}
