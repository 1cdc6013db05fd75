import { Card, type CardProps, Group, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconChartDots3,
  IconFileText,
  IconMap2,
  IconMapPin,
  IconTopologyStar3,
} from '@tabler/icons-react';
import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, ComponentType, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle.tsx';

type CardElementProps = CardProps & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

function CardElement(props: CardElementProps) {
  return <Card component="a" {...props} />;
}

/** A whole card that is a link: one big target on a phone. */
const CardLink = createLink(CardElement);

type Entry = {
  to: '/territory' | '/territory/coverage' | '/territory/ranking' | '/network' | '/signals' | '/diagnostics';
  key: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
};

const entries: Entry[] = [
  { to: '/signals', key: 'signals', icon: IconAlertTriangle },
  { to: '/territory/coverage', key: 'coverage', icon: IconMapPin },
  { to: '/territory', key: 'territory', icon: IconMap2 },
  { to: '/network', key: 'network', icon: IconTopologyStar3 },
  { to: '/diagnostics', key: 'diagnostics', icon: IconFileText },
  { to: '/territory/ranking', key: 'ranking', icon: IconChartDots3 },
];

/**
 * "Le quartier": everything about knowing the neighbourhood in one place — the needs that recur,
 * where the team has (not) been, the map and its figures, the maillage, the diagnostic.
 */
export function NeighbourhoodHubPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageTitle title={t('neighbourhood.title')} description={t('neighbourhood.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {entries.map(({ to, key, icon: Icon }) => (
          <CardLink key={to} to={to} withBorder padding="md" style={{ textDecoration: 'none', color: 'inherit' }}>
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
  );
}
