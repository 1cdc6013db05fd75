import { Stack, Text } from '@mantine/core';
import { IconArrowForwardUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { Section } from '../people/Section.tsx';
import { personReferralsQuery } from './data.ts';
import { ReferralCard } from './parts.tsx';

/** A person's referrals, newest first, and "Orienter" to make one. */
export function PersonReferrals({ personId, online }: { personId: string; online: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const referrals = useQuery({ ...personReferralsQuery(personId), enabled: online });
  const items = referrals.data?.items ?? [];
  return (
    <Section title={t('referrals.personSection')}>
      <Stack gap="xs">
        <RouterButton
          to="/referrals/new"
          search={{ personId }}
          size="md"
          leftSection={<IconArrowForwardUp size={20} aria-hidden />}
          aria-label={t('referrals.referLabel')}
          styles={wrappingButton}
        >
          {t('referrals.refer')}
        </RouterButton>
        {online && referrals.isSuccess && items.length === 0 ? (
          <Text c="dimmed">{t('referrals.personNone')}</Text>
        ) : null}
        {items.map((referral) => (
          <ReferralCard key={referral.id} referral={referral} language={language} />
        ))}
      </Stack>
    </Section>
  );
}
