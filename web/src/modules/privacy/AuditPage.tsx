import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { auditQuery } from '../../api/queries.ts';
import type { AuditSearch } from '../../app/router.tsx';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouteErrorMessage } from '../../ui/RouteErrorMessage.tsx';
import { AuditEntries } from './AuditEntries.tsx';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';
import { auditPageSize, filtersFromSearch } from './audit-filters.ts';

/** The append-only log of who did what, newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signed-in/admin/admin/audit' });
  const navigate = useNavigate({ from: '/admin/audit' });
  const audit = useQuery(auditQuery(filtersFromSearch(search)));
  const go = (next: AuditSearch) => void navigate({ search: next, replace: true });
  const pages = audit.data ? Math.ceil(audit.data.total / auditPageSize) : 0;
  return (
    <Stack gap="md">
      <PageTitle title={t('audit.title')} description={t('audit.intro')} />
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
