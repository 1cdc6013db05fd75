import { Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { auditQuery } from '../../api/queries.ts';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouteErrorMessage } from '../../ui/RouteErrorMessage.tsx';
import { AuditEntries } from './AuditEntries.tsx';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';
import { auditPageSize, filtersFromSearch } from './audit-filters.ts';
import { exportUrl } from './data.ts';
import type { AuditSearch } from './routes.ts';

const route = getRouteApi('/signed-in/audit');

/**
 * The append-only log of who did what, newest first: all of it for an admin, what concerns their
 * teams for a coordinator (the server decides). The export takes the same filters.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filters = filtersFromSearch(search);
  const audit = useQuery(auditQuery(filters));
  const go = (next: AuditSearch) => void navigate({ search: next, replace: true });
  const pages = audit.data ? Math.ceil(audit.data.total / auditPageSize) : 0;
  const person = audit.data?.items.find((entry) => entry.personId === search.personId);
  return (
    <Stack gap="md">
      <PageTitle
        title={t('audit.title')}
        description={user.role === 'admin' ? t('audit.intro') : t('breakGlass.coordinatorIntro')}
        actions={
          <Button
            component="a"
            href={exportUrl(filters)}
            download
            variant="light"
            size="md"
            leftSection={<IconDownload size={20} aria-hidden />}
          >
            {t('breakGlass.export')}
          </Button>
        }
      />
      {search.personId ? (
        <Group gap="xs" wrap="nowrap">
          <Text fz="sm">
            {t('breakGlass.aboutPerson', { name: person?.personNickname ?? search.personId.slice(0, 8) })}
          </Text>
          <CloseButton
            size="lg"
            aria-label={t('breakGlass.allPeople')}
            onClick={() => go({ ...search, personId: undefined, page: undefined })}
          />
        </Group>
      ) : null}
      <AuditFiltersForm search={search} onChange={go} />
      {audit.isPending ? (
        <PageLoader />
      ) : audit.isError ? (
        <RouteErrorMessage error={audit.error} />
      ) : audit.data.items.length === 0 ? (
        <EmptyMessage title={t('audit.emptyTitle')}>{t('audit.emptyText')}</EmptyMessage>
      ) : (
        <>
          <Text fz="sm" c="dimmed" role="status">
            {t('audit.count', { count: audit.data.total })}
          </Text>
          <AuditEntries entries={audit.data.items} />
          <Pager
            total={pages}
            value={search.page ?? 1}
            onChange={(page) => go({ ...search, page: page > 1 ? page : undefined })}
          />
        </>
      )}
    </Stack>
  );
}
