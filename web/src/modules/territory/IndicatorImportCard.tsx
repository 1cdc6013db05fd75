import { Button, Card, FileInput, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IndicatorImportResult, importIndicators } from './data.ts';
import { ImportOutcome } from './ImportOutcome.tsx';
import { useCheckThenImport } from './use-check-then-import.ts';

/** A spreadsheet saved as CSV by French Excel is often Windows-1252, not UTF-8: read either. */
async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** An indicator table (sector, indicator, year, value, source): checked first, then imported. */
export function IndicatorImportCard() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const send = async (dryRun: boolean) => {
    if (!file) throw new Error(t('territory.imports.chooseFile'));
    const csv = await readText(file);
    if (!csv.trim()) throw new Error(t('territory.imports.emptyFile', { name: file.name }));
    return importIndicators({ csv, dryRun });
  };
  const flow = useCheckThenImport(send);
  const { check, changed } = flow;

  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="indicator-import-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="indicator-import-title">
          {t('territory.imports.indicatorsTitle')}
        </Title>
        <Text>{t('territory.imports.indicatorsText')}</Text>
        <Text component="pre" fz="xs" bg="gray.0" p="xs" style={{ whiteSpace: 'pre-wrap', borderRadius: 6 }}>
          {t('territory.imports.indicatorsExample')}
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            check.mutate();
          }}
        >
          <Stack gap="sm">
            <FileInput
              size="md"
              label={t('territory.imports.indicatorsFile')}
              placeholder={t('territory.imports.filePlaceholder')}
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
              accept=".csv,text/csv,text/plain"
              value={file}
              onChange={(picked) => {
                setFile(picked);
                changed();
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('territory.imports.clearFile') }}
              leftSection={<IconUpload aria-hidden size={18} />}
            />
            <Button
              type="submit"
              size="md"
              disabled={!file}
              loading={check.isPending}
              leftSection={<IconCheck aria-hidden size={20} />}
            >
              {t('territory.imports.check')}
            </Button>
          </Stack>
        </form>
        <ImportOutcome
          flow={flow}
          counts={(result) => <IndicatorCounts result={result} />}
          importLabel={(plan) => t('territory.imports.importValues', { count: plan.rows })}
          doneTitle={t('territory.imports.indicatorsDone')}
          planTestId="indicator-plan"
        />
      </Stack>
    </Card>
  );
}

function IndicatorCounts({ result }: { result: IndicatorImportResult }) {
  const { t } = useTranslation();
  const verb = result.dryRun ? 'will' : 'did';
  return (
    <Stack gap={2} component="ul" m={0} pl="md">
      <Text component="li">{t(`territory.imports.${verb}CreateValues`, { count: result.created })}</Text>
      <Text component="li">{t(`territory.imports.${verb}UpdateValues`, { count: result.updated })}</Text>
      {result.indicators.map((indicator) => (
        <Text component="li" key={indicator.code}>
          {t('territory.imports.indicatorYears', { code: indicator.code, years: indicator.years.join(', ') })}
        </Text>
      ))}
    </Stack>
  );
}
