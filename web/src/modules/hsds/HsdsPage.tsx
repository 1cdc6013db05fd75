import { Alert, Button, Card, FileInput, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconDownload, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HsdsImportReport, HsdsImportRow } from '../../../../core/contracts/hsds.ts';
import type { Language } from '../../../../core/localized.ts';
import { ApiError } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { Tag, type TagTone } from '../../ui/Tag.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { importFile, sourceFromFiles } from './data.ts';

/** Coordinators exchange the directory in Open Referral HSDS 3.0: export, or import with a dry run first. */
export function HsdsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageTitle title={t('hsds.title')} description={t('hsds.intro')} />
      <ExportCard />
      <ImportCard />
    </Stack>
  );
}

function ExportCard() {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('hsds.exportTitle')}
        </Title>
        <Text>{t('hsds.exportText')}</Text>
        <Stack gap="sm">
          <Button
            component="a"
            href="/api/hsds/export.json"
            download
            size="md"
            variant="light"
            leftSection={<IconDownload aria-hidden size={20} />}
          >
            {t('hsds.exportJson')}
          </Button>
          <Button
            component="a"
            href="/api/hsds/export.zip"
            download
            size="md"
            variant="light"
            leftSection={<IconDownload aria-hidden size={20} />}
          >
            {t('hsds.exportZip')}
          </Button>
        </Stack>
      </Stack>
    </Card>
  );
}

function ImportCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [source, setSource] = useState('');
  const [plan, setPlan] = useState<HsdsImportReport | null>(null);
  const [result, setResult] = useState<HsdsImportReport | null>(null);
  const check = useMutation({ mutationFn: () => importFile(files, { source, dryRun: true }) });
  const run = useMutation({
    mutationFn: () => importFile(files, { source: plan?.source ?? source, dryRun: false }),
    onSuccess: (report) => {
      setResult(report);
      setPlan(null);
      void queryClient.invalidateQueries({ queryKey: ['directory'] });
    },
  });
  const checkError = useApiError(check.error, []);
  const runError = useApiError(run.error, []);

  const choose = (picked: File[] | File | null) => {
    const list = picked ? (Array.isArray(picked) ? picked : [picked]) : [];
    setFiles(list);
    setSource(sourceFromFiles(list));
    setPlan(null);
    setResult(null);
    check.reset();
    run.reset();
  };
  const restart = () => choose(null);

  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="md">
        <Title order={2} fz="lg">
          {t('hsds.importTitle')}
        </Title>
        {result ? (
          <ImportResult report={result} onAgain={restart} />
        ) : (
          <>
            <Text>{t('hsds.importText')}</Text>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (files.length === 0) return;
                check.mutate(undefined, { onSuccess: setPlan });
              }}
            >
              <Stack gap="sm">
                <FileInput
                  multiple
                  size="md"
                  label={t('hsds.file')}
                  description={t('hsds.fileHint')}
                  placeholder={t('hsds.filePlaceholder')}
                  // Mantine's placeholder grey is below 4.5:1; this one reads.
                  styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
                  accept=".json,.zip,.csv,application/json,application/zip,text/csv"
                  value={files}
                  onChange={choose}
                  clearable
                  clearButtonProps={{ 'aria-label': t('hsds.clearFile') }}
                  leftSection={<IconUpload aria-hidden size={18} />}
                />
                <TextInput
                  size="md"
                  label={t('hsds.source')}
                  description={t('hsds.sourceHint')}
                  value={source}
                  onChange={(event) => {
                    setSource(event.currentTarget.value);
                    setPlan(null);
                  }}
                  maxLength={120}
                />
                <FormAlert message={checkError.general} />
                <Button
                  type="submit"
                  size="md"
                  disabled={files.length === 0}
                  loading={check.isPending}
                  leftSection={<IconCheck aria-hidden size={20} />}
                >
                  {check.isPending ? t('hsds.checking') : t('hsds.check')}
                </Button>
              </Stack>
            </form>
            {check.error instanceof ApiError && Object.keys(check.error.fields).length > 0 ? (
              <ErrorFields error={check.error} />
            ) : null}
            {plan ? (
              <Stack gap="sm">
                <Title order={3} fz="md">
                  {t('hsds.planTitle')}
                </Title>
                <Counts report={plan} done={false} />
                <ReportRows report={plan} done={false} />
                <FormAlert message={runError.general} />
                {plan.counts.created + plan.counts.updated > 0 ? (
                  <Stack gap={4}>
                    <Button
                      size="md"
                      color="relais"
                      loading={run.isPending}
                      onClick={() => run.mutate()}
                      leftSection={<IconFileImport aria-hidden size={20} />}
                    >
                      {run.isPending
                        ? t('hsds.importing')
                        : t('hsds.confirm', { count: plan.counts.created + plan.counts.updated })}
                    </Button>
                    <Text fz="sm" c="dimmed">
                      {t('hsds.confirmHint')}
                    </Text>
                  </Stack>
                ) : (
                  <Alert color="orange">{t('hsds.nothingToImport')}</Alert>
                )}
              </Stack>
            ) : null}
          </>
        )}
      </Stack>
    </Card>
  );
}

