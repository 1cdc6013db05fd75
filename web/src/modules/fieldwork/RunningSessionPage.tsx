import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Chip,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconMessagePlus, IconMinus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionKinds } from '../../../../core/fieldwork.ts';
import { formatTime } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { addObservation, addTally, adoptSession, endSession, setSessionDetails } from './actions.ts';
import {
  activeTerms,
  type LocalSession,
  localSessionsQuery,
  outboxQuery,
  pendingEncounters,
  referenceQuery,
  sessionQuery,
} from './data.ts';

const route = getRouteApi('/signed-in/sessions/$sessionId');

/** The round in progress: counters at the thumb, a quick contact, observations, the end. */
export function RunningSessionPage() {
  const { sessionId } = route.useParams();
  const { t } = useTranslation();
  const local = useQuery(localSessionsQuery);
  const session = local.data?.[sessionId];
  const server = useQuery({ ...sessionQuery(sessionId), enabled: local.isSuccess && !session });

  useEffect(() => {
    if (server.data && !session) void adoptSession(server.data);
  }, [server.data, session]);

  if (local.isPending || (!session && server.isPending)) return <PageLoader />;
  if (!session)
    return (
      <Stack>
        <PageTitle title={t('session.notFoundTitle')} />
        <Text>{t('session.notFoundText')}</Text>
        <RouterButton to="/" variant="default" style={{ alignSelf: 'flex-start' }}>
          {t('notFound.back')}
        </RouterButton>
      </Stack>
    );
  return <SessionScreen session={session} />;
}

function SessionScreen({ session }: { session: LocalSession }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const reference = useQuery(referenceQuery);
  const outbox = useQuery(outboxQuery);
  const tallyKinds = activeTerms(reference.data, 'tallyKind');
  const ended = Boolean(session.endedAt);
  const contactsHere = pendingEncounters(outbox.data).filter((encounter) => encounter.sessionId === session.id).length;
  const [confirmEnd, setConfirmEnd] = useState(false);
  const places = reference.data?.places.filter((place) => place.active) ?? [];

  return (
    <Stack gap="lg" pb="xl">
      <PageTitle
        title={ended ? t('session.endedTitle') : t('session.runningTitle')}
        description={t('session.since', {
          kind: t(`sessionKinds.${session.kind}`),
          time: formatTime(session.startedAt, language),
        })}
      />
      {ended ? <Alert color="gray">{t('session.endedText')}</Alert> : null}

      <SimpleGrid cols={2} spacing="sm">
        <NativeSelect
          label={t('session.kind')}
          value={session.kind}
          disabled={ended}
          onChange={(event) =>
            void setSessionDetails(session, { kind: event.currentTarget.value as LocalSession['kind'] })
          }
          data={sessionKinds.map((kind) => ({ value: kind, label: t(`sessionKinds.${kind}`) }))}
        />
        <NativeSelect
          label={t('session.place')}
          value={session.placeId ?? ''}
          disabled={ended}
          onChange={(event) => void setSessionDetails(session, { placeId: event.currentTarget.value || null })}
          data={[
            { value: '', label: t('session.noPlace') },
            ...places.map((place) => ({ value: place.id, label: place.name })),
          ]}
        />
      </SimpleGrid>

      {!ended ? (
        <RouterButton
          to="/contact"
          search={{ sessionId: session.id }}
          size="xl"
          h={72}
          leftSection={<IconMessagePlus size={28} aria-hidden />}
        >
          {t('day.quickContact')}
        </RouterButton>
      ) : null}
      {contactsHere > 0 ? <Text>{t('session.contactsWaiting', { count: contactsHere })}</Text> : null}

      <Stack gap="xs" component="section">
        <Title order={2} fz="xl">
          {t('session.talliesTitle')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('session.talliesHelp')}
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          {tallyKinds.map((term) => {
            const count = session.tallies[term.code] ?? 0;
            const label = term.label[language];
            return (
              <Card key={term.code} withBorder padding={0} radius="md">
                <Button
                  variant="light"
                  h={104}
                  radius={0}
                  disabled={ended}
                  onClick={() => void addTally(session.id, term.code, 1)}
                  aria-label={t('session.addOne', { label, count })}
                  styles={{ label: { flexDirection: 'column', whiteSpace: 'normal', lineHeight: 1.2 } }}
                >
                  <Text component="span" fz={32} fw={800} data-testid={`tally-${term.code}`}>
                    {count}
                  </Text>
                  <Text component="span" fz="md" fw={600} ta="center">
                    {label}
                  </Text>
                </Button>
                {count > 0 && !ended ? (
                  <ActionIcon
                    variant="subtle"
                    color="gray.7"
                    pos="absolute"
                    top={0}
                    right={0}
                    onClick={() => void addTally(session.id, term.code, -1)}
                    aria-label={t('session.removeOne', { label })}
                  >
                    <IconMinus size={18} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Card>
            );
          })}
        </SimpleGrid>
      </Stack>

      <Observations session={session} ended={ended} />

      {!ended ? (
        confirmEnd ? (
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Text fw={600}>{t('session.endConfirm')}</Text>
              <Group>
                <Button color="red.8" onClick={() => void endSession(session.id).then(() => navigate({ to: '/' }))}>
                  {t('session.endYes')}
                </Button>
                <Button variant="default" onClick={() => setConfirmEnd(false)}>
                  {t('sync.cancel')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : (
          <Button variant="outline" color="red.8" size="lg" onClick={() => setConfirmEnd(true)}>
            {t('session.end')}
          </Button>
        )
      ) : null}
    </Stack>
  );
}

function Observations({ session, ended }: { session: LocalSession; ended: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reference = useQuery(referenceQuery);
  const themes = activeTerms(reference.data, 'observationTheme');
  const [body, setBody] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const save = async () => {
    if (!body.trim()) return;
    await addObservation(session.id, body.trim(), chosen);
    setBody('');
    setChosen([]);
  };
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="xl">
        {t('session.observationsTitle')}
      </Title>
      {session.observations.map((observation) => (
        <Card key={observation.id} withBorder padding="sm">
          <Text>{observation.body}</Text>
          <Text fz="sm" c="dimmed">
            {[
              formatTime(observation.recordedAt, language),
              ...observation.themes.map((code) => themes.find((term) => term.code === code)?.label[language] ?? code),
            ].join(' · ')}
          </Text>
        </Card>
      ))}
      {!ended ? (
        <>
          <Textarea
            label={t('session.observationLabel')}
            description={t('session.observationHelp')}
            autosize
            minRows={2}
            size="md"
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          <Chip.Group multiple value={chosen} onChange={setChosen}>
            <Group gap="xs" role="group" aria-label={t('session.themes')}>
              {themes.map((term) => (
                <Chip key={term.code} value={term.code} size="md">
                  {term.label[language]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Button
            variant="light"
            onClick={() => void save()}
            disabled={!body.trim()}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('session.addObservation')}
          </Button>
        </>
      ) : null}
    </Stack>
  );
}
