import { and, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  addBridgingContactBodySchema,
  BridgingSupport,
  BridgingSupportItem,
  bridgingListQuerySchema,
  createBridgingSupportBodySchema,
  updateBridgingSupportBodySchema,
} from '../../../core/contracts/referrals.ts';
import { text } from '../../../core/localized.ts';
import type { BridgingContactKind, ReferralStatus } from '../../../core/referrals.ts';
import type { Database, Tx } from '../../db/client.ts';
import { bridgingContacts, bridgingSupports, people, referrals, services } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { type FieldError, invalidField, notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { fieldError, invalidFields, unknownRecord, VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { canWrite, scopedRecord, teamFilter, writeTeam } from '../fieldwork/fieldwork.policy.ts';
import { findPerson } from '../people/people.repo.ts';
import { findReferral } from './referrals.repo.ts';

const label = text('Suivi-pont', 'Bridging support');
type SupportRow = typeof bridgingSupports.$inferSelect;
const clockSkewMs = 5 * 60_000;
const today = () => new Date().toISOString().slice(0, 10);

async function findSupport(db: Database | Tx, id: string): Promise<SupportRow | undefined> {
  const [row] = await db.select().from(bridgingSupports).where(eq(bridgingSupports.id, id));
  return row;
}
const scoped = scopedRecord(findSupport, label);

/** Written with its alias: the outer table is "bridging_supports". */
const contactTotals = sql<{ count: number; minutes: number; last: string | null }>`(select json_build_object(
    'count', count(*), 'minutes', coalesce(sum(c.duration_minutes), 0), 'last', max(c.occurred_at))
  from bridging_contacts c where c.bridging_support_id = "bridging_supports"."id")`;

function itemQuery(db: Database | Tx) {
  return db
    .select({
      support: bridgingSupports,
      nickname: people.nickname,
      slipNumber: referrals.slipNumber,
      referralStatus: referrals.status,
      serviceName: services.name,
      totals: contactTotals,
    })
    .from(bridgingSupports)
    .leftJoin(people, eq(people.id, bridgingSupports.personId))
    .leftJoin(referrals, eq(referrals.id, bridgingSupports.referralId))
    .leftJoin(services, eq(services.id, referrals.serviceId));
}
type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>['where']>>[number];

function presentItem(row: ItemRow): BridgingSupportItem {
  const s = row.support;
  const totals = (typeof row.totals === 'string' ? JSON.parse(row.totals) : row.totals) as {
    count: number;
    minutes: number;
    last: string | null;
  };
  return {
    id: s.id,
    teamId: s.teamId,
    person: s.personId ? { id: s.personId, nickname: row.nickname ?? '' } : null,
    referral:
      s.referralId && row.slipNumber
        ? {
            id: s.referralId,
            slipNumber: row.slipNumber,
            serviceName: row.serviceName ?? '',
            status: row.referralStatus as ReferralStatus,
          }
        : null,
    purpose: s.purpose,
    startedOn: s.startedOn,
    plannedEndOn: s.plannedEndOn,
    endedOn: s.endedOn,
    active: s.endedOn === null,
    contactCount: Number(totals.count),
    totalMinutes: Number(totals.minutes),
    lastContactAt: totals.last ? new Date(totals.last).toISOString() : null,
    createdBy: s.createdBy,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

async function present(db: Database | Tx, id: string): Promise<BridgingSupport> {
  const [[row], contacts] = await Promise.all([
    itemQuery(db).where(eq(bridgingSupports.id, id)),
    db
      .select()
      .from(bridgingContacts)
      .where(eq(bridgingContacts.bridgingSupportId, id))
      .orderBy(desc(bridgingContacts.occurredAt), desc(bridgingContacts.id)),
  ]);
  if (!row) throw notFound(label);
  return {
    ...presentItem(row),
    contacts: contacts.map((c) => ({
      id: c.id,
      kind: c.kind as BridgingContactKind,
      occurredAt: c.occurredAt.toISOString(),
      durationMinutes: c.durationMinutes,
      note: c.note,
      recordedBy: c.recordedBy,
    })),
  };
}

const endBeforeStart = (path: string) =>
  fieldError(path, text('Cette date précède le début du suivi.', 'This date comes before the support started.'));

export async function listBridgingSupports(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof bridgingListQuerySchema>,
) {
  const actor = actorOf(request);
  const teams = teamFilter(actor, request, query.teamId);
  if (teams && teams.length === 0) return { items: [], total: 0 };
  const conditions: SQL[] = [];
  if (teams) conditions.push(inArray(bridgingSupports.teamId, teams));
  if (query.personId) conditions.push(eq(bridgingSupports.personId, query.personId));
  if (query.referralId) conditions.push(eq(bridgingSupports.referralId, query.referralId));
  if (query.active === 'true') conditions.push(isNull(bridgingSupports.endedOn));
  if (query.active === 'false') conditions.push(isNotNull(bridgingSupports.endedOn));
  const where = and(...conditions);
  const [rows, totals] = await Promise.all([
    itemQuery(db)
      .where(where)
      .orderBy(desc(bridgingSupports.startedOn), desc(bridgingSupports.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(bridgingSupports).where(where),
  ]);
  if (actor.role === 'admin' || query.personId)
    await recordAudit(db, request, {
      action: 'read',
      entityType: query.personId ? 'person' : 'bridging_support',
      entityId: query.personId ?? null,
      details: { list: 'bridgingSupports', count: rows.length },
    });
  return { items: rows.map(presentItem), total: Number(totals[0]?.total ?? 0) };
}

export async function getBridgingSupport(db: Database, request: FastifyRequest, id: string) {
  const row = await scoped.readable(db, request, id);
  await recordAudit(db, request, {
    action: 'read',
    entityType: 'bridging_support',
    entityId: id,
    teamId: row.teamId,
    details: row.personId ? { personId: row.personId } : undefined,
  });
  return present(db, id);
}

/** For a person, a referral, or both (then the referral's person); in the caller's team. */
export async function createBridgingSupport(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof createBridgingSupportBodySchema>,
) {
  const actor = actorOf(request);
  const errors: FieldError[] = [];
  let teamId: string | null = null;
  let personId = body.personId ?? null;
  if (!body.personId && !body.referralId)
    throw invalidFields([
      fieldError('personId', text('Indiquez la personne ou l’orientation.', 'Give the person or the referral.')),
    ]);
  if (body.referralId) {
    const referral = await findReferral(db, body.referralId);
    if (!referral || !canWrite(actor, referral.teamId)) errors.push(unknownRecord('referralId'));
    else {
      teamId = referral.teamId;
      if (referral.personId && personId && referral.personId !== personId)
        errors.push(
          fieldError(
            'personId',
            text('L’orientation concerne une autre personne.', 'The referral is about someone else.'),
          ),
        );
      personId = personId ?? referral.personId;
    }
  }
  if (personId && !errors.length) {
    let person = await findPerson(db, personId);
    if (person?.mergedIntoId) person = await findPerson(db, person.mergedIntoId);
    if (!person || !canWrite(actor, person.teamId)) errors.push(unknownRecord('personId'));
    else if (teamId && person.teamId !== teamId)
      errors.push(fieldError('personId', text('Pas de la même équipe.', 'Not on the same team.')));
    else {
      teamId = person.teamId;
      personId = person.id;
    }
  }
  if (teamId && body.teamId && body.teamId !== teamId)
    errors.push(fieldError('teamId', text('Ne correspond pas à la personne.', 'Does not match the person.')));
  const startedOn = body.startedOn ?? today();
  if (body.plannedEndOn && body.plannedEndOn < startedOn) errors.push(endBeforeStart('plannedEndOn'));
  if (errors.length) throw invalidFields(errors);
  const team = teamId ?? writeTeam(actor, body.teamId);
  return db.transaction(async (tx) => {
    await tx.insert(bridgingSupports).values({
      id,
      teamId: team,
      personId,
      referralId: body.referralId ?? null,
      purpose: body.purpose ?? null,
      startedOn,
      plannedEndOn: body.plannedEndOn ?? null,
      createdBy: actor.id,
    });
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'bridging_support',
      entityId: id,
      teamId: team,
      details: { personId, referralId: body.referralId ?? null },
    });
    return present(tx, id);
  });
}

export async function updateBridgingSupport(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateBridgingSupportBodySchema>,
) {
  const current = await scoped.writable(db, request, id);
  if (current.version !== body.baseVersion) throw new VersionConflict(await present(db, id));
  const { baseVersion, ...fields } = body;
  const startedOn = fields.startedOn ?? current.startedOn;
  const plannedEndOn = fields.plannedEndOn === undefined ? current.plannedEndOn : fields.plannedEndOn;
  const endedOn = fields.endedOn === undefined ? current.endedOn : fields.endedOn;
  const errors: FieldError[] = [];
  if (plannedEndOn && plannedEndOn < startedOn) errors.push(endBeforeStart('plannedEndOn'));
  if (endedOn && endedOn < startedOn) errors.push(endBeforeStart('endedOn'));
  if (endedOn && endedOn > today() && fields.endedOn !== undefined)
    errors.push(fieldError('endedOn', text('Cette date est dans le futur.', 'This date is in the future.')));
  if (errors.length) throw invalidFields(errors);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(bridgingSupports)
      .set({ ...fields, version: sql`${bridgingSupports.version} + 1`, updatedAt: new Date() })
      .where(and(eq(bridgingSupports.id, id), eq(bridgingSupports.version, baseVersion)))
      .returning();
    if (!row) throw new VersionConflict(await present(tx, id));
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'bridging_support',
      entityId: id,
      teamId: current.teamId,
      details: { fields: Object.keys(fields), personId: current.personId },
    });
    return present(tx, id);
  });
}

/** Contacts add up (no version): two workers may note theirs at the same time. */
export async function addBridgingContact(
  db: Database | Tx,
  request: FastifyRequest,
  supportId: string,
  contactId: string,
  body: z.output<typeof addBridgingContactBodySchema>,
) {
  const current = await scoped.writable(db, request, supportId);
  const now = new Date();
  const occurredAt = body.occurredAt ? new Date(body.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + clockSkewMs)
    throw invalidField('occurredAt', text('Cette date est dans le futur.', 'This date is in the future.'));
  if (occurredAt.toISOString().slice(0, 10) < current.startedOn)
    throw invalidField('occurredAt', endBeforeStart('occurredAt').message);
  return db.transaction(async (tx) => {
    await tx.insert(bridgingContacts).values({
      id: contactId,
      bridgingSupportId: supportId,
      kind: body.kind,
      occurredAt,
      durationMinutes: body.durationMinutes ?? null,
      note: body.note ?? null,
      recordedBy: actorOf(request).id,
    });
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'bridging_contact',
      entityId: contactId,
      teamId: current.teamId,
      details: { bridgingSupportId: supportId, kind: body.kind, personId: current.personId },
    });
    return present(tx, supportId);
  });
}
