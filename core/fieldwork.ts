/**
 * Small closed lists of field work and the pure rules around them. Needs, actions, non-recours
 * barriers, rights, observation themes and tally kinds are NOT here: they are data (taxonomies),
 * seeded in French and English and edited by coordinators.
 */

/** What kind of field presence an outreach session is (aller-vers). */
export const sessionKinds = ['walk', 'doorToDoor', 'stand', 'placePresence', 'dropIn', 'event'] as const;
export type SessionKind = (typeof sessionKinds)[number];

/** Who started the contact. */
export const initiators = ['person', 'worker', 'thirdParty', 'partner'] as const;
export type Initiator = (typeof initiators)[number];

/** Where or through what the contact happened. */
export const channels = ['street', 'home', 'local', 'phone', 'partnerPremises', 'online'] as const;
export type Channel = (typeof channels)[number];

/** Anonymous tally → pseudonymous person (nickname) → identified person (recorded consent). */
export const identificationLevels = ['anonymous', 'pseudonymous', 'identified'] as const;
export type IdentificationLevel = (typeof identificationLevels)[number];

/** Age as estimated or said: a band, never a birth date. */
export const ageBands = ['under12', '12to17', '18to24', '25to34', '35to49', '50to64', '65to79', '80plus'] as const;
export type AgeBand = (typeof ageBands)[number];

export const placeKinds = [
  'local',
  'park',
  'cafe',
  'shop',
  'market',
  'school',
  'street',
  'transit',
  'worship',
  'partner',
  'other',
] as const;
export type PlaceKind = (typeof placeKinds)[number];

/** A person's roles over time: the helped-to-helper trajectory. */
export const personRoleKinds = ['participant', 'volunteer', 'helper', 'leader'] as const;
export type PersonRoleKind = (typeof personRoleKinds)[number];

/** What the person agreed to when giving their identity. */
export const consentScopes = ['identity', 'identityAndContact', 'identityContactAndSharing'] as const;
export type ConsentScope = (typeof consentScopes)[number];

export const households = ['alone', 'couple', 'family', 'singleParent', 'shared', 'institution', 'none'] as const;
export type Household = (typeof households)[number];

/** Taxonomies kept as data (table `taxonomy_terms`): the kinds of term. */
export const taxonomyKinds = ['need', 'action', 'right', 'barrier', 'observationTheme', 'tallyKind'] as const;
export type TaxonomyKind = (typeof taxonomyKinds)[number];

/** Identity fields exist only under a recorded consent; withdrawal erases all of them. */
export const identityFields = ['firstName', 'lastName', 'phone', 'email'] as const;

/**
 * Lower case without accents, spaces squeezed: how names are compared ("José" = "jose"). The
 * database keeps the same form in `people.search_text` (relais_unaccent + lower).
 */
export function searchForm(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** An encounter's level must agree with whether a person is linked. Returns the field at fault. */
export function identificationProblem(
  level: IdentificationLevel,
  personId: string | null | undefined,
  personHasConsent: boolean | undefined,
): { path: string; fr: string; en: string } | null {
  if (level === 'anonymous' && personId)
    return {
      path: 'personId',
      fr: 'Un contact anonyme ne peut pas être lié à une personne.',
      en: 'An anonymous contact cannot be linked to a person.',
    };
  if (level !== 'anonymous' && !personId)
    return {
      path: 'personId',
      fr: 'Choisissez la personne rencontrée.',
      en: 'Choose the person met.',
    };
  if (level === 'identified' && personHasConsent === false)
    return {
      path: 'identification',
      fr: 'Cette personne n’a pas donné son consentement : le contact reste pseudonyme.',
      en: 'This person has not given consent: the contact stays pseudonymous.',
    };
  return null;
}

/** A follow-up is due today, overdue, upcoming or done. Dates are `YYYY-MM-DD` in local time. */
export type FollowUpState = 'none' | 'done' | 'overdue' | 'dueToday' | 'upcoming';
export function followUpState(dueOn: string | null, doneAt: string | null, today: string): FollowUpState {
  if (!dueOn) return 'none';
  if (doneAt) return 'done';
  if (dueOn < today) return 'overdue';
  return dueOn === today ? 'dueToday' : 'upcoming';
}

/** A session is planned until it starts, running until it ends. */
export type SessionStatus = 'planned' | 'running' | 'ended';
export function sessionStatus(startedAt: string | null, endedAt: string | null): SessionStatus {
  if (endedAt) return 'ended';
  return startedAt ? 'running' : 'planned';
}

type MergeablePerson = {
  nickname: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  ageBand: string | null;
  gender: string | null;
  languages: string[];
  household: string | null;
  firstContactOn: string | null;
  firstContactHow: string | null;
  consentGivenAt: string | null;
  consentScope: string | null;
  consentRecordedBy: string | null;
};

/**
 * The survivor of a merge keeps its own values; its blanks are filled from the absorbed person.
 * Identity fields cross over only with a consent: the survivor's, or the absorbed one's, which then
 * comes along (it was given by the same human being). Languages are joined, first contact is the
 * earliest.
 */
export function mergedPersonFields<P extends MergeablePerson>(survivor: P, absorbed: P): Partial<MergeablePerson> {
  const consentComesAlong = !survivor.consentGivenAt && !!absorbed.consentGivenAt;
  const hasConsent = !!survivor.consentGivenAt || consentComesAlong;
  const fill = <K extends keyof MergeablePerson>(key: K) => survivor[key] ?? absorbed[key];
  const firstContactFromAbsorbed =
    absorbed.firstContactOn !== null &&
    (survivor.firstContactOn === null || absorbed.firstContactOn < survivor.firstContactOn);
  return {
    ageBand: fill('ageBand'),
    gender: fill('gender'),
    household: fill('household'),
    languages: [...new Set([...survivor.languages, ...absorbed.languages])],
    firstContactOn: firstContactFromAbsorbed ? absorbed.firstContactOn : survivor.firstContactOn,
    firstContactHow: firstContactFromAbsorbed ? absorbed.firstContactHow : survivor.firstContactHow,
    ...(hasConsent
      ? {
          firstName: fill('firstName'),
          lastName: fill('lastName'),
          phone: fill('phone'),
          email: fill('email'),
        }
      : {}),
    ...(consentComesAlong
      ? {
          consentGivenAt: absorbed.consentGivenAt,
          consentScope: absorbed.consentScope,
          consentRecordedBy: absorbed.consentRecordedBy,
        }
      : {}),
  };
}
