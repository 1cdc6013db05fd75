import { Alert, Anchor, Button, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivitySession } from '../../../../core/contracts/activities.ts';
import type { PersonSummary } from '../../../../core/contracts/people.ts';
import { useCurrentUser } from '../../api/session.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { createPerson } from '../fieldwork/actions.ts';
import { localDay, outboxQuery, pendingPeople, recentPeople, referenceQuery } from '../fieldwork/data.ts';
import { PersonPicker } from '../fieldwork/PersonPicker.tsx';
import { HeadCountSteppers, PresentList, RegularChips } from './AttendanceParts.tsx';
import { saveAttendance } from './actions.ts';
import {
  activityQuery,
  draftOf,
  headCountTotal,
  offline,
  type SessionDraft,
  serverSessionQuery,
  waitingSave,
} from './data.ts';

const route = getRouteApi('/signed-in/activities/$activityId/sessions/$sessionId');

/**
 * Quick attendance on a phone: the regulars in one tap each, anyone else by the person picker, a
 * role per person, head counts by age band, one save. Works offline: the save waits in the outbox.
 */
export function AttendancePage() {
  const { activityId, sessionId } = route.useParams();
  const { t } = useTranslation();
  const activity = useQuery(activityQuery(activityId));
  const session = useQuery(serverSessionQuery(sessionId));
  const outbox = useQuery(outboxQuery);
  // Only the first load waits: a refetch (after a save, a sync) never replaces the form being filled.
  if (activity.isPending || session.isPending || outbox.isPending) return <PageLoader />;
  if (!activity.data)
    return (
      <Stack>
        <PageTitle title={t('activities.notFoundTitle')} />
        <Text>{offline(activity.error) ? t('activities.notCachedText') : t('activities.notFoundText')}</Text>
      </Stack>
    );
  const waiting = waitingSave(outbox.data, sessionId);
  const initial: SessionDraft = waiting
    ? draftOf(waiting.value.item.payload)
    : session.data
      ? {
          onDate: session.data.onDate,
          headCounts: session.data.headCounts,
          attendees: session.data.attendees.map(({ personId, role }) => ({ personId, role })),
          note: session.data.note,
        }
      : { onDate: localDay(), headCounts: {}, attendees: [], note: null };
  return (
    <AttendanceForm
      key={sessionId}
      activity={activity.data}
      sessionId={sessionId}
      server={session.data ?? null}
      initial={initial}
    />
  );
}

/** Everyone this device can name: the team's people, those made here, those seen at the activity. */
function useNicknames(activity: Activity, server: ActivitySession | null) {
  const user = useCurrentUser();
  const reference = useQuery(referenceQuery);
  const outbox = useQuery(outboxQuery);
  const made = pendingPeople(outbox.data, user.teams[0]?.id ?? null);
  const names = new Map<string, string>();
  for (const session of [...activity.sessions, ...(server ? [server] : [])])
    for (const attendee of session.attendees) names.set(attendee.personId, attendee.nickname);
  const all: PersonSummary[] = [...made, ...(reference.data?.people ?? [])];
  for (const person of all) names.set(person.id, person.nickname);
  const recent = recentPeople(reference.data, undefined, outbox.data, {});
  return { names, all, recent };
}

/** The activity's regulars, most often present first. */
function regularsOf(activity: Activity): string[] {
  const times = new Map<string, number>();
  for (const session of activity.sessions)
    for (const attendee of session.attendees) times.set(attendee.personId, (times.get(attendee.personId) ?? 0) + 1);
  return [...times.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([personId]) => personId);
}

