import { Button, Card, FileInput, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importSectors, type SectorImportResult } from './data.ts';
import { ImportOutcome } from './ImportOutcome.tsx';
import { useCheckThenImport } from './use-check-then-import.ts';

/** The projections the server reprojects from (server/modules/territory/projections.ts). */
const projections = ['EPSG:4326', 'EPSG:3857', 'EPSG:31370', 'EPSG:3812', 'EPSG:32198', 'EPSG:3347', 'EPSG:4269'];

/** Read in the browser first, so a file that is not JSON is refused before anything is sent. */
async function readGeoJson(file: File, notJson: string): Promise<Record<string, unknown>> {
  const content = await file.text();
  try {
    const parsed: unknown = JSON.parse(content);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Falls through to the message below.
  }
  throw new Error(notJson);
}

/** Sectors from a GeoJSON file: checked first (counts, projection, problems), then imported. */
export function SectorImportCard() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [projection, setProjection] = useState('');
  const [codeProperty, setCodeProperty] = useState('');
  const [source, setSource] = useState('');
  const send = async (dryRun: boolean) => {
    if (!file) throw new Error(t('territory.imports.chooseFile'));
    return importSectors({
      geojson: await readGeoJson(file, t('territory.imports.notJson', { name: file.name })),
      projection: projection || undefined,
      codeProperty: codeProperty.trim() || undefined,
      source: source.trim() || undefined,
      dryRun,
    });
  };
  const flow = useCheckThenImport(send);
  const { check, changed } = flow;

  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="sector-import-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="sector-import-title">
          {t('territory.imports.sectorsTitle')}
        </Title>
        <Text>{t('territory.imports.sectorsText')}</Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            check.mutate();
          }}
        >
          <Stack gap="sm">
            <FileInput
              size="md"
              label={t('territory.imports.sectorsFile')}
              placeholder={t('territory.imports.filePlaceholder')}
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
              accept=".geojson,.json,application/geo+json,application/json"
              value={file}
              onChange={(picked) => {
                setFile(picked);
                setSource(picked ? picked.name.replace(/\.(geo)?json$/i, '') : '');
                changed();
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('territory.imports.clearFile') }}
              leftSection={<IconUpload aria-hidden size={18} />}
            />
            <NativeSelect
              size="md"
              label={t('territory.imports.projection')}
              description={t('territory.imports.projectionHint')}
              value={projection}
              onChange={(event) => {
                setProjection(event.currentTarget.value);
                changed();
              }}
              data={[
                { value: '', label: t('territory.imports.projectionFromFile') },
                ...projections.map((code) => ({
                  value: code,
                  label: t(`territory.projections.${code.replace(':', '')}`),
                })),
              ]}
            />
            <TextInput
              size="md"
              label={t('territory.imports.codeProperty')}
              description={t('territory.imports.codePropertyHint')}
              value={codeProperty}
              maxLength={80}
              onChange={(event) => {
                setCodeProperty(event.currentTarget.value);
                changed();
              }}
            />
            <TextInput
              size="md"
              label={t('territory.imports.source')}
              description={t('territory.imports.sourceHint')}
              value={source}
              maxLength={200}
              onChange={(event) => setSource(event.currentTarget.value)}
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
          counts={(result) => <SectorCounts result={result} />}
          importLabel={(plan) => t('territory.imports.importSectors', { count: plan.created + plan.updated })}
          doneTitle={t('territory.imports.sectorsDone')}
          planTestId="sector-plan"
        />
      </Stack>
    </Card>
  );
}

function SectorCounts({ result }: { result: SectorImportResult }) {
  const { t } = useTranslation();
  const verb = result.dryRun ? 'will' : 'did';
  return (
    <Stack gap={2} component="ul" m={0} pl="md">
      <Text component="li">{t(`territory.imports.${verb}Create`, { count: result.created })}</Text>
      <Text component="li">{t(`territory.imports.${verb}Update`, { count: result.updated })}</Text>
      <Text component="li">
        {t('territory.imports.projectionRead', {
          projection: t(`territory.projections.${result.projection.replace(':', '')}`),
        })}
      </Text>
      <Text component="li">
        {t('territory.imports.codeRead', { code: result.codeProperty })}
        {result.nameProperty ? ` ${t('territory.imports.nameRead', { name: result.nameProperty })}` : ''}
      </Text>
    </Stack>
  );
}
