import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AuditAction } from '../../../core/audit-actions.ts';
import type {
  addPersonRoleBodySchema,
  createPersonBodySchema,
  personListQuerySchema,
  recordConsentBodySchema,
  updatePersonBodySchema,
  updatePersonRoleBodySchema,
  withdrawConsentBodySchema,
} from '../../../core/contracts/people.ts';
import { identityFields } from '../../../core/fieldwork.ts';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { encounters, people, personRoles } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { fieldError, invalidFields, VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { scopedRecord, teamFilter, writeTeam } from '../fieldwork/fieldwork.policy.ts';
import { recordConsentEvent } from '../privacy/consents.record.ts';
import { presentPerson, presentSummary } from './people.presenter.ts';
import { encounterStats, findPerson, listPeopleRows, type PersonRow, rolesOf, searchPeople } from './people.repo.ts';

export const personLabel = text('Personne', 'Person');

type IdentityInput = Partial<Record<(typeof identityFields)[number], string | null | undefined>>;
const identityGiven = (input: IdentityInput) =>
  identityFields.filter((f) => input[f] !== undefined && input[f] !== null);
const identityOf = (input: IdentityInput) =>
  Object.fromEntries(identityFields.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]));

const consentNeeded = (fields: string[]) =>
  invalidFields(
    fields.map((f) =>
      fieldError(
        f,
        text(
          'Enregistrez d’abord le consentement de la personne.',
          'Record the person’s consent before their identity.',
        ),
      ),
    ),
  );

export async function presentOnePerson(db: Database | Tx, row: PersonRow) {
  const [roles, stats] = await Promise.all([rolesOf(db, row.id), encounterStats(db, row.id)]);
  return presentPerson(row, roles, stats);
}

export async function listPeople(db: Database, request: FastifyRequest, query: z.infer<typeof personListQuerySchema>) {
  const actor = actorOf(request);
  const teams = teamFilter(actor, request, query.teamId);
  if (teams && teams.length === 0) return { items: [], total: 0 };
  const { rows, total } = query.search
    ? await searchPeople(db, teams, query.search, query.limit, query.offset)
    : await listPeopleRows(db, teams, query.limit, query.offset);
  if (actor.role === 'admin')
    await recordAudit(db, request, {
      action: 'read',
      entityType: 'person',
      details: { list: true, count: rows.length },
    });
  return { items: rows.map(presentSummary), total };
}

// A break-the-glass grant on this person opens their record to read (never to write).
const scoped = scopedRecord(findPerson, personLabel, (row) => row.id);
const readable = scoped.readable;

/** A person the caller may change; a merged one answers with a pointer to the survivor. */
export async function writablePerson(db: Database | Tx, request: FastifyRequest, id: string) {
  const row = await scoped.writable(db, request, id);
  if (row.mergedIntoId)
    throw new AppError(
      422,
      'person_merged',
      text(`Cette fiche a été fusionnée avec ${row.mergedIntoId}.`, `This record was merged into ${row.mergedIntoId}.`),
      [{ path: 'id', message: text('Fiche fusionnée.', 'Merged record.') }],
    );
  return row;
}

/** Every read of a person is in the audit log, with the reason an admin gave. */
export async function getPerson(db: Database, request: FastifyRequest, id: string) {
  const row = await readable(db, request, id);
  await recordAudit(db, request, { action: 'read', entityType: 'person', entityId: id, teamId: row.teamId });
  return presentOnePerson(db, row);
}

export async function createPerson(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof createPersonBodySchema>,
) {
  const actor = actorOf(request);
  const teamId = writeTeam(actor, body.teamId);
  const given = identityGiven(body);
  if (given.length && !body.consent) throw consentNeeded(given);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({
        id,
        teamId,
        nickname: body.nickname,
        ageBand: body.ageBand ?? null,
        gender: body.gender ?? null,
        languages: body.languages,
        household: body.household ?? null,
        firstContactOn: body.firstContactOn ?? null,
        firstContactHow: body.firstContactHow ?? null,
        ...(body.consent
          ? {
              consentGivenAt: body.consent.givenAt ? new Date(body.consent.givenAt) : new Date(),
              consentScope: body.consent.scope,
              consentRecordedBy: actor.id,
              ...identityOf(body),
            }
          : {}),
        createdBy: actor.id,
      })
      .returning();
    if (row?.consentGivenAt)
      await recordConsentEvent(tx, {
        teamId,
        personId: id,
        kind: 'given',
        scope: row.consentScope,
        occurredAt: row.consentGivenAt,
        recordedBy: actor.id,
      });
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'person',
      entityId: id,
      teamId,
      details: body.consent ? { consent: body.consent.scope } : undefined,
    });
    return presentOnePerson(tx, row as PersonRow);
  });
}

/** One guarded write: applied only if `baseVersion` is current (when given), else a conflict. */
async function changePerson(
  db: Database | Tx,
  request: FastifyRequest,
  current: PersonRow,
  baseVersion: number | undefined,
  fields: Partial<typeof people.$inferInsert>,
  audit: { action: AuditAction; entityType: string; details: Record<string, unknown> },
  alsoInTx?: (tx: Tx) => Promise<void>,
) {
  return db.transaction(async (tx) => {
    const versionCheck = baseVersion === undefined ? undefined : eq(people.version, baseVersion);
    const [row] = await tx
      .update(people)
      .set({ ...fields, version: sql`${people.version} + 1`, updatedAt: new Date() })
      .where(and(eq(people.id, current.id), versionCheck))
      .returning();
    if (!row) throw new VersionConflict(await presentOnePerson(tx, (await findPerson(tx, current.id)) ?? current));
    if (alsoInTx) await alsoInTx(tx);
    await recordAudit(tx, request, { ...audit, entityId: row.id, teamId: row.teamId });
    return presentOnePerson(tx, row);
  });
}

