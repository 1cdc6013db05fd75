import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RetentionPurgeCard } from './RetentionPurgeCard.tsx';
import { RetentionRulesForm } from './RetentionRulesForm.tsx';
import { RetentionRunList } from './RetentionRunList.tsx';
import { purgeRunsQuery, retentionRulesQuery } from './retention-data.ts';

/** Conservation des données (admin): the rules, a dry run and a purge now, and the purge log. */
export function RetentionPage() {
  const { t } = useTranslation();
  const settings = useQuery(retentionRulesQuery).data;
  const runs = useQuery(purgeRunsQuery).data;
  return (
    <Stack gap="lg" maw={720}>
      <PageTitle title={t('retention.title')} description={t('retention.intro')} />
      <RetentionPurgeCard />
      {settings ? <RetentionRulesForm settings={settings} /> : <PageLoader />}
      {runs ? <RetentionRunList runs={runs.items} /> : null}
    </Stack>
  );
}
