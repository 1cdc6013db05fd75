import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconMapPin, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../../core/contracts/teams.ts';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import classes from './teams.module.css';

/** A team with the neighbourhoods it serves; optionally a link to its members. */
type NeighbourhoodRef = Team['neighbourhoods'][number];
type TeamCardProps = {
  team: Team;
  linkToTeam?: boolean;
  headingLevel?: 2 | 3;
  /** When given, each neighbourhood is a button that opens its editor. */
  onEditNeighbourhood?: (neighbourhood: NeighbourhoodRef) => void;
  children?: ReactNode;
};

export function TeamCard({ team, linkToTeam, headingLevel = 3, onEditNeighbourhood, children }: TeamCardProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text component={headingLevel === 2 ? 'h2' : 'h3'} fw={700} fz="lg" m={0}>
            {linkToTeam ? (
              <RouterAnchor to="/teams/$teamId" params={{ teamId: team.id }} fw={700} fz="lg">
                {team.name}
              </RouterAnchor>
            ) : (
              team.name
            )}
          </Text>
          <Badge variant="outline" color="gray.7" tt="none">
            {team.code}
          </Badge>
        </Group>
        <Text fz="sm" c="dimmed">
          {t('teams.memberCount', { count: team.memberCount })}
        </Text>
        {team.neighbourhoods.length === 0 ? (
          <Text fz="sm">{t('teams.noNeighbourhood')}</Text>
        ) : (
          <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {team.neighbourhoods.map((neighbourhood) => (
              <li key={neighbourhood.id}>
                {onEditNeighbourhood ? (
                  <UnstyledButton
                    onClick={() => onEditNeighbourhood(neighbourhood)}
                    aria-label={t('teams.editNeighbourhood', { name: neighbourhood.name })}
                    className={classes.chip}
                  >
                    <IconPencil size={16} aria-hidden />
                    <span>{neighbourhood.name}</span>
                  </UnstyledButton>
                ) : (
                  <Group gap={4} wrap="nowrap">
                    <IconMapPin size={18} aria-hidden />
                    <Text fz="sm">{neighbourhood.name}</Text>
                  </Group>
                )}
              </li>
            ))}
          </Group>
        )}
        {children}
      </Stack>
    </Card>
  );
}
