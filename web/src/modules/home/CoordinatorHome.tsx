import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconList, IconListSearch, IconMap2 } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { teamQuery } from '../../api/queries.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { CrisisReminders } from '../crisis/CrisisReminders.tsx';
import { OpenGrantsCard } from '../privacy/OpenGrantsCard.tsx';
import { MemberList } from '../teams/MemberList.tsx';
import { TeamCard } from '../teams/TeamCard.tsx';

/** Coordination sees its teams, their neighbourhoods and who works in them. */
export function CoordinatorHome({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const teams = useQueries({ queries: user.teams.map((team) => teamQuery(team.id)) });
  return (
    <Stack gap="lg">
      <PageTitle title={t('home.myTeams')} description={t('home.hello', { name: user.name })} />
      <Text>{t('home.coordinatorWelcome')}</Text>
      <CrisisReminders user={user} />
      <OpenGrantsCard user={user} />
      <Group gap="sm">
        <RouterButton to="/taxonomies" variant="light" leftSection={<IconList size={18} aria-hidden />}>
          {t('nav.taxonomies')}
        </RouterButton>
        <RouterButton to="/neighbourhood" variant="light" leftSection={<IconMap2 size={18} aria-hidden />}>
          {t('neighbourhood.title')}
        </RouterButton>
        <RouterButton to="/audit" variant="light" leftSection={<IconListSearch size={18} aria-hidden />}>
          {t('nav.audit')}
        </RouterButton>
      </Group>
      {user.teams.length === 0 ? (
        <EmptyMessage title={t('home.noTeamTitle')}>{t('home.noTeamText')}</EmptyMessage>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {teams.map((query, index) =>
            query.data ? (
              <TeamCard key={query.data.id} team={query.data} headingLevel={2} linkToTeam>
                <Title order={3} fz="md" mt="xs">
                  {t('teams.members')}
                </Title>
                <MemberList members={query.data.members} />
              </TeamCard>
            ) : (
              <Card key={user.teams[index]?.id} withBorder>
                <PageLoader />
              </Card>
            ),
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
