/**
 * Retention rules and the purge (issue 8, point 5; decision "retention and purge"). One rule per
 * kind of record, organisation-wide: a duration in a fixed unit, with a floor so nobody sets
 * "0 months" by mistake. The defaults live here; an admin's change is saved in `retention_rules`.
 *
 * | method | path                     | body / query             | answer                  |
 * | GET    | /api/retention/rules     |                          | RetentionSettings       |
 * | PUT    | /api/retention/rules     | SaveRetentionRules       | RetentionSettings       |
 * | POST   | /api/retention/dry-run   |                          | PurgeRun (dryRun true)  |
 * | POST   | /api/retention/purge     |                          | PurgeRun                |
 * | GET    | /api/retention/runs      | ?limit                   | { items: PurgeRun[] }   |
 *
 * Who: admins only (no person data is read or shown: counts and dates).
 */
import { z } from 'zod';
import { bothLanguages } from '../localized.ts';

export const retentionKinds = [
  'anonymousEncounters',
  'inactivePeople',
  'confidentialNotes',
  'closedReferralText',
  'syncPayloads',
  'expiredSessions',
] as const;
export type RetentionKind = (typeof retentionKinds)[number];

export const retentionUnits = ['days', 'months', 'years'] as const;
export type RetentionUnit = (typeof retentionUnits)[number];

type RuleBounds = { unit: RetentionUnit; defaultAmount: number; min: number; max: number };

/**
 * Defaults and bounds of each rule (why these values: the decision record). The floor keeps what
 * the work still needs: a person followed over a year, the notes of a long accompaniment.
 */
export const retentionRuleBounds: Record<RetentionKind, RuleBounds> = {
  anonymousEncounters: { unit: 'months', defaultAmount: 36, min: 12, max: 240 },
  inactivePeople: { unit: 'months', defaultAmount: 24, min: 6, max: 240 },
  confidentialNotes: { unit: 'years', defaultAmount: 5, min: 1, max: 30 },
  closedReferralText: { unit: 'months', defaultAmount: 24, min: 3, max: 240 },
  syncPayloads: { unit: 'days', defaultAmount: 30, min: 7, max: 3650 },
  expiredSessions: { unit: 'days', defaultAmount: 30, min: 1, max: 3650 },
};

/** What nobody's nickname becomes once their identity is anonymised by retention. */
export const anonymisedNickname = 'Personne anonymisée';

export const defaultPurgeHour = 3;

const ruleSchema = z.object({
  kind: z.enum(retentionKinds),
  amount: z.number().int(),
  unit: z.enum(retentionUnits),
  defaultAmount: z.number().int(),
  min: z.number().int(),
  max: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type RetentionRule = z.infer<typeof ruleSchema>;

export const retentionSettingsSchema = z.object({
  rules: z.array(ruleSchema),
  /** The local hour (in the deployment's time zone) at which the nightly purge runs. */
  purgeHour: z.number().int(),
  timeZone: z.string(),
  /** When the scheduler will next run the purge, if it is planned. */
  nextPurgeAt: z.string().nullable(),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

const unitWords: Record<RetentionUnit, { fr: string; en: string }> = {
  days: { fr: 'jours', en: 'days' },
  months: { fr: 'mois', en: 'months' },
  years: { fr: 'ans', en: 'years' },
};

/** One amount per rule, checked against its own bounds so the message names the field and its range. */
const amountOf = (kind: RetentionKind) => {
  const { min, max, unit } = retentionRuleBounds[kind];
  const words = unitWords[unit];
  return z
    .number()
    .int()
    .refine(
      (value) => value >= min && value <= max,
      bothLanguages(
        `Entre ${min} et ${max} ${words.fr} (${kind}).`,
        `Between ${min} and ${max} ${words.en} (${kind}).`,
      ),
    )
    .optional();
};

export const saveRetentionRulesBodySchema = z.strictObject({
  rules: z
    .strictObject(
      Object.fromEntries(retentionKinds.map((kind) => [kind, amountOf(kind)])) as {
        [K in RetentionKind]: ReturnType<typeof amountOf>;
      },
    )
    .optional(),
  purgeHour: z
    .number()
    .int()
    .refine((hour) => hour >= 0 && hour <= 23, bothLanguages('Une heure entre 0 et 23.', 'An hour between 0 and 23.'))
    .optional(),
});
export type SaveRetentionRules = z.infer<typeof saveRetentionRulesBodySchema>;

export const purgeTriggers = ['scheduler', 'admin', 'cli'] as const;

const ruleResultSchema = z.object({
  kind: z.enum(retentionKinds),
  /** The cut-off: records older than this (by the rule's own date) are concerned. */
  cutoff: z.string(),
  count: z.number().int(),
  /** The oldest date among the records concerned, or null when there are none. */
  oldest: z.string().nullable(),
});
export type PurgeRuleResult = z.infer<typeof ruleResultSchema>;

export const purgeRunSchema = z.object({
  id: z.uuid(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  trigger: z.enum(purgeTriggers),
  actorName: z.string().nullable(),
  dryRun: z.boolean(),
  results: z.array(ruleResultSchema),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type PurgeRun = z.infer<typeof purgeRunSchema>;

export const purgeRunListSchema = z.object({ items: z.array(purgeRunSchema) });
export const purgeRunListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
