import { Anchor, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconClockShield,
  IconList,
  IconListSearch,
  IconSettings,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { teamsQuery, usersQuery } from '../../api/queries.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RightsHubSection } from '../privacy/RightsHubSection.tsx';

type ShortcutProps = {
  to:
    | '/admin/users'
    | '/admin/teams'
    | '/audit'
    | '/admin/settings'
    | '/taxonomies'
    | '/directory'
    | '/admin/retention';
  icon: ReactNode;
  title: string;
  detail: string;
};

function Shortcut({ to, icon, title, detail }: ShortcutProps) {
  return (
    <Card withBorder radius="md" padding="md">
      <Group wrap="nowrap" align="flex-start">
        <ThemeIcon size={44} variant="light" radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <Stack gap={2}>
          <Anchor component={Link} to={to} fw={700} fz="lg">
            {title}
          </Anchor>
          <Text fz="sm" c="dimmed">
            {detail}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

/**
 * Administration: the accounts, teams, audit and settings, the shared lists (taxonomies, the
 * directory), and the first steps on a new deployment.
 */
export function AdminHome({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const teams = useQuery(teamsQuery).data;
  const users = useQuery(usersQuery({ limit: 1 })).data;
  const neighbourhoodCount = teams?.reduce((sum, team) => sum + team.neighbourhoods.length, 0) ?? 0;
  const gettingStarted = teams !== undefined && users !== undefined && (teams.length === 0 || users.total <= 1);
  return (
    <Stack gap="lg">
      <PageTitle title={t('home.adminTitle')} description={t('home.hello', { name: user.name })} />
      {gettingStarted ? (
        <Card withBorder radius="md" bg="relais.0">
          <Text component="h2" fw={700} fz="lg" m={0} mb="xs">
            {t('home.firstStepsTitle')}
          </Text>
          <List type="ordered" spacing="xs">
            <List.Item>{t('home.firstStepTeam')}</List.Item>
            <List.Item>{t('home.firstStepUsers')}</List.Item>
            <List.Item>{t('home.firstStepSettings')}</List.Item>
          </List>
        </Card>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Shortcut
          to="/admin/users"
          icon={<IconUsers size={24} />}
          title={t('nav.users')}
          detail={users ? t('home.accountCount', { count: users.total }) : '…'}
        />
        <Shortcut
          to="/admin/teams"
          icon={<IconUsersGroup size={24} />}
          title={t('nav.teams')}
          detail={
            teams
              ? t('home.teamCount', {
                  teams: t('home.teams', { count: teams.length }),
                  neighbourhoods: t('home.neighbourhoods', { count: neighbourhoodCount }),
                })
              : '…'
          }
        />
        <Shortcut
          to="/audit"
          icon={<IconListSearch size={24} />}
          title={t('nav.audit')}
          detail={t('home.auditDetail')}
        />
        <Shortcut
          to="/admin/settings"
          icon={<IconSettings size={24} />}
          title={t('nav.settings')}
          detail={t('home.settingsDetail')}
        />
        <Shortcut
          to="/taxonomies"
          icon={<IconList size={24} />}
          title={t('nav.taxonomies')}
          detail={t('taxonomies.intro')}
        />
        <Shortcut
          to="/directory"
          icon={<IconBuildingCommunity size={24} />}
          title={t('directory.title')}
          detail={t('directory.intro')}
        />
        <Shortcut
          to="/admin/retention"
          icon={<IconClockShield size={24} />}
          title={t('retention.title')}
          detail={t('retention.intro')}
        />
      </SimpleGrid>
      <RightsHubSection />
    </Stack>
  );
}
