import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconLockOpen } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../core/contracts/people.ts';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../api/session.ts';
import { formatTime, formatWhen } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { referenceQuery, termLabel } from '../fieldwork/data.ts';
import { liveGrantsQuery } from './data.ts';
import { GrantsList } from './GrantsList.tsx';

const route = getRouteApi('/signed-in/granted/$personId');
type TimelineItem = { type: string; at: string; id: string; summary: Record<string, unknown> };

/**
 * Another team's person, read under a break-the-glass grant: who they are (as far as they agreed),
 * their encounters, and each confidential note on demand (each opening is logged). Nothing here
 * is kept on the device, unlike the team's own people: when the grant ends, so does the reading.
 */
export function GrantedPersonPage() {
  const { personId } = route.useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const person = useQuery({
    queryKey: ['granted', personId],
    queryFn: () => api.get<Person>(`/people/${personId}`),
    retry: false,
    gcTime: 0,
  });
  const timeline = useQuery({
    queryKey: ['granted', personId, 'timeline'],
    queryFn: () => api.get<{ items: TimelineItem[] }>(`/people/${personId}/timeline`),
    enabled: person.isSuccess,
    retry: false,
    gcTime: 0,
  });
  const grants = useQuery(liveGrantsQuery).data?.items ?? [];
  const mine = grants.filter((grant) => grant.personId === personId && grant.userId === user.id);
  const reference = useQuery(referenceQuery);

  if (person.isPending) return <PageLoader />;
  if (!person.data)
    return (
      <Stack>
        <PageTitle title={t('person.notFoundTitle')} />
        <Text>{t('breakGlass.intro')}</Text>
        <RouterButton to="/break-glass" search={{ personId }} size="md" style={{ alignSelf: 'flex-start' }}>
          {t('breakGlass.title')}
        </RouterButton>
      </Stack>
    );
  const shown = person.data;
  const identity = [shown.identity?.firstName, shown.identity?.lastName].filter(Boolean).join(' ');
  const encounters = (timeline.data?.items ?? []).filter((item) => item.type === 'encounter');
  return (
    <Stack gap="lg">
      <PageTitle
        title={shown.nickname}
        description={[identity, shown.ageBand ? t(`ageBands.${shown.ageBand}`) : ''].filter(Boolean).join(' · ')}
      />
      {mine[0] ? (
        <Alert color="orange" icon={<IconLockOpen aria-hidden />}>
          {t('breakGlass.grantedBanner', { time: formatTime(mine[0].expiresAt, language) })}
        </Alert>
      ) : null}
      <Stack gap="sm" component="section" aria-labelledby="granted-encounters">
        <Title order={2} fz="xl" id="granted-encounters">
          {t('breakGlass.timelineTitle')}
        </Title>
        {timeline.isSuccess && encounters.length === 0 ? <Text c="dimmed">{t('breakGlass.noEncounter')}</Text> : null}
        {encounters.map((item) => (
          <Card key={item.id} withBorder padding="sm" radius="md">
            <Stack gap={4}>
              <Text fw={700}>{formatWhen(item.at, language)}</Text>
              <Text fz="sm">
                {[
                  ...((item.summary.needs as string[] | undefined) ?? []).map((code) =>
                    termLabel(reference.data, 'need', code, language),
                  ),
                  ...((item.summary.actions as string[] | undefined) ?? []).map((code) =>
                    termLabel(reference.data, 'action', code, language),
                  ),
                ].join(' · ') || t('day.noDetail')}
              </Text>
              {item.summary.hasNote ? <EncounterNote encounterId={item.id} /> : null}
            </Stack>
          </Card>
        ))}
      </Stack>
      {mine.length ? <GrantsList grants={mine} onRecord /> : null}
    </Stack>
  );
}

/** The note is fetched only when asked for: each reading is one entry in the log. */
function EncounterNote({ encounterId }: { encounterId: string }) {
  const { t } = useTranslation();
  const note = useMutation({
    mutationFn: () => api.get<{ body: string | null }>(`/encounters/${encounterId}/note`),
  });
  if (note.data)
    return (
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="confidential-note">
        {note.data.body ?? t('breakGlass.noNote')}
      </Text>
    );
  return (
    <Button
      size="md"
      variant="light"
      loading={note.isPending}
      onClick={() => note.mutate()}
      style={{ alignSelf: 'flex-start' }}
    >
      {t('breakGlass.readNote')}
    </Button>
  );
}