function AttendanceForm({
  activity,
  sessionId,
  server,
  initial,
}: {
  activity: Activity;
  sessionId: string;
  server: ActivitySession | null;
  initial: SessionDraft;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [savedOnce, setSavedOnce] = useState(false);
  const { names, all, recent } = useNicknames(activity, server);
  const nickname = (personId: string) => names.get(personId) ?? t('attendance.unknownPerson');
  const present = new Set(draft.attendees.map((attendee) => attendee.personId));
  const regulars = regularsOf(activity);
  const change = (changes: Partial<SessionDraft>) => setDraft((previous) => ({ ...previous, ...changes }));
  const addPerson = (personId: string) => {
    if (!present.has(personId)) change({ attendees: [...draft.attendees, { personId, role: 'participant' }] });
  };
  const total = draft.attendees.length + headCountTotal(draft.headCounts);
  const save = async () => {
    setSaving(true);
    try {
      await saveAttendance(activity.id, sessionId, draft, server?.version ?? null);
      setSavedOnce(true);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack gap="lg" pb="xl">
      <PageTitle title={t('attendance.title')} description={activity.title} />
      <TextInput
        type="date"
        label={t('attendance.date')}
        value={draft.onDate}
        onChange={(event) => change({ onDate: event.currentTarget.value })}
        size="md"
        required
      />
      <Stack gap="sm" component="section" aria-labelledby="present-title">
        <Title order={2} fz="xl" id="present-title">
          {t('attendance.presentTitle', { count: draft.attendees.length })}
        </Title>
        <RegularChips
          regulars={regulars}
          attendees={draft.attendees}
          nickname={nickname}
          onChange={(attendees) => change({ attendees })}
        />
        <PresentList attendees={draft.attendees} nickname={nickname} onChange={(attendees) => change({ attendees })} />
        <Text fw={700}>{t('attendance.addSomeone')}</Text>
        <PersonPicker
          withAnonymous={false}
          recent={recent.filter((person) => !present.has(person.id) && !regulars.includes(person.id))}
          all={all}
          value={{ kind: 'anonymous' }}
          onChange={(choice) => {
            if (choice.kind === 'known') addPerson(choice.person.id);
            if (choice.kind === 'new')
              void createPerson(choice.nickname).then((personId) => {
                setDraft((previous) => ({
                  ...previous,
                  attendees: [...previous.attendees, { personId, role: 'participant' }],
                }));
              });
          }}
        />
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="headcounts-title">
        <Title order={2} fz="xl" id="headcounts-title">
          {t('attendance.headCountsTitle')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('attendance.headCountsHelp')}
        </Text>
        <HeadCountSteppers headCounts={draft.headCounts} onChange={(headCounts) => change({ headCounts })} />
      </Stack>
      <Textarea
        label={t('attendance.note')}
        value={draft.note ?? ''}
        onChange={(event) => change({ note: event.currentTarget.value })}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <Text fw={700} fz="lg" data-testid="attendance-total">
        {t('attendance.total', { count: total })}
      </Text>
      <Button size="xl" h={64} onClick={() => void save()} loading={saving} disabled={!draft.onDate}>
        {t('attendance.save')}
      </Button>
      <SaveState sessionId={sessionId} savedHere={savedOnce} />
      <RouterButton to="/activities/$activityId" params={{ activityId: activity.id }} variant="default" size="md">
        {activity.title}
      </RouterButton>
    </Stack>
  );
}

/** Where the save is: waiting on this phone, arrived, or to be settled on the sync page. */
function SaveState({ sessionId, savedHere }: { sessionId: string; savedHere: boolean }) {
  const { t } = useTranslation();
  const outbox = useQuery(outboxQuery);
  const waiting = waitingSave(outbox.data, sessionId);
  if (!waiting && !savedHere) return null;
  if (waiting && waiting.status !== 'pending')
    return (
      <Alert color="red" data-testid="attendance-saved" role="alert">
        {t('attendance.problem')}{' '}
        <Anchor component={Link} to="/sync">
          {t('attendance.problemLink')}
        </Anchor>
      </Alert>
    );
  return (
    <Alert color={waiting ? 'yellow' : 'green'} data-testid="attendance-saved" role="status">
      {waiting ? t('attendance.savedOffline') : t('attendance.savedOnline')}
    </Alert>
  );
}