export async function updatePerson(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updatePersonBodySchema>,
) {
  const current = await writablePerson(db, request, id);
  const { baseVersion, ...fields } = body;
  const given = identityGiven(body);
  if (given.length && !current.consentGivenAt) throw consentNeeded(given);
  return changePerson(db, request, current, baseVersion, fields, {
    action: 'update',
    entityType: 'person',
    details: { fields: Object.keys(fields) },
  });
}

/** Consent: when, what for, who recorded it. Identity fields may come with it. */
export async function recordConsent(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof recordConsentBodySchema>,
) {
  const current = await writablePerson(db, request, id);
  const givenAt = body.givenAt ? new Date(body.givenAt) : new Date();
  const recordedBy = actorOf(request).id;
  return changePerson(
    db,
    request,
    current,
    body.baseVersion,
    {
      consentGivenAt: givenAt,
      consentScope: body.scope,
      consentRecordedBy: recordedBy,
      consentWithdrawnAt: null,
      ...identityOf(body),
    },
    { action: 'consent_record', entityType: 'person_consent', details: { scope: body.scope } },
    (tx) =>
      recordConsentEvent(tx, {
        teamId: current.teamId,
        personId: id,
        kind: 'given',
        scope: body.scope,
        occurredAt: givenAt,
        recordedBy,
      }),
  );
}

/**
 * Withdrawal erases every identity field (also on records merged into this one), lowers the
 * person's identified encounters to pseudonymous, and is logged with the names of the erased
 * fields, never their values.
 */
export async function withdrawConsent(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof withdrawConsentBodySchema>,
) {
  const current = await writablePerson(db, request, id);
  if (!current.consentGivenAt)
    throw invalidField('consent', text('Aucun consentement à retirer.', 'There is no consent to withdraw.'));
  const erased = identityFields.filter((f) => current[f] !== null);
  const erasure = {
    firstName: null,
    lastName: null,
    phone: null,
    email: null,
    consentGivenAt: null,
    consentScope: null,
    consentRecordedBy: null,
  };
  return changePerson(
    db,
    request,
    current,
    body.baseVersion,
    { ...erasure, consentWithdrawnAt: new Date() },
    { action: 'consent_withdraw', entityType: 'person_identity', details: { erased } },
    async (tx) => {
      await recordConsentEvent(tx, {
        teamId: current.teamId,
        personId: id,
        kind: 'withdrawn',
        scope: current.consentScope,
        occurredAt: new Date(),
        recordedBy: actorOf(request).id,
      });
      await tx.update(people).set(erasure).where(eq(people.mergedIntoId, id));
      await tx
        .update(encounters)
        .set({ identification: 'pseudonymous', version: sql`${encounters.version} + 1`, updatedAt: new Date() })
        .where(and(eq(encounters.personId, id), eq(encounters.identification, 'identified')));
    },
  );
}

/** Roles are additive: adding or ending one does not move the person's version (no false conflicts). */
export async function addRole(
  db: Database | Tx,
  request: FastifyRequest,
  personId: string,
  roleId: string,
  body: z.output<typeof addPersonRoleBodySchema>,
) {
  const current = await writablePerson(db, request, personId);
  if (body.endedOn && body.endedOn < body.startedOn)
    throw invalidField('endedOn', text('La fin précède le début.', 'The end comes before the start.'));
  return db.transaction(async (tx) => {
    await tx.insert(personRoles).values({
      id: roleId,
      personId,
      role: body.role,
      startedOn: body.startedOn,
      endedOn: body.endedOn ?? null,
      note: body.note ?? null,
      createdBy: actorOf(request).id,
    });
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'person_role',
      entityId: roleId,
      teamId: current.teamId,
      details: { personId, role: body.role },
    });
    return presentOnePerson(tx, current);
  });
}

export async function updateRole(
  db: Database | Tx,
  request: FastifyRequest,
  personId: string,
  roleId: string,
  body: z.output<typeof updatePersonRoleBodySchema>,
) {
  const current = await writablePerson(db, request, personId);
  const [role] = await db
    .select()
    .from(personRoles)
    .where(and(eq(personRoles.id, roleId), eq(personRoles.personId, personId)));
  if (!role) throw notFound(text('Rôle', 'Role'));
  if (body.endedOn && body.endedOn < role.startedOn)
    throw invalidField('endedOn', text('La fin précède le début.', 'The end comes before the start.'));
  const { baseVersion, ...fields } = body;
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(personRoles)
      .set({ ...fields, version: sql`${personRoles.version} + 1` })
      .where(and(eq(personRoles.id, roleId), eq(personRoles.version, baseVersion)))
      .returning();
    if (!changed) throw new VersionConflict(await presentOnePerson(tx, current));
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'person_role',
      entityId: roleId,
      teamId: current.teamId,
      details: { personId, fields: Object.keys(fields) },
    });
    return presentOnePerson(tx, current);
  });
}
