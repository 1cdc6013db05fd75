import { type AnyColumn, and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { HsdsImportReport, HsdsImportRow } from '../../../core/contracts/hsds.ts';
import { type Language, type LocalizedText, text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import {
  actors,
  neighbourhoods,
  serviceContacts,
  serviceLocations,
  serviceNeighbourhoods,
  serviceSchedules,
  serviceStatuses,
  services,
  taxonomyTerms,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { refreshServiceSearch } from '../directory/directory.search.ts';
import { fold } from './hsds.mapping.ts';
import {
  type ImportContext,
  type ImportedOrganisation,
  type ImportedService,
  normalizeService,
} from './hsds.normalize.ts';
import { badFile, type ReadFile } from './hsds.read.ts';

/**
 * An HSDS import (decision 0013): every record is checked and matched first — by the publisher
 * (`external_source`) and its HSDS id (`external_id`) — so the dry-run and the real import show
 * the same plan; the real import then writes the whole plan in one transaction.
 */

/** The external id of the organisation that stands for the publisher itself. */
const publisherOrganisationId = 'relais:publisher';

const categoriesLabel: Record<Language, string> = {
  fr: 'Catégories de l’éditeur : ',
  en: 'Publisher’s categories: ',
};

async function importContext(db: Database | Tx, language: Language): Promise<ImportContext> {
  const needs = new Map<string, string>();
  const terms = await db
    .select({ code: taxonomyTerms.code, fr: taxonomyTerms.labelFr, en: taxonomyTerms.labelEn })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.kind, 'need'), eq(taxonomyTerms.active, true)));
  for (const term of terms) {
    for (const key of [term.code, term.fr, term.en]) needs.set(fold(key), term.code);
  }
  const places = new Map<string, string>();
  for (const row of await db
    .select({ id: neighbourhoods.id, name: neighbourhoods.name, code: neighbourhoods.code })
    .from(neighbourhoods)) {
    places.set(fold(row.name), row.id);
    places.set(fold(row.code), row.id);
  }
  return { needs, neighbourhoods: places, categoriesLabel: categoriesLabel[language] };
}

type PlannedService = { service: ImportedService; existingId: string | null; organisationKey: string };
type Plan = {
  report: HsdsImportReport;
  services: PlannedService[];
  /** Organisations to write, by external id, with the id of the row that already holds them. */
  organisations: Map<string, { organisation: ImportedOrganisation; existingId: string | null }>;
};

