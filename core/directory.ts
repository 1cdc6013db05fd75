/**
 * Closed lists of the neighbourhood directory (actors and services). Needs served are the need
 * taxonomy (data); languages are ISO 639-1 codes.
 */

/** An organisation is everyone's; a key person belongs to one team and follows people's rules. */
export const actorKinds = ['organisation', 'keyPerson'] as const;
export type ActorKind = (typeof actorKinds)[number];

export const organisationCategories = [
  'communityGroup',
  'publicService',
  'healthSocial',
  'school',
  'housing',
  'employment',
  'food',
  'culture',
  'shop',
  'worship',
  'other',
] as const;
export const keyPersonCategories = ['pivot', 'leader', 'naturalHelper', 'connector', 'concierge'] as const;
export const actorCategories = [...organisationCategories, ...keyPersonCategories] as const;
export type ActorCategory = (typeof actorCategories)[number];

/** Who a service is for (HSDS leaves audiences to attributes; these are the field's usual ones). */
export const audiences = [
  'everyone',
  'children',
  'youth',
  'families',
  'adults',
  'seniors',
  'women',
  'men',
  'newcomers',
  'lgbtq',
  'disability',
  'homeless',
  'lowIncome',
] as const;
export type Audience = (typeof audiences)[number];

/** A service's availability (serviceStatus): saturation made visible, dated. */
export const availabilities = ['open', 'waitingList', 'closedToNew', 'temporarilyClosed'] as const;
export type Availability = (typeof availabilities)[number];

/** HSDS 3.0 `service.status`, kept as published. */
export const hsdsServiceStatuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type HsdsServiceStatus = (typeof hsdsServiceStatuses)[number];

/** ISO weekday: 1 = Monday … 7 = Sunday; HSDS `byday` uses MO…SU. */
export const hsdsWeekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
