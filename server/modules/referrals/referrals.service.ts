import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  addReferralNoteBodySchema,
  changeReferralStatusBodySchema,
  createReferralBodySchema,
  Referral,
  recordCheckBackBodySchema,
  referralListQuerySchema,
  updateReferralBodySchema,
} from '../../../core/contracts/referrals.ts';
import { type LocalizedText, text } from '../../../core/localized.ts';
import {
  canMoveReferral,
  openReferralStatuses,
  type ReferralSharedItem,
  type ReferralStatus,
  statusNeedsReason,
} from '../../../core/referrals.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { referralEvents, referrals, services } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, type FieldError, invalidField, notFound } from '../../http/errors.ts';
import { type Actor, actorOf } from '../../http/request-context.ts';
import { findEncounter } from '../fieldwork/encounters.repo.ts';
import {
  fieldError,
  invalidFields,
  unknownRecord,
  unknownTerm,
  VersionConflict,
} from '../fieldwork/fieldwork.errors.ts';
import { canWrite, scopedRecord, teamFilter, writeTeam } from '../fieldwork/fieldwork.policy.ts';
import { findPerson, type PersonRow } from '../people/people.repo.ts';
import { activeCodes } from '../taxonomies/taxonomies.service.ts';
import { presentListItem, presentReferral } from './referrals.presenter.ts';
import {
  checkBackDueSql,
  eventsOf,
  findReferral,
  listRows,
  loadListRow,
  newestFirst,
  openStatusSql,
  type ReferralRow,
} from './referrals.repo.ts';
import { readReferralSettings } from './referrals.settings.ts';
import { newSlipNumber } from './referrals.slip-number.ts';

export const referralLabel = text('Orientation', 'Referral');

/** A phone's clock may run a little ahead: what it dates "now" is accepted up to this far ahead. */
const clockSkewMs = 5 * 60_000;
const closedStatuses: readonly ReferralStatus[] = ['refused', 'connected', 'failed', 'expired'];
const isOpen = (status: string) => (openReferralStatuses as readonly string[]).includes(status);
const nextDay = (day: string) => new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000);

const scoped = scopedRecord(findReferral, referralLabel);

/** A date given by the caller: not in the future, not before `notBefore` (the referral itself). */
function pastInstant(path: string, value: string | undefined, now: Date, notBefore?: Date): Date {
  if (value === undefined) return notBefore && notBefore > now ? notBefore : now;
  const at = new Date(value);
  if (at.getTime() > now.getTime() + clockSkewMs)
    throw invalidField(path, text('Cette date est dans le futur.', 'This date is in the future.'));
  if (notBefore && at < notBefore)
    throw invalidField(
      path,
      text('Cette date précède celle de l’orientation.', 'This date comes before the referral was made.'),
    );
  return at;
}

const sharingNeedsConsent = (items: ReferralSharedItem[]) =>
  fieldError(
    'sharedItems',
    items.length
      ? text(
          `Sans consentement enregistré, on ne peut pas transmettre : ${items.join(', ')}.`,
          `Without a recorded consent, these cannot be passed on: ${items.join(', ')}.`,
        )
      : text('Partage refusé.', 'Sharing refused.'),
  );

/** Name needs consent to identity; phone needs consent to be contacted. None for an anonymous contact. */
function sharingProblem(items: ReferralSharedItem[], person: PersonRow | null): FieldError | null {
  const personal = items.filter((i) => i === 'name' || i === 'phone');
  if (!personal.length) return null;
  if (!person)
    return fieldError(
      'sharedItems',
      text(
        'Une orientation anonyme ne transmet ni nom ni téléphone.',
        'An anonymous referral passes on no name and no phone.',
      ),
    );
  const refused = personal.filter((item) =>
    item === 'name'
      ? !person.consentGivenAt
      : !person.consentGivenAt || person.consentScope === 'identity' || person.consentScope === null,
  );
  return refused.length ? sharingNeedsConsent(refused) : null;
}

async function checkNeeds(db: Database | Tx, needs: string[]): Promise<FieldError[]> {
  const codes = (await activeCodes(db)).get('need') ?? new Set<string>();
  return needs.flatMap((code, i) => (codes.has(code) ? [] : [unknownTerm(`needs.${i}`, code)]));
}

/** The person a referral may point at: in the team, not merged (a merged id leads to the survivor). */
async function personFor(db: Database | Tx, actor: Actor, id: string): Promise<PersonRow | null> {
  let person = await findPerson(db, id);
  if (person?.mergedIntoId) person = await findPerson(db, person.mergedIntoId);
  if (!person || !canWrite(actor, person.teamId)) return null;
  return person;
}

