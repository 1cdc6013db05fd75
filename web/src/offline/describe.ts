import type { TFunction } from 'i18next';
import type { OutboxEntry } from './outbox.ts';

/** One line a worker recognises: "New person « Kiki »", "Counter greeting +3", "Contact (2 needs)". */
export function describeOperation(entry: OutboxEntry, t: TFunction): string {
  const { kind, payload } = entry.item;
  const list = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  if (kind.startsWith('referral.'))
    return t(`referrals.syncKind.${kind.slice('referral.'.length)}`, {
      status: payload.status ? t(`referralStatus.${String(payload.status)}`) : '',
      defaultValue: kind,
    });
  if (kind === 'timeEntry.create')
    return t('time.syncKind', { category: t(`time.categories.${String(payload.category)}`), minutes: payload.minutes });
  return t(`sync.kind.${kind}`, {
    nickname: payload.nickname ?? '',
    tally: payload.kind ?? '',
    delta: payload.delta ?? '',
    needs: list(payload.needs),
    actions: list(payload.actions),
    defaultValue: kind,
  });
}
