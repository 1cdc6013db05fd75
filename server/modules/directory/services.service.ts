import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  createServiceBodySchema,
  newServiceStatusBodySchema,
  updateServiceBodySchema,
} from '../../../core/contracts/directory.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { serviceStatuses, services } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { type FieldError, notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { fieldError, invalidFields, unknownTerm, VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { activeCodes } from '../taxonomies/taxonomies.service.ts';
import { findActor } from './actors.repo.ts';
import { serviceLabel } from './directory.policy.ts';
import { refreshServiceSearch } from './directory.search.ts';
import { checkNeighbourhoods } from './directory.validation.ts';
import { presentService, presentStatus } from './services.presenter.ts';
import {
  existingLocationIds,
  findService,
  foreignChildIds,
  replaceServiceLists,
  type ServiceLists,
  type ServiceRow,
  serviceChildren,
  statusHistory,
} from './services.repo.ts';

type CreateBody = z.output<typeof createServiceBodySchema>;
type UpdateBody = z.output<typeof updateServiceBodySchema>;

export async function presentOneService(db: Database | Tx, row: ServiceRow, timeZone: string) {
  return presentService(row, await serviceChildren(db, row, timeZone));
}

async function existingService(db: Database | Tx, id: string): Promise<ServiceRow> {
  const row = await findService(db, id);
  if (!row) throw notFound(serviceLabel);
  return row;
}

export async function getService(db: Database, id: string, timeZone: string) {
  return presentOneService(db, await existingService(db, id), timeZone);
}

const waitOnlyOnWaitingList = () =>
  fieldError(
    'expectedWaitDays',
    text(
      'Une attente prévue ne s’indique que pour une liste d’attente.',
      'An expected wait goes with a waiting list only.',
    ),
  );

/**
 * Everything a service points at and every rule across fields, checked before the write and
 * reported together (one 422 naming each field).
 */
async function checkService(
  db: Database | Tx,
  serviceId: string,
  input: Partial<CreateBody>,
  current: ServiceRow | undefined,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.actorId) {
    const owner = await findActor(db, input.actorId);
    if (owner?.kind !== 'organisation')
      errors.push(
        fieldError(
          'actorId',
          text('Choisissez un organisme du répertoire.', 'Choose an organisation of the directory.'),
        ),
      );
    else if (!owner.active && owner.id !== current?.actorId)
      errors.push(
        fieldError('actorId', text('Cet organisme n’est plus actif.', 'This organisation is no longer active.')),
      );
  }
  if (input.needs?.length) {
    const codes = (await activeCodes(db)).get('need');
    input.needs.forEach((code, i) => {
      if (!codes?.has(code)) errors.push(unknownTerm(`needs.${i}`, code));
    });
  }
  const minimumAge = input.minimumAge !== undefined ? input.minimumAge : current?.minimumAge;
  const maximumAge = input.maximumAge !== undefined ? input.maximumAge : current?.maximumAge;
  if (minimumAge != null && maximumAge != null && minimumAge > maximumAge)
    errors.push(
      fieldError('maximumAge', text('L’âge maximum précède l’âge minimum.', 'The maximum age is below the minimum.')),
    );
  input.locations?.forEach((l, i) => {
    if ((l.latitude == null) !== (l.longitude == null))
      errors.push(
        fieldError(
          `locations.${i}.${l.latitude == null ? 'latitude' : 'longitude'}`,
          text('Latitude et longitude vont ensemble.', 'Latitude and longitude go together.'),
        ),
      );
  });
  const locationIds = new Set(
    input.locations
      ? input.locations.map((l) => l.id).filter(Boolean)
      : current
        ? await existingLocationIds(db, serviceId)
        : [],
  );
  input.schedules?.forEach((s, i) => {
    const path = `schedules.${i}`;
    if ((s.opensAt == null) !== (s.closesAt == null))
      errors.push(
        fieldError(
          `${path}.${s.opensAt == null ? 'opensAt' : 'closesAt'}`,
          text('Indiquez l’ouverture et la fermeture.', 'Give both opening and closing times.'),
        ),
      );
    else if (s.opensAt && s.closesAt && s.opensAt.slice(0, 5) >= s.closesAt.slice(0, 5))
      errors.push(
        fieldError(`${path}.closesAt`, text('La fermeture suit l’ouverture.', 'Closing comes after opening.')),
      );
    if (s.opensAt && s.weekday == null)
      errors.push(
        fieldError(`${path}.weekday`, text('Indiquez le jour de ces heures.', 'Give the day of these hours.')),
      );
    if (s.weekday == null && !s.opensAt && !s.description)
      errors.push(fieldError(`${path}.description`, text('Décrivez cet horaire.', 'Describe this schedule.')));
    if (s.validFrom && s.validTo && s.validFrom > s.validTo)
      errors.push(fieldError(`${path}.validTo`, text('La fin précède le début.', 'The end comes before the start.')));
    if (s.locationId && !locationIds.has(s.locationId))
      errors.push(
        fieldError(`${path}.locationId`, text('Lieu inconnu pour ce service.', 'Unknown location for this service.')),
      );
  });
  await checkNeighbourhoods(db, input.neighbourhoodIds, errors);
  const foreign = await foreignChildIds(db, serviceId, input);
  for (const list of ['locations', 'schedules', 'contacts'] as const)
    input[list]?.forEach((item, i) => {
      if (item.id && foreign[list].has(item.id))
        errors.push(
          fieldError(`${list}.${i}.id`, text('Identifiant déjà utilisé ailleurs.', 'Id already used elsewhere.')),
        );
    });
  return errors;
}

