/**
 * The team's time (issue 7, points 5 and 6): time entries by mission with the "fait sens quand"
 * criteria they meet, the agreed split (host partner / neighbourhood, optionally by mission), and
 * each worker's actual split against it by week or month. An entry's id comes from the device, so
 * the sync's `timeEntry.create` and the REST route save it the same way, once.
 *
 * | method | path                       | body / query                         | answer                       |
 * | GET    | /api/time-entries          | ?teamId&from&to&workerId             | { items: TimeEntry[] }       |
 * | POST   | /api/time-entries          | CreateTimeEntry (device id)          | 201 new, 200 already saved   |
 * | DELETE | /api/time-entries/:id      |                                      | { ok }                       |
 * | GET    | /api/time-split            | ?teamId&period=week|month&date       | TimeSplit                    |
 * | GET    | /api/mission-criteria      | ?teamId                              | MissionCriteria              |
 * | PUT    | /api/mission-criteria      | SaveMissionCriteria (coordinator)    | MissionCriteria              |
 * | GET    | /api/time-agreements       | ?teamId                              | { items: TimeAgreement[] }   |
 * | POST   | /api/time-agreements       | CreateTimeAgreement (coordinator)    | 201 TimeAgreement            |
 *
 * Who: a worker or organizer sees and logs their own time; a coordinator sees every member of
 * their team and sets criteria and agreed splits; an admin reads with a stated reason.
 */
import { z } from 'zod';
import { missions, timeCategories } from '../collective.ts';
import { bothLanguages } from '../localized.ts';

const day = z.iso.date();
const localized = z.object({ fr: z.string(), en: z.string() });

export const timeEntrySchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  workerId: z.uuid(),
  workerName: z.string(),
  onDate: z.string(),
  minutes: z.number().int(),
  category: z.enum(timeCategories),
  criteria: z.array(z.object({ code: z.string(), label: localized })),
  /** A mission entry that meets none of the mission's criteria: work drifting from the mandate. */
  outsideMandate: z.boolean(),
  activityId: z.uuid().nullable(),
  /** The crisis mobilisation this time was given to, when its author took part in one that day. */
  crisisMobilisationId: z.uuid().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;

export const timeEntryListSchema = z.object({ items: z.array(timeEntrySchema) });

export const timeEntryListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  workerId: z.uuid().optional(),
  from: day.optional(),
  to: day.optional(),
});

const timeEntryFields = z.strictObject({
  id: z.uuid(),
  teamId: z.uuid().optional(),
  onDate: day,
  minutes: z
    .number()
    .int()
    .min(5)
    .max(16 * 60),
  category: z.enum(timeCategories),
  criteria: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  /** The worker says none of the mission's criteria applies: saved, and flagged. */
  noneApply: z.boolean().default(false),
  activityId: z.uuid().nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});

type EntryShape = { category: string; criteria: string[]; noneApply: boolean };

/** A mission entry states which criteria it meets, or that none does; the two never together. */
function withCriteriaRules<T extends z.ZodType<EntryShape>>(schema: T) {
  return schema
    .refine(
      (body) => body.category === 'hostPartner' || body.criteria.length > 0 || body.noneApply,
      bothLanguages(
        'Cochez au moins un critère de la mission, ou « aucun ne s’applique ».',
        'Tick at least one of the mission’s criteria, or “none applies”.',
        ['criteria'],
      ),
    )
    .refine(
      (body) => !(body.noneApply && body.criteria.length > 0),
      bothLanguages(
        'Un critère coché et « aucun ne s’applique » se contredisent : choisissez.',
        'A ticked criterion and “none applies” contradict each other: choose one.',
        ['noneApply'],
      ),
    );
}

export const createTimeEntryBodySchema = withCriteriaRules(timeEntryFields);
export type CreateTimeEntryBody = z.output<typeof timeEntryFields>;

/** The sync's `timeEntry.create`: the REST body; the id rides in the envelope's entityId. */
export const syncTimeEntryPayloadSchema = withCriteriaRules(timeEntryFields.omit({ id: true }));

export const periodKinds = ['week', 'month'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export const timeSplitQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  period: z.enum(periodKinds).default('week'),
  /** Any day of the period; today when absent. */
  date: day.optional(),
});

const minutesByCategory = z.record(z.enum(timeCategories), z.number().int());

export const timeAgreementSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  /** Null: the team's agreement, for every worker without their own. */
  workerId: z.uuid().nullable(),
  workerName: z.string().nullable(),
  effectiveFrom: z.string(),
  hostPartnerPercent: z.number().int(),
  /** Optional shares of the neighbourhood time by mission, in % of the whole time. */
  missionPercents: z.partialRecord(z.enum(missions), z.number().int()).nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type TimeAgreement = z.infer<typeof timeAgreementSchema>;

export const workerSplitSchema = z.object({
  workerId: z.uuid(),
  name: z.string(),
  totalMinutes: z.number().int(),
  minutes: minutesByCategory,
  outsideMandateMinutes: z.number().int(),
  /** The agreement in force on the last day of the period, the worker's own or the team's. */
  agreed: timeAgreementSchema.nullable(),
});
export type WorkerSplit = z.infer<typeof workerSplitSchema>;

export const timeSplitSchema = z.object({
  teamId: z.uuid(),
  period: z.enum(periodKinds),
  from: z.string(),
  to: z.string(),
  workers: z.array(workerSplitSchema),
});
export type TimeSplit = z.infer<typeof timeSplitSchema>;

export const teamQuerySchema = z.strictObject({ teamId: z.uuid().optional() });

export const missionCriterionSchema = z.object({
  code: z.string(),
  label: localized,
  /** Added by the team, not one of seed 004's. */
  custom: z.boolean(),
  active: z.boolean(),
});
export type MissionCriterion = z.infer<typeof missionCriterionSchema>;

export const missionCriteriaSchema = z.object({
  teamId: z.uuid(),
  missions: z.array(
    z.object({ mission: z.enum(missions), edited: z.boolean(), criteria: z.array(missionCriterionSchema) }),
  ),
});
export type MissionCriteria = z.infer<typeof missionCriteriaSchema>;

export const saveMissionCriteriaBodySchema = z.strictObject({
  teamId: z.uuid().optional(),
  mission: z.enum(missions),
  /** The whole list, in order: a known code rewords or retires it, no code adds one. */
  criteria: z
    .array(
      z.strictObject({
        code: z.string().trim().min(1).max(80).optional(),
        label: z.string().trim().min(3).max(300),
        active: z.boolean().default(true),
      }),
    )
    .min(1)
    .max(20),
});

export const createTimeAgreementBodySchema = z
  .strictObject({
    teamId: z.uuid().optional(),
    workerId: z.uuid().nullable().default(null),
    effectiveFrom: day,
    hostPartnerPercent: z.number().int().min(0).max(100),
    missionPercents: z.partialRecord(z.enum(missions), z.number().int().min(0).max(100)).nullable().default(null),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .refine(
    (body) =>
      !body.missionPercents ||
      Object.values(body.missionPercents).reduce((sum, n) => sum + (n ?? 0), 0) === 100 - body.hostPartnerPercent,
    bothLanguages(
      'Les parts des missions doivent faire ensemble le temps de quartier (100 % moins le partenaire hébergeur).',
      'The missions’ shares must add up to the neighbourhood time (100 % less the host partner).',
      ['missionPercents'],
    ),
  );
export type CreateTimeAgreementBody = z.output<typeof createTimeAgreementBodySchema>;

export const timeAgreementListSchema = z.object({ items: z.array(timeAgreementSchema) });
