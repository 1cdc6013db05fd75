/**
 * "Break the glass" (issue 8, point 4): someone outside a person's team states why, finds the person
 * by a minimal search across the organisation (or by the link a colleague sent) and gets read-only
 * access to that one person for a bounded time. Decision 0031-break-the-glass.
 */
import { z } from 'zod';
import { ageBands } from '../fieldwork.ts';
import { bothLanguages } from '../localized.ts';

/** One hour unless asked otherwise; never more than four (a shift's worth, then ask again). */
export const grantMinutes = { default: 60, min: 15, max: 240 } as const;
export const grantMinuteChoices = [30, 60, 120, 240] as const;

// A custom rule (not `.min`) so the validator answers in both languages (server/http/validation.ts).
const reasonSchema = z
  .string()
  .trim()
  .max(500)
  .refine(
    (reason) => reason.length >= 10,
    bothLanguages(
      'Expliquez en quelques mots pourquoi vous devez ouvrir cette fiche (10 caractères au moins) : ce sera journalisé et montré à la coordination de l’équipe.',
      'Say in a few words why you must open this record (at least 10 characters): it is logged and shown to the team’s coordinator.',
    ),
  );

export const breakGlassSearchBodySchema = z.strictObject({
  reason: reasonSchema,
  search: z.string().trim().min(2).max(100),
});

/** What a search across teams answers: enough to recognise someone, nothing more. */
export const breakGlassMatchSchema = z.object({
  personId: z.uuid(),
  nickname: z.string(),
  ageBand: z.enum(ageBands).nullable(),
  teamId: z.uuid(),
  teamName: z.string(),
});
export const breakGlassMatchesSchema = z.object({ items: z.array(breakGlassMatchSchema) });

export const createGrantBodySchema = z.strictObject({
  personId: z.uuid(),
  reason: reasonSchema,
  minutes: z.coerce.number().int().min(grantMinutes.min).max(grantMinutes.max).default(grantMinutes.default),
});

export const accessGrantSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string().nullable(),
  personId: z.uuid(),
  /** Only to those who may read the person (their team, or the grantee while the grant is live). */
  personNickname: z.string().nullable(),
  teamId: z.uuid(),
  reason: z.string(),
  grantedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  revokedByName: z.string().nullable(),
  live: z.boolean(),
});
export type AccessGrant = z.infer<typeof accessGrantSchema>;

export const grantListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  personId: z.uuid().optional(),
  /** `live`: still open now (My day); `all`: the history too. */
  state: z.enum(['live', 'all']).default('live'),
  mine: z.enum(['true', 'false']).optional(),
});
export const grantListSchema = z.object({ items: z.array(accessGrantSchema) });
