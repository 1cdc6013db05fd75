/**
 * What the team learns from its referrals (issue 4; decision 0014): outcomes by service and by
 * need, services to look at again. Counts under 5 never leave the server.
 *
 * | method | path                | query              | answer                                                   |
 * | GET    | /api/referral-stats | ReferralStatsQuery | ReferralStats (counts < 5 → "<5"); members, admin with reason |
 */
import { z } from 'zod';
import { referralFailureReasons } from '../referrals.ts';
import { availabilitySchema, dateSchema, localizedSchema } from './referrals.ts';

/**
 * Small-cell suppression: a count from 0 to 4 never leaves the server; it is the string "<5".
 * A rate or a median computed from fewer than 5 referrals (or whose numerator is under 5) is
 * null with `suppressed: true` beside it (`rateSuppressed`, `medianSuppressed`).
 */
const suppressedCountSchema = z.union([z.number().int().min(5), z.literal('<5')]);
export type SuppressedCount = z.infer<typeof suppressedCountSchema>;

const outcomeFiguresSchema = z.object({
  /** Referrals made in the period (every status). */
  referred: suppressedCountSchema,
  connected: suppressedCountSchema,
  /** Failed or refused. */
  failed: suppressedCountSchema,
  expired: suppressedCountSchema,
  /** Still proposed, sent or accepted. */
  open: suppressedCountSchema,
  /** connected ÷ referrals with an outcome (connected, failed, refused, expired); 0–1. */
  connectionRate: z.number().min(0).max(1).nullable(),
  rateSuppressed: z.boolean(),
  /** Median days from referral to connection, of the connected ones. */
  medianDaysToConnection: z.number().nullable(),
  medianSuppressed: z.boolean(),
  /** Failed and refused, by reason (each count suppressed under 5). */
  failureReasons: z.array(z.object({ reason: z.enum(referralFailureReasons), count: suppressedCountSchema })),
});

const serviceStatsSchema = outcomeFiguresSchema.extend({
  serviceId: z.uuid(),
  serviceName: z.string(),
  organisationName: z.string(),
  availability: availabilitySchema,
});

const needStatsSchema = outcomeFiguresSchema.extend({
  need: z.string(),
  label: localizedSchema,
});

const flaggedServiceSchema = z.object({
  serviceId: z.uuid(),
  serviceName: z.string(),
  organisationName: z.string(),
  availability: availabilitySchema,
  /**
   * `saturated`: its availability is not `open`, or referrals to it failed for `waitingList` at
   * least `thresholds.waitingListFailures` times in the period; `oftenFails`: failed or refused
   * above `thresholds.failureRate` of its outcomes, with at least `thresholds.minReferrals` outcomes.
   */
  flags: z.array(z.enum(['saturated', 'oftenFails'])),
});

export const referralStatsQuerySchema = z.strictObject({
  /** referredAt from / to (dates, inclusive); default: the last 365 days. */
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  teamId: z.uuid().optional(),
  /** Referrals made during encounters in a place of this neighbourhood. */
  neighbourhoodId: z.uuid().optional(),
});

export const referralStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  teamIds: z.array(z.uuid()),
  neighbourhoodId: z.uuid().nullable(),
  thresholds: z.object({
    suppressBelow: z.number().int(),
    minReferrals: z.number().int(),
    failureRate: z.number(),
    waitingListFailures: z.number().int(),
  }),
  totals: outcomeFiguresSchema,
  /** Most referred first. */
  byService: z.array(serviceStatsSchema),
  byNeed: z.array(needStatsSchema),
  flagged: z.array(flaggedServiceSchema),
});
export type ReferralStats = z.infer<typeof referralStatsSchema>;
