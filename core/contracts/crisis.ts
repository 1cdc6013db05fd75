/**
 * Crisis mobilisations (issue 7; core/crisis.ts): a worker proposes one (reason, expected duration,
 * share of time, who takes part); the team's coordination validates or refuses it (a refusal says
 * why); it is time-boxed (at most 12 weeks a validation), its end is reminded on the day of its
 * people, and work they log while it runs is tagged with it. A prolongation is a new end date,
 * validated again; every step is kept in its history. Changes send `baseVersion` (409 when stale).
 *
 * | method | path                                        | body / query      | answer                     |
 * | GET    | /api/crisis-mobilisations                   | ?teamId           | { items: Mobilisation[] }  |
 * | POST   | /api/crisis-mobilisations                   | ProposeBody       | 201 MobilisationDetail     |
 * | GET    | /api/crisis-mobilisations/:id               |                   | MobilisationDetail         |
 * | POST   | /api/crisis-mobilisations/:id/decision      | DecisionBody      | MobilisationDetail; 409    |
 * | POST   | /api/crisis-mobilisations/:id/prolongation  | ProlongationBody  | MobilisationDetail; 409    |
 * | POST   | /api/crisis-mobilisations/:id/close         | CloseBody         | MobilisationDetail; 409    |
 * | POST   | /api/crisis-mobilisations/tag               | TagBody           | TagResult                  |
 *
 * Who: the team's workers, organizers and coordinators read and propose; deciding is the team
 * coordinator's (never on a step they proposed), or an admin's with a stated reason (x-access-reason).
 */
import { z } from 'zod';
import { daysBetween, maxMobilisationDays, mobilisationEventKinds, mobilisationStatuses } from '../crisis.ts';
import { bothLanguages } from '../localized.ts';
import { suppressedCountSchema } from './signals.ts';

export const taggableKinds = ['encounter', 'activitySession'] as const;

const day = z.iso.date();
const version = z.number().int().min(1);
const note = z.string().trim().max(2000);

const tooLong = () =>
  bothLanguages(
    `Une mobilisation dure au plus ${maxMobilisationDays / 7} semaines ; au-delà, proposez une prolongation.`,
    `A mobilisation lasts at most ${maxMobilisationDays / 7} weeks; beyond that, propose a prolongation.`,
    ['endsOn'],
  );

export const mobilisationPersonSchema = z.object({ userId: z.uuid(), name: z.string() });

export const mobilisationSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  title: z.string(),
  reason: z.string(),
  sharePercent: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(mobilisationStatuses),
  /** A prolongation waiting for validation: the end date asked for. */
  proposedEndsOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  /** The coordination's last word (why it was refused, what to watch). */
  decisionNote: z.string().nullable(),
  proposedBy: mobilisationPersonSchema.nullable(),
  participants: z.array(mobilisationPersonSchema),
  /** Validated and its end within 7 days, or past: it shows on the day of its people until closed or prolonged. */
  reminder: z.enum(['endingSoon', 'endPassed']).nullable(),
  /** Whether the caller may validate or refuse what waits (the proposal or a prolongation). */
  canDecide: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Mobilisation = z.infer<typeof mobilisationSchema>;

export const mobilisationEventSchema = z.object({
  kind: z.enum(mobilisationEventKinds),
  at: z.iso.datetime(),
  by: z.string().nullable(),
  endsOn: z.string().nullable(),
  note: z.string().nullable(),
});

/** A piece of the caller's own work during the mobilisation, tagged or not: theirs to untag or retag. */
export const myWorkItemSchema = z.object({
  kind: z.enum(taggableKinds),
  id: z.uuid(),
  /** When: an instant for a contact, a day for a session. */
  at: z.string(),
  /** The activity's title for a session; nothing for a contact (the page names no one). */
  label: z.string().nullable(),
  tagged: z.boolean(),
});
export type MyWorkItem = z.infer<typeof myWorkItemSchema>;

export const mobilisationDetailSchema = mobilisationSchema.extend({
  history: z.array(mobilisationEventSchema),
  /** The caller's latest work within its window (30 at most), when they take part. */
  myWork: z.array(myWorkItemSchema),
  /** Work tagged with it, as counts ("<5" under 5, like every count of contacts). */
  tagged: z.object({
    encounters: suppressedCountSchema,
    activitySessions: suppressedCountSchema,
    /** Minutes of the team's time entries given to it (workers' time, not people: not suppressed). */
    minutes: z.number().int().nonnegative(),
  }),
});
export type MobilisationDetail = z.infer<typeof mobilisationDetailSchema>;

export const mobilisationListSchema = z.object({ items: z.array(mobilisationSchema) });
export const mobilisationListQuerySchema = z.strictObject({ teamId: z.uuid().optional() });

export const proposeMobilisationBodySchema = z
  .strictObject({
    id: z.uuid().optional(),
    teamId: z.uuid().optional(),
    title: z.string().trim().min(3).max(160),
    reason: z.string().trim().min(3).max(4000),
    startsOn: day,
    endsOn: day,
    sharePercent: z.number().int().min(5).max(100),
    /** Team members who take part besides the proposer (who always does). */
    participantIds: z.array(z.uuid()).max(50).default([]),
  })
  .refine(
    (body) => body.endsOn >= body.startsOn,
    bothLanguages('La fin ne peut précéder le début.', 'The end cannot come before the start.', ['endsOn']),
  )
  .refine((body) => daysBetween(body.startsOn, body.endsOn) <= maxMobilisationDays, tooLong());
export type ProposeMobilisationBody = z.input<typeof proposeMobilisationBodySchema>;

export const decisionBodySchema = z
  .strictObject({ baseVersion: version, decision: z.enum(['validate', 'refuse']), note: note.optional() })
  .refine(
    (body) => body.decision === 'validate' || (body.note ?? '').length > 0,
    bothLanguages('Dites pourquoi vous refusez.', 'Say why you refuse.', ['note']),
  );

export const prolongationBodySchema = z.strictObject({ baseVersion: version, endsOn: day, note: note.optional() });

export const closeBodySchema = z.strictObject({ baseVersion: version, note: note.optional() });

export const tagBodySchema = z.strictObject({
  kind: z.enum(taggableKinds),
  id: z.uuid(),
  /** null removes the tag. */
  mobilisationId: z.uuid().nullable(),
});
export const tagResultSchema = z.object({
  kind: z.enum(taggableKinds),
  id: z.uuid(),
  mobilisationId: z.uuid().nullable(),
});

/** One line of the day: a validated mobilisation whose end is near or past, to prolong or close. */
export const crisisReminderSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  endsOn: z.string(),
  state: z.enum(['endingSoon', 'endPassed']),
  /** Days until the end (negative once past). */
  daysLeft: z.number().int(),
});
export type CrisisReminder = z.infer<typeof crisisReminderSchema>;
