import { Button, Card, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgingSupport } from '../../../../core/contracts/referrals.ts';
import { uuidv7 } from '../../../../core/uuid.ts';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { localDay } from '../fieldwork/data.ts';
import { Section } from '../people/Section.tsx';
import { bridgingSupportsQuery, personReferralsQuery, referralsKey } from './data.ts';

const inDays = (days: number) => localDay(new Date(Date.now() + days * 86_400_000));

/** Suivi-pont on a person's page: the ones running or done, and starting one in three fields. */
export function BridgingSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const supports = useQuery(bridgingSupportsQuery(personId));
  const referrals = useQuery(personReferralsQuery(personId));
  const open = (referrals.data?.items ?? []).filter((referral) =>
    ['proposed', 'sent', 'accepted'].includes(referral.status),
  );
  const [starting, setStarting] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [plannedEndOn, setPlannedEndOn] = useState(inDays(30));
  const [referralId, setReferralId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problem = useApiError(error, ['purpose', 'plannedEndOn', 'referralId']);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<BridgingSupport>('/bridging-supports', {
        id: uuidv7(),
        personId,
        referralId: referralId || null,
        purpose: purpose.trim() || null,
        startedOn: localDay(),
        plannedEndOn: plannedEndOn || null,
      });
      void queryClient.invalidateQueries({ queryKey: [...referralsKey, 'bridging'] });
      await navigate({ to: '/bridging/$supportId', params: { supportId: created.id } });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('bridging.sectionTitle')}>
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          {t('bridging.sectionHelp')}
        </Text>
        {supports.data?.items.length === 0 && !starting ? <Text c="dimmed">{t('bridging.none')}</Text> : null}
        {supports.data?.items.map((support) => (
          <Card
            key={support.id}
            withBorder
            padding="sm"
            data-testid="bridging-card"
            renderRoot={(rootProps) => (
              <Link
                to="/bridging/$supportId"
                params={{ supportId: support.id }}
                {...rootProps}
                style={{ color: 'inherit', textDecoration: 'none' }}
              />
            )}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} miw={0}>
                <Text fw={700}>{support.purpose ?? support.referral?.serviceName ?? t('bridging.title')}</Text>
                <Text fz="sm">
                  {[
                    t('bridging.since', { date: formatDay(support.startedOn, language) }),
                    support.plannedEndOn
                      ? t('bridging.until', { date: formatDay(support.plannedEndOn, language) })
                      : null,
                    t('bridging.contacts', { count: support.contactCount }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              <Tag tone={support.active ? 'green' : 'gray'}>
                {support.active
                  ? t('bridging.active')
                  : t('bridging.ended', { date: formatDay(support.endedOn ?? support.startedOn, language) })}
              </Tag>
            </Group>
          </Card>
        ))}
        {starting ? (
          <Stack gap="sm">
            <TextInput
              label={t('bridging.purpose')}
              maxLength={500}
              value={purpose}
              error={problem.field('purpose')}
              onChange={(event) => setPurpose(event.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('bridging.plannedEndOn')}
              value={plannedEndOn}
              error={problem.field('plannedEndOn')}
              onChange={(event) => setPlannedEndOn(event.currentTarget.value)}
            />
            {open.length > 0 ? (
              <NativeSelect
                label={t('bridging.referral')}
                value={referralId}
                onChange={(event) => setReferralId(event.currentTarget.value)}
                data={[
                  { value: '', label: t('bridging.noReferral') },
                  ...open.map((referral) => ({ value: referral.id, label: referral.service.name })),
                ]}
              />
            ) : null}
            <FormAlert message={problem.general} />
            <Group gap="sm">
              <Button onClick={() => void start()} loading={busy}>
                {t('bridging.save')}
              </Button>
              <Button variant="default" onClick={() => setStarting(false)}>
                {t('referrals.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Button variant="light" onClick={() => setStarting(true)} styles={wrappingButton}>
            {t('bridging.start')}
          </Button>
        )}
      </Stack>
    </Section>
  );
}
