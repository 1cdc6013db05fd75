import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type actorListQuerySchema,
  categoriesOf,
  type createActorBodySchema,
  type deactivateBodySchema,
  type updateActorBodySchema,
} from '../../../core/contracts/directory.ts';
import type { ActorKind } from '../../../core/directory.ts';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { actors, services } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import type { FieldError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { fieldError, invalidFields, VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { writeTeam } from '../fieldwork/fieldwork.policy.ts';
import { presentActor, presentActorSummary } from './actors.presenter.ts';
import { type ActorRow, actorChildren, findActor, listActorRows, replaceActorLists } from './actors.repo.ts';
import { keyPersonTeams, readableActor, writableActor } from './directory.policy.ts';
import { refreshServiceSearch } from './directory.search.ts';
import { checkNeighbourhoods, checkUsers } from './directory.validation.ts';

/** A key person's contact details, kept only under recorded consent (like a person's identity). */
const contactFields = ['email', 'phone', 'website', 'address', 'city', 'postalCode'] as const;
type ContactInput = Partial<Record<(typeof contactFields)[number], string | null | undefined>>;

const entityType = (kind: string) => (kind === 'keyPerson' ? 'key_person' : 'actor');

export async function presentOneActor(db: Database | Tx, row: ActorRow) {
  return presentActor(row, await actorChildren(db, row.id));
}

export async function listActors(db: Database, request: FastifyRequest, query: z.infer<typeof actorListQuerySchema>) {
  const { rows, total } = await listActorRows(
    db,
    {
      keyPersonTeams: keyPersonTeams(request),
      search: query.search,
      kind: query.kind,
      category: query.category,
      includeInactive: query.includeInactive === 'true',
    },
    query.limit,
    query.offset,
  );
  return { items: rows.map(presentActorSummary), total };
}

/** Reading a key person is logged, as reading a person is. */
export async function getActor(db: Database, request: FastifyRequest, id: string) {
  const row = await readableActor(db, request, id);
  if (row.kind === 'keyPerson')
    await recordAudit(db, request, { action: 'read', entityType: 'key_person', entityId: id, teamId: row.teamId });
  return presentOneActor(db, row);
}

type ActorInput = ContactInput & {
  category?: string;
  neighbourhoodIds?: string[];
  hostedWorkers?: { userId: string; sharePercent: number }[];
  isHostPartner?: boolean;
  consent?: unknown;
};

async function checkActor(db: Database | Tx, kind: ActorKind, input: ActorInput, consented: boolean) {
  const errors: FieldError[] = [];
  if (input.category && !(categoriesOf[kind] as readonly string[]).includes(input.category))
    errors.push(
      fieldError(
        'category',
        kind === 'organisation'
          ? text('Cette catégorie est celle d’une personne-clé.', 'This category is for a key person.')
          : text('Cette catégorie est celle d’un organisme.', 'This category is for an organisation.'),
      ),
    );
  if (kind === 'keyPerson' && !consented && !input.consent)
    for (const field of contactFields)
      if (input[field] !== undefined && input[field] !== null)
        errors.push(
          fieldError(
            field,
            text(
              'Enregistrez d’abord le consentement de la personne à garder ses coordonnées.',
              'Record the person’s consent before keeping their contact details.',
            ),
          ),
        );
  if (input.hostedWorkers?.length && input.isHostPartner === false)
    errors.push(
      fieldError(
        'hostedWorkers',
        text('Seul un partenaire hébergeur accueille des intervenants.', 'Only a host partner hosts workers.'),
      ),
    );
  await checkNeighbourhoods(db, input.neighbourhoodIds, errors);
  await checkUsers(db, input.hostedWorkers, errors);
  if (errors.length) throw invalidFields(errors);
}

const consentColumns = (request: FastifyRequest, consent: { scope: string; givenAt?: string } | undefined) =>
  consent
    ? {
        consentGivenAt: consent.givenAt ? new Date(consent.givenAt) : new Date(),
        consentScope: consent.scope,
        consentRecordedBy: actorOf(request).id,
      }
    : {};

export async function createActor(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof createActorBodySchema>,
) {
  const actor = actorOf(request);
  if (body.kind === 'organisation' && (body.teamId || body.consent))
    throw invalidFields([
      fieldError(
        body.teamId ? 'teamId' : 'consent',
        text(
          'Un organisme est partagé par toutes les équipes, sans consentement à recueillir.',
          'An organisation is shared by every team, with no consent to record.',
        ),
      ),
    ]);
  const teamId = body.kind === 'keyPerson' ? writeTeam(actor, body.teamId) : null;
  await checkActor(db, body.kind, body, false);
  const { neighbourhoodIds, hostedWorkers, consent, teamId: _team, id: _id, ...fields } = body;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(actors)
      .values({
        ...fields,
        id,
        teamId,
        isHostPartner: body.isHostPartner || hostedWorkers.length > 0,
        ...consentColumns(request, consent),
        createdBy: actor.id,
      })
      .returning();
    await replaceActorLists(tx, id, { neighbourhoodIds, hostedWorkers });
    await recordAudit(tx, request, {
      action: 'create',
      entityType: entityType(body.kind),
      entityId: id,
      teamId,
      details: consent ? { consent: consent.scope } : undefined,
    });
    return presentOneActor(tx, row as ActorRow);
  });
}

