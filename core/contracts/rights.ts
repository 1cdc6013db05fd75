/**
 * People's rights (issue 8, point 6): the access request (everything Relais holds about one person,
 * as JSON and as a readable HTML page), erasure on request (only anonymous counts remain), the
 * consent register and the privacy incident register, both exportable as CSV.
 *
 * | method | path                                | body / query                      | answer                         |
 * | GET    | /api/people/:id/access-request      | ?format=json|html                 | AccessRequest (a download)     |
 * | POST   | /api/people/:id/erasure             | Erasure (reason, nickname typed)  | ErasureResult                  |
 * | GET    | /api/consent-register               | ?teamId&from&to                   | { items: ConsentLine[] }       |
 * | GET    | /api/consent-register.csv           | ?teamId&from&to                   | text/csv                       |
 * | GET    | /api/privacy-incidents              | ?teamId&from&to                   | { items: PrivacyIncident[] }   |
 * | GET    | /api/privacy-incidents.csv          | ?teamId&from&to                   | text/csv                       |
 * | POST   | /api/privacy-incidents              | CreatePrivacyIncident             | 201 PrivacyIncident            |
 * | PATCH  | /api/privacy-incidents/:id          | UpdatePrivacyIncident             | PrivacyIncident                |
 *
 * Who: the person's team coordinator (an admin reads with a stated reason, never erases); the
 * registers are the coordinators' and admins'. Decision 0030-peoples-rights.
 */
import { z } from 'zod';
import { bothLanguages } from '../localized.ts';

const day = z.iso.date();
const localized = z.object({ fr: z.string(), en: z.string() });
const coded = z.object({ code: z.string(), label: z.string() });

export const accessRequestQuerySchema = z.strictObject({ format: z.enum(['json', 'html']).default('json') });

/**
 * The access request's JSON document. Codes come with their label in the reader's language;
 * dates are ISO 8601. `accessLog` lists who read or changed the record (the audit log).
 */
export const accessRequestSchema = z.object({
  format: z.literal('relais.access-request/1'),
  generatedAt: z.string(),
  generatedBy: z.string(),
  language: z.enum(['fr', 'en']),
  person: z.object({
    id: z.uuid(),
    nickname: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    ageBand: z.string().nullable(),
    gender: z.string().nullable(),
    languages: z.array(z.string()),
    household: z.string().nullable(),
    firstContactOn: z.string().nullable(),
    firstContactHow: z.string().nullable(),
    team: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    consent: z.object({
      givenAt: z.string().nullable(),
      scope: z.string().nullable(),
      withdrawnAt: z.string().nullable(),
    }),
    mergedRecords: z.array(z.object({ id: z.uuid(), nickname: z.string(), mergedAt: z.string().nullable() })),
  }),
  consentHistory: z.array(
    z.object({
      kind: z.enum(['given', 'withdrawn']),
      scope: z.string().nullable(),
      occurredAt: z.string(),
      recordedBy: z.string().nullable(),
    }),
  ),
  roles: z.array(
    z.object({ role: z.string(), startedOn: z.string(), endedOn: z.string().nullable(), note: z.string().nullable() }),
  ),
  encounters: z.array(
    z.object({
      id: z.uuid(),
      occurredAt: z.string(),
      place: z.string().nullable(),
      zone: z.string().nullable(),
      channel: z.string().nullable(),
      identification: z.string(),
      needs: z.array(coded),
      actions: z.array(coded),
      nonRecours: z.array(z.object({ right: coded, barrier: coded, detail: z.string().nullable() })),
      followUp: z.object({ on: z.string().nullable(), what: z.string().nullable(), doneAt: z.string().nullable() }),
      confidentialNote: z.string().nullable(),
      recordedBy: z.string().nullable(),
    }),
  ),
  referrals: z.array(
    z.object({
      id: z.uuid(),
      slipNumber: z.string(),
      service: z.string(),
      needs: z.array(coded),
      sharedItems: z.array(z.string()),
      status: z.string(),
      failureReason: z.string().nullable(),
      referredAt: z.string(),
      events: z.array(
        z.object({
          kind: z.string(),
          status: z.string().nullable(),
          reason: z.string().nullable(),
          note: z.string().nullable(),
          occurredAt: z.string(),
        }),
      ),
    }),
  ),
  bridgingSupports: z.array(
    z.object({
      purpose: z.string().nullable(),
      startedOn: z.string(),
      endedOn: z.string().nullable(),
      contacts: z.array(z.object({ kind: z.string(), occurredAt: z.string(), note: z.string().nullable() })),
    }),
  ),
  activities: z.array(z.object({ activity: z.string(), onDate: z.string(), role: z.string() })),
  projects: z.array(
    z.object({ project: z.string(), role: z.string(), since: z.string(), until: z.string().nullable() }),
  ),
  incidents: z.array(
    z.object({
      occurredOn: z.string(),
      nature: z.string(),
      dataConcerned: z.string(),
      measures: z.string().nullable(),
    }),
  ),
  accessLog: z.array(
    z.object({
      at: z.string(),
      who: z.string().nullable(),
      role: z.string().nullable(),
      action: z.string(),
      what: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});
export type AccessRequest = z.infer<typeof accessRequestSchema>;

export const erasureRequesters = ['person', 'representative', 'team'] as const;

export const erasureBodySchema = z.strictObject({
  /** Why (the person's request, its date…): kept in the audit log. Never write their name here. */
  reason: z.string().trim().min(5).max(500),
  requestedBy: z.enum(erasureRequesters).default('person'),
  /** The nickname typed again: an erasure cannot be undone (checked by the service). */
  confirmNickname: z.string().trim().min(1).max(120),
});

/** What the erasure did, in counts: what stays is anonymous and still counted. */
export const erasureResultSchema = z.object({
  erased: z.literal(true),
  encountersAnonymised: z.number().int(),
  notesDeleted: z.number().int(),
  referralsDetached: z.number().int(),
  bridgingSupportsDeleted: z.number().int(),
  attendanceCounted: z.number().int(),
  projectRowsRemoved: z.number().int(),
  rolesRemoved: z.number().int(),
  syncResultsScrubbed: z.number().int(),
  mergedRecordsErased: z.number().int(),
  consentLinesKept: z.number().int(),
});
export type ErasureResult = z.infer<typeof erasureResultSchema>;

export const registerQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  from: day.optional(),
  to: day.optional(),
});

export const consentLineSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  occurredAt: z.string(),
  kind: z.enum(['given', 'withdrawn']),
  scope: z.string().nullable(),
  /** Null once the person was erased: the line stays as « personne effacée ». */
  person: z.object({ id: z.uuid(), nickname: z.string() }).nullable(),
  recordedBy: z.string().nullable(),
});
export type ConsentLine = z.infer<typeof consentLineSchema>;
export const consentRegisterSchema = z.object({ items: z.array(consentLineSchema) });

