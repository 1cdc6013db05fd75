import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShownReport } from '../../../../core/reports/shape.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { localized } from './figures.ts';
import { ReportTableCard } from './ReportTableCard.tsx';

/** A computed report as the reader sees it: what it covers, how small counts are hidden, its tables. */
export function ReportView({ report }: { report: ShownReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const anyHidden = report.tables.some((table) => table.rows.some((row) => row.cells.some((c) => c.value === null)));
  return (
    <Stack gap="md" data-testid="report">
      <Text fz="sm" c="dimmed">
        {localized(report.period.label, language)} · {localized(report.scope, language)} ·{' '}
        {t('reports.generatedAt', { when: formatDateTime(report.generatedAt, language) })}
      </Text>
      {anyHidden ? (
        <Alert variant="light" color="gray" title={t('reports.legend.title')}>
          <Text fz="sm">{t('reports.legend.primary', { threshold: report.threshold })}</Text>
          <Text fz="sm">{t('reports.legend.secondary')}</Text>
        </Alert>
      ) : null}
      {report.tables.map((table) => (
        <ReportTableCard key={table.id} table={table} threshold={report.threshold} />
      ))}
    </Stack>
  );
}
