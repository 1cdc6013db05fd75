import type { Service } from '../../../../core/contracts/directory.ts';
import type { Audience } from '../../../../core/directory.ts';
import { languageList } from './data.ts';

/** The service form's values, as typed, and the request body they make. */
export type Hours = {
  key: string;
  weekday: string;
  opensAt: string;
  closesAt: string;
  description: string;
  locationId: string | null;
};
export type Place = {
  id: string;
  name: string;
  address: string;
  city: string;
  postalCode: string;
  accessibility: string;
  transportation: string;
  latitude: number | null;
  longitude: number | null;
};
export type Person = { key: string; name: string; title: string; phone: string; email: string };

export type Values = {
  actorId: string;
  name: string;
  needs: string[];
  description: string;
  phone: string;
  languages: string;
  eligibilityDescription: string;
  audiences: Audience[];
  minimumAge: number | string;
  maximumAge: number | string;
  free: boolean;
  feesDescription: string;
  applicationProcess: string;
  requiredDocuments: string;
  url: string;
  email: string;
  alert: string;
  hours: Hours[];
  locations: Place[];
  contacts: Person[];
  neighbourhoodIds: string[];
};

export function valuesOf(service: Service | undefined, actorId: string | undefined): Values {
  return {
    actorId: service?.organisation.id ?? actorId ?? '',
    name: service?.name ?? '',
    needs: service?.needs ?? [],
    description: service?.description ?? '',
    phone: service?.phone ?? '',
    languages: (service?.languages ?? ['fr']).join(', '),
    eligibilityDescription: service?.eligibilityDescription ?? '',
    audiences: service?.audiences ?? [],
    minimumAge: service?.minimumAge ?? '',
    maximumAge: service?.maximumAge ?? '',
    free: service?.free ?? true,
    feesDescription: service?.feesDescription ?? '',
    applicationProcess: service?.applicationProcess ?? '',
    requiredDocuments: (service?.requiredDocuments ?? []).join('\n'),
    url: service?.url ?? '',
    email: service?.email ?? '',
    alert: service?.alert ?? '',
    hours: (service?.schedules ?? []).map((s) => ({
      key: s.id,
      weekday: s.weekday ? String(s.weekday) : '',
      opensAt: s.opensAt ?? '',
      closesAt: s.closesAt ?? '',
      description: s.description ?? '',
      locationId: s.locationId,
    })),
    locations: (service?.locations ?? []).map((l) => ({
      id: l.id,
      name: l.name ?? '',
      address: l.address ?? '',
      city: l.city ?? '',
      postalCode: l.postalCode ?? '',
      accessibility: l.accessibility ?? '',
      transportation: l.transportation ?? '',
      latitude: l.latitude,
      longitude: l.longitude,
    })),
    contacts: (service?.contacts ?? []).map((c) => ({
      key: c.id,
      name: c.name ?? '',
      title: c.title ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
    })),
    neighbourhoodIds: service?.neighbourhoodIds ?? [],
  };
}

const orNull = (value: string) => value.trim() || null;
const numberOrNull = (value: number | string) => (value === '' ? null : Number(value));

export function bodyOf(values: Values) {
  return {
    actorId: values.actorId,
    name: values.name.trim(),
    needs: values.needs,
    description: orNull(values.description),
    phone: orNull(values.phone),
    languages: languageList(values.languages),
    eligibilityDescription: orNull(values.eligibilityDescription),
    audiences: values.audiences,
    minimumAge: numberOrNull(values.minimumAge),
    maximumAge: numberOrNull(values.maximumAge),
    free: values.free,
    feesDescription: orNull(values.feesDescription),
    applicationProcess: orNull(values.applicationProcess),
    requiredDocuments: values.requiredDocuments
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    url: orNull(values.url),
    email: orNull(values.email),
    alert: orNull(values.alert),
    schedules: values.hours
      .filter((h) => h.weekday || h.description.trim())
      .map((h) => ({
        weekday: h.weekday ? Number(h.weekday) : null,
        opensAt: h.opensAt || null,
        closesAt: h.closesAt || null,
        description: orNull(h.description),
        locationId: h.locationId,
      })),
    locations: values.locations.map((l) => ({
      id: l.id,
      name: orNull(l.name),
      address: orNull(l.address),
      city: orNull(l.city),
      postalCode: orNull(l.postalCode),
      accessibility: orNull(l.accessibility),
      transportation: orNull(l.transportation),
      latitude: l.latitude,
      longitude: l.longitude,
    })),
    contacts: values.contacts
      .filter((c) => c.name.trim() || c.phone.trim() || c.email.trim())
      .map((c) => ({ name: orNull(c.name), title: orNull(c.title), phone: orNull(c.phone), email: orNull(c.email) })),
    neighbourhoodIds: values.neighbourhoodIds,
  };
}

export const formFields = [
  'actorId',
  'name',
  'needs',
  'description',
  'phone',
  'languages',
  'eligibilityDescription',
  'minimumAge',
  'maximumAge',
  'feesDescription',
  'applicationProcess',
  'url',
  'email',
  'alert',
];
