import type { Actor, ActorSummary } from '../../../core/contracts/directory.ts';
import type { ActorCategory, ActorKind, Availability, HsdsServiceStatus } from '../../../core/directory.ts';
import type { ConsentScope } from '../../../core/fieldwork.ts';
import type { ActorRow, actorChildren } from './actors.repo.ts';

/** A key person's contact details leave the server only under recorded consent. */
const showsContact = (row: Pick<ActorRow, 'kind' | 'consentGivenAt'>) =>
  row.kind === 'organisation' || !!row.consentGivenAt;

type SummaryRow = Pick<
  ActorRow,
  'id' | 'kind' | 'teamId' | 'category' | 'name' | 'city' | 'languages' | 'isHostPartner' | 'active' | 'consentGivenAt'
> & { serviceCount: number };

export function presentActorSummary(row: SummaryRow): ActorSummary {
  return {
    id: row.id,
    kind: row.kind as ActorKind,
    teamId: row.teamId,
    category: row.category as ActorCategory,
    name: row.name,
    city: showsContact(row) ? row.city : null,
    languages: row.languages,
    isHostPartner: row.isHostPartner,
    active: row.active,
    serviceCount: Number(row.serviceCount),
  };
}

export function presentActor(row: ActorRow, children: Awaited<ReturnType<typeof actorChildren>>): Actor {
  return {
    id: row.id,
    kind: row.kind as ActorKind,
    teamId: row.teamId,
    category: row.category as ActorCategory,
    name: row.name,
    alternateName: row.alternateName,
    description: row.description,
    contact: showsContact(row)
      ? {
          email: row.email,
          phone: row.phone,
          website: row.website,
          address: row.address,
          city: row.city,
          postalCode: row.postalCode,
        }
      : null,
    consent: row.consentGivenAt
      ? {
          givenAt: row.consentGivenAt.toISOString(),
          scope: row.consentScope as ConsentScope,
          recordedBy: row.consentRecordedBy,
        }
      : null,
    languages: row.languages,
    neighbourhoodIds: children.neighbourhoodIds,
    isHostPartner: row.isHostPartner,
    hostedWorkers: children.hosted,
    services: children.offered.map((s) => ({
      id: s.id,
      name: s.name,
      availability: s.availability as Availability,
      expectedWaitDays: s.expectedWaitDays,
      hsdsStatus: s.hsdsStatus as HsdsServiceStatus,
    })),
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
