import { Button, Checkbox, Group, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTemplate } from '../../../../core/contracts/reports.ts';
import {
  type IndicatorCode,
  indicatorCatalogue,
  indicatorCodes,
  minimumThreshold,
  type ReportGrouping,
  reportGroupings,
} from '../../../../core/reports/catalogue.ts';
import { type PeriodType, periodTypes } from '../../../../core/reports/shape.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { FormCard } from '../../ui/FormCard.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { deleteTemplate, reportsKey, saveTemplate, templatesQuery, updateTemplate } from './data.ts';

const formFields = ['name', 'indicators', 'grouping', 'periodType', 'threshold'] as const;

/** `/reports/templates/new`: a report of the organisation's own, from the indicators Relais counts. */
export function NewTemplatePage() {
  return <TemplateEditor template={null} />;
}

/** `/reports/templates/$id`: change or delete a saved template. */
export function EditTemplatePage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signed-in/reports/templates/$id' });
  const templates = useQuery(templatesQuery);
  if (templates.isPending) return <PageLoader />;
  const template = templates.data?.find((candidate) => candidate.id === id && !candidate.builtIn);
  if (!template) return <FormAlert message={t('reports.unknownTemplate')} />;
  return <TemplateEditor template={template} />;
}

function TemplateEditor({ template }: { template: ReportTemplate | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState(template?.name[language] ?? '');
  const [indicators, setIndicators] = useState<IndicatorCode[]>(template?.indicators ?? []);
  const [grouping, setGrouping] = useState<ReportGrouping>(template?.grouping ?? 'none');
  const [periodType, setPeriodType] = useState<PeriodType>(template?.periodType ?? 'fiscalYear');
  const [threshold, setThreshold] = useState<number | string>(template?.threshold ?? minimumThreshold);
  const body = { name, indicators, grouping, periodType, threshold: Number(threshold) };
  const done = async (saved: { id: string } | null) => {
    await queryClient.invalidateQueries({ queryKey: reportsKey });
    await navigate(saved ? { to: '/reports/run/$templateId', params: { templateId: saved.id } } : { to: '/reports' });
  };
  const save = useMutation({
    mutationFn: () =>
      template?.version ? updateTemplate(template.id, { ...body, version: template.version }) : saveTemplate(body),
    onSuccess: (saved) => done(saved),
  });
  const remove = useMutation({
    mutationFn: () => deleteTemplate(template?.id ?? '', template?.version ?? 0),
    onSuccess: () => done(null),
  });
  const { general, field } = useApiError(save.error ?? remove.error, formFields);
  return (
    <Stack gap="md">
      <PageTitle
        title={template ? t('reports.editTemplate') : t('reports.newTemplate')}
        description={t('reports.templateIntro')}
      />
      <FormCard id="template-form" title={t('reports.template.title')} error={general} onSubmit={() => save.mutate()}>
        <TextInput
          label={t('reports.template.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={field('name')}
        />
        <NativeSelect
          label={t('reports.period.type')}
          value={periodType}
          onChange={(e) => setPeriodType(e.currentTarget.value as PeriodType)}
          data={periodTypes.map((type) => ({ value: type, label: t(`reports.period.types.${type}`) }))}
          error={field('periodType')}
        />
        <NativeSelect
          label={t('reports.template.grouping')}
          value={grouping}
          onChange={(e) => setGrouping(e.currentTarget.value as ReportGrouping)}
          data={reportGroupings.map((value) => ({ value, label: t(`reports.groupings.${value}`) }))}
          error={field('grouping')}
        />
        <NumberInput
          label={t('reports.template.threshold')}
          description={t('reports.template.thresholdHelp', { minimum: minimumThreshold })}
          min={minimumThreshold}
          max={100}
          value={threshold}
          onChange={setThreshold}
          error={field('threshold')}
        />
        <Checkbox.Group
          label={t('reports.template.indicators')}
          value={indicators}
          onChange={(values) => setIndicators(indicatorCodes.filter((code) => values.includes(code)))}
          error={field('indicators')}
        >
          <Stack gap="sm" mt="xs">
            {indicatorCodes.map((code) => (
              <Checkbox key={code} size="md" value={code} label={indicatorCatalogue[code].title[language]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="space-between">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          {template ? (
            <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('reports.deleteTemplate')}
            </Button>
          ) : null}
        </Group>
      </FormCard>
    </Stack>
  );
}
