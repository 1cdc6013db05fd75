import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { IconMapPinPlus, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../../core/contracts/teams.ts';
import { teamsQuery } from '../../api/queries.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouteErrorMessage } from '../../ui/RouteErrorMessage.tsx';
import { NeighbourhoodForm } from './NeighbourhoodForm.tsx';
import { TeamCard } from './TeamCard.tsx';
import { TeamForm } from './TeamForm.tsx';

type NeighbourhoodRef = Team['neighbourhoods'][number] & { teamId: string };
type Dialog =
  | { kind: 'team'; team?: Team }
  | { kind: 'neighbourhood'; neighbourhood?: NeighbourhoodRef; teamId?: string }
  | null;

/** Teams and the neighbourhoods they serve, on one page: a neighbourhood always belongs to a team. */
export function TeamsAdminPage() {
  const { t } = useTranslation();
  const teams = useQuery(teamsQuery);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <Stack gap="md">
      <PageTitle
        title={t('teams.adminTitle')}
        description={t('teams.adminIntro')}
        actions={
          <Button leftSection={<IconPlus size={20} aria-hidden />} onClick={() => setDialog({ kind: 'team' })}>
            {t('teams.create')}
          </Button>
        }
      />
      {teams.isPending ? (
        <PageLoader />
      ) : teams.isError ? (
        <RouteErrorMessage error={teams.error} />
      ) : teams.data.length === 0 ? (
        <EmptyMessage title={t('teams.emptyTitle')}>{t('teams.emptyText')}</EmptyMessage>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {teams.data.map((team) => (
            <TeamCard
              key={team.id}
              team={team}
              headingLevel={2}
              linkToTeam
              onEditNeighbourhood={(neighbourhood) =>
                setDialog({ kind: 'neighbourhood', neighbourhood: { ...neighbourhood, teamId: team.id } })
              }
            >
              <Group gap="xs" mt="xs">
                <Button
                  variant="light"
                  leftSection={<IconMapPinPlus size={18} aria-hidden />}
                  onClick={() => setDialog({ kind: 'neighbourhood', teamId: team.id })}
                >
                  {t('teams.addNeighbourhood')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconPencil size={18} aria-hidden />}
                  onClick={() => setDialog({ kind: 'team', team })}
                  aria-label={t('teams.renameNamed', { name: team.name })}
                >
                  {t('teams.rename')}
                </Button>
              </Group>
            </TeamCard>
          ))}
        </SimpleGrid>
      )}
      <FormModal
        opened={dialog?.kind === 'team'}
        onClose={close}
        title={dialog?.kind === 'team' && dialog.team ? t('teams.rename') : t('teams.create')}
      >
        {dialog?.kind === 'team' ? <TeamForm team={dialog.team} onSaved={close} /> : null}
      </FormModal>
      <FormModal
        opened={dialog?.kind === 'neighbourhood'}
        onClose={close}
        title={
          dialog?.kind === 'neighbourhood' && dialog.neighbourhood
            ? t('teams.neighbourhoodEditTitle')
            : t('teams.addNeighbourhood')
        }
      >
        {dialog?.kind === 'neighbourhood' ? (
          <NeighbourhoodForm neighbourhood={dialog.neighbourhood} teamId={dialog.teamId} onSaved={close} />
        ) : null}
      </FormModal>
    </Stack>
  );
}
