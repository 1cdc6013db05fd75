import { Button, Card, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { grantMinuteChoices, grantMinutes } from '../../../../core/contracts/access-grants.ts';
import { FormCard } from '../../ui/FormCard.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { createGrant, grantsKey, searchAcrossTeams } from './data.ts';

const route = getRouteApi('/signed-in/break-glass');
const formFields = ['reason', 'search', 'personId', 'minutes'] as const;

/**
 * Break the glass, phone first: the reason comes first (nothing is searched without it), then a
 * nickname, then one tap on the right person opens their record read-only for the chosen time.
 * With a link a colleague sent (`?personId=`), the search is skipped.
 */
export function BreakGlassPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { personId: linkedPerson } = route.useSearch();
  const [reason, setReason] = useState('');
  const [words, setWords] = useState('');
  const [minutes, setMinutes] = useState(String(grantMinutes.default));
  const search = useMutation({ mutationFn: () => searchAcrossTeams({ reason, search: words }) });
  const grant = useMutation({
    mutationFn: (personId: string) => createGrant({ personId, reason, minutes: Number(minutes) }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: grantsKey });
      void navigate({ to: '/granted/$personId', params: { personId: created.personId } });
    },
  });
  const error = useApiError(grant.error ?? search.error, formFields);
  return (
    <Stack gap="md">
      <PageTitle title={t('breakGlass.title')} description={t('breakGlass.intro')} />
      <FormCard
        id="break-glass-form"
        title={t('breakGlass.reason')}
        error={error.general}
        onSubmit={() => (linkedPerson ? grant.mutate(linkedPerson) : search.mutate())}
      >
        <Textarea
          aria-label={t('breakGlass.reason')}
          placeholder={t('breakGlass.reasonPlaceholder')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={error.field('reason')}
          autosize
          minRows={2}
          size="md"
          required
        />
        <Stack gap={4}>
          <Text fz="sm" fw={500} id="grant-minutes">
            {t('breakGlass.duration')}
          </Text>
          <SegmentedControl
            aria-labelledby="grant-minutes"
            value={minutes}
            onChange={setMinutes}
            size="md"
            fullWidth
            data={grantMinuteChoices.map((value) => ({
              value: String(value),
              label: t(`breakGlass.minutes.${value}`),
            }))}
          />
        </Stack>
        {linkedPerson ? (
          <Button type="submit" size="lg" loading={grant.isPending}>
            {t('breakGlass.byLink')}
          </Button>
        ) : (
          <>
            <TextInput
              label={t('breakGlass.search')}
              value={words}
              onChange={(event) => setWords(event.currentTarget.value)}
              error={error.field('search')}
              size="md"
              autoComplete="off"
            />
            <Button type="submit" size="lg" loading={search.isPending} leftSection={<IconSearch aria-hidden />}>
              {t('breakGlass.find')}
            </Button>
          </>
        )}
      </FormCard>
      {search.data ? (
        <Stack gap="sm" component="section" aria-labelledby="break-glass-matches">
          <Text fw={700} id="break-glass-matches">
            {t('breakGlass.matches')}
          </Text>
          {search.data.items.length === 0 ? <Text c="dimmed">{t('breakGlass.noMatch')}</Text> : null}
          {search.data.items.map((match) => (
            <Card key={match.personId} withBorder padding="sm" radius="md">
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={0}>
                  <Text fw={700}>{match.nickname}</Text>
                  <Text fz="sm">
                    {[
                      match.ageBand ? t(`ageBands.${match.ageBand}`) : '',
                      t('breakGlass.teamOf', { team: match.teamName }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
                <Button
                  size="md"
                  loading={grant.isPending && grant.variables === match.personId}
                  onClick={() => grant.mutate(match.personId)}
                  aria-label={t('breakGlass.openAria', { name: match.nickname })}
                >
                  {t('breakGlass.open')}
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
