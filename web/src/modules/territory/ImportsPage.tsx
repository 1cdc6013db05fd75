import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { IndicatorImportCard } from './IndicatorImportCard.tsx';
import { SectorImportCard } from './SectorImportCard.tsx';
import { TerritoryLinks } from './TerritoryLinks.tsx';

/** Coordinators and admins bring in statistical sectors, then the indicator tables about them. */
export function ImportsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle title={t('territory.imports.title')} description={t('territory.imports.intro')} />
      <TerritoryLinks here="imports" />
      <SectorImportCard />
      <IndicatorImportCard />
    </Stack>
  );
}
