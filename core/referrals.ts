/**
 * The referral lifecycle (orientation → accroché): statuses, the moves allowed between them, the
 * reasons a referral fails, and when a worker is asked to check back. Pure: shared by the server
 * (which enforces it) and the web app (which offers only the allowed moves).
 */

export const referralStatuses = ['proposed', 'sent', 'accepted', 'refused', 'connected', 'failed', 'expired'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Still waiting for an outcome: shown in check-backs, can expire. */
export const openReferralStatuses = ['proposed', 'sent', 'accepted'] as const satisfies readonly ReferralStatus[];

/** proposed → sent → accepted or refused → connected or failed; expired when nothing moved. */
export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  proposed: ['sent', 'accepted', 'refused', 'connected', 'failed'],
  sent: ['accepted', 'refused', 'connected', 'failed'],
  accepted: ['connected', 'failed'],
  refused: [],
  connected: [],
  failed: [],
  // Something moved after all: the worker records the real outcome.
  expired: ['connected', 'failed'],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return referralTransitions[from].includes(to);
}

/** Why a referral did not take; `refused` and `failed` need one. */
export const referralFailureReasons = [
  'notEligible',
  'waitingList',
  'didNotGo',
  'noAnswer',
  'lostContact',
  'changedMind',
  'other',
] as const;
export type ReferralFailureReason = (typeof referralFailureReasons)[number];

export const statusNeedsReason = (status: ReferralStatus) => status === 'failed' || status === 'refused';

/** What the person agreed the worker may pass on to the service (consent scope of the referral). */
export const referralSharedItems = ['name', 'phone', 'situation', 'documents'] as const;
export type ReferralSharedItem = (typeof referralSharedItems)[number];

export const bridgingContactKinds = ['call', 'meeting', 'accompaniment', 'message'] as const;
export type BridgingContactKind = (typeof bridgingContactKinds)[number];

/** Defaults of the settings `referrals.checkBackDays` and `referrals.expireAfterDays`. */
export const defaultCheckBackDays = [7, 30] as const;
export const defaultExpireAfterDays = 60;

const dayMs = 86_400_000;

/**
 * The check-back an open referral is due for, or null: the latest of `checkBackDays` reached since
 * it was made, unless the worker already checked back (or the status moved) after that day.
 */
export function dueCheckBack(
  referral: { status: ReferralStatus; referredAt: Date; lastFollowedAt: Date | null },
  checkBackDays: readonly number[],
  now: Date,
): { day: number; dueAt: Date } | null {
  if (!(openReferralStatuses as readonly string[]).includes(referral.status)) return null;
  const reached = [...checkBackDays]
    .sort((a, b) => a - b)
    .map((day) => ({ day, dueAt: new Date(referral.referredAt.getTime() + day * dayMs) }))
    .filter((step) => step.dueAt <= now)
    .at(-1);
  if (!reached) return null;
  if (referral.lastFollowedAt && referral.lastFollowedAt >= reached.dueAt) return null;
  return reached;
}