/** Applied only when `baseVersion` is current, else a 409 with the record as it is now. */
async function changeActor(
  db: Database,
  request: FastifyRequest,
  current: ActorRow,
  baseVersion: number | undefined,
  fields: Partial<typeof actors.$inferInsert>,
  lists: Parameters<typeof replaceActorLists>[2],
  details: Record<string, unknown>,
) {
  return db.transaction(async (tx) => {
    const versionCheck = baseVersion === undefined ? undefined : eq(actors.version, baseVersion);
    const [row] = await tx
      .update(actors)
      .set({ ...fields, version: sql`${actors.version} + 1`, updatedAt: new Date() })
      .where(and(eq(actors.id, current.id), versionCheck))
      .returning();
    if (!row) throw new VersionConflict(await presentOneActor(tx, (await findActor(tx, current.id)) ?? current));
    await replaceActorLists(tx, row.id, lists);
    // The organisation's name is in its services' search documents.
    if (fields.name !== undefined || fields.alternateName !== undefined) {
      const offered = await tx.select({ id: services.id }).from(services).where(eq(services.actorId, row.id));
      await refreshServiceSearch(
        tx,
        offered.map((s) => s.id),
      );
    }
    await recordAudit(tx, request, {
      action: 'update',
      entityType: entityType(row.kind),
      entityId: row.id,
      teamId: row.teamId,
      details,
    });
    return presentOneActor(tx, row);
  });
}

export async function updateActor(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateActorBodySchema>,
) {
  const current = await writableActor(db, request, id);
  const kind = current.kind as ActorKind;
  if (kind === 'organisation' && body.consent)
    throw invalidFields([
      fieldError(
        'consent',
        text('Un organisme n’a pas de consentement à recueillir.', 'An organisation has no consent to record.'),
      ),
    ]);
  const isHostPartner = body.isHostPartner ?? (body.hostedWorkers?.length ? true : undefined);
  await checkActor(
    db,
    kind,
    { ...body, isHostPartner: isHostPartner ?? current.isHostPartner },
    !!current.consentGivenAt,
  );
  const { baseVersion, neighbourhoodIds, hostedWorkers, consent, ...fields } = body;
  return changeActor(
    db,
    request,
    current,
    baseVersion,
    {
      ...fields,
      ...(isHostPartner !== undefined ? { isHostPartner } : {}),
      ...consentColumns(request, consent),
    },
    { neighbourhoodIds, hostedWorkers: isHostPartner === false ? [] : hostedWorkers },
    { fields: Object.keys(body).filter((f) => f !== 'baseVersion') },
  );
}

/** An actor no longer active stays on the records that name it; it leaves lists and search. */
export async function deactivateActor(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof deactivateBodySchema>,
) {
  const current = await writableActor(db, request, id);
  return changeActor(db, request, current, body.baseVersion, { active: false }, {}, { fields: ['active'] });
}
