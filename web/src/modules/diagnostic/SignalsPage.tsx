import { Button, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { AdvocacySummaryCard } from './AdvocacySummaryCard.tsx';
import {
  detectSignals,
  diagnosticListQuery,
  type SignalFilter,
  signalFilters,
  signalsKey,
  signalsQuery,
} from './data.ts';
import { SignalCard } from './SignalCard.tsx';
import { ThresholdsForm } from './ThresholdsForm.tsx';

/**
 * The needs that recur in the team's neighbourhoods (besoins collectifs émergents), filtered by
 * status and neighbourhood; members move a signal in one tap; coordination detects on demand and
 * sets the thresholds.
 */
export function SignalsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const search = useSearch({ from: '/signed-in/signals' });
  const navigate = useNavigate({ from: '/signals' });
  const status = search.status ?? 'open';
  const signals = useQuery(signalsQuery(status, search.neighbourhoodId));
  const hoods = useQuery(diagnosticListQuery);
  const queryClient = useQueryClient();
  const detect = useMutation({
    mutationFn: detectSignals,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: signalsKey }),
  });
  const { general } = useApiError(detect.error, []);
  const coordinator = user.role === 'coordinator';
  return (
    <Stack gap="md">
      <PageTitle
        title={t('diagnostic.signals.title')}
        description={t('diagnostic.signals.intro')}
        actions={
          coordinator ? (
            <Button size="md" onClick={() => detect.mutate()} loading={detect.isPending}>
              {t('diagnostic.signals.detect')}
            </Button>
          ) : null
        }
      />
      <FormAlert message={general} />
      {detect.data ? (
        <Text role="status" fw={600} c="relais.8">
          {t('diagnostic.signals.detected', { created: detect.data.created, updated: detect.data.updated })}
        </Text>
      ) : null}
      <SimpleGrid cols={2} spacing="sm">
        <NativeSelect
          size="md"
          label={t('diagnostic.signals.status')}
          value={status}
          onChange={(event) =>
            void navigate({ search: { ...search, status: event.currentTarget.value as SignalFilter } })
          }
          data={signalFilters.map((value) => ({ value, label: t(`diagnostic.signals.filters.${value}`) }))}
        />
        <NativeSelect
          size="md"
          label={t('diagnostic.signals.neighbourhood')}
          value={search.neighbourhoodId ?? ''}
          onChange={(event) =>
            void navigate({ search: { ...search, neighbourhoodId: event.currentTarget.value || undefined } })
          }
          data={[
            { value: '', label: t('diagnostic.signals.allNeighbourhoods') },
            ...(hoods.data?.items ?? []).map((h) => ({ value: h.neighbourhoodId, label: h.neighbourhoodName })),
          ]}
        />
      </SimpleGrid>
      {signals.isPending ? <PageLoader /> : null}
      {signals.isError ? <FormAlert message={t('common.unexpectedError')} /> : null}
      {signals.data?.items.length === 0 ? (
        <EmptyMessage title={t('diagnostic.signals.none')}>{t('diagnostic.signals.noneHelp')}</EmptyMessage>
      ) : null}
      <Stack gap="sm">
        {signals.data?.items.map((signal) => (
          <SignalCard key={signal.id} signal={signal} canChange={user.role !== 'admin'} />
        ))}
      </Stack>
      {user.role !== 'admin' ? <AdvocacySummaryCard /> : null}
      {coordinator ? <ThresholdsForm /> : null}
    </Stack>
  );
}
