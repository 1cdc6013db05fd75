import { Group, Stack, Text, Title } from '@mantine/core';
import { IconChartBar, IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReportTemplate } from '../../../../core/contracts/reports.ts';
import type { Role } from '../../../../core/roles.ts';
import { useCurrentUser } from '../../api/session.ts';
import { CardLink } from '../../ui/CardLink.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { templatesQuery } from './data.ts';

/** Who saves report templates (the contract of core/contracts/reports.ts). */
export const savesTemplates = (role: Role) => role !== 'worker';

/**
 * `/reports`: the dashboard first, then every report the organisation gives its funders and
 * managers: the built-in CIUSSS and RAQ reports and the templates it saved.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const templates = useQuery(templatesQuery);
  if (templates.isPending) return <PageLoader />;
  const items = templates.data ?? [];
  const dashboard = items.find((template) => template.id === 'dashboard');
  const reports = items.filter((template) => template.id !== 'dashboard');
  return (
    <Stack gap="md">
      <PageTitle
        title={t('reports.title')}
        description={t('reports.intro')}
        actions={
          savesTemplates(user.role) ? (
            <RouterButton to="/reports/templates/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('reports.newTemplate')}
            </RouterButton>
          ) : null
        }
      />
      {templates.isError ? <FormAlert message={t('common.unexpectedError')} /> : null}
      {dashboard ? (
        <CardLink
          to="/reports/run/$templateId"
          params={{ templateId: dashboard.id }}
          withBorder
          padding="md"
          radius="md"
        >
          <Group gap="sm" wrap="nowrap">
            <IconChartBar size={32} aria-hidden color="var(--mantine-color-relais-7)" />
            <Stack gap={2}>
              <Text fw={700} fz="lg">
                {dashboard.name[language]}
              </Text>
              <Text c="dimmed" fz="sm">
                {t('reports.dashboardHelp')}
              </Text>
            </Stack>
          </Group>
        </CardLink>
      ) : null}
      <Title order={2} fz="xl">
        {t('reports.reports')}
      </Title>
      {reports.map((template) => (
        <TemplateCard key={template.id} template={template} canEdit={savesTemplates(user.role)} />
      ))}
    </Stack>
  );
}

function TemplateCard({ template, canEdit }: { template: ReportTemplate; canEdit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap={4}>
      <CardLink to="/reports/run/$templateId" params={{ templateId: template.id }} withBorder padding="md" radius="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconFileSpreadsheet size={28} aria-hidden color="var(--mantine-color-relais-7)" />
          <Stack gap={4}>
            <Text fw={700}>{template.name[language]}</Text>
            <Group gap={6}>
              <Tag tone="green">{t(`reports.period.types.${template.periodType}`)}</Tag>
              <Tag tone="gray">{t('reports.indicatorCount', { count: template.indicators.length })}</Tag>
              {template.builtIn ? <Tag tone="blue">{t('reports.builtIn')}</Tag> : null}
            </Group>
            {template.createdByName ? (
              <Text fz="sm" c="dimmed">
                {t('reports.createdBy', { name: template.createdByName })}
              </Text>
            ) : null}
          </Stack>
        </Group>
      </CardLink>
      {canEdit && !template.builtIn ? (
        <RouterButton
          to="/reports/templates/$id"
          params={{ id: template.id }}
          variant="subtle"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('reports.editTemplate')}
        </RouterButton>
      ) : null}
    </Stack>
  );
}
