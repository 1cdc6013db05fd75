import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconClockHour4, IconMessagePlus, IconNotebook, IconWalk } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useRouter } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import type { Encounter, Session } from '../../../../core/contracts/fieldwork.ts';
import { teamsQuery } from '../../api/queries.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { formatDay, formatTime, formatWhen } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { CrisisReminders } from '../crisis/CrisisReminders.tsx';
import { OpenGrantsCard } from '../privacy/OpenGrantsCard.tsx';
import { CheckBacks } from '../referrals/CheckBacks.tsx';
import { TeamCard } from '../teams/TeamCard.tsx';
import { markFollowUpDone, startSession } from './actions.ts';
import {
  localSessionsQuery,
  myDayQuery,
  outboxQuery,
  pendingEncounters,
  pendingPeople,
  referenceQuery,
  runningSession,
  termLabel,
} from './data.ts';

/** The two one-tap tiles: icon above a label that may wrap. */
const bigButton = {
  label: { flexDirection: 'column', gap: 4, whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.2, fontSize: 18 },
} as const;

/** "Ma journée": start a round or log a contact in one tap, then what the day holds. */
export function MyDayPage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const hasTeam = user.teams.length > 0;
  const myDay = useQuery({ ...myDayQuery, enabled: hasTeam });
  const reference = useQuery({ ...referenceQuery, enabled: hasTeam });
  const local = useQuery(localSessionsQuery);
  const outbox = useQuery(outboxQuery);
  const running = runningSession(local.data);
  const [starting, setStarting] = useState(false);
  const router = useRouter();

  // The field pages load now, while there is network: the next contact may be made without it.
  useEffect(() => {
    if (!hasTeam) return;
    void router.preloadRoute({ to: '/contact' }).catch(() => undefined);
    void router.preloadRoute({ to: '/sessions/$sessionId', params: { sessionId: 'preload' } }).catch(() => undefined);
    void router.preloadRoute({ to: '/sync' }).catch(() => undefined);
    void router.preloadRoute({ to: '/account' }).catch(() => undefined);
  }, [router, hasTeam]);
  const placeName = (id: string | null) => reference.data?.places.find((place) => place.id === id)?.name;

  const start = async () => {
    setStarting(true);
    const lastPlace = Object.values(local.data ?? {}).sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0]?.placeId;
    const id = await startSession('walk', lastPlace ?? null);
    await navigate({ to: '/sessions/$sessionId', params: { sessionId: id } });
  };

  const pending = pendingEncounters(outbox.data);
  const pendingIds = new Set(pending.map((encounter) => encounter.id));
  const recent = [...pending, ...(myDay.data?.recentEncounters ?? []).filter((e) => !pendingIds.has(e.id))].slice(0, 8);
  const doneHere = new Set(
    (outbox.data ?? [])
      .filter((row) => row.value.item.kind === 'encounter.followUp')
      .map((row) => row.value.item.entityId),
  );
  const followUps = (myDay.data?.followUps ?? []).filter((item) => !doneHere.has(item.encounter.id));
  const sessions = (myDay.data?.sessions ?? []).filter((session) => session.id !== running?.id);
  // Names from everything this device knows: waiting creations, the day, the cached team list.
  const peopleById = new Map(
    [...(reference.data?.people ?? []), ...(myDay.data?.recentPeople ?? []), ...pendingPeople(outbox.data, null)].map(
      (person) => [person.id, person.nickname],
    ),
  );

  return (
    <Stack gap="lg">
      <PageTitle title={t('home.myDay')} description={t('home.hello', { name: user.name })} />
      {hasTeam ? (
        <SimpleGrid cols={2} spacing="sm">
          {running ? (
            <RouterButton to="/sessions/$sessionId" params={{ sessionId: running.id }} h={96} styles={bigButton}>
              <IconWalk size={30} aria-hidden />
              {t('day.resumeSession')}
            </RouterButton>
          ) : (
            <Button h={96} onClick={() => void start()} loading={starting} styles={bigButton}>
              <IconWalk size={30} aria-hidden />
              {t('day.startSession')}
            </Button>
          )}
          <RouterButton
            to="/contact"
            search={running ? { sessionId: running.id } : {}}
            h={96}
            color="relais.9"
            styles={bigButton}
          >
            <IconMessagePlus size={30} aria-hidden />
            {t('day.quickContact')}
          </RouterButton>
          {/* The day's other two gestures: the time given, and the binôme's hand-over. */}
          <RouterButton
            to="/time"
            mih={56}
            variant="light"
            styles={wrappingButton}
            leftSection={<IconClockHour4 size={22} aria-hidden />}
          >
            {t('day.myTime')}
          </RouterButton>
          <RouterButton
            to="/team-log"
            mih={56}
            variant="light"
            styles={wrappingButton}
            leftSection={<IconNotebook size={22} aria-hidden />}
          >
            {t('day.teamLog')}
          </RouterButton>
        </SimpleGrid>
      ) : null}

      {hasTeam ? (
        <>
          <Section title={t('day.sessionsTitle')}>
            {running ? (
              <SessionCard
                id={running.id}
                kind={running.kind}
                place={placeName(running.placeId)}
                startedAt={running.startedAt}
                status="running"
              />
            ) : null}
            {sessions.map((session: Session) => (
              <SessionCard
                key={session.id}
                id={session.id}
                kind={session.kind}
                place={placeName(session.placeId)}
                startedAt={session.startedAt}
                status={session.status}
              />
            ))}
            {!running && sessions.length === 0 ? <Text c="dimmed">{t('day.noSession')}</Text> : null}
          </Section>

          <Section title={t('day.followUpsTitle')}>
            {myDay.isPending ? <PageLoader /> : null}
            {followUps.length === 0 && !myDay.isPending ? <Text c="dimmed">{t('day.noFollowUp')}</Text> : null}
            {followUps.map(({ state, encounter }) => (
              <Card key={encounter.id} withBorder padding="sm" data-testid="follow-up">
                <Group justify="space-between" wrap="nowrap" align="center">
                  <Stack gap={2} miw={0}>
                    <Group gap="xs">
                      <Tag tone={state === 'overdue' ? 'red' : 'orange'}>
                        {state === 'overdue' ? t('day.overdue') : t('day.dueToday')}
                      </Tag>
                      {encounter.followUpOn ? (
                        <Text fz="sm">{formatDay(encounter.followUpOn, language, 'dayMonth')}</Text>
                      ) : null}
                    </Group>
                    <Text fw={600}>
                      {encounter.personId
                        ? (peopleById.get(encounter.personId) ?? t('day.knownPerson'))
                        : t('day.anonymousContact')}
                    </Text>
                    {encounter.followUpWhat ? <Text fz="sm">{encounter.followUpWhat}</Text> : null}
                  </Stack>
                  <Button
                    variant="light"
                    leftSection={<IconCheck size={20} aria-hidden />}
                    onClick={() => void markFollowUpDone(encounter.id, encounter.version)}
                    aria-label={t('day.markDoneLabel', {
                      who: encounter.personId
                        ? (peopleById.get(encounter.personId) ?? t('day.knownPerson'))
                        : t('day.anonymousContact'),
                    })}
                  >
                    {t('day.markDone')}
                  </Button>
                </Group>
              </Card>
            ))}
          </Section>

          <CheckBacks items={myDay.data?.checkBacks} />
          <CrisisReminders user={user} />
          <OpenGrantsCard user={user} />

          <Section title={t('day.recentTitle')}>
            {recent.length === 0 ? <Text c="dimmed">{t('day.noRecent')}</Text> : null}
            {recent.map((encounter: Encounter) => (
              <Card key={encounter.id} withBorder padding="sm" data-testid="recent-encounter">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2} miw={0}>
                    <Text fw={600}>
                      {encounter.personId ? (
                        <Link to="/people/$personId" params={{ personId: encounter.personId }}>
                          {peopleById.get(encounter.personId) ?? t('day.knownPerson')}
                        </Link>
                      ) : (
                        t('day.anonymousContact')
                      )}
                    </Text>
                    <Text fz="sm">
                      {[
                        ...encounter.needs.map((code) => termLabel(reference.data, 'need', code, language)),
                        ...encounter.actions.map((code) => termLabel(reference.data, 'action', code, language)),
                      ].join(' · ') || t('day.noDetail')}
                    </Text>
                  </Stack>
                  <Stack gap={2} align="flex-end">
                    <Text fz="sm">{formatWhen(encounter.occurredAt, language)}</Text>
                    {pendingIds.has(encounter.id) ? <Tag tone="orange">{t('day.notSent')}</Tag> : null}
                    <Link
                      to="/referrals/new"
                      search={{
                        encounterId: encounter.id,
                        personId: encounter.personId ?? undefined,
                        needs: encounter.needs.length ? encounter.needs : undefined,
                      }}
                    >
                      {t('referrals.refer')}
                    </Link>
                  </Stack>
                </Group>
              </Card>
            ))}
          </Section>
        </>
      ) : null}
      <MyTeams user={user} />
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="xl">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function SessionCard(props: {
  id: string;
  kind: Session['kind'];
  place: string | undefined;
  startedAt: string | null;
  status: Session['status'];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card
      withBorder
      padding="sm"
      renderRoot={(rootProps) => (
        <Link
          to="/sessions/$sessionId"
          params={{ sessionId: props.id }}
          {...rootProps}
          style={{ color: 'inherit', textDecoration: 'none' }}
        />
      )}
    >
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={700}>{t(`sessionKinds.${props.kind}`)}</Text>
          <Text fz="sm">
            {[props.place, props.startedAt ? formatTime(props.startedAt, language) : null].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Tag tone={props.status === 'running' ? 'solidGreen' : 'gray'}>{t(`day.status.${props.status}`)}</Tag>
      </Group>
    </Card>
  );
}

/** The teams and neighbourhoods the person works in (what the home held before field work). */
function MyTeams({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const teams = useQuery(teamsQuery);
  const myTeamIds = new Set(user.teams.map((team) => team.id));
  const myTeams = teams.data?.filter((team) => myTeamIds.has(team.id)) ?? [];
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="xl">
        {t('home.myTeams')}
      </Title>
      {teams.isPending ? (
        <PageLoader />
      ) : teams.isError && user.teams.length > 0 ? (
        <Text>{user.teams.map((team) => team.name).join(', ')}</Text>
      ) : myTeams.length === 0 ? (
        <EmptyMessage title={t('home.noTeamTitle')}>{t('home.noTeamText')}</EmptyMessage>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {myTeams.map((team) => (
            <TeamCard key={team.id} team={team} linkToTeam />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
