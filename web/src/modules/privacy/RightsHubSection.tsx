import { Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertOctagon, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
import { CardLink } from '../../ui/CardLink.tsx';

const entries = [
  { to: '/consent-register', key: 'consent', icon: IconShieldCheck },
  { to: '/incident-register', key: 'incident', icon: IconAlertOctagon },
] as const;

/** The privacy registers, in the neighbourhood hub of a coordinator (and the admin home). */
export function RightsHubSection() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user.role !== 'coordinator' && user.role !== 'admin') return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="hub-rights">
      <Title order={2} fz="xl" id="hub-rights">
        {t('rights.hubTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {/* The consent register names people: an admin reads it only with a stated reason, not from here. */}
        {entries
          .filter((entry) => user.role !== 'admin' || entry.key === 'incident')
          .map(({ to, key, icon: Icon }) => (
            <CardLink key={to} to={to} withBorder padding="md">
              <Group wrap="nowrap" align="flex-start" gap="md">
                <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
                  <Icon size={26} aria-hidden />
                </ThemeIcon>
                <Stack gap={2} miw={0}>
                  <Text fw={700} fz="lg">
                    {t(`rights.${key}Title`)}
                  </Text>
                  <Text fz="sm" c="dimmed">
                    {t(`rights.${key}Intro`)}
                  </Text>
                </Stack>
              </Group>
            </CardLink>
          ))}
      </SimpleGrid>
    </Stack>
  );
}
