import { Group, Stack, Text, Title } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { teamQuery } from '../../api/queries.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouteErrorMessage } from '../../ui/RouteErrorMessage.tsx';
import { MemberList } from './MemberList.tsx';

/** One team, for its members and admins: its neighbourhoods and the people in it. */
export function TeamPage() {
  const { t } = useTranslation();
  const { teamId } = useParams({ from: '/signed-in/teams/$teamId' });
  const team = useQuery(teamQuery(teamId));
  if (team.isPending) return <PageLoader />;
  if (team.isError) return <RouteErrorMessage error={team.error} />;
  return (
    <Stack gap="lg">
      <PageTitle title={team.data.name} description={t('teams.teamCode', { code: team.data.code })} />
      <Title order={2} fz="xl">
        {t('teams.neighbourhoods')}
      </Title>
      {team.data.neighbourhoods.length === 0 ? (
        <Text>{t('teams.noNeighbourhood')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {team.data.neighbourhoods.map((neighbourhood) => (
            <Group key={neighbourhood.id} component="li" gap="xs" wrap="nowrap">
              <IconMapPin size={20} aria-hidden />
              <Text>{neighbourhood.name}</Text>
            </Group>
          ))}
        </Stack>
      )}
      <Title order={2} fz="xl">
        {t('teams.members')}
      </Title>
      <MemberList members={team.data.members} />
    </Stack>
  );
}
