import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Committee } from '../../../../core/contracts/committees.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { type ActorChoice, ActorMultiSelect } from '../network/ActorSelect.tsx';
import { memberFieldError } from './CreateCommitteeForm.tsx';
import { committeeQuery, committeesKey } from './data.ts';

const route = getRouteApi('/signed-in/committees/$committeeId');

/** A committee: its meetings first (what people come for), then its member organisations. */
export function CommitteePage() {
  const { committeeId } = route.useParams();
  const { t } = useTranslation();
  const committee = useQuery(committeeQuery(committeeId));
  if (committee.isPending) return <PageLoader />;
  if (!committee.data)
    return (
      <Stack>
        <PageTitle title={t('committees.notFoundTitle')} />
        <Text>{t('committees.notFoundText')}</Text>
        <RouterButton to="/committees" variant="default" style={{ alignSelf: 'flex-start' }}>
          {t('committees.backToList')}
        </RouterButton>
      </Stack>
    );
  return <CommitteeScreen committee={committee.data} />;
}

function CommitteeScreen({ committee }: { committee: Committee }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const meetings = [...committee.meetings].sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1));
  return (
    <Stack gap="lg" pb="xl">
      <PageTitle title={committee.name} description={committee.purpose ?? undefined} />
      <RouterButton
        to="/committees/$committeeId/meetings/new"
        params={{ committeeId: committee.id }}
        size="lg"
        h={60}
        leftSection={<IconPlus size={24} aria-hidden />}
      >
        {t('committee.newMeeting')}
      </RouterButton>
      <Stack gap="xs" component="section" aria-labelledby="meetings-title">
        <Title order={2} fz="xl" id="meetings-title">
          {t('committee.meetingsTitle')}
        </Title>
        {meetings.length === 0 ? <Text c="dimmed">{t('committee.noMeetings')}</Text> : null}
        {meetings.map((meeting) => (
          <Card
            key={meeting.id}
            withBorder
            padding="sm"
            radius="md"
            renderRoot={(rootProps) => (
              <Link
                to="/committees/$committeeId/meetings/$meetingId"
                params={{ committeeId: committee.id, meetingId: meeting.id }}
                {...rootProps}
                style={{ color: 'inherit', textDecoration: 'none' }}
              />
            )}
            data-testid="committee-meeting"
          >
            <Text fw={700}>{t('meeting.title', { date: formatDay(meeting.heldOn, language) })}</Text>
          </Card>
        ))}
      </Stack>
      <Members committee={committee} />
    </Stack>
  );
}

function Members({ committee }: { committee: Committee }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<ActorChoice[]>([]);
  const save = useMutation({
    mutationFn: () => {
      // Members kept keep their role and dates; new ones come in without.
      const kept = new Map(committee.members.map((member) => [member.actorId, member]));
      return api.patch<Committee>(`/committees/${committee.id}`, {
        baseVersion: committee.version,
        members: chosen.map((actor) => {
          const member = kept.get(actor.id);
          return {
            actorId: actor.id,
            role: member?.role ?? null,
            since: member?.since ?? null,
            until: member?.until ?? null,
          };
        }),
      });
    },
    onSuccess: () => {
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: committeesKey });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: committeesKey });
    },
  });
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const problem = useApiError(stale ? null : save.error, ['members']);
  return (
    <Stack gap="xs" component="section" aria-labelledby="members-title">
      <Group justify="space-between">
        <Title order={2} fz="xl" id="members-title">
          {t('committee.membersTitle')}
        </Title>
        {editing ? null : (
          <Button
            variant="default"
            onClick={() => {
              setChosen(committee.members.map((member) => ({ id: member.actorId, name: member.actorName })));
              setEditing(true);
            }}
          >
            {t('committee.editMembers')}
          </Button>
        )}
      </Group>
      <SavedNotice show={save.isSuccess && !editing} message={t('committee.membersSaved')} />
      {editing ? (
        <Stack gap="sm">
          {stale ? <Alert color="orange">{t('committee.stale')}</Alert> : null}
          <FormAlert message={problem.general} />
          <ActorMultiSelect
            label={t('committees.members')}
            description={t('committees.membersHelp')}
            value={chosen}
            onChange={setChosen}
            error={memberFieldError(save.error, problem.field)}
          />
          <Group gap="sm">
            <Button size="md" loading={save.isPending} onClick={() => save.mutate()}>
              {t('committee.saveMembers')}
            </Button>
            <Button variant="default" size="md" onClick={() => setEditing(false)}>
              {t('committees.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : committee.members.length === 0 ? (
        <Text c="dimmed">{t('committee.noMembers')}</Text>
      ) : (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {committee.members.map((member) => (
            <Text component="li" key={member.actorId}>
              <Anchor
                renderRoot={(rootProps) => (
                  <Link to="/directory/actors/$actorId" params={{ actorId: member.actorId }} {...rootProps} />
                )}
              >
                {member.actorName}
              </Anchor>
              {member.role ? ` · ${member.role}` : ''}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
