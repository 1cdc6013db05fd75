import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouteErrorMessage } from '../../ui/RouteErrorMessage.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { AuditEntries } from './AuditEntries.tsx';
import { accessHistoryQuery } from './data.ts';
import { GrantsList } from './GrantsList.tsx';

const route = getRouteApi('/signed-in/people/$personId/access');
const pageSize = 30;

/**
 * A person's access history, for the coordinator of their team (and admins): the break-the-glass
 * grants on them first (live ones can be revoked here), then every read and change, newest first.
 */
export function PersonAccessPage() {
  const { personId } = route.useParams();
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const history = useQuery(accessHistoryQuery(personId, page, pageSize));
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <RouteErrorMessage error={history.error} />;
  const { nickname, grants, items, total } = history.data;
  return (
    <Stack gap="lg">
      <PageTitle
        title={nickname ? `${t('breakGlass.historyTitle')} — ${nickname}` : t('breakGlass.historyTitle')}
        description={t('breakGlass.historyIntro')}
      />
      <Stack gap="sm" component="section" aria-labelledby="access-grants">
        <Title order={2} fz="xl" id="access-grants">
          {t('breakGlass.grantsTitle')}
        </Title>
        {grants.length === 0 ? <Text c="dimmed">{t('breakGlass.noGrants')}</Text> : <GrantsList grants={grants} />}
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="access-entries">
        <Title order={2} fz="xl" id="access-entries">
          {t('breakGlass.entriesTitle')}
        </Title>
        {items.length === 0 ? <Text c="dimmed">{t('breakGlass.noEntries')}</Text> : <AuditEntries entries={items} />}
        <Pager total={Math.ceil(total / pageSize)} value={page} onChange={setPage} />
        <RouterAnchor to="/audit" search={{ personId }}>
          {t('breakGlass.fullLog')}
        </RouterAnchor>
      </Stack>
    </Stack>
  );
}
