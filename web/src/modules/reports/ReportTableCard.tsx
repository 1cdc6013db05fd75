import { Card, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShownTable } from '../../../../core/reports/shape.ts';
import { ChartLegend } from '../../ui/charts/ChartLegend.tsx';
import { HorizontalBars } from '../../ui/charts/HorizontalBars.tsx';
import { LineChart } from '../../ui/charts/LineChart.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { FiguresTable } from './FiguresTable.tsx';
import { axisLabel, chartParts, figureText, localized, seriesByColumn } from './figures.ts';

/** One table of a report: drawn as its chart, with the numbers one tap away. */
export function ReportTableCard({ table, threshold }: { table: ShownTable; threshold: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const drawable = table.chart !== 'none' && chartParts(table).rows.length > 0;
  const [view, setView] = useState<'chart' | 'numbers'>(drawable ? 'chart' : 'numbers');
  const title = localized(table.title, language);
  return (
    <Card withBorder radius="md" padding="md" data-testid="report-table" data-table={table.id}>
      <Stack gap="sm">
        <Title order={3} fz="lg">
          {title}
        </Title>
        {table.note ? (
          <Text fz="sm" c="dimmed">
            {localized(table.note, language)}
          </Text>
        ) : null}
        {drawable ? (
          <SegmentedControl
            value={view}
            onChange={(value) => setView(value === 'numbers' ? 'numbers' : 'chart')}
            data={[
              { value: 'chart', label: t('reports.view.chart') },
              { value: 'numbers', label: t('reports.view.numbers') },
            ]}
            aria-label={t('reports.view.label', { title })}
          />
        ) : null}
        {view === 'chart' && drawable ? (
          <TableChart table={table} threshold={threshold} title={title} />
        ) : (
          <FiguresTable table={table} threshold={threshold} />
        )}
      </Stack>
    </Card>
  );
}

function TableChart({ table, threshold, title }: { table: ShownTable; threshold: number; title: string }) {
  const language = useLanguage();
  const { rows, totalIndex } = chartParts(table);
  const series = seriesByColumn(table, threshold, language);
  const categories = rows.map((row) => localized(row.label, language));
  const legend = <ChartLegend labels={series.map((s) => s.label)} />;
  if (table.chart === 'line')
    return (
      <>
        <LineChart positions={rows.map((row) => axisLabel(row, language))} series={series} label={title} />
        {legend}
      </>
    );
  const stacked = table.chart === 'stackedBars';
  const totals = (() => {
    const column = totalIndex;
    return stacked && column >= 0
      ? rows.map((row) => {
          const figure = row.cells[column];
          return figure ? figureText(figure, table.unit, threshold, language) : '';
        })
      : undefined;
  })();
  return (
    <>
      <HorizontalBars categories={categories} series={series} stacked={stacked} stackLabels={totals} label={title} />
      {legend}
    </>
  );
}