async function present(db: Database | Tx, id: string, now = new Date()): Promise<Referral> {
  const [row, events, settings] = await Promise.all([loadListRow(db, id), eventsOf(db, id), readReferralSettings(db)]);
  if (!row) throw notFound(referralLabel);
  return presentReferral(row, events, settings.checkBackDays, now);
}

export async function createReferral(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof createReferralBodySchema>,
): Promise<Referral> {
  const actor = actorOf(request);
  const now = new Date();
  const errors: FieldError[] = [];
  let teamId: string | null = null;
  let personId = body.personId ?? null;
  let encounterId: string | null = null;

  if (body.encounterId) {
    const encounter = await findEncounter(db, body.encounterId);
    if (!encounter || !canWrite(actor, encounter.teamId)) errors.push(unknownRecord('encounterId'));
    else {
      teamId = encounter.teamId;
      encounterId = encounter.id;
      if (encounter.personId && personId && encounter.personId !== personId)
        errors.push(
          fieldError(
            'personId',
            text('Ce contact concerne une autre personne.', 'This encounter is about someone else.'),
          ),
        );
      personId = personId ?? encounter.personId;
    }
  }
  let person: PersonRow | null = null;
  if (personId) {
    person = await personFor(db, actor, personId);
    if (!person) errors.push(unknownRecord('personId'));
    else if (teamId && person.teamId !== teamId)
      errors.push(
        fieldError('personId', text('Pas de la même équipe que le contact.', 'Not on the encounter’s team.')),
      );
    else teamId = person.teamId;
  }
  if (teamId && body.teamId && body.teamId !== teamId)
    errors.push(fieldError('teamId', text('Ne correspond pas à la personne ou au contact.', 'Does not match.')));
  if (errors.length) throw invalidFields(errors);
  teamId = teamId ?? writeTeam(actor, body.teamId);

  const [service] = await db
    .select({ id: services.id, hsdsStatus: services.hsdsStatus })
    .from(services)
    .where(eq(services.id, body.serviceId));
  if (!service)
    errors.push(
      fieldError('serviceId', text('Service introuvable dans le répertoire.', 'Service not in the directory.')),
    );
  else if (service.hsdsStatus === 'defunct')
    errors.push(fieldError('serviceId', text('Ce service n’existe plus.', 'This service no longer exists.')));
  errors.push(...(await checkNeeds(db, body.needs)));
  const sharing = sharingProblem(body.sharedItems, person);
  if (sharing) errors.push(sharing);
  if (errors.length) throw invalidFields(errors);
  const referredAt = pastInstant('referredAt', body.referredAt, now);

  const run = async (tx: Tx) => {
    let slipNumber = '';
    for (let attempt = 0; attempt < 5 && !slipNumber; attempt++) {
      const candidate = newSlipNumber();
      const inserted = await tx
        .insert(referrals)
        .values({
          id,
          teamId: teamId as string,
          slipNumber: candidate,
          personId: person?.id ?? null,
          encounterId,
          serviceId: body.serviceId,
          needs: [...new Set(body.needs)],
          sharedItems: [...new Set(body.sharedItems)],
          status: body.status,
          referredAt,
          statusChangedAt: referredAt,
          createdBy: actor.id,
        })
        .onConflictDoNothing({ target: referrals.slipNumber })
        .returning({ slipNumber: referrals.slipNumber });
      if (inserted[0]) slipNumber = inserted[0].slipNumber;
    }
    if (!slipNumber)
      throw new AppError(
        503,
        'slip_number_unavailable',
        text('Aucun numéro de fiche libre : réessayez.', 'No free slip number: please try again.'),
      );
    // The first event has the referral's own id: the timeline tells it from later changes.
    await tx.insert(referralEvents).values({
      id,
      referralId: id,
      kind: 'status',
      status: body.status,
      note: body.note ?? null,
      occurredAt: referredAt,
      recordedBy: actor.id,
    });
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'referral',
      entityId: id,
      teamId,
      details: {
        serviceId: body.serviceId,
        needs: body.needs,
        status: body.status,
        anonymous: !person,
        ...(person ? { personId: person.id } : {}),
        ...(encounterId ? { encounterId } : {}),
      },
    });
    return present(tx, id, now);
  };
  return db.transaction(run);
}

