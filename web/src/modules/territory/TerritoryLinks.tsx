import { Group } from '@mantine/core';
import { IconChartBar, IconFileImport, IconMap, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { wrappingButton } from '../../ui/wrapping-button.ts';

type Here = 'map' | 'ranking' | 'coverage' | 'imports' | 'neighbourhood' | 'places';

/** The territory pages reach one another from a row of buttons (the app's navigation has one entry). */
export function TerritoryLinks({ here }: { here: Here }) {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const links = [
    { key: 'map', to: '/territory', icon: IconMap, label: t('territory.links.map') },
    { key: 'ranking', to: '/territory/ranking', icon: IconChartBar, label: t('territory.links.ranking') },
    ...(role === 'admin'
      ? []
      : [{ key: 'coverage', to: '/territory/coverage', icon: IconMapPin, label: t('territory.links.coverage') }]),
    ...(role === 'coordinator' || role === 'admin'
      ? [{ key: 'imports', to: '/territory/imports', icon: IconFileImport, label: t('territory.links.imports') }]
      : []),
  ] as const;
  return (
    <Group gap="xs" component="nav" aria-label={t('territory.links.label')}>
      {links.map((link) => (
        <RouterButton
          key={link.key}
          to={link.to}
          size="md"
          styles={wrappingButton}
          variant={link.key === here ? 'filled' : 'light'}
          aria-current={link.key === here ? 'page' : undefined}
          leftSection={<link.icon size={18} aria-hidden />}
        >
          {link.label}
        </RouterButton>
      ))}
    </Group>
  );
}
