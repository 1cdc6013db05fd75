import { queryOptions } from '@tanstack/react-query';
import type { DirectorySearchResult, ServiceHit } from '../../../../core/contracts/directory-search.ts';
import type { ReferralStats } from '../../../../core/contracts/referral-stats.ts';
import type {
  BridgingSupport,
  BridgingSupportItem,
  Referral,
  ReferralListItem,
  ReferralSlip,
} from '../../../../core/contracts/referrals.ts';
import { api } from '../../api/client.ts';
import type { OutboxOperation } from '../../offline/outbox.ts';
import { readCache } from '../../offline/store.ts';
import { cachedRead } from '../fieldwork/data.ts';

/**
 * Reads of referrals and bridging supports. Their keys sit under `fieldwork`, so a sync that
 * reached the server refreshes them like the day's lists (AppLayout's onApplied).
 */
export const referralsKey = ['fieldwork', 'referrals'] as const;

export type ReferralFilter = 'open' | 'due' | 'connected' | 'failed' | 'refused' | 'expired' | 'all';

export const referralListQuery = (filter: ReferralFilter, mine: boolean, page = 1) =>
  queryOptions({
    queryKey: [...referralsKey, 'list', filter, mine, page],
    queryFn: () =>
      api.get<{ items: ReferralListItem[]; total: number }>('/referrals', {
        status: filter === 'due' || filter === 'all' ? undefined : filter,
        checkBackDue: filter === 'due' ? 'true' : undefined,
        mine: mine ? 'true' : undefined,
        limit: 30,
        offset: (page - 1) * 30,
      }),
    placeholderData: (previous) => previous,
  });

export const personReferralsQuery = (personId: string) =>
  queryOptions({
    queryKey: [...referralsKey, 'person', personId],
    queryFn: () =>
      cachedRead(`referrals:${personId}`, () =>
        api.get<{ items: ReferralListItem[]; total: number }>('/referrals', { personId, limit: 50 }),
      ),
    retry: false,
  });

export const referralQuery = (id: string) =>
  queryOptions({
    queryKey: [...referralsKey, 'one', id],
    queryFn: () => cachedRead(`referral:${id}`, () => api.get<Referral>(`/referrals/${encodeURIComponent(id)}`)),
    retry: false,
  });

export const slipQuery = (id: string) =>
  queryOptions({
    queryKey: [...referralsKey, 'slip', id],
    queryFn: () => api.get<ReferralSlip>(`/referrals/${encodeURIComponent(id)}/slip`),
    retry: false,
  });

export const referralStatsQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: [...referralsKey, 'stats', from, to],
    queryFn: () => api.get<ReferralStats>('/referral-stats', { from, to }),
  });

export const bridgingSupportsQuery = (personId: string) =>
  queryOptions({
    queryKey: [...referralsKey, 'bridging', 'person', personId],
    queryFn: () =>
      api.get<{ items: BridgingSupportItem[]; total: number }>('/bridging-supports', { personId, limit: 20 }),
    retry: false,
  });

export const bridgingSupportQuery = (id: string) =>
  queryOptions({
    queryKey: [...referralsKey, 'bridging', 'one', id],
    queryFn: () => api.get<BridgingSupport>(`/bridging-supports/${encodeURIComponent(id)}`),
    retry: false,
  });

// ---- services a worker refers to ----

/** A service as the referral form offers it: enough to choose, from the directory or the device. */
export type ServiceChoice = {
  id: string;
  name: string;
  organisationName: string;
  availability: ReferralListItem['service']['availability'];
  needs: string[];
};

/** The services this device referred to lately (newest first): the offline fallback. */
export const recentServicesQuery = queryOptions({
  queryKey: ['recent-services'],
  queryFn: async () => (await readCache<ServiceChoice[]>('recent-services')) ?? [],
  networkMode: 'always',
});

// ---- what waits in the outbox ----

/** A referral made on this device and not yet on the server, shown as if it were. */
export type PendingReferral = {
  id: string;
  personId: string | null;
  encounterId: string | null;
  serviceId: string;
  needs: string[];
  sharedItems: string[];
  createdAt: string;
  status: OutboxOperation['status'];
};

export function pendingReferrals(operations: OutboxOperation[] | undefined): PendingReferral[] {
  return (operations ?? [])
    .filter((row) => row.value.item.kind === 'referral.create')
    .map((row) => {
      const payload = row.value.item.payload;
      return {
        id: row.value.item.entityId,
        personId: typeof payload.personId === 'string' ? payload.personId : null,
        encounterId: typeof payload.encounterId === 'string' ? payload.encounterId : null,
        serviceId: String(payload.serviceId ?? ''),
        needs: Array.isArray(payload.needs) ? payload.needs.map(String) : [],
        sharedItems: Array.isArray(payload.sharedItems) ? payload.sharedItems.map(String) : [],
        createdAt: row.value.createdAt,
        status: row.status,
      };
    });
}

/** Referrals moved or checked on this device and not yet sent: my day hides them at once. */
export function followedHere(operations: OutboxOperation[] | undefined): Set<string> {
  return new Set(
    (operations ?? [])
      .filter((row) => row.value.item.kind === 'referral.status' || row.value.item.kind === 'referral.checkBack')
      .map((row) => row.value.item.entityId),
  );
}

const asChoice = (hit: ServiceHit): ServiceChoice => ({
  id: hit.id,
  name: hit.name,
  organisationName: hit.organisation.name,
  availability: hit.availability,
  needs: hit.needs,
});

/**
 * Services for the needs heard (one directory search per need, those serving more of them first),
 * or for the words typed. Kept on the device: the same needs offline find the same services.
 */
export const serviceSuggestionsQuery = (needs: string[], words: string) =>
  queryOptions({
    queryKey: ['service-suggestions', [...needs].sort().join(','), words.trim()],
    queryFn: () =>
      cachedRead(`services:${[...needs].sort().join(',')}:${words.trim().toLowerCase()}`, async () => {
        const q = words.trim();
        if (q) {
          const found = await api.get<DirectorySearchResult>('/directory/search', { q, kind: 'service', limit: 20 });
          return found.services.map(asChoice);
        }
        const answers = await Promise.all(
          needs
            .slice(0, 4)
            .map((need) => api.get<DirectorySearchResult>('/directory/search', { need, kind: 'service', limit: 15 })),
        );
        const byId = new Map<string, { choice: ServiceChoice; hits: number; first: number }>();
        for (const [order, answer] of answers.entries())
          for (const [position, hit] of answer.services.entries()) {
            const known = byId.get(hit.id);
            if (known) known.hits += 1;
            else byId.set(hit.id, { choice: asChoice(hit), hits: 1, first: order * 100 + position });
          }
        return [...byId.values()]
          .sort((a, b) => b.hits - a.hits || a.first - b.first)
          .slice(0, 15)
          .map((entry) => entry.choice);
      }),
    enabled: needs.length > 0 || words.trim().length > 1,
    retry: false,
    placeholderData: (previous) => previous,
  });