function ErrorFields({ error }: { error: ApiError }) {
  const language = useLanguage();
  return (
    <Stack gap={4} component="ul" m={0} pl="md">
      {Object.entries(error.fields).map(([path, message]) => (
        <Text component="li" key={path} fz="sm">
          <Text span fw={600}>
            {path}
          </Text>{' '}
          — {message[language]}
        </Text>
      ))}
    </Stack>
  );
}

function Counts({ report, done }: { report: HsdsImportReport; done: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Tag tone="green">
          {t(done ? 'hsds.counts.created' : 'hsds.counts.create', { count: report.counts.created })}
        </Tag>
        <Tag tone="blue">
          {t(done ? 'hsds.counts.updated' : 'hsds.counts.update', { count: report.counts.updated })}
        </Tag>
        <Tag tone={report.counts.rejected > 0 ? 'red' : 'gray'}>
          {t(done ? 'hsds.counts.rejected' : 'hsds.counts.reject', { count: report.counts.rejected })}
        </Tag>
      </Group>
      <Text fz="sm" c="dimmed">
        {t('hsds.organisations', report.organisations)}
      </Text>
    </Stack>
  );
}

const actionTone: Record<HsdsImportRow['action'], TagTone> = { create: 'green', update: 'blue', reject: 'red' };
const pageSize = 50;

function ReportRows({ report, done }: { report: HsdsImportReport; done: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filter, setFilter] = useState<'all' | 'reject' | 'warnings'>(report.counts.rejected > 0 ? 'reject' : 'all');
  const [shown, setShown] = useState(pageSize);
  const rows = report.rows.filter((row) =>
    filter === 'reject' ? row.action === 'reject' : filter === 'warnings' ? row.warnings.length > 0 : true,
  );
  return (
    <Stack gap="sm">
      <SegmentedControl
        fullWidth
        aria-label={t('hsds.filterLabel')}
        value={filter}
        onChange={(value) => {
          setFilter(value as typeof filter);
          setShown(pageSize);
        }}
        data={(['all', 'reject', 'warnings'] as const).map((value) => ({ value, label: t(`hsds.filter.${value}`) }))}
      />
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {rows.slice(0, shown).map((row) => (
          <li key={row.where.en}>
            <RowCard row={row} done={done} language={language} />
          </li>
        ))}
      </Stack>
      {rows.length > shown ? (
        <Button variant="subtle" size="md" onClick={() => setShown(shown + pageSize)}>
          {t('hsds.showMore', { count: Math.min(pageSize, rows.length - shown) })}
        </Button>
      ) : null}
    </Stack>
  );
}

function RowCard({ row, done, language }: { row: HsdsImportRow; done: boolean; language: Language }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="sm" p="sm" bg={row.action === 'reject' ? 'red.0' : undefined}>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {row.name ?? t('hsds.noName')}
          </Text>
          <Tag tone={actionTone[row.action]}>{t(done ? `hsds.done.${row.action}` : `hsds.action.${row.action}`)}</Tag>
        </Group>
        <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {row.where[language]}
          {row.externalId ? ` · id ${row.externalId}` : ''}
        </Text>
        {row.organisation ? <Text fz="sm">{t('hsds.organisation', { name: row.organisation })}</Text> : null}
        {row.reasons.length > 0 ? (
          <Messages title={t('hsds.reasons')} color="red.9" items={row.reasons.map((r) => r[language])} />
        ) : null}
        {row.warnings.length > 0 ? (
          <Messages title={t('hsds.warnings')} color="#6b2a00" items={row.warnings.map((w) => w[language])} />
        ) : null}
      </Stack>
    </Card>
  );
}

function Messages({ title, color, items }: { title: string; color: string; items: string[] }) {
  return (
    <div>
      <Text fz="sm" fw={600} c={color}>
        {title}
      </Text>
      <Stack gap={2} component="ul" m={0} pl="md">
        {items.map((item) => (
          <Text component="li" fz="sm" key={item} c={color} style={{ overflowWrap: 'anywhere' }}>
            {item}
          </Text>
        ))}
      </Stack>
    </div>
  );
}

function ImportResult({ report, onAgain }: { report: HsdsImportReport; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="green" icon={<IconCheck aria-hidden />} role="status" title={t('hsds.resultTitle')}>
        {report.source}
      </Alert>
      <Counts report={report} done />
      <ReportRows report={report} done />
      <Stack gap="sm">
        <RouterButton size="md" styles={wrappingButton} to="/directory">
          {t('hsds.toDirectory')}
        </RouterButton>
        <Button size="md" styles={wrappingButton} variant="light" onClick={onAgain}>
          {t('hsds.again')}
        </Button>
      </Stack>
    </Stack>
  );
}
