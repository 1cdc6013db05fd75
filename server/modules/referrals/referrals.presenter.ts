import type { Referral, ReferralEvent, ReferralListItem } from '../../../core/contracts/referrals.ts';
import {
  dueCheckBack,
  type ReferralFailureReason,
  type ReferralSharedItem,
  type ReferralStatus,
} from '../../../core/referrals.ts';
import type { ReferralEventRow, ReferralListRow } from './referrals.repo.ts';

type Availability = ReferralListItem['service']['availability'];
const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** Lists, my day, the timeline: the person by nickname only, never their identity. */
export function presentListItem(row: ReferralListRow, checkBackDays: readonly number[], now: Date): ReferralListItem {
  const r = row.referral;
  const lastFollowedAt = new Date(row.lastFollowedAt);
  const due = dueCheckBack(
    { status: r.status as ReferralStatus, referredAt: r.referredAt, lastFollowedAt },
    checkBackDays,
    now,
  );
  return {
    id: r.id,
    teamId: r.teamId,
    slipNumber: r.slipNumber,
    person: r.personId ? { id: r.personId, nickname: row.personNickname ?? '' } : null,
    encounterId: r.encounterId,
    service: {
      id: r.serviceId,
      name: row.serviceName,
      organisationName: row.organisationName,
      availability: row.availability as Availability,
    },
    needs: r.needs,
    sharedItems: r.sharedItems as ReferralSharedItem[],
    status: r.status as ReferralStatus,
    failureReason: r.failureReason as ReferralFailureReason | null,
    referredAt: r.referredAt.toISOString(),
    statusChangedAt: r.statusChangedAt.toISOString(),
    connectedAt: iso(r.connectedAt),
    closedAt: iso(r.closedAt),
    lastFollowedAt: lastFollowedAt.toISOString(),
    checkBackDue: due ? { day: due.day, dueAt: due.dueAt.toISOString() } : null,
    createdBy: r.createdBy,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function presentEvent(row: ReferralEventRow): ReferralEvent {
  return {
    id: row.id,
    kind: row.kind as ReferralEvent['kind'],
    status: row.status as ReferralStatus | null,
    reason: row.reason as ReferralFailureReason | null,
    note: row.note,
    fromPartner: row.fromPartner,
    occurredAt: row.occurredAt.toISOString(),
    recordedBy: row.recordedBy,
    recordedByName: row.recordedByName,
  };
}

export function presentReferral(
  row: ReferralListRow,
  events: ReferralEventRow[],
  checkBackDays: readonly number[],
  now: Date,
): Referral {
  return { ...presentListItem(row, checkBackDays, now), events: events.map(presentEvent) };
}
