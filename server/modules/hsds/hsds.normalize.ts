import { type Audience, audiences, type HsdsServiceStatus, hsdsServiceStatuses } from '../../../core/directory.ts';
import { type LocalizedText, text } from '../../../core/localized.ts';
import type { HsdsObject } from './hsds.export.ts';
import { audienceTaxonomy } from './hsds.export.ts';
import { dateOf, emailOf, fold, languageCode, textOf, timeOf, urlOf, weekdaysOf } from './hsds.mapping.ts';

/**
 * One HSDS service document as the rows Relais keeps (decision 0013), or the reasons it cannot
 * be. What is left aside or guessed is said in `warnings`, in both languages.
 */

export type ImportContext = {
  /** Folded need code, French label and English label → need code. */
  needs: Map<string, string>;
  /** Folded neighbourhood name or code → neighbourhood id. */
  neighbourhoods: Map<string, string>;
  /** Label of the line that keeps the publisher's unmatched categories in the description. */
  categoriesLabel: string;
};

export type ImportedOrganisation = {
  externalId: string;
  name: string;
  alternateName: string | null;
  description: string | null;
  email: string | null;
  website: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
  postalCode: string | null;
};

type ImportedLocation = {
  key: string;
  externalId: string | null;
  name: string | null;
  description: string | null;
  address: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
  accessibility: string | null;
};

type ImportedSchedule = {
  locationKey: string | null;
  weekday: number | null;
  opensAt: string | null;
  closesAt: string | null;
  validFrom: string | null;
  validTo: string | null;
  description: string | null;
};

export type ImportedService = {
  externalId: string;
  name: string;
  fields: {
    alternateName: string | null;
    description: string | null;
    url: string | null;
    email: string | null;
    phone: string | null;
    hsdsStatus: HsdsServiceStatus;
    eligibilityDescription: string | null;
    minimumAge: number | null;
    maximumAge: number | null;
    audiences: string[];
    languages: string[];
    needs: string[];
    interpretationServices: string | null;
    applicationProcess: string | null;
    requiredDocuments: string[];
    free: boolean | null;
    feesDescription: string | null;
    waitTime: string | null;
    alert: string | null;
  };
  /** The organisation given in the file, or only its id (organization_id), or nothing. */
  organisation: ImportedOrganisation | null;
  organisationRef: string | null;
  locations: ImportedLocation[];
  schedules: ImportedSchedule[];
  contacts: {
    name: string | null;
    title: string | null;
    department: string | null;
    email: string | null;
    phone: string | null;
  }[];
  neighbourhoodIds: string[];
};

export type Normalized =
  | { ok: true; service: ImportedService; warnings: LocalizedText[] }
  | { ok: false; externalId: string | null; name: string | null; reasons: LocalizedText[]; warnings: LocalizedText[] };

const list = (value: unknown): HsdsObject[] =>
  Array.isArray(value) ? value.filter((v): v is HsdsObject => typeof v === 'object' && v !== null) : [];
const object = (value: unknown): HsdsObject | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as HsdsObject) : null;

function numberOf(value: unknown): number | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
  return Number.isFinite(number) ? number : 'invalid';
}

const idOf = (value: unknown): string | null => textOf(value);
const clip = (value: string | null, max: number) => (value && value.length > max ? value.slice(0, max) : value);

function statusOf(value: unknown): HsdsServiceStatus | null | 'invalid' {
  const raw = textOf(value);
  if (!raw) return null;
  const folded = raw.toLowerCase().replace(/[_-]+/g, ' ');
  return (hsdsServiceStatuses as readonly string[]).includes(folded) ? (folded as HsdsServiceStatus) : 'invalid';
}

function organisationOf(raw: HsdsObject | null): ImportedOrganisation | null {
  if (!raw) return null;
  const externalId = idOf(raw.id);
  const name = textOf(raw.name);
  if (!externalId || !name) return null;
  const location = list(raw.locations)[0];
  const address = location ? list(location.addresses)[0] : undefined;
  return {
    externalId,
    name: clip(name, 200) as string,
    alternateName: textOf(raw.alternate_name),
    description: textOf(raw.description),
    email: emailOf(textOf(raw.email)),
    website: urlOf(textOf(raw.website) ?? textOf(raw.url)),
    phone: textOf(list(raw.phones)[0]?.number),
    address: address ? joinAddress(address) : null,
    city: address ? textOf(address.city) : null,
    postalCode: address ? textOf(address.postal_code) : null,
  };
}

