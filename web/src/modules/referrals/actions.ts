import type {
  ChangeReferralStatusBody,
  CreateReferralBody,
  Referral,
  ReferralListItem,
} from '../../../../core/contracts/referrals.ts';
import { uuidv7 } from '../../../../core/uuid.ts';
import { api } from '../../api/client.ts';
import { queryClient } from '../../app/query-client.ts';
import { enqueue } from '../../offline/outbox.ts';
import { readCache, writeCache } from '../../offline/store.ts';
import { outboxQuery } from '../fieldwork/data.ts';
import { recentServicesQuery, referralsKey, type ServiceChoice } from './data.ts';

function refresh(): void {
  void queryClient.invalidateQueries({ queryKey: outboxQuery.queryKey });
  void queryClient.invalidateQueries({
    queryKey: ['fieldwork'],
    predicate: (query) => query.queryKey[1] !== 'reference',
  });
}

/** The device keeps the last services it referred to: offered first, and offline. */
async function rememberService(service: ServiceChoice): Promise<void> {
  const kept = (await readCache<ServiceChoice[]>('recent-services')) ?? [];
  const next = [service, ...kept.filter((other) => other.id !== service.id)].slice(0, 12);
  await writeCache('recent-services', next);
  queryClient.setQueryData(recentServicesQuery.queryKey, next);
}

/**
 * A referral goes through the outbox like a contact: it shows at once, waits without network, and
 * the server makes its slip number when it arrives (the encounter it names goes first, in order).
 */
export async function createReferral(
  body: Omit<CreateReferralBody, 'id'>,
  service: ServiceChoice,
): Promise<{ referralId: string }> {
  const referralId = uuidv7();
  const payload: Record<string, unknown> = { ...body, referredAt: body.referredAt ?? new Date().toISOString() };
  for (const [key, value] of Object.entries(payload)) if (value === undefined || value === null) delete payload[key];
  await rememberService(service);
  await enqueue('referral.create', referralId, payload);
  refresh();
  return { referralId };
}

/** One tap on my day: a move or "I checked, still waiting", offline too. */
export async function quickStatus(
  referral: Pick<ReferralListItem, 'id' | 'version'>,
  body: Omit<ChangeReferralStatusBody, 'baseVersion'>,
): Promise<void> {
  const payload: Record<string, unknown> = { ...body };
  for (const [key, value] of Object.entries(payload)) if (value === undefined) delete payload[key];
  await enqueue('referral.status', referral.id, payload, referral.version);
  refresh();
}

export async function quickCheckBack(referral: Pick<ReferralListItem, 'id' | 'version'>, note?: string): Promise<void> {
  await enqueue('referral.checkBack', referral.id, note ? { note } : {}, referral.version);
  refresh();
}

// ---- on the referral page (online: the answer shows the new history at once) ----

function settle(referral: Referral): Referral {
  queryClient.setQueryData([...referralsKey, 'one', referral.id], referral);
  void queryClient.invalidateQueries({
    queryKey: ['fieldwork'],
    predicate: (query) => query.queryKey[1] !== 'reference' && !(query.queryKey[2] === 'one'),
  });
  return referral;
}

export async function changeStatus(referral: Referral, body: Omit<ChangeReferralStatusBody, 'baseVersion'>) {
  return settle(
    await api.post<Referral>(`/referrals/${referral.id}/status`, { ...body, baseVersion: referral.version }),
  );
}

export async function recordCheckBack(referral: Referral, body: { note?: string; fromPartner?: boolean }) {
  return settle(
    await api.post<Referral>(`/referrals/${referral.id}/check-backs`, { ...body, baseVersion: referral.version }),
  );
}

export async function addNote(referral: Referral, body: { note: string; fromPartner?: boolean; occurredAt?: string }) {
  return settle(await api.post<Referral>(`/referrals/${referral.id}/notes`, body));
}
