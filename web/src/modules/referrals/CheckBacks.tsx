import { Button, Card, Chip, Group, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconClock, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckBackItem } from '../../../../core/contracts/referrals.ts';
import { type ReferralFailureReason, referralFailureReasons } from '../../../../core/referrals.ts';
import { formatDay } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { outboxQuery } from '../fieldwork/data.ts';
import { quickCheckBack, quickStatus } from './actions.ts';
import { followedHere } from './data.ts';

/**
 * On "Ma journée": open referrals due for their day-7 or day-30 check-back, each with one-tap
 * outcomes. The taps go through the outbox (offline too) and the card leaves at once.
 */
export function CheckBacks({ items }: { items: CheckBackItem[] | undefined }) {
  const { t } = useTranslation();
  const outbox = useQuery(outboxQuery);
  // Tapped here stays gone: once the outbox has synced a tap, the day's list may be read again a
  // moment later than the outbox, and the card must not come back in between.
  const [tapped, setTapped] = useState<ReadonlySet<string>>(new Set());
  const done = followedHere(outbox.data);
  const due = (items ?? []).filter((item) => !done.has(item.referral.id) && !tapped.has(item.referral.id));
  const leave = (id: string) => setTapped((before) => new Set(before).add(id));
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="xl">
        {t('referrals.checkBacksTitle')}
      </Title>
      {items && due.length === 0 ? <Text c="dimmed">{t('referrals.noCheckBack')}</Text> : null}
      {due.map((item) => (
        <CheckBackCard key={item.referral.id} item={item} onTapped={() => leave(item.referral.id)} />
      ))}
    </Stack>
  );
}

function CheckBackCard({ item, onTapped }: { item: CheckBackItem; onTapped: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [asking, setAsking] = useState(false);
  const { referral } = item;
  const who = referral.person?.nickname ?? `${t('referrals.anonymous')} ${referral.slipNumber}`;
  const label = (action: string) => t('referrals.oneTapLabel', { action, service: referral.service.name, who });
  const fail = (reason: ReferralFailureReason) => {
    onTapped();
    void quickStatus(referral, { status: 'failed', reason });
  };

  return (
    <Card withBorder padding="sm" data-testid="check-back">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} miw={0}>
            <Text fw={700}>
              <Link to="/referrals/$referralId" params={{ referralId: referral.id }}>
                {referral.service.name}
              </Link>
            </Text>
            <Text fz="sm">
              {[who, t('referrals.since', { date: formatDay(referral.referredAt, language) })].join(' · ')}
            </Text>
          </Stack>
          <Tag tone="orange">{t('referrals.dueDay', { day: item.day })}</Tag>
        </Group>
        {asking ? (
          <Stack gap={4}>
            <Text fw={600} fz="sm">
              {t('referrals.oneTapWhy')}
            </Text>
            <Chip.Group value={null} onChange={(reason) => fail(reason as ReferralFailureReason)}>
              <Group gap={6} role="radiogroup" aria-label={t('referrals.oneTapWhy')}>
                {referralFailureReasons.map((reason) => (
                  <Chip key={reason} value={reason} size="md">
                    {t(`failureReason.${reason}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            <Button variant="subtle" onClick={() => setAsking(false)} style={{ alignSelf: 'flex-start' }}>
              {t('referrals.cancel')}
            </Button>
          </Stack>
        ) : (
          <Stack gap={6}>
            <Button
              leftSection={<IconCheck size={18} aria-hidden />}
              onClick={() => {
                onTapped();
                void quickStatus(referral, { status: 'connected' });
              }}
              aria-label={label(t('referrals.oneTapConnected'))}
              styles={wrappingButton}
            >
              {t('referrals.oneTapConnected')}
            </Button>
            <Group gap={6} grow wrap="nowrap">
              <Button
                variant="default"
                leftSection={<IconClock size={18} aria-hidden />}
                onClick={() => {
                  onTapped();
                  void quickCheckBack(referral);
                }}
                aria-label={label(t('referrals.oneTapWaiting'))}
                styles={wrappingButton}
              >
                {t('referrals.oneTapWaiting')}
              </Button>
              <Button
                variant="default"
                color="red.8"
                leftSection={<IconX size={18} aria-hidden />}
                onClick={() => setAsking(true)}
                aria-label={label(t('referrals.oneTapFailed'))}
                styles={wrappingButton}
              >
                {t('referrals.oneTapFailed')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