function joinAddress(address: HsdsObject): string | null {
  const parts = [textOf(address.address_1), textOf(address.address_2)].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

/** Prefers the physical address; a postal one only when there is no other. */
function pickAddress(addresses: HsdsObject[]): HsdsObject | undefined {
  return addresses.find((a) => textOf(a.address_type) !== 'postal') ?? addresses[0];
}

export function normalizeService(document: HsdsObject, context: ImportContext): Normalized {
  const warnings: LocalizedText[] = [];
  const warn = (fr: string, en: string) => warnings.push(text(fr, en));
  const externalId = idOf(document.id);
  const name = textOf(document.name);
  const reasons: LocalizedText[] = [];
  if (document.__notAnObject)
    reasons.push(text('Cet élément n’est pas un objet service.', 'This item is not a service object.'));
  if (!externalId) reasons.push(text('Identifiant (id) manquant.', 'Identifier (id) missing.'));
  if (!name) reasons.push(text('Nom (name) manquant.', 'Name (name) missing.'));
  const status = statusOf(document.status);
  if (status === 'invalid') {
    reasons.push(
      text(
        `Statut inconnu « ${textOf(document.status)} » (attendu : active, inactive, defunct, temporarily closed).`,
        `Unknown status "${textOf(document.status)}" (expected: active, inactive, defunct, temporarily closed).`,
      ),
    );
  }
  const ages = { minimum: numberOf(document.minimum_age), maximum: numberOf(document.maximum_age) };
  for (const [key, value] of Object.entries(ages)) {
    if (value === 'invalid' || (typeof value === 'number' && (value < 0 || value > 130))) {
      reasons.push(
        text(
          `Âge ${key === 'minimum' ? 'minimum' : 'maximum'} invalide : « ${String(document[`${key}_age`])} ».`,
          `Invalid ${key} age: "${String(document[`${key}_age`])}".`,
        ),
      );
    }
  }
  if (reasons.length > 0 || !externalId || !name) return { ok: false, externalId, name, reasons, warnings };
  if (status === null)
    warn('Statut absent : le service est importé comme actif.', 'No status: the service is imported as active.');

  let minimumAge = ages.minimum as number | null;
  let maximumAge = ages.maximum as number | null;
  if (minimumAge !== null && maximumAge !== null && minimumAge > maximumAge) {
    warn(
      'Âge minimum plus grand que l’âge maximum : les deux sont laissés de côté.',
      'Minimum age above maximum age: both are left aside.',
    );
    [minimumAge, maximumAge] = [null, null];
  }
  if (minimumAge !== null) minimumAge = Math.round(minimumAge);
  if (maximumAge !== null) maximumAge = Math.round(maximumAge);

  const email = textOf(document.email);
  if (email && !emailOf(email))
    warn(`Courriel invalide laissé de côté : « ${email} ».`, `Invalid e-mail left aside: "${email}".`);
  const url = textOf(document.url);
  if (url && !urlOf(url))
    warn(`Adresse web invalide laissée de côté : « ${url} ».`, `Invalid web address left aside: "${url}".`);

  // Languages: codes or names.
  const languages: string[] = [];
  for (const language of list(document.languages)) {
    const code = languageCode(textOf(language.code), textOf(language.name));
    if (code) {
      if (!languages.includes(code)) languages.push(code);
    } else {
      const label = textOf(language.code) ?? textOf(language.name) ?? '?';
      warn(`Langue non reconnue laissée de côté : « ${label} ».`, `Unrecognised language left aside: "${label}".`);
    }
  }

  // Needs and audiences from taxonomy attributes; the rest kept as text in the description.
  const needs: string[] = [];
  const audienceCodes: string[] = [];
  const unmatched: string[] = [];
  for (const attribute of list(document.attributes)) {
    const term = object(attribute.taxonomy_term);
    const code = textOf(term?.code);
    const label = textOf(term?.name) ?? textOf(attribute.value);
    if (!code && !label) continue;
    const taxonomy = textOf(term?.taxonomy);
    const audience = [code, label].find((v) => v && (audiences as readonly string[]).includes(v));
    if (audience && (taxonomy === audienceTaxonomy || textOf(attribute.link_type) === 'audience')) {
      if (!audienceCodes.includes(audience)) audienceCodes.push(audience as Audience);
      continue;
    }
    const need = [code, label].map((v) => (v ? context.needs.get(fold(v)) : undefined)).find(Boolean);
    if (need) {
      if (!needs.includes(need)) needs.push(need);
    } else {
      const kept = label ?? code ?? '';
      if (!unmatched.includes(kept)) unmatched.push(kept);
    }
  }
  if (unmatched.length > 0) {
    warn(
      `Catégories sans besoin correspondant, gardées dans la description : ${unmatched.join(', ')}.`,
      `Categories with no matching need, kept in the description: ${unmatched.join(', ')}.`,
    );
  }
  const description = [
    textOf(document.description),
    unmatched.length ? `${context.categoriesLabel}${unmatched.join(', ')}` : null,
  ]
    .filter(Boolean)
    .join('\n\n');

  // Service areas → the deployment's neighbourhoods, by name or code.
  const neighbourhoodIds: string[] = [];
  for (const area of list(document.service_areas)) {
    const label = textOf(area.name) ?? textOf(area.extent) ?? textOf(area.description);
    if (!label) continue;
    const id = context.neighbourhoods.get(fold(label));
    if (id) {
      if (!neighbourhoodIds.includes(id)) neighbourhoodIds.push(id);
    } else {
      warn(
        `Territoire sans quartier correspondant : « ${label} ».`,
        `Service area with no matching neighbourhood: "${label}".`,
      );
    }
  }

  // Locations (nested under service_at_locations).
  const locations: ImportedLocation[] = [];
  const atKeys = new Map<string, string>();
  const scheduleSources: { raw: HsdsObject; locationKey: string | null }[] = [];
  list(document.service_at_locations).forEach((at, index) => {
    const location = object(at.location);
    const locationId = idOf(location?.id) ?? idOf(at.location_id);
    const key = locationId ?? `at-${index}`;
    if (idOf(at.id)) atKeys.set(idOf(at.id) as string, key);
    for (const schedule of list(at.schedules)) scheduleSources.push({ raw: schedule, locationKey: key });
    if (!location) {
      warn(
        `Lieu ${locationId ?? index + 1} absent du fichier : laissé de côté.`,
        `Location ${locationId ?? index + 1} is not in the file: left aside.`,
      );
      return;
    }
    if (locations.some((l) => l.key === key)) return;
    const address = pickAddress(list(location.addresses));
    let latitude = numberOf(location.latitude);
    let longitude = numberOf(location.longitude);
    const validPoint =
      typeof latitude === 'number' &&
      typeof longitude === 'number' &&
      Math.abs(latitude) <= 90 &&
      Math.abs(longitude) <= 180;
    if (!validPoint) {
      if (latitude !== null || longitude !== null) {
        warn('Coordonnées invalides d’un lieu laissées de côté.', 'Invalid coordinates of a location left aside.');
      }
      [latitude, longitude] = [null, null];
    }
    const access = list(location.accessibility)
      .map((a) => [textOf(a.description), textOf(a.details)].filter(Boolean).join(' — '))
      .filter(Boolean);
    locations.push({
      key,
      externalId: locationId,
      name: textOf(location.name),
      description: textOf(location.description),
      address: address ? joinAddress(address) : null,
      city: address ? textOf(address.city) : null,
      region: address ? (textOf(address.state_province) ?? textOf(address.region)) : null,
      postalCode: address ? textOf(address.postal_code) : null,
      country: address ? textOf(address.country) : null,
      latitude: latitude as number | null,
      longitude: longitude as number | null,
      transportation: textOf(location.transportation),
      accessibility: access.length ? access.join('; ') : null,
    });
    for (const schedule of list(location.schedules)) scheduleSources.push({ raw: schedule, locationKey: key });
  });

  // Schedules: weekly byday + hours become one row per day; anything else keeps its description.
  for (const schedule of list(document.schedules)) {
    const at = idOf(schedule.service_at_location_id);
    const locationId = idOf(schedule.location_id);
    const key =
      (at && atKeys.get(at)) ?? (locationId && locations.some((l) => l.key === locationId) ? locationId : null);
    scheduleSources.push({ raw: schedule, locationKey: key });
  }
  const schedules: ImportedSchedule[] = [];
  const seenSchedules = new Set<string>();
  for (const { raw, locationKey } of scheduleSources) {
    const rawId = idOf(raw.id);
    if (rawId && seenSchedules.has(rawId)) continue;
    if (rawId) seenSchedules.add(rawId);
    const converted = scheduleRows(raw, locationKey);
    if (converted.warning) warnings.push(converted.warning);
    schedules.push(...converted.rows);
  }

  // Cost options: free when one says so (amount 0 or "free"/"gratuit"), else their text joins the fees.
  const costs = list(document.cost_options);
  let free: boolean | null = null;
  const costTexts: string[] = [];
  for (const cost of costs) {
    const amount = numberOf(cost.amount);
    const option = textOf(cost.option);
    if (amount === 0 || (option && /free|gratuit/i.test(option))) free ??= true;
    else if (typeof amount === 'number' && amount > 0) free = false;
    const parts = [
      option,
      typeof amount === 'number' && amount > 0 ? `${amount} ${textOf(cost.currency) ?? ''}`.trim() : null,
      textOf(cost.amount_description),
    ];
    const line = parts.filter(Boolean).join(' — ');
    if (line && amount !== 0) costTexts.push(line);
  }
  const feesDescription =
    textOf(document.fees_description) ?? textOf(document.fees) ?? (costTexts.length ? costTexts.join('; ') : null);

  const contacts = list(document.contacts).map((contact) => {
    const contactEmail = textOf(contact.email);
    if (contactEmail && !emailOf(contactEmail)) {
      warn(
        `Courriel invalide d’un contact laissé de côté : « ${contactEmail} ».`,
        `Invalid contact e-mail left aside: "${contactEmail}".`,
      );
    }
    return {
      name: textOf(contact.name),
      title: textOf(contact.title),
      department: textOf(contact.department),
      email: emailOf(contactEmail),
      phone: textOf(list(contact.phones)[0]?.number),
    };
  });

  const requiredDocuments = list(document.required_documents)
    .map((d) => textOf(d.document))
    .filter((d): d is string => Boolean(d));

  const organisationRaw = object(document.organization);
  const organisation = organisationOf(organisationRaw);
  if (organisationRaw && !organisation) {
    warn(
      'Organisme sans identifiant ou sans nom : rattaché à l’éditeur.',
      'Organisation without an id or a name: attached to the publisher.',
    );
  }
  return {
    ok: true,
    warnings,
    service: {
      externalId,
      name: clip(name, 200) as string,
      fields: {
        alternateName: textOf(document.alternate_name),
        description: description || null,
        url: urlOf(url),
        email: emailOf(email),
        phone: textOf(list(document.phones)[0]?.number),
        hsdsStatus: (status as HsdsServiceStatus | null) ?? 'active',
        eligibilityDescription: textOf(document.eligibility_description),
        minimumAge,
        maximumAge,
        audiences: audienceCodes,
        languages,
        needs,
        interpretationServices: textOf(document.interpretation_services),
        applicationProcess: textOf(document.application_process),
        requiredDocuments,
        free,
        feesDescription,
        waitTime: textOf(document.wait_time),
        alert: textOf(document.alert),
      },
      organisation,
      organisationRef: organisation?.externalId ?? idOf(document.organization_id),
      locations,
      schedules,
      contacts,
      neighbourhoodIds,
    },
  };
}

function scheduleRows(
  raw: HsdsObject,
  locationKey: string | null,
): { rows: ImportedSchedule[]; warning?: LocalizedText } {
  const opens = textOf(raw.opens_at);
  const closes = textOf(raw.closes_at);
  const opensAt = timeOf(opens);
  const closesAt = timeOf(closes);
  const byday = textOf(raw.byday);
  const freq = textOf(raw.freq)?.toUpperCase() ?? null;
  const validFrom = dateOf(textOf(raw.valid_from));
  const validTo = dateOf(textOf(raw.valid_to));
  const description = textOf(raw.description) ?? textOf(raw.notes);
  const days = byday ? weekdaysOf(byday) : null;
  const hoursOk = opensAt !== null && closesAt !== null && opensAt < closesAt;
  const base = { locationKey, validFrom, validTo };
  if ((freq === null || freq === 'WEEKLY') && days && hoursOk) {
    return { rows: days.map((weekday) => ({ ...base, weekday, opensAt, closesAt, description })) };
  }
  // Not a plain weekly slot: keep what a person can read.
  const said = [
    description,
    byday,
    opens && closes ? `${opens}–${closes}` : null,
    freq && freq !== 'WEEKLY' ? freq : null,
  ]
    .filter(Boolean)
    .join(' · ');
  if (!said) return { rows: [] };
  const warning =
    days && !hoursOk && (opens || closes)
      ? text(
          `Horaire « ${said} » gardé en texte (heures illisibles ou de nuit).`,
          `Schedule "${said}" kept as text (unreadable or overnight hours).`,
        )
      : byday && !days
        ? text(
            `Horaire « ${said} » gardé en texte (règle non hebdomadaire).`,
            `Schedule "${said}" kept as text (not a weekly rule).`,
          )
        : undefined;
  return {
    rows: [{ ...base, weekday: null, opensAt: null, closesAt: null, description: said }],
    ...(warning ? { warning } : {}),
  };
}
