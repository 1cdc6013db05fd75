import { Alert, Button, Card, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowForward } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamLogDay } from '../../../../core/contracts/team-log.ts';
import { ApiError } from '../../api/errors.ts';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { localDay, saveLogDay, teamLogKey, teamLogQuery } from './data.ts';

type Draft = { highlights: string; difficulties: string; toPassOn: string };
const fields = ['highlights', 'difficulties', 'toPassOn'] as const;
const empty: Draft = { highlights: '', difficulties: '', toPassOn: '' };

/**
 * `/team-log`: what the last shift passed on, first and big; today's page, written by the binôme
 * together (saved from the version read, never over a partner's words); then the previous days.
 */
export function TeamLogPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [teamId, setTeamId] = useState(user.teams[0]?.id ?? '');
  const log = useQuery({ ...teamLogQuery(teamId), enabled: !!teamId });
  const today = localDay();
  const todayPage = log.data?.items.find((day) => day.onDate === today);
  const [draft, setDraft] = useState<Draft>(empty);
  const [baseVersion, setBaseVersion] = useState<number | undefined>(undefined);
  const [unsaved, setUnsaved] = useState<{ mine: Draft; by: string } | null>(null);
  useEffect(() => {
    if (todayPage && baseVersion === undefined) {
      setDraft({
        highlights: todayPage.highlights,
        difficulties: todayPage.difficulties,
        toPassOn: todayPage.toPassOn,
      });
      setBaseVersion(todayPage.version);
    }
  }, [todayPage, baseVersion]);

  const save = useMutation({
    mutationFn: () => saveLogDay(today, { teamId, baseVersion, ...draft }),
    onSuccess: (day) => {
      setBaseVersion(day.version);
      setUnsaved(null);
      return queryClient.invalidateQueries({ queryKey: teamLogKey });
    },
    onError: async (error) => {
      if (!(error instanceof ApiError) || error.status !== 409) return;
      // A partner saved first: load their page, and keep this text in view to add it back.
      const fresh = await queryClient.fetchQuery({ ...teamLogQuery(teamId), staleTime: 0 });
      const current = fresh.items.find((day) => day.onDate === today);
      if (!current) return;
      setUnsaved({ mine: draft, by: current.updatedByName ?? '—' });
      setDraft({ highlights: current.highlights, difficulties: current.difficulties, toPassOn: current.toPassOn });
      setBaseVersion(current.version);
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const { general, field } = useApiError(conflict ? null : save.error, [...fields]);

  if (!teamId)
    return (
      <Stack gap="md">
        <PageTitle title={t('teamLog.title')} />
        <EmptyMessage title={t('time.noTeam')}>{t('teamLog.intro')}</EmptyMessage>
      </Stack>
    );

  const handOver = log.data?.items.find((day) => day.onDate < today && day.toPassOn.trim());
  const past = log.data?.items.filter((day) => day.onDate !== today) ?? [];
  const names = (day: TeamLogDay) => day.authors.map((a) => a.name).join(', ');

  return (
    <Stack gap="md">
      <PageTitle title={t('teamLog.title')} description={t('teamLog.intro')} />
      {user.teams.length > 1 ? (
        <NativeSelect
          size="md"
          label={t('time.team')}
          value={teamId}
          onChange={(event) => {
            setTeamId(event.currentTarget.value);
            setBaseVersion(undefined);
            setDraft(empty);
          }}
          data={user.teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      ) : null}
      {log.isPending ? <PageLoader /> : null}
      {handOver ? (
        <Alert color="yellow" variant="light" icon={<IconArrowForward aria-hidden />} data-testid="hand-over">
          <Text fw={700} c="dark.8">
            {t('teamLog.handOver', { date: formatDay(handOver.onDate, language, 'full'), names: names(handOver) })}
          </Text>
          <Text fz="lg" style={{ whiteSpace: 'pre-wrap' }}>
            {handOver.toPassOn}
          </Text>
        </Alert>
      ) : null}
      {user.role !== 'admin' ? (
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {t('teamLog.today')} — {formatDay(today, language, 'full')}
            </Title>
            {todayPage?.authors.length ? (
              <Text fz="sm" c="dimmed">
                {t('teamLog.writtenBy', { names: names(todayPage) })}
              </Text>
            ) : null}
            {unsaved ? (
              <Alert color="orange" variant="light" role="alert">
                <Text c="#6b2a00">{t('teamLog.conflict', { name: unsaved.by })}</Text>
                <Text fw={600} mt="xs">
                  {t('teamLog.yourText')}
                </Text>
                {fields.map((key) =>
                  unsaved.mine[key].trim() ? (
                    <Text key={key} fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {t(`teamLog.${key}`)} : {unsaved.mine[key]}
                    </Text>
                  ) : null,
                )}
              </Alert>
            ) : null}
            {fields.map((key) => (
              <Textarea
                key={key}
                size="md"
                autosize
                minRows={key === 'toPassOn' ? 3 : 2}
                maxLength={4000}
                label={t(`teamLog.${key}`)}
                description={key === 'toPassOn' ? t('teamLog.toPassOnHelp') : undefined}
                value={draft[key]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setDraft((d) => ({ ...d, [key]: value }));
                }}
                error={field(key)}
              />
            ))}
            <FormAlert message={general} />
            <Button size="lg" onClick={() => save.mutate()} loading={save.isPending}>
              {t('teamLog.save')}
            </Button>
            <SavedNotice show={save.isSuccess} message={t('teamLog.saved')} />
          </Stack>
        </Card>
      ) : null}
      <Title order={2} fz="lg">
        {t('teamLog.past')}
      </Title>
      {log.data && past.length === 0 ? (
        <EmptyMessage title={t('teamLog.none')}>{t('teamLog.noneHelp')}</EmptyMessage>
      ) : null}
      {past.map((day) => (
        <Card key={day.id} withBorder radius="md" padding="md" data-testid="log-day">
          <Stack gap={6}>
            <Title order={3} fz="md">
              {formatDay(day.onDate, language, 'full')}
            </Title>
            <Text fz="sm" c="dimmed">
              {t('teamLog.writtenBy', { names: names(day) })}
            </Text>
            {fields.map((key) => (
              <Stack key={key} gap={0}>
                <Text fz="sm" fw={700}>
                  {t(`teamLog.${key}`)}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{day[key].trim() || t('teamLog.empty')}</Text>
              </Stack>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
