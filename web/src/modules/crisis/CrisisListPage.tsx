import { Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { groupOf, mobilisationsQuery } from './data.ts';
import { MobilisationCard } from './MobilisationCard.tsx';

const groups = ['awaiting', 'running', 'past'] as const;

/** The team's crisis mobilisations: waiting for a decision first, then running, then past. */
export function CrisisListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useQuery(mobilisationsQuery);
  const items = list.data?.items ?? [];
  return (
    <Stack gap="lg">
      <PageTitle
        title={t('crisis.title')}
        description={t('crisis.intro')}
        actions={
          user.role !== 'admin' ? (
            <RouterButton to="/crisis/new" size="md" leftSection={<IconPlus size={20} aria-hidden />}>
              {t('crisis.propose')}
            </RouterButton>
          ) : null
        }
      />
      {list.isPending ? <PageLoader /> : null}
      {list.isError ? <FormAlert message={t('common.unexpectedError')} /> : null}
      {list.data && items.length === 0 ? (
        <EmptyMessage title={t('crisis.none')}>{t('crisis.noneHelp')}</EmptyMessage>
      ) : null}
      {items.length
        ? groups.map((group) => {
            const inGroup = items.filter((m) => groupOf(m) === group);
            return (
              <Stack key={group} gap="xs" component="section">
                <Title order={2} fz="xl">
                  {t(`crisis.${group}`)}
                </Title>
                {inGroup.length === 0 ? <Text c="dimmed">{t('crisis.noneHere')}</Text> : null}
                {inGroup.map((m) => (
                  <MobilisationCard key={m.id} mobilisation={m} />
                ))}
              </Stack>
            );
          })
        : null}
    </Stack>
  );
}
