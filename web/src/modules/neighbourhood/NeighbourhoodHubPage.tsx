import { Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconChartBar,
  IconChartDots3,
  IconClockHour4,
  IconFileText,
  IconLifebuoy,
  IconMap2,
  IconMapPin,
  IconNotebook,
  IconPlant2,
  IconTopologyStar3,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { CardLink } from '../../ui/CardLink.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RightsHubSection } from '../privacy/RightsHubSection.tsx';

type Entry = {
  to:
    | '/territory'
    | '/territory/coverage'
    | '/territory/ranking'
    | '/network'
    | '/signals'
    | '/diagnostics'
    | '/activities'
    | '/projects'
    | '/committees'
    | '/crisis'
    | '/time'
    | '/team-log'
    | '/reports';
  key: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
};

/** Knowing the neighbourhood (issue 6), acting in it together (issue 7), and accounting for it (issue 8). */
const sections: { key: 'know' | 'act' | 'account'; entries: Entry[] }[] = [
  {
    key: 'know',
    entries: [
      { to: '/signals', key: 'signals', icon: IconAlertTriangle },
      { to: '/territory/coverage', key: 'coverage', icon: IconMapPin },
      { to: '/territory', key: 'territory', icon: IconMap2 },
      { to: '/network', key: 'network', icon: IconTopologyStar3 },
      { to: '/diagnostics', key: 'diagnostics', icon: IconFileText },
      { to: '/territory/ranking', key: 'ranking', icon: IconChartDots3 },
    ],
  },
  {
    key: 'act',
    entries: [
      { to: '/activities', key: 'activities', icon: IconCalendarEvent },
      { to: '/projects', key: 'projects', icon: IconPlant2 },
      { to: '/committees', key: 'committees', icon: IconUsersGroup },
      { to: '/crisis', key: 'crisis', icon: IconLifebuoy },
      { to: '/time', key: 'time', icon: IconClockHour4 },
      { to: '/team-log', key: 'teamLog', icon: IconNotebook },
    ],
  },
  { key: 'account', entries: [{ to: '/reports', key: 'reports', icon: IconChartBar }] },
];

/**
 * "Le quartier": everything about knowing the neighbourhood in one place — the needs that recur,
 * where the team has (not) been, the map and its figures, the maillage, the diagnostic — and about
 * acting in it together: activities, community projects, committees, crisis mobilisations, and
 * the team's time and daily log.
 */
export function NeighbourhoodHubPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageTitle title={t('neighbourhood.title')} description={t('neighbourhood.intro')} />
      {sections.map((section) => (
        <Stack key={section.key} gap="sm" component="section" aria-labelledby={`hub-${section.key}`}>
          <Title order={2} fz="xl" id={`hub-${section.key}`}>
            {t(`neighbourhood.sections.${section.key}`)}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {section.entries.map(({ to, key, icon: Icon }) => (
              <CardLink key={to} to={to} withBorder padding="md">
                <Group wrap="nowrap" align="flex-start" gap="md">
                  <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
                    <Icon size={26} aria-hidden />
                  </ThemeIcon>
                  <Stack gap={2} miw={0}>
                    <Text fw={700} fz="lg">
                      {t(`neighbourhood.${key}.title`)}
                    </Text>
                    <Text fz="sm" c="dimmed">
                      {t(`neighbourhood.${key}.text`)}
                    </Text>
                  </Stack>
                </Group>
              </CardLink>
            ))}
          </SimpleGrid>
        </Stack>
      ))}
      <RightsHubSection />
    </Stack>
  );
}
