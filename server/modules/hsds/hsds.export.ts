import { asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  actors,
  neighbourhoods,
  serviceContacts,
  serviceLocations,
  serviceNeighbourhoods,
  serviceSchedules,
  services,
  taxonomyTerms,
} from '../../db/schema/index.ts';
import { addressLine, addressParts, bydayOf, derivedId, emailOf, languageName, urlOf } from './hsds.mapping.ts';

/**
 * The directory as HSDS 3.0 (decision 0013): one nested `service` document per service of an
 * organisation, with its organization, locations and addresses, schedules, languages, phones,
 * contacts, required documents, cost options, service areas and needs (as taxonomy attributes).
 * Key persons and their services are never exported: they follow the rules of people.
 */

export type HsdsObject = { [key: string]: unknown };

/** The taxonomies Relais publishes its codes under. */
const needTaxonomy = 'relais-needs';
export const audienceTaxonomy = 'relais-audiences';

type Actor = typeof actors.$inferSelect;
type Service = Omit<typeof services.$inferSelect, 'searchVector'>;

/**
 * Leaves out null and empty arrays (HSDS types its fields, and null is not a string): they become
 * undefined, which JSON omits. Keys are not deleted, so every object keeps a fast shape.
 */
function compact<T extends HsdsObject>(object: T): T {
  for (const key in object) {
    const value = object[key];
    if (value === null || (Array.isArray(value) && value.length === 0)) (object as HsdsObject)[key] = undefined;
  }
  return object;
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

const hhmm = (time: string | null) => (time ? time.slice(0, 5) : null);

function organizationOf(actor: Actor): HsdsObject {
  const parts = addressParts({ ...actor, region: null, country: null });
  const line = parts ? null : addressLine(actor);
  const locationId = derivedId(actor.id, 'location');
  return compact({
    id: actor.id,
    name: actor.name,
    alternate_name: actor.alternateName,
    description: actor.description ?? '',
    email: emailOf(actor.email),
    website: urlOf(actor.website),
    phones: actor.phone ? [{ id: derivedId(actor.id, 'phone'), organization_id: actor.id, number: actor.phone }] : [],
    locations:
      parts || line
        ? [
            compact({
              id: locationId,
              location_type: 'physical',
              organization_id: actor.id,
              name: actor.name,
              description: line,
              addresses: parts
                ? [{ id: derivedId(actor.id, 'address'), location_id: locationId, ...parts, address_type: 'physical' }]
                : [],
            }),
          ]
        : [],
  });
}

type Children = {
  locations: Map<string, (typeof serviceLocations.$inferSelect)[]>;
  schedules: Map<string, (typeof serviceSchedules.$inferSelect)[]>;
  contacts: Map<string, (typeof serviceContacts.$inferSelect)[]>;
  areas: Map<string, { serviceId: string; neighbourhoodId: string; name: string }[]>;
  needLabels: Map<string, { fr: string; en: string }>;
  /** Built once per export and shared by the documents that name them. */
  organizations: Map<string, HsdsObject>;
  terms: Map<string, HsdsObject>;
};

function locationOf(location: typeof serviceLocations.$inferSelect, organizationId: string): HsdsObject {
  const parts = addressParts(location);
  // An address HSDS would refuse (a part missing) is still said, in words, when nothing else is.
  const line = parts ? null : addressLine(location);
  return compact({
    id: location.id,
    location_type: 'physical',
    organization_id: organizationId,
    name: location.name,
    description: location.description ?? line,
    transportation: location.transportation,
    latitude: location.latitude,
    longitude: location.longitude,
    addresses: parts
      ? [
          compact({
            id: derivedId(location.id, 'address'),
            location_id: location.id,
            ...parts,
            region: location.region,
            address_type: 'physical',
          }),
        ]
      : [],
    accessibility: location.accessibility
      ? [{ id: derivedId(location.id, 'accessibility'), location_id: location.id, description: location.accessibility }]
      : [],
  });
}

function scheduleOf(row: typeof serviceSchedules.$inferSelect): HsdsObject {
  const weekly = row.weekday !== null;
  return compact({
    id: row.id,
    service_id: row.serviceId,
    location_id: row.locationId,
    valid_from: row.validFrom,
    valid_to: row.validTo,
    freq: weekly ? 'WEEKLY' : null,
    wkst: weekly ? 'MO' : null,
    byday: weekly ? bydayOf(row.weekday as number) : null,
    opens_at: hhmm(row.opensAt),
    closes_at: hhmm(row.closesAt),
    description: row.description,
  });
}

/** Terms are shared by many services: built once per export. */
function term(terms: Map<string, HsdsObject>, taxonomy: string, code: string, name: string, description: string) {
  const key = `${taxonomy}:${code}`;
  let found = terms.get(key);
  if (!found) {
    found = { id: derivedId(taxonomy, code), code, name, description, taxonomy, language: 'fr' };
    terms.set(key, found);
  }
  return found;
}

function serviceOf(service: Service, actor: Actor, children: Children): HsdsObject {
  const locations = children.locations.get(service.id) ?? [];
  const attribute = (kind: string, taxonomyTerm: HsdsObject) => ({
    id: derivedId(service.id, kind, taxonomyTerm.code as string),
    link_id: service.id,
    link_type: kind,
    link_entity: 'service',
    taxonomy_term_id: taxonomyTerm.id,
    taxonomy_term: taxonomyTerm,
  });
  const costOptions: HsdsObject[] = [];
  if (service.free === true) {
    costOptions.push({
      id: derivedId(service.id, 'cost', 'free'),
      service_id: service.id,
      option: 'Gratuit',
      amount: 0,
    });
  } else if (service.free === false && service.feesDescription) {
    costOptions.push({
      id: derivedId(service.id, 'cost', 'fees'),
      service_id: service.id,
      option: 'Payant',
      amount_description: service.feesDescription,
    });
  }
  return compact({
    id: service.id,
    organization_id: actor.id,
    name: service.name,
    alternate_name: service.alternateName,
    description: service.description,
    url: urlOf(service.url),
    email: emailOf(service.email),
    status: service.hsdsStatus,
    interpretation_services: service.interpretationServices,
    application_process: service.applicationProcess,
    fees_description: service.feesDescription,
    wait_time: service.waitTime,
    eligibility_description: service.eligibilityDescription,
    minimum_age: service.minimumAge,
    maximum_age: service.maximumAge,
    alert: service.alert,
    last_modified: service.updatedAt.toISOString(),
    organization: children.organizations.get(actor.id) ?? organizationOf(actor),
    phones: service.phone
      ? [{ id: derivedId(service.id, 'phone'), service_id: service.id, number: service.phone }]
      : [],
    schedules: (children.schedules.get(service.id) ?? []).map(scheduleOf),
    service_areas: (children.areas.get(service.id) ?? []).map((area) => ({
      id: derivedId(service.id, 'area', area.neighbourhoodId),
      service_id: service.id,
      name: area.name,
      extent_type: 'neighbourhood',
    })),
    service_at_locations: locations.map((location) => ({
      id: derivedId(service.id, 'at', location.id),
      service_id: service.id,
      location_id: location.id,
      location: locationOf(location, actor.id),
    })),
    languages: service.languages.map((code) => ({
      id: derivedId(service.id, 'language', code),
      service_id: service.id,
      code,
      name: languageName(code),
    })),
    cost_options: costOptions,
    required_documents: service.requiredDocuments.map((document, index) => ({
      id: derivedId(service.id, 'document', String(index)),
      service_id: service.id,
      document,
    })),
    contacts: (children.contacts.get(service.id) ?? []).map((contact) =>
      compact({
        id: contact.id,
        service_id: service.id,
        name: contact.name,
        title: contact.title,
        department: contact.department,
        email: emailOf(contact.email),
        phones: contact.phone
          ? [{ id: derivedId(contact.id, 'phone'), contact_id: contact.id, number: contact.phone }]
          : [],
      }),
    ),
    attributes: [
      ...service.needs.map((code) => {
        const label = children.needLabels.get(code) ?? { fr: code, en: code };
        return attribute('need', term(children.terms, needTaxonomy, code, label.fr, `${label.fr} / ${label.en}`));
      }),
      ...service.audiences.map((code) =>
        attribute('audience', term(children.terms, audienceTaxonomy, code, code, code)),
      ),
    ],
  });
}

export type DirectoryExport = { services: HsdsObject[]; organizations: HsdsObject[] };

/**
 * Every service of an organisation, as nested HSDS documents, and every organisation (with or
 * without services). A handful of queries whatever the size: rows are grouped in memory.
 */
export async function loadDirectoryExport(db: Database): Promise<DirectoryExport> {
  const organisations = await db.select().from(actors).where(eq(actors.kind, 'organisation')).orderBy(asc(actors.name));
  const byId = new Map(organisations.map((actor) => [actor.id, actor]));
  // Every column but the search document, which is large and not exported.
  const { searchVector: _searchVector, ...exported } = getTableColumns(services);
  const serviceRows = (await db.select(exported).from(services).orderBy(asc(services.name), asc(services.id))).filter(
    (s) => byId.has(s.actorId),
  );
  const ids = new Set(serviceRows.map((s) => s.id));
  const keep = <T extends { serviceId: string }>(rows: T[]) => rows.filter((row) => ids.has(row.serviceId));
  const [locationRows, scheduleRows, contactRows, areaRows, needRows] = await Promise.all([
    db.select().from(serviceLocations).orderBy(asc(serviceLocations.id)),
    db
      .select()
      .from(serviceSchedules)
      .orderBy(asc(serviceSchedules.weekday), asc(serviceSchedules.opensAt), asc(serviceSchedules.id)),
    db.select().from(serviceContacts).orderBy(asc(serviceContacts.id)),
    db
      .select({
        serviceId: serviceNeighbourhoods.serviceId,
        neighbourhoodId: serviceNeighbourhoods.neighbourhoodId,
        name: neighbourhoods.name,
      })
      .from(serviceNeighbourhoods)
      .innerJoin(neighbourhoods, eq(neighbourhoods.id, serviceNeighbourhoods.neighbourhoodId))
      .orderBy(asc(neighbourhoods.name)),
    db
      .select({ code: taxonomyTerms.code, fr: taxonomyTerms.labelFr, en: taxonomyTerms.labelEn })
      .from(taxonomyTerms)
      .where(inArray(taxonomyTerms.kind, ['need'])),
  ]);
  const children: Children = {
    locations: groupBy(keep(locationRows), (row) => row.serviceId),
    schedules: groupBy(keep(scheduleRows), (row) => row.serviceId),
    contacts: groupBy(keep(contactRows), (row) => row.serviceId),
    areas: groupBy(keep(areaRows), (row) => row.serviceId),
    needLabels: new Map(needRows.map((row) => [row.code, { fr: row.fr, en: row.en }])),
    organizations: new Map(organisations.map((actor) => [actor.id, organizationOf(actor)])),
    terms: new Map(),
  };
  return {
    services: serviceRows.map((service) => serviceOf(service, byId.get(service.actorId) as Actor, children)),
    organizations: [...children.organizations.values()],
  };
}

/** The HSDS API's page shape (`GET /services`), every service on one page. */
function servicePage(documents: HsdsObject[]) {
  return {
    total_items: documents.length,
    total_pages: 1,
    page_number: 1,
    size: documents.length,
    first_page: true,
    last_page: true,
    empty: documents.length === 0,
    contents: documents,
  };
}

export async function exportJson(db: Database): Promise<string> {
  const { services: documents } = await loadDirectoryExport(db);
  return JSON.stringify(servicePage(documents));
}