function listsOf(input: Partial<CreateBody>): ServiceLists {
  return {
    locations: input.locations,
    schedules: input.schedules,
    contacts: input.contacts,
    neighbourhoodIds: input.neighbourhoodIds,
  };
}

const nested = ['locations', 'schedules', 'contacts', 'neighbourhoodIds'] as const;
function scalarFields<T extends Record<string, unknown>>(input: T) {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !(nested as readonly string[]).includes(key)));
}

export async function createService(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: CreateBody,
  timeZone: string,
) {
  const errors = await checkService(db, id, body, undefined);
  if (body.expectedWaitDays != null && body.availability !== 'waitingList') errors.push(waitOnlyOnWaitingList());
  if (await findService(db, id)) errors.push(fieldError('id', text('Identifiant déjà utilisé.', 'Id already used.')));
  if (errors.length) throw invalidFields(errors);
  const { id: _id, availability, expectedWaitDays, ...input } = body;
  const actor = actorOf(request);
  const now = new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(services)
      .values({
        ...(scalarFields(input) as Omit<typeof services.$inferInsert, 'id'>),
        id,
        availability,
        availabilitySince: now,
        expectedWaitDays: expectedWaitDays ?? null,
        createdBy: actor.id,
      })
      .returning();
    await tx.insert(serviceStatuses).values({
      id: uuidv7(),
      serviceId: id,
      status: availability,
      expectedWaitDays: expectedWaitDays ?? null,
      effectiveAt: now,
      recordedBy: actor.id,
    });
    await replaceServiceLists(tx, id, listsOf(input));
    await refreshServiceSearch(tx, [id]);
    await recordAudit(tx, request, { action: 'create', entityType: 'service', entityId: id });
    return presentOneService(tx, row as ServiceRow, timeZone);
  });
}

export async function updateService(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: UpdateBody,
  timeZone: string,
) {
  const current = await existingService(db, id);
  const { baseVersion, ...input } = body;
  const errors = await checkService(db, id, input, current);
  if (errors.length) throw invalidFields(errors);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(services)
      .set({ ...scalarFields(input), version: sql`${services.version} + 1`, updatedAt: new Date() })
      .where(and(eq(services.id, id), eq(services.version, baseVersion)))
      .returning();
    if (!row) throw new VersionConflict(await presentOneService(tx, (await findService(tx, id)) ?? current, timeZone));
    await replaceServiceLists(tx, id, listsOf(input));
    await refreshServiceSearch(tx, [id]);
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'service',
      entityId: id,
      details: { fields: Object.keys(input) },
    });
    return presentOneService(tx, row, timeZone);
  });
}

export async function listStatuses(db: Database, id: string) {
  await existingService(db, id);
  return { items: (await statusHistory(db, id)).map(presentStatus) };
}

/**
 * A dated availability: kept in the history; it becomes the service's current availability unless
 * a later one is already known. Not a content edit: the service's version does not move.
 */
export async function addStatus(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof newServiceStatusBodySchema>,
  timeZone: string,
) {
  await existingService(db, id);
  if (body.expectedWaitDays != null && body.status !== 'waitingList') throw invalidFields([waitOnlyOnWaitingList()]);
  const effectiveAt = body.effectiveAt ? new Date(body.effectiveAt) : new Date();
  if (effectiveAt.getTime() > Date.now() + 5 * 60_000)
    throw invalidFields([
      fieldError('effectiveAt', text('Cette date est dans le futur.', 'This date is in the future.')),
    ]);
  const statusId = body.id ?? uuidv7();
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(serviceStatuses)
      .values({
        id: statusId,
        serviceId: id,
        status: body.status,
        expectedWaitDays: body.expectedWaitDays ?? null,
        note: body.note ?? null,
        effectiveAt,
        recordedBy: actorOf(request).id,
      })
      .onConflictDoNothing()
      .returning({ id: serviceStatuses.id });
    // A retried request (same id) changes nothing more.
    if (inserted.length)
      await tx
        .update(services)
        .set({
          availability: body.status,
          availabilitySince: effectiveAt,
          expectedWaitDays: body.expectedWaitDays ?? null,
        })
        .where(and(eq(services.id, id), sql`${services.availabilitySince} <= ${effectiveAt.toISOString()}`));
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'service_status',
      entityId: id,
      details: { status: body.status, expectedWaitDays: body.expectedWaitDays ?? null },
    });
    return presentOneService(tx, (await findService(tx, id)) as ServiceRow, timeZone);
  });
}