export async function listReferrals(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof referralListQuerySchema>,
) {
  const actor = actorOf(request);
  const teams = teamFilter(actor, request, query.teamId);
  if (teams && teams.length === 0) return { items: [], total: 0 };
  const now = new Date();
  const settings = await readReferralSettings(db);
  const conditions: SQL[] = [];
  if (teams) conditions.push(inArray(referrals.teamId, teams));
  if (query.personId) conditions.push(eq(referrals.personId, query.personId));
  if (query.serviceId) conditions.push(eq(referrals.serviceId, query.serviceId));
  if (query.encounterId) conditions.push(eq(referrals.encounterId, query.encounterId));
  if (query.slipNumber) conditions.push(eq(referrals.slipNumber, query.slipNumber));
  if (query.status === 'open') conditions.push(openStatusSql);
  else if (query.status === 'closed') conditions.push(sql`not ${openStatusSql}`);
  else if (query.status) conditions.push(eq(referrals.status, query.status));
  if (query.mine === 'true') conditions.push(eq(referrals.createdBy, actor.id));
  if (query.checkBackDue === 'true') conditions.push(checkBackDueSql(settings.checkBackDays, now));
  if (query.checkBackDue === 'false') conditions.push(sql`not ${checkBackDueSql(settings.checkBackDays, now)}`);
  if (query.from) conditions.push(gte(referrals.referredAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) conditions.push(lt(referrals.referredAt, nextDay(query.to)));
  const { rows, total } = await listRows(db, and(...conditions), newestFirst, query.limit, query.offset);
  if (actor.role === 'admin' || query.personId)
    await recordAudit(db, request, {
      action: 'read',
      entityType: query.personId ? 'person' : 'referral',
      entityId: query.personId ?? null,
      details: { list: 'referrals', count: rows.length },
    });
  return { items: rows.map((row) => presentListItem(row, settings.checkBackDays, now)), total };
}

/** One referral with its events; the read is logged when it is about a person (or by an admin). */
export async function getReferral(db: Database, request: FastifyRequest, id: string) {
  const row = await scoped.readable(db, request, id);
  if (row.personId || actorOf(request).role === 'admin')
    await recordAudit(db, request, {
      action: 'read',
      entityType: 'referral',
      entityId: id,
      teamId: row.teamId,
      details: row.personId ? { personId: row.personId } : undefined,
    });
  return present(db, id);
}

export async function writableReferral(db: Database | Tx, request: FastifyRequest, id: string) {
  return scoped.writable(db, request, id);
}

/** Applies a guarded change: only if `baseVersion` (when given) is still current, else a conflict. */
async function bump(
  tx: Tx,
  current: ReferralRow,
  baseVersion: number | undefined,
  fields: Partial<typeof referrals.$inferInsert>,
) {
  const versionCheck = baseVersion === undefined ? undefined : eq(referrals.version, baseVersion);
  const [row] = await tx
    .update(referrals)
    .set({ ...fields, version: sql`${referrals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(referrals.id, current.id), versionCheck))
    .returning();
  if (!row) throw new VersionConflict(await present(tx, current.id));
  return row;
}

export async function updateReferral(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateReferralBodySchema>,
) {
  const current = await writableReferral(db, request, id);
  if (current.version !== body.baseVersion) throw new VersionConflict(await present(db, id));
  const errors: FieldError[] = [];
  if (body.needs) errors.push(...(await checkNeeds(db, body.needs)));
  if (body.sharedItems) {
    const person = current.personId ? ((await findPerson(db, current.personId)) ?? null) : null;
    const sharing = sharingProblem(body.sharedItems, person);
    if (sharing) errors.push(sharing);
  }
  if (errors.length) throw invalidFields(errors);
  const { baseVersion, ...fields } = body;
  return db.transaction(async (tx) => {
    await bump(tx, current, baseVersion, {
      ...(fields.needs ? { needs: [...new Set(fields.needs)] } : {}),
      ...(fields.sharedItems ? { sharedItems: [...new Set(fields.sharedItems)] } : {}),
    });
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'referral',
      entityId: id,
      teamId: current.teamId,
      details: { fields: Object.keys(fields) },
    });
    return present(tx, id);
  });
}

const statusName: Record<ReferralStatus, LocalizedText> = {
  proposed: text('proposée', 'proposed'),
  sent: text('envoyée', 'sent'),
  accepted: text('acceptée', 'accepted'),
  refused: text('refusée', 'refused'),
  connected: text('accrochée', 'connected'),
  failed: text('échouée', 'failed'),
  expired: text('expirée', 'expired'),
};

/** A status move (core/referrals.ts), dated, kept as an event; refused and failed need a reason. */
export async function changeReferralStatus(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof changeReferralStatusBodySchema>,
) {
  const current = await writableReferral(db, request, id);
  if (current.version !== body.baseVersion) throw new VersionConflict(await present(db, id));
  const from = current.status as ReferralStatus;
  const to = body.status;
  if (!canMoveReferral(from, to))
    throw invalidField(
      'status',
      text(
        `Une orientation ${statusName[from].fr} ne peut pas passer à ${statusName[to].fr}.`,
        `A referral that is ${statusName[from].en} cannot become ${statusName[to].en}.`,
      ),
    );
  if (statusNeedsReason(to) && !body.reason)
    throw invalidField('reason', text('Indiquez la raison.', 'Give the reason.'));
  if (!statusNeedsReason(to) && body.reason)
    throw invalidField(
      'reason',
      text(
        'Une raison ne s’indique que pour une orientation refusée ou échouée.',
        'A reason goes only with a refused or failed referral.',
      ),
    );
  // A move is not dated before the one it follows, except after an expiry: the outcome learnt
  // late may have happened before Relais expired the referral.
  const notBefore = current.status === 'expired' ? current.referredAt : current.statusChangedAt;
  const occurredAt = pastInstant('occurredAt', body.occurredAt, new Date(), notBefore);
  if (occurredAt < notBefore)
    throw invalidField(
      'occurredAt',
      text(
        'Cette date précède le dernier changement de l’orientation.',
        'This date comes before the referral’s last change.',
      ),
    );
  const closed = closedStatuses.includes(to);
  return db.transaction(async (tx) => {
    await bump(tx, current, body.baseVersion, {
      status: to,
      failureReason: body.reason ?? null,
      statusChangedAt: occurredAt,
      connectedAt: to === 'connected' ? occurredAt : null,
      closedAt: closed ? occurredAt : null,
    });
    await tx.insert(referralEvents).values({
      id: uuidv7(),
      referralId: id,
      kind: 'status',
      status: to,
      reason: body.reason ?? null,
      note: body.note ?? null,
      fromPartner: body.fromPartner,
      occurredAt,
      recordedBy: actorOf(request).id,
    });
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'referral',
      entityId: id,
      teamId: current.teamId,
      details: { from, status: to, ...(body.reason ? { reason: body.reason } : {}), fromPartner: body.fromPartner },
    });
    return present(tx, id);
  });
}

/** "I called, no news yet": an open referral's check-back, which clears the one due. */
export async function recordCheckBack(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof recordCheckBackBodySchema>,
) {
  const current = await writableReferral(db, request, id);
  if (body.baseVersion !== undefined && current.version !== body.baseVersion)
    throw new VersionConflict(await present(db, id));
  if (!isOpen(current.status))
    throw invalidField(
      'status',
      text(
        'Cette orientation a déjà son issue : enregistrez plutôt une note.',
        'This referral already has its outcome: add a note instead.',
      ),
    );
  const occurredAt = pastInstant('occurredAt', body.occurredAt, new Date(), current.referredAt);
  return db.transaction(async (tx) => {
    await bump(tx, current, body.baseVersion, {});
    await tx.insert(referralEvents).values({
      id: uuidv7(),
      referralId: id,
      kind: 'checkBack',
      note: body.note ?? null,
      fromPartner: body.fromPartner,
      occurredAt,
      recordedBy: actorOf(request).id,
    });
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'referral',
      entityId: id,
      teamId: current.teamId,
      details: { checkBack: true, fromPartner: body.fromPartner },
    });
    return present(tx, id);
  });
}

/** A note adds to the story without changing the referral (no new version, no conflict). */
export async function addReferralNote(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof addReferralNoteBodySchema>,
) {
  const current = await writableReferral(db, request, id);
  const occurredAt = pastInstant('occurredAt', body.occurredAt, new Date(), current.referredAt);
  return db.transaction(async (tx) => {
    await tx.insert(referralEvents).values({
      id: uuidv7(),
      referralId: id,
      kind: 'note',
      note: body.note,
      fromPartner: body.fromPartner,
      occurredAt,
      recordedBy: actorOf(request).id,
    });
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'referral',
      entityId: id,
      teamId: current.teamId,
      details: { note: true, fromPartner: body.fromPartner },
    });
    return present(tx, id);
  });
}
