import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  ReferralStats,
  referralStatsQuerySchema,
  SuppressedCount,
} from '../../../core/contracts/referral-stats.ts';
import { text } from '../../../core/localized.ts';
import { type ReferralFailureReason, referralFailureReasons } from '../../../core/referrals.ts';
import type { Database } from '../../db/client.ts';
import { actors, referrals, services, taxonomyTerms, teams } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { teamFilter } from '../fieldwork/fieldwork.policy.ts';

type Availability = ReferralStats['flagged'][number]['availability'];

/** Small-cell suppression and flags (decision 0014). */
const thresholds = {
  /** A count under this never leaves the server. */
  suppressBelow: 5,
  /** A service is judged on its failures only with at least this many outcomes. */
  minReferrals: 10,
  /** Failed or refused above this share of outcomes: the service often fails. */
  failureRate: 0.5,
  /** Failures for `waitingList` that make a service look saturated. */
  waitingListFailures: 5,
};

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** A count as it may leave the server: 0 to 4 become "<5". */
function suppressed(count: number): SuppressedCount {
  return count < thresholds.suppressBelow ? '<5' : count;
}

type Row = {
  serviceId: string;
  needs: string[];
  status: string;
  failureReason: string | null;
  referredAt: Date;
  connectedAt: Date | null;
};

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10) / 10;
}

/** A tally small enough to hide (1 to 4): zero reveals no one, a handful does. */
const small = (n: number) => n > 0 && n < thresholds.suppressBelow;

function figures(rows: Row[]) {
  let connected = 0;
  let failed = 0;
  let expired = 0;
  let open = 0;
  const reasons = new Map<string, number>();
  const waits: number[] = [];
  for (const row of rows) {
    if (row.status === 'connected') {
      connected++;
      if (row.connectedAt) waits.push(Math.max(0, (row.connectedAt.getTime() - row.referredAt.getTime()) / DAY));
    } else if (row.status === 'failed' || row.status === 'refused') {
      failed++;
      if (row.failureReason) reasons.set(row.failureReason, (reasons.get(row.failureReason) ?? 0) + 1);
    } else if (row.status === 'expired') expired++;
    else open++;
  }
  const outcomes = connected + failed + expired;
  const rateHidden = outcomes < thresholds.suppressBelow || small(connected) || small(outcomes - connected);
  const medianHidden = waits.length < thresholds.suppressBelow;
  return {
    raw: { referred: rows.length, connected, failed, outcomes, waitingList: reasons.get('waitingList') ?? 0 },
    shown: {
      referred: suppressed(rows.length),
      connected: suppressed(connected),
      failed: suppressed(failed),
      expired: suppressed(expired),
      open: suppressed(open),
      connectionRate: rateHidden ? null : Math.round((connected / outcomes) * 1000) / 1000,
      rateSuppressed: rateHidden && outcomes > 0,
      medianDaysToConnection: medianHidden ? null : median(waits),
      medianSuppressed: medianHidden && waits.length > 0,
      failureReasons: referralFailureReasons.map((reason) => ({
        reason: reason as ReferralFailureReason,
        count: suppressed(reasons.get(reason) ?? 0),
      })),
    },
  };
}

