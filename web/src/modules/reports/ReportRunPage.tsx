import { Button, Card, Group, Stack } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PeriodChoice } from '../../../../core/reports/periods.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { exportFormats, exportUrl, type RunSearch, runQuery, type ScopeSearch, templatesQuery } from './data.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { choiceOf, lastTwelveMonths, searchOf } from './period.ts';
import { ReportView } from './ReportView.tsx';
import { ScopePicker } from './ScopePicker.tsx';

/**
 * `/reports/run/$templateId`: one template's report for a period and a scope, drawn as charts with
 * the numbers one tap away, and the same report as PDF, Excel or CSV. Everything the page shows is
 * in its address, so a coordinator can send it to a colleague.
 */
export function ReportRunPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { templateId } = useParams({ from: '/signed-in/reports/run/$templateId' });
  const search = useSearch({ from: '/signed-in/reports/run/$templateId' });
  const navigate = useNavigate({ from: '/reports/run/$templateId' });
  const templates = useQuery(templatesQuery);
  const template = templates.data?.find((candidate) => candidate.id === templateId);
  // The dashboard opens on the last twelve months; a report on its template's last whole period.
  const choice =
    templateId === 'dashboard' && !search.periodType
      ? lastTwelveMonths()
      : choiceOf(search, template?.periodType ?? 'calendarYear');
  const scope: ScopeSearch = { teamId: search.teamId, neighbourhoodId: search.neighbourhoodId };
  const query: RunSearch = { ...searchOf(choice), ...scope };
  const report = useQuery({ ...runQuery(templateId, query), enabled: !!template });
  const problem = useApiError(report.error, []);
  const go = (next: RunSearch) => void navigate({ search: next, replace: true });

  if (templates.isPending) return <PageLoader />;
  if (!template) return <FormAlert message={t('reports.unknownTemplate')} />;
  return (
    <Stack gap="md">
      <PageTitle title={template.name[language]} description={t('reports.runIntro')} />
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <PeriodPicker choice={choice} onChange={(next: PeriodChoice) => go({ ...searchOf(next), ...scope })} />
          <ScopePicker scope={scope} onChange={(next) => go({ ...searchOf(choice), ...next })} />
        </Stack>
      </Card>
      <FormAlert message={problem.general} />
      {report.data ? (
        <>
          <Group gap="sm" data-testid="report-exports">
            {exportFormats.map((format) => (
              <Button
                key={format}
                component="a"
                href={exportUrl(templateId, query, format, language)}
                download
                variant="default"
                leftSection={<IconDownload size={18} aria-hidden />}
              >
                {t(`reports.export.${format}`)}
              </Button>
            ))}
          </Group>
          <ReportView report={report.data} />
        </>
      ) : report.isFetching ? (
        <PageLoader />
      ) : null}
    </Stack>
  );
}
