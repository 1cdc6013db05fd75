import { Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ReferralListItem } from '../../../../core/contracts/referrals.ts';
import type { Language } from '../../../../core/localized.ts';
import type { ReferralStatus } from '../../../../core/referrals.ts';
import { formatDay } from '../../ui/format.ts';
import { Tag, type TagTone } from '../../ui/Tag.tsx';

const tones: Record<ReferralStatus, TagTone> = {
  proposed: 'gray',
  sent: 'blue',
  accepted: 'grape',
  refused: 'red',
  connected: 'solidGreen',
  failed: 'solidRed',
  expired: 'orange',
};

export function StatusTag({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <span data-testid="referral-status">
      <Tag tone={tones[status]}>{t(`referralStatus.${status}`)}</Tag>
    </span>
  );
}

/** One referral in a list: the service, for whom, its status; the whole card opens it. */
export function ReferralCard({ referral, language }: { referral: ReferralListItem; language: Language }) {
  const { t } = useTranslation();
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="referral-card"
      renderRoot={(rootProps) => (
        <Link
          to="/referrals/$referralId"
          params={{ referralId: referral.id }}
          {...rootProps}
          style={{ color: 'inherit', textDecoration: 'none' }}
        />
      )}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} miw={0}>
          <Text fw={700}>{referral.service.name}</Text>
          <Text fz="sm">
            {[referral.person?.nickname ?? t('referrals.anonymous'), referral.slipNumber].join(' · ')}
          </Text>
          <Text fz="sm" c="dimmed">
            {t('referrals.referredOn', { date: formatDay(referral.referredAt, language) })}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          <StatusTag status={referral.status} />
          {referral.checkBackDue ? (
            <Tag tone="orange">{t('referrals.dueDay', { day: referral.checkBackDue.day })}</Tag>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}
