import { Alert, Button, Card, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { neighbourhoodTerritoryQuery, saveNeighbourhoodTerritory, territoryKey } from './data.ts';
import { canDraw, useMyNeighbourhoods } from './neighbourhoods.ts';

/** A coordinator turns the proposed zone into a neighbourhood's sectors, or adds it to them. */
export function ApplyZone({ sectorIds }: { sectorIds: string[] }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const editable = useMyNeighbourhoods().neighbourhoods.filter((n) => canDraw(user, n.teamId));
  const [neighbourhoodId, setNeighbourhoodId] = useState('');
  const target = editable.find((n) => n.id === neighbourhoodId) ?? editable[0];
  const apply = useMutation({
    mutationFn: async (mode: 'replace' | 'add') => {
      if (!target) throw new Error('no neighbourhood');
      // The current version, read now: a drawing saved meanwhile answers 409 instead of being overwritten.
      const current = await queryClient.fetchQuery({ ...neighbourhoodTerritoryQuery(target.id), staleTime: 0 });
      const next = mode === 'replace' ? sectorIds : [...new Set([...current.sectorIds, ...sectorIds])];
      return saveNeighbourhoodTerritory(target.id, {
        sectorIds: next,
        ...(current.version > 0 ? { baseVersion: current.version } : {}),
      });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: territoryKey }),
  });
  const error = useApiError(apply.error, []);
  if (!target) return null;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="apply-zone-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="apply-zone-title">
          {t('territory.ranking.applyTitle')}
        </Title>
        <Text fz="sm">{t('territory.ranking.applyHint')}</Text>
        <NativeSelect
          size="md"
          label={t('territory.ranking.applyTo')}
          value={target.id}
          onChange={(event) => {
            setNeighbourhoodId(event.currentTarget.value);
            apply.reset();
          }}
          data={editable.map((n) => ({ value: n.id, label: n.name }))}
        />
        <Button
          size="md"
          styles={wrappingButton}
          loading={apply.isPending && apply.variables === 'replace'}
          onClick={() => apply.mutate('replace')}
        >
          {t('territory.ranking.replace')}
        </Button>
        <Button
          size="md"
          variant="light"
          styles={wrappingButton}
          loading={apply.isPending && apply.variables === 'add'}
          onClick={() => apply.mutate('add')}
        >
          {t('territory.ranking.add')}
        </Button>
        <FormAlert message={error.general} />
        {apply.isSuccess ? (
          <Alert color="green" role="status" icon={<IconCheck aria-hidden />}>
            <Stack gap="xs" align="flex-start">
              <Text>{t('territory.ranking.applied', { name: target.name, count: apply.data.sectorIds.length })}</Text>
              <RouterButton
                to="/territory/neighbourhoods/$neighbourhoodId"
                params={{ neighbourhoodId: target.id }}
                size="md"
                variant="light"
              >
                {t('territory.ranking.openNeighbourhood', { name: target.name })}
              </RouterButton>
            </Stack>
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