export const incidentNatures = [
  'lostDevice',
  'misdirectedMessage',
  'unauthorisedAccess',
  'disclosure',
  'other',
] as const;
export type IncidentNature = (typeof incidentNatures)[number];

export const privacyIncidentSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid().nullable(),
  occurredOn: z.string(),
  nature: z.enum(incidentNatures),
  natureLabel: localized,
  dataConcerned: z.string(),
  peopleAffected: z.number().int(),
  /** Linked records of the team, shown only to those who may read them. */
  affectedPeople: z.array(z.object({ id: z.uuid(), nickname: z.string() })),
  measures: z.string().nullable(),
  notifiedTo: z.string().nullable(),
  notifiedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type PrivacyIncident = z.infer<typeof privacyIncidentSchema>;
export const privacyIncidentListSchema = z.object({ items: z.array(privacyIncidentSchema) });

const longText = (max: number) => z.string().trim().min(1).max(max);

const incidentFields = {
  occurredOn: day,
  nature: z.enum(incidentNatures),
  dataConcerned: longText(1000),
  peopleAffected: z.number().int().min(0).max(1_000_000),
  affectedPersonIds: z.array(z.uuid()).max(200),
  measures: longText(2000).nullable(),
  notifiedTo: longText(300).nullable(),
  notifiedOn: day.nullable(),
  closedOn: day.nullable(),
};

export const createPrivacyIncidentBodySchema = z
  .strictObject({
    id: z.uuid().optional(),
    /** Absent or null: an incident of the whole organisation (admins only). */
    teamId: z.uuid().nullable().optional(),
    occurredOn: incidentFields.occurredOn,
    nature: incidentFields.nature,
    dataConcerned: incidentFields.dataConcerned,
    peopleAffected: incidentFields.peopleAffected.default(0),
    affectedPersonIds: incidentFields.affectedPersonIds.default([]),
    measures: incidentFields.measures.optional(),
    notifiedTo: incidentFields.notifiedTo.optional(),
    notifiedOn: incidentFields.notifiedOn.optional(),
    closedOn: incidentFields.closedOn.optional(),
  })
  .refine(
    (body) => body.peopleAffected >= body.affectedPersonIds.length,
    bothLanguages(
      'Le nombre de personnes concernées ne peut pas être inférieur aux fiches liées.',
      'The number of people affected cannot be below the linked records.',
      ['peopleAffected'],
    ),
  );

export const updatePrivacyIncidentBodySchema = z.strictObject({
  baseVersion: z.number().int().min(1),
  occurredOn: incidentFields.occurredOn.optional(),
  nature: incidentFields.nature.optional(),
  dataConcerned: incidentFields.dataConcerned.optional(),
  peopleAffected: incidentFields.peopleAffected.optional(),
  affectedPersonIds: incidentFields.affectedPersonIds.optional(),
  measures: incidentFields.measures.optional(),
  notifiedTo: incidentFields.notifiedTo.optional(),
  notifiedOn: incidentFields.notifiedOn.optional(),
  closedOn: incidentFields.closedOn.optional(),
});
