import { Card, Chip, Group, Stack, Switch, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { outboxQuery } from '../fieldwork/data.ts';
import { pendingReferrals, type ReferralFilter, recentServicesQuery, referralListQuery } from './data.ts';
import { ReferralCard } from './parts.tsx';

const route = getRouteApi('/signed-in/referrals');

const referralFilters: ReferralFilter[] = ['due', 'open', 'connected', 'failed', 'refused', 'expired', 'all'];

/** The team's referrals: those to check first, open ones, and each outcome. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { filter = 'due', mine = false, page = 1 } = route.useSearch();
  const list = useQuery(referralListQuery(filter, mine, page));
  const outbox = useQuery(outboxQuery);
  const recent = useQuery(recentServicesQuery);
  const waiting = pendingReferrals(outbox.data);
  const go = (changes: { filter?: ReferralFilter; mine?: boolean; page?: number }) =>
    void navigate({ to: '/referrals', search: { filter, mine: mine || undefined, ...changes, page: changes.page } });

  return (
    <Stack gap="md">
      <PageTitle
        title={t('referrals.title')}
        description={t('referrals.intro')}
        actions={
          <RouterButton to="/referrals/learn" variant="light" leftSection={<IconChartBar size={18} aria-hidden />}>
            {t('referrals.learn')}
          </RouterButton>
        }
      />
      <Chip.Group value={filter} onChange={(value) => go({ filter: value as ReferralFilter })}>
        <Group gap={8} role="radiogroup" aria-label={t('referrals.filterLabel')}>
          {referralFilters.map((value) => (
            <Chip key={value} value={value} size="md">
              {t(`referrals.filter.${value}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Switch
        label={t('referrals.mine')}
        checked={mine}
        onChange={(event) => go({ mine: event.currentTarget.checked || undefined })}
      />

      {waiting.map((referral) => (
        <Card
          key={referral.id}
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
          <Group justify="space-between" wrap="nowrap">
            <Text fw={700}>
              {recent.data?.find((choice) => choice.id === referral.serviceId)?.name ?? t('referrals.kindCreate')}
            </Text>
            <Tag tone="orange">{t('referrals.waiting')}</Tag>
          </Group>
        </Card>
      ))}

      {list.isPending ? <PageLoader /> : null}
      {list.isError ? <Text>{t('common.unexpectedError')}</Text> : null}
      {list.data && list.data.items.length === 0 ? (
        <EmptyMessage title={t('referrals.none')}>{t('referrals.noneText')}</EmptyMessage>
      ) : null}
      <Stack gap="xs" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
        {list.data?.items.map((referral) => (
          <ReferralCard key={referral.id} referral={referral} language={language} />
        ))}
      </Stack>
      {list.data && list.data.total > 30 ? (
        <Pager total={Math.ceil(list.data.total / 30)} value={page} onChange={(next) => go({ page: next })} />
      ) : null}
    </Stack>
  );
}