const chunk = <T>(rows: T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

async function plan(db: Database | Tx, file: ReadFile, source: string, language: Language): Promise<Plan> {
  const context = await importContext(db, language);
  const normalized = file.records.map((record) => ({ record, result: normalizeService(record.document, context) }));

  const serviceIds = normalized.flatMap(({ result }) => (result.ok ? [result.service.externalId] : []));
  const existingServices = new Map<string, string>();
  for (const ids of chunk([...new Set(serviceIds)])) {
    const rows = await db
      .select({ id: services.id, externalId: services.externalId })
      .from(services)
      .where(and(eq(services.externalSource, source), inArray(services.externalId, ids)));
    for (const row of rows) existingServices.set(row.externalId as string, row.id);
  }
  const organisationRefs = normalized.flatMap(({ result }) =>
    result.ok && result.service.organisationRef ? [result.service.organisationRef] : [],
  );
  const existingOrganisations = new Map<string, string>();
  for (const ids of chunk([...new Set([...organisationRefs, publisherOrganisationId])])) {
    const rows = await db
      .select({ id: actors.id, externalId: actors.externalId })
      .from(actors)
      .where(and(eq(actors.externalSource, source), eq(actors.kind, 'organisation'), inArray(actors.externalId, ids)));
    for (const row of rows) existingOrganisations.set(row.externalId as string, row.id);
  }

  const organisations: Plan['organisations'] = new Map();
  const planned: PlannedService[] = [];
  const rows: HsdsImportRow[] = [];
  const seen = new Set<string>();
  let needsPublisher = false;
  for (const { record, result } of normalized) {
    if (!result.ok) {
      rows.push({
        where: record.where,
        externalId: result.externalId,
        name: result.name,
        organisation: null,
        action: 'reject',
        reasons: result.reasons,
        warnings: result.warnings,
      });
      continue;
    }
    const { service } = result;
    const warnings: LocalizedText[] = [...result.warnings];
    if (seen.has(service.externalId)) {
      rows.push({
        where: record.where,
        externalId: service.externalId,
        name: service.name,
        organisation: null,
        action: 'reject',
        reasons: [
          text(
            `Identifiant ${service.externalId} en double dans le fichier : seule sa première occurrence est importée.`,
            `Identifier ${service.externalId} appears twice in the file: only its first occurrence is imported.`,
          ),
        ],
        warnings,
      });
      continue;
    }
    seen.add(service.externalId);
    let organisationKey: string;
    let organisationName: string;
    if (service.organisation) {
      organisationKey = service.organisation.externalId;
      organisationName = service.organisation.name;
      organisations.set(organisationKey, {
        organisation: service.organisation,
        existingId: existingOrganisations.get(organisationKey) ?? null,
      });
    } else if (service.organisationRef && existingOrganisations.has(service.organisationRef)) {
      organisationKey = service.organisationRef;
      organisationName = service.organisationRef;
    } else {
      organisationKey = publisherOrganisationId;
      organisationName = source;
      needsPublisher = true;
      warnings.push(
        service.organisationRef
          ? text(
              `Organisme ${service.organisationRef} absent du fichier : le service est rattaché à « ${source} ».`,
              `Organisation ${service.organisationRef} is not in the file: the service is attached to "${source}".`,
            )
          : text(
              `Service sans organisme : rattaché à « ${source} ».`,
              `Service without an organisation: attached to "${source}".`,
            ),
      );
    }
    const existingId = existingServices.get(service.externalId) ?? null;
    planned.push({ service, existingId, organisationKey });
    rows.push({
      where: record.where,
      externalId: service.externalId,
      name: service.name,
      organisation: organisationName,
      action: existingId ? 'update' : 'create',
      reasons: [],
      warnings,
    });
  }
  if (needsPublisher && !organisations.has(publisherOrganisationId)) {
    organisations.set(publisherOrganisationId, {
      organisation: {
        externalId: publisherOrganisationId,
        name: source,
        alternateName: null,
        description: null,
        email: null,
        website: null,
        phone: null,
        address: null,
        city: null,
        postalCode: null,
      },
      existingId: existingOrganisations.get(publisherOrganisationId) ?? null,
    });
  }
  const count = (action: HsdsImportRow['action']) => rows.filter((row) => row.action === action).length;
  const organisationList = [...organisations.values()];
  return {
    services: planned,
    organisations,
    report: {
      dryRun: true,
      source,
      format: file.format,
      counts: { created: count('create'), updated: count('update'), rejected: count('reject') },
      organisations: {
        created: organisationList.filter((o) => !o.existingId).length,
        updated: organisationList.filter((o) => o.existingId).length,
      },
      rows,
    },
  };
}

async function writeOrganisations(tx: Tx, request: FastifyRequest, source: string, planned: Plan['organisations']) {
  const ids = new Map<string, string>();
  const now = new Date();
  const fresh: (typeof actors.$inferInsert)[] = [];
  for (const [key, { organisation, existingId }] of planned) {
    const values = {
      name: organisation.name,
      alternateName: organisation.alternateName,
      description: organisation.description,
      email: organisation.email,
      website: organisation.website,
      phone: organisation.phone,
      address: organisation.address,
      city: organisation.city,
      postalCode: organisation.postalCode,
    };
    if (existingId) {
      ids.set(key, existingId);
      const kept = key === publisherOrganisationId ? { name: values.name } : values;
      await tx
        .update(actors)
        .set({ ...kept, updatedAt: now, version: sqlIncrement(actors.version) })
        .where(eq(actors.id, existingId));
    } else {
      const id = uuidv7();
      ids.set(key, id);
      fresh.push({
        id,
        kind: 'organisation',
        category: 'other',
        ...values,
        externalSource: source,
        externalId: key,
        createdBy: request.actor?.id ?? null,
      });
    }
  }
  for (const rows of chunk(fresh)) await tx.insert(actors).values(rows);
  return ids;
}

const sqlIncrement = (column: AnyColumn) => sql`${column} + 1`;

async function writeServices(
  tx: Tx,
  request: FastifyRequest,
  source: string,
  planned: PlannedService[],
  organisationIds: Map<string, string>,
): Promise<string[]> {
  const now = new Date();
  const ids: string[] = [];
  const updated = planned.filter((p) => p.existingId).map((p) => p.existingId as string);
  for (const part of chunk(updated)) {
    // Children are replaced whole by the file's: the publisher is the reference for them.
    await tx.delete(serviceLocations).where(inArray(serviceLocations.serviceId, part));
    await tx.delete(serviceSchedules).where(inArray(serviceSchedules.serviceId, part));
    await tx.delete(serviceContacts).where(inArray(serviceContacts.serviceId, part));
    await tx.delete(serviceNeighbourhoods).where(inArray(serviceNeighbourhoods.serviceId, part));
  }
  const fresh: (typeof services.$inferInsert)[] = [];
  const statuses: (typeof serviceStatuses.$inferInsert)[] = [];
  const locations: (typeof serviceLocations.$inferInsert)[] = [];
  const schedules: (typeof serviceSchedules.$inferInsert)[] = [];
  const contacts: (typeof serviceContacts.$inferInsert)[] = [];
  const areas: (typeof serviceNeighbourhoods.$inferInsert)[] = [];
  for (const { service, existingId, organisationKey } of planned) {
    const actorId = organisationIds.get(organisationKey) as string;
    const id = existingId ?? uuidv7();
    ids.push(id);
    if (existingId) {
      await tx
        .update(services)
        .set({
          ...service.fields,
          name: service.name,
          actorId,
          updatedAt: now,
          version: sqlIncrement(services.version),
        })
        .where(eq(services.id, existingId));
    } else {
      fresh.push({
        id,
        actorId,
        name: service.name,
        ...service.fields,
        externalSource: source,
        externalId: service.externalId,
        createdBy: request.actor?.id ?? null,
      });
      statuses.push({
        id: uuidv7(),
        serviceId: id,
        status: 'open',
        effectiveAt: now,
        recordedBy: request.actor?.id ?? null,
        note: `HSDS : ${source}`,
      });
    }
    const locationIds = new Map<string, string>();
    for (const location of service.locations) {
      const locationId = uuidv7();
      locationIds.set(location.key, locationId);
      const { key: _key, ...values } = location;
      locations.push({ id: locationId, serviceId: id, ...values });
    }
    for (const schedule of service.schedules) {
      const { locationKey, ...values } = schedule;
      schedules.push({
        id: uuidv7(),
        serviceId: id,
        locationId: locationKey ? (locationIds.get(locationKey) ?? null) : null,
        ...values,
      });
    }
    for (const contact of service.contacts) contacts.push({ id: uuidv7(), serviceId: id, ...contact });
    for (const neighbourhoodId of service.neighbourhoodIds) areas.push({ serviceId: id, neighbourhoodId });
  }
  for (const rows of chunk(fresh)) await tx.insert(services).values(rows);
  for (const rows of chunk(statuses)) await tx.insert(serviceStatuses).values(rows);
  for (const rows of chunk(locations)) await tx.insert(serviceLocations).values(rows);
  for (const rows of chunk(schedules)) await tx.insert(serviceSchedules).values(rows);
  for (const rows of chunk(contacts)) await tx.insert(serviceContacts).values(rows);
  for (const rows of chunk(areas)) await tx.insert(serviceNeighbourhoods).values(rows);
  return ids;
}

export type ImportOptions = { dryRun: boolean; source: string; filename: string | null; language: Language };

/**
 * Checks, then (unless a dry run) writes. A file with nothing importable is refused whole with
 * the reasons of its first records, so a wrong file never passes for an empty success.
 */
export async function importHsds(
  db: Database,
  request: FastifyRequest,
  file: ReadFile,
  options: ImportOptions,
): Promise<HsdsImportReport> {
  const dry = await plan(db, file, options.source, options.language);
  if (dry.services.length === 0) {
    const rejected = dry.report.rows.slice(0, 10);
    throw badFile(
      file.records.length === 0
        ? text('Le fichier ne contient aucun service.', 'The file contains no service.')
        : text(
            `Aucun des ${file.records.length} services du fichier ne peut être importé. Rien n’a été importé.`,
            `None of the ${file.records.length} services in the file can be imported. Nothing was imported.`,
          ),
      rejected.map((row) => ({
        path: row.where.en,
        message: row.reasons[0] ?? text('Refusé.', 'Rejected.'),
      })),
    );
  }
  if (options.dryRun) return dry.report;
  return db.transaction(async (tx) => {
    // Planned again inside the transaction, so what is written matches what is in the database now.
    const { services: planned, organisations, report } = await plan(tx, file, options.source, options.language);
    const organisationIds = await writeOrganisations(tx, request, options.source, organisations);
    const ids = await writeServices(tx, request, options.source, planned, organisationIds);
    await refreshServiceSearch(tx, ids);
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'hsds_import',
      details: {
        file: options.filename,
        source: options.source,
        format: file.format,
        ...report.counts,
        organisationsCreated: report.organisations.created,
        organisationsUpdated: report.organisations.updated,
      },
    });
    return { ...report, dryRun: false };
  });
}
