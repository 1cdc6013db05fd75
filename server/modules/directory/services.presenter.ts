import type { Service, ServiceStatus } from '../../../core/contracts/directory.ts';
import type { ActorKind, Audience, Availability, HsdsServiceStatus } from '../../../core/directory.ts';
import type { ServiceRow, serviceChildren, statusHistory } from './services.repo.ts';

/** "09:00:00" → "09:00": hours as people write them. */
export const clock = (value: string | null) => (value ? value.slice(0, 5) : null);

export function presentService(row: ServiceRow, children: Awaited<ReturnType<typeof serviceChildren>>): Service {
  return {
    id: row.id,
    organisation: {
      id: children.organisation.id,
      name: children.organisation.name,
      kind: children.organisation.kind as ActorKind,
    },
    name: row.name,
    alternateName: row.alternateName,
    description: row.description,
    url: row.url,
    email: row.email,
    phone: row.phone,
    hsdsStatus: row.hsdsStatus as HsdsServiceStatus,
    eligibilityDescription: row.eligibilityDescription,
    minimumAge: row.minimumAge,
    maximumAge: row.maximumAge,
    audiences: row.audiences as Audience[],
    languages: row.languages,
    needs: row.needs,
    interpretationServices: row.interpretationServices,
    applicationProcess: row.applicationProcess,
    requiredDocuments: row.requiredDocuments,
    free: row.free,
    feesDescription: row.feesDescription,
    waitTime: row.waitTime,
    alert: row.alert,
    availability: row.availability as Availability,
    availabilitySince: row.availabilitySince.toISOString(),
    expectedWaitDays: row.expectedWaitDays,
    openNow: children.openNow,
    locations: children.locations.map((l) => ({
      id: l.id,
      name: l.name,
      description: l.description,
      address: l.address,
      city: l.city,
      region: l.region,
      postalCode: l.postalCode,
      country: l.country,
      latitude: l.latitude,
      longitude: l.longitude,
      transportation: l.transportation,
      accessibility: l.accessibility,
    })),
    schedules: children.schedules.map((s) => ({
      id: s.id,
      locationId: s.locationId,
      weekday: s.weekday,
      opensAt: clock(s.opensAt),
      closesAt: clock(s.closesAt),
      validFrom: s.validFrom,
      validTo: s.validTo,
      description: s.description,
    })),
    contacts: children.contacts.map((c) => ({
      id: c.id,
      name: c.name,
      title: c.title,
      department: c.department,
      email: c.email,
      phone: c.phone,
    })),
    neighbourhoodIds: children.neighbourhoodIds,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentStatus(row: Awaited<ReturnType<typeof statusHistory>>[number]): ServiceStatus {
  return {
    id: row.id,
    status: row.status as Availability,
    expectedWaitDays: row.expectedWaitDays,
    note: row.note,
    effectiveAt: row.effectiveAt.toISOString(),
    recordedBy: row.recordedById ? { id: row.recordedById, name: row.recordedByName ?? '' } : null,
  };
}
