import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Language } from '../../../../core/localized.ts';
import { formatDay } from '../../ui/format.ts';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';

type Item = { type: string; id: string; summary: Record<string, unknown> };

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

/** How a referral or a bridging support reads in a person's timeline: a title and a link. */
export function referralTimelineEntry(
  item: Item,
  t: TFunction,
  language: Language,
): { title: string; body: ReactNode } | null {
  const { summary } = item;
  const service = textOf(summary.serviceName);
  const status = textOf(summary.status);
  if (item.type === 'referral' || item.type === 'referralStatus') {
    const referralId = item.type === 'referral' ? item.id : textOf(summary.referralId);
    const reason = textOf(summary.reason);
    return {
      title:
        item.type === 'referral'
          ? t('referrals.timelineReferral', { service })
          : t('referrals.timelineStatus', { status: t(`referralStatus.${status}`) }),
      body: (
        <Text fz="sm">
          <RouterAnchor to="/referrals/$referralId" params={{ referralId }}>
            {item.type === 'referral' ? textOf(summary.slipNumber) : service}
          </RouterAnchor>
          {reason ? ` · ${t(`failureReason.${reason}`)}` : ''}
          {summary.fromPartner === true ? ` · ${t('referrals.byPartner')}` : ''}
        </Text>
      ),
    };
  }
  if (item.type === 'bridgingStarted' || item.type === 'bridgingEnded') {
    const plannedEndOn = textOf(summary.plannedEndOn);
    return {
      title: t(
        item.type === 'bridgingStarted' ? 'referrals.timelineBridgingStarted' : 'referrals.timelineBridgingEnded',
      ),
      body: (
        <Text fz="sm">
          <RouterAnchor to="/bridging/$supportId" params={{ supportId: item.id }}>
            {textOf(summary.purpose) || t('bridging.title')}
          </RouterAnchor>
          {item.type === 'bridgingStarted' && plannedEndOn
            ? ` · ${t('bridging.until', { date: formatDay(plannedEndOn, language) })}`
            : ''}
        </Text>
      ),
    };
  }
  return null;
}
