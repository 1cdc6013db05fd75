import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { teamsQuery } from '../../api/queries.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { TeamCard } from '../teams/TeamCard.tsx';

/** "Ma journée" for workers and organizers: who they are, their teams and neighbourhoods. */
export function FieldHome({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const teams = useQuery(teamsQuery);
  const myTeamIds = new Set(user.teams.map((team) => team.id));
  const myTeams = teams.data?.filter((team) => myTeamIds.has(team.id)) ?? [];
  return (
    <Stack gap="lg">
      <PageTitle title={t('home.myDay')} description={t('home.hello', { name: user.name })} />
      <Text>{t('home.fieldWelcome')}</Text>
      <Title order={2} fz="xl">
        {t('home.myTeams')}
      </Title>
      {teams.isPending ? (
        <PageLoader />
      ) : myTeams.length === 0 ? (
        <EmptyMessage title={t('home.noTeamTitle')}>{t('home.noTeamText')}</EmptyMessage>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {myTeams.map((team) => (
            <TeamCard key={team.id} team={team} linkToTeam />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
