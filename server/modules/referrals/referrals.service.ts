import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { createReferralBodySchema, Referral, referralListQuerySchema } from '../../../core/contracts/referrals.ts';
import { text } from '../../../core/localized.ts';
import { openReferralStatuses, type ReferralSharedItem, type ReferralStatus } from '../../../core/referrals.ts';
import type { Database, Tx } from '../../db/client.ts';
import { referralEvents, referrals, services } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, type FieldError, invalidField, notFound } from '../../http/errors.ts';
import { type Actor, actorOf } from '../../http/request-context.ts';
import { findEncounter } from '../fieldwork/encounters.repo.ts';
import { fieldError, invalidFields, unknownRecord, unknownTerm } from '../fieldwork/fieldwork.errors.ts';
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
} from './referrals.repo.ts';
import { readReferralSettings } from './referrals.settings.ts';
import { newSlipNumber } from './referrals.slip-number.ts';

export const referralLabel = text('Orientation', 'Referral');

/** A phone's clock may run a little ahead: what it dates "now" is accepted up to this far ahead. */
const clockSkewMs = 5 * 60_000;
export const closedStatuses: readonly ReferralStatus[] = ['refused', 'connected', 'failed', 'expired'];
export const isOpen = (status: string) => (openReferralStatuses as readonly string[]).includes(status);
const nextDay = (day: string) => new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000);

const scoped = scopedRecord(findReferral, referralLabel);

/** A date given by the caller: not in the future, not before `notBefore` (the referral itself). */
export function pastInstant(path: string, value: string | undefined, now: Date, notBefore?: Date): Date {
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
export function sharingProblem(items: ReferralSharedItem[], person: PersonRow | null): FieldError | null {
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

export async function checkNeeds(db: Database | Tx, needs: string[]): Promise<FieldError[]> {
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

export async function present(db: Database | Tx, id: string, now = new Date()): Promise<Referral> {
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