function groupBy<K>(rows: Row[], keys: (row: Row) => K[]): Map<K, Row[]> {
  const groups = new Map<K, Row[]>();
  for (const row of rows)
    for (const key of keys(row)) {
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
  return groups;
}

/**
 * What the team learns from its referrals in a period: per service and per need, how many were
 * made, connected, failed (and why), the connection rate and the median days to connection; and
 * the services that look saturated or often fail. Every count under 5 is "<5"; a rate or a
 * median resting on fewer than 5 referrals is not given.
 */
export async function referralStats(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof referralStatsQuerySchema>,
): Promise<ReferralStats> {
  const actor = actorOf(request);
  const to = query.to ?? dayOf(new Date());
  const from = query.from ?? dayOf(new Date(new Date(`${to}T00:00:00Z`).getTime() - 364 * DAY));
  if (from > to) throw invalidField('from', text('Le début suit la fin.', 'The start comes after the end.'));
  const readable = teamFilter(actor, request, query.teamId);
  const teamIds = readable ?? (await db.select({ id: teams.id }).from(teams)).map((t) => t.id);
  const conditions: SQL[] = [
    inArray(referrals.teamId, teamIds.length ? teamIds : ['00000000-0000-0000-0000-000000000000']),
    gte(referrals.referredAt, new Date(`${from}T00:00:00Z`)),
    lt(referrals.referredAt, new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY)),
  ];
  if (query.neighbourhoodId)
    conditions.push(sql`exists (select 1 from encounters e join places p on p.id = e.place_id
      where e.id = ${referrals.encounterId} and p.neighbourhood_id = ${query.neighbourhoodId})`);
  const rows: Row[] = await db
    .select({
      serviceId: referrals.serviceId,
      needs: referrals.needs,
      status: referrals.status,
      failureReason: referrals.failureReason,
      referredAt: referrals.referredAt,
      connectedAt: referrals.connectedAt,
    })
    .from(referrals)
    .where(and(...conditions));

  const byService = groupBy(rows, (row) => [row.serviceId]);
  const byNeed = groupBy(rows, (row) => row.needs);
  const [serviceRows, needTerms] = await Promise.all([
    byService.size
      ? db
          .select({
            id: services.id,
            name: services.name,
            organisationName: actors.name,
            availability: services.availability,
          })
          .from(services)
          .innerJoin(actors, eq(actors.id, services.actorId))
          .where(inArray(services.id, [...byService.keys()]))
      : [],
    db.select().from(taxonomyTerms).where(eq(taxonomyTerms.kind, 'need')),
  ]);
  const serviceInfo = new Map(serviceRows.map((s) => [s.id, s]));
  const labels = new Map(needTerms.map((t) => [t.code, { fr: t.labelFr, en: t.labelEn }]));

  const serviceStats = [...byService].map(([serviceId, group]) => {
    const info = serviceInfo.get(serviceId);
    const { raw, shown } = figures(group);
    const availability = (info?.availability ?? 'open') as Availability;
    const flags: ('saturated' | 'oftenFails')[] = [];
    if (availability !== 'open' || raw.waitingList >= thresholds.waitingListFailures) flags.push('saturated');
    if (raw.outcomes >= thresholds.minReferrals && raw.failed / raw.outcomes > thresholds.failureRate)
      flags.push('oftenFails');
    return {
      referred: raw.referred,
      flags,
      stats: {
        serviceId,
        serviceName: info?.name ?? '',
        organisationName: info?.organisationName ?? '',
        availability,
        ...shown,
      },
    };
  });
  // Ordered by what may be shown: every group under 5 counts the same, so the order leaks nothing.
  const rank = (n: number) => (n < thresholds.suppressBelow ? 0 : n);
  serviceStats.sort(
    (a, b) => rank(b.referred) - rank(a.referred) || a.stats.serviceName.localeCompare(b.stats.serviceName),
  );
  const needStats = [...byNeed]
    .map(([need, group]) => ({
      referred: group.length,
      stats: { need, label: labels.get(need) ?? { fr: need, en: need }, ...figures(group).shown },
    }))
    .sort((a, b) => rank(b.referred) - rank(a.referred) || a.stats.need.localeCompare(b.stats.need));

  if (actor.role === 'admin')
    await recordAudit(db, request, {
      action: 'read',
      entityType: 'referral_stats',
      details: { from, to, teamIds: readable ?? 'all', neighbourhoodId: query.neighbourhoodId ?? null },
    });
  return {
    from,
    to,
    teamIds,
    neighbourhoodId: query.neighbourhoodId ?? null,
    thresholds,
    totals: figures(rows).shown,
    byService: serviceStats.map((s) => s.stats),
    byNeed: needStats.map((s) => s.stats),
    flagged: serviceStats
      .filter((s) => s.flags.length)
      .map((s) => ({
        serviceId: s.stats.serviceId,
        serviceName: s.stats.serviceName,
        organisationName: s.stats.organisationName,
        availability: s.stats.availability,
        flags: s.flags,
      })),
  };
}
