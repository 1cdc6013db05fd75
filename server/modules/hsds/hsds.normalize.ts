import { type Audience, audiences, type HsdsServiceStatus, hsdsServiceStatuses } from '../../../core/directory.ts';
import { type LocalizedText, text } from '../../../core/localized.ts';
import type { HsdsObject } from './hsds.export.ts';
import { audienceTaxonomy } from './hsds.export.ts';
import { emailOf, fold, idOf, languageCode, list, numberOf, object, textOf, urlOf } from './hsds.mapping.ts';
import { type ImportedLocation, type ImportedSchedule, joinAddress, placesOf } from './hsds.places.ts';

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

  const { locations, schedules } = placesOf(document, warnings);

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
