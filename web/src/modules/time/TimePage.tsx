import { ActionIcon, Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodKind } from '../../../../core/contracts/time.ts';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { AgreementForm } from './AgreementForm.tsx';
import { CriteriaEditor } from './CriteriaEditor.tsx';
import { entriesQuery, localDay, shiftPeriod, splitQuery } from './data.ts';
import { EntriesList } from './EntriesList.tsx';
import { QuickTimeEntry } from './QuickTimeEntry.tsx';
import { SplitCard } from './SplitCard.tsx';

/**
 * `/time`: log time in a few taps, then read the split of the week or the month against what was
 * agreed — one's own for a worker, every member's for coordination, which also sets the agreed
 * split and the missions' criteria.
 */
export function TimePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const search = useSearch({ from: '/signed-in/time' });
  const navigate = useNavigate({ from: '/time' });
  const [teamId, setTeamId] = useState(user.teams[0]?.id ?? '');
  const period: PeriodKind = search.period ?? 'week';
  const date = search.date ?? localDay();
  const split = useQuery({ ...splitQuery(teamId, period, date), enabled: !!teamId });
  const entries = useQuery({
    ...entriesQuery(teamId, split.data?.from ?? '', split.data?.to ?? ''),
    enabled: !!split.data,
  });
  const coordinator = user.role === 'coordinator';
  const go = (next: { period?: PeriodKind; date?: string }) => void navigate({ search: { period, date, ...next } });

  if (!teamId)
    return (
      <Stack gap="md">
        <PageTitle title={t('time.title')} />
        <EmptyMessage title={t('time.noTeam')}>{t('time.intro')}</EmptyMessage>
      </Stack>
    );

  const periodLabel = split.data
    ? period === 'week'
      ? t('time.period.weekOf', {
          from: formatDay(split.data.from, language),
          to: formatDay(split.data.to, language),
        })
      : capitalised(
          new Intl.DateTimeFormat(language === 'en' ? 'en-CA' : 'fr-CA', {
            month: 'long',
            year: 'numeric',
            timeZone: 'UTC',
          }).format(new Date(`${split.data.from}T12:00:00Z`)),
        )
    : '';

  return (
    <Stack gap="md">
      <PageTitle title={coordinator ? t('time.teamTitle') : t('time.title')} description={t('time.intro')} />
      {user.teams.length > 1 ? (
        <NativeSelect
          size="md"
          label={t('time.team')}
          value={teamId}
          onChange={(event) => setTeamId(event.currentTarget.value)}
          data={user.teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      ) : null}
      {user.role !== 'admin' && !coordinator ? <QuickTimeEntry teamId={teamId} /> : null}
      <SegmentedControl
        size="md"
        fullWidth
        value={period}
        onChange={(value) => go({ period: value as PeriodKind })}
        data={[
          { value: 'week', label: t('time.period.week') },
          { value: 'month', label: t('time.period.month') },
        ]}
      />
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <ActionIcon
          size={44}
          variant="default"
          aria-label={t('time.period.previous')}
          onClick={() => go({ date: shiftPeriod(date, period, -1) })}
        >
          <IconChevronLeft aria-hidden />
        </ActionIcon>
        <Text fw={700} ta="center" data-testid="period-label">
          {periodLabel}
        </Text>
        <ActionIcon
          size={44}
          variant="default"
          aria-label={t('time.period.next')}
          onClick={() => go({ date: shiftPeriod(date, period, 1) })}
        >
          <IconChevronRight aria-hidden />
        </ActionIcon>
      </Group>
      {split.isPending ? <PageLoader /> : null}
      {split.isError ? <FormAlert message={t('common.unexpectedError')} /> : null}
      <Stack gap="sm">
        {split.data?.workers.map((worker) => (
          <SplitCard key={worker.workerId} split={worker} />
        ))}
      </Stack>
      {entries.data ? <EntriesList entries={entries.data.items} showWorker={coordinator} /> : null}
      {coordinator ? <QuickTimeEntry teamId={teamId} /> : null}
      {coordinator && split.data ? <AgreementForm teamId={teamId} workers={split.data.workers} /> : null}
      {coordinator ? <CriteriaEditor teamId={teamId} /> : null}
    </Stack>
  );
}

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
