import { type LocalizedText, text } from '../../../core/localized.ts';
import type { HsdsObject } from './hsds.export.ts';
import { dateOf, idOf, list, numberOf, object, textOf, timeOf, weekdaysOf } from './hsds.mapping.ts';

/**
 * Where and when an HSDS service is offered (decision 0013): its locations, nested under
 * `service_at_locations`, and its schedules, wherever the publisher put them (on the service, on a
 * service-at-location, on a location). What cannot be kept is said in `warnings`.
 */

export type ImportedLocation = {
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

export type ImportedSchedule = {
  locationKey: string | null;
  weekday: number | null;
  opensAt: string | null;
  closesAt: string | null;
  validFrom: string | null;
  validTo: string | null;
  description: string | null;
};

export function joinAddress(address: HsdsObject): string | null {
  const parts = [textOf(address.address_1), textOf(address.address_2)].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

/** Prefers the physical address; a postal one only when there is no other. */
function pickAddress(addresses: HsdsObject[]): HsdsObject | undefined {
  return addresses.find((a) => textOf(a.address_type) !== 'postal') ?? addresses[0];
}

export function placesOf(
  document: HsdsObject,
  warnings: LocalizedText[],
): { locations: ImportedLocation[]; schedules: ImportedSchedule[] } {
  const warn = (fr: string, en: string) => warnings.push(text(fr, en));
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
  return { locations, schedules };
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
