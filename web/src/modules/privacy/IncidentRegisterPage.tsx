import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivacyIncident } from '../../../../core/contracts/rights.ts';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { IncidentForm } from './IncidentForm.tsx';
import { RegisterFilters } from './RegisterFilters.tsx';
import {
  incidentsCsvUrl,
  incidentsQuery,
  type RegisterFilter,
  rightsKey,
  today,
  updateIncident,
} from './rights-data.ts';

function IncidentCard({ incident }: { incident: PrivacyIncident }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => updateIncident(incident.id, { baseVersion: incident.version, closedOn: today() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rightsKey }),
  });
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700} fz="lg">
            {incident.natureLabel[language]}
          </Text>
          <Tag tone={incident.closedOn ? 'gray' : 'orange'}>
            {incident.closedOn
              ? t('rights.closed', { date: formatDay(incident.closedOn, language) })
              : t('rights.open')}
          </Tag>
        </Group>
        <Text fz="sm">
          {formatDay(incident.occurredOn, language)} · {t('rights.people', { count: incident.peopleAffected })}
          {incident.teamId === null ? ` · ${t('rights.organisation')}` : ''}
        </Text>
        <Text>{incident.dataConcerned}</Text>
        {incident.measures ? <Text c="dimmed">{incident.measures}</Text> : null}
        {incident.notifiedTo ? (
          <Text fz="sm" c="dimmed">
            {t('rights.notified', { who: incident.notifiedTo })}
            {incident.notifiedOn ? ` (${formatDay(incident.notifiedOn, language)})` : ''}
          </Text>
        ) : null}
        {incident.affectedPeople.length ? (
          <Text fz="sm">{incident.affectedPeople.map((p) => p.nickname).join(', ')}</Text>
        ) : null}
        {!incident.closedOn ? (
          <Button
            variant="light"
            size="md"
            loading={close.isPending}
            onClick={() => close.mutate()}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('rights.closeToday')}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}

/**
 * `/incident-register`: the team's privacy incidents (and the organisation's), newest first,
 * exportable; a short form records a new one. An admin records the organisation's.
 */
export function IncidentRegisterPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [filter, setFilter] = useState<RegisterFilter>({ teamId: user.teams[0]?.id ?? '' });
  const incidents = useQuery(incidentsQuery(filter));
  const teamId = user.role === 'admin' ? null : filter.teamId;
  return (
    <Stack gap="lg">
      <PageTitle title={t('rights.incidentTitle')} description={t('rights.incidentIntro')} />
      <RegisterFilters filter={filter} onChange={setFilter} csvUrl={incidentsCsvUrl(filter)} />
      {incidents.isPending ? (
        <PageLoader />
      ) : incidents.data?.items.length === 0 ? (
        <EmptyMessage title={t('rights.noIncident')}>{t('rights.incidentIntro')}</EmptyMessage>
      ) : (
        <Stack gap="sm">
          {incidents.data?.items.map((incident) => (
            <IncidentCard key={incident.id} incident={incident} />
          ))}
        </Stack>
      )}
      <IncidentForm teamId={teamId} />
    </Stack>
  );
}
