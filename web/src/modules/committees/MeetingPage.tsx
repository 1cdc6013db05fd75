import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Committee, Meeting } from '../../../../core/contracts/committees.ts';
import type { LocalizedText } from '../../../../core/localized.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { localDay } from '../fieldwork/data.ts';
import { CheckedText, CheckProvider } from './CheckedText.tsx';
import { committeeQuery, committeesKey, meetingQuery } from './data.ts';
import { AgendaEditor, DecisionsEditor, FollowUpsEditor, SituationsEditor } from './MeetingLists.tsx';
import { editorPath, type MeetingDraft, meetingBody, meetingTexts } from './nominative.ts';
import { useNominativeCheck } from './use-nominative-check.ts';

const newRoute = getRouteApi('/signed-in/committees/$committeeId/meetings/new');
const route = getRouteApi('/signed-in/committees/$committeeId/meetings/$meetingId');

function NotFound({ title, text }: { title: string; text: string }) {
  return (
    <Stack>
      <PageTitle title={title} />
      <Text>{text}</Text>
      <RouterButton to="/committees" variant="default" style={{ alignSelf: 'flex-start' }}>
        {title}
      </RouterButton>
    </Stack>
  );
}

export function NewMeetingPage() {
  const { committeeId } = newRoute.useParams();
  const { t } = useTranslation();
  const committee = useQuery(committeeQuery(committeeId));
  if (committee.isPending) return <PageLoader />;
  if (!committee.data) return <NotFound title={t('committees.notFoundTitle')} text={t('committees.notFoundText')} />;
  const empty: MeetingDraft = {
    heldOn: localDay(),
    agenda: [''],
    minutes: '',
    situations: [],
    decisions: [],
    followUps: [],
    confirmedNotNames: [],
  };
  return <MeetingEditor committee={committee.data} meeting={null} initial={empty} />;
}

export function MeetingPage() {
  const { committeeId, meetingId } = route.useParams();
  const { created } = route.useSearch();
  const { t } = useTranslation();
  const committee = useQuery(committeeQuery(committeeId));
  const meeting = useQuery(meetingQuery(meetingId));
  if (committee.isPending || meeting.isPending) return <PageLoader />;
  if (!committee.data) return <NotFound title={t('committees.notFoundTitle')} text={t('committees.notFoundText')} />;
  if (!meeting.data || meeting.data.committeeId !== committeeId)
    return <NotFound title={t('meeting.notFoundTitle')} text={t('meeting.notFoundText')} />;
  const saved = meeting.data;
  const initial: MeetingDraft = {
    heldOn: saved.heldOn,
    agenda: saved.agenda,
    minutes: saved.minutes,
    situations: saved.situations,
    decisions: saved.decisions.map((decision) => decision.text),
    followUps: saved.followUps,
    confirmedNotNames: [],
  };
  return (
    <MeetingEditor key={saved.id} committee={committee.data} meeting={saved} initial={initial} created={created} />
  );
}

/** Refusals by field, with list positions turned back into the editor's own. */
type Refusal = {
  general: LocalizedText;
  code: string;
  fields: Record<string, LocalizedText>;
  /** Each text as it was sent: a refusal stops showing once its text has been changed. */
  sent: Record<string, string>;
};

function MeetingEditor({
  committee,
  meeting,
  initial,
  created = false,
}: {
  committee: Committee;
  meeting: Meeting | null;
  initial: MeetingDraft;
  created?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const change = (changes: Partial<MeetingDraft>) => setDraft((previous) => ({ ...previous, ...changes }));
  const { matches } = useNominativeCheck(committee.teamId, draft);
  const save = useMutation({
    mutationFn: async () => {
      const { body, indexes } = meetingBody(draft);
      const sent = Object.fromEntries(meetingTexts(draft).map((entry) => [entry.path, entry.text]));
      try {
        return meeting
          ? await api.patch<Meeting>(`/committee-meetings/${meeting.id}`, { ...body, baseVersion: meeting.version })
          : await api.post<Meeting>(`/committees/${committee.id}/meetings`, body);
      } catch (error) {
        if (error instanceof ApiError)
          setRefusal({
            general: error.text,
            code: error.code,
            fields: Object.fromEntries(
              Object.entries(error.fields).map(([path, text]) => [editorPath(path, indexes), text]),
            ),
            sent,
          });
        throw error;
      }
    },
    onMutate: () => setRefusal(null),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: committeesKey });
      if (!meeting)
        void navigate({
          to: '/committees/$committeeId/meetings/$meetingId',
          params: { committeeId: committee.id, meetingId: saved.id },
          search: { created: true },
          replace: true,
        });
    },
  });
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const texts = Object.fromEntries(meetingTexts(draft).map((entry) => [entry.path, entry.text]));
  const stillRefused = (path: string) =>
    refusal?.fields[path] !== undefined && (!(path in refusal.sent) || refusal.sent[path] === (texts[path] ?? ''));
  const anyStillRefused = Object.keys(refusal?.fields ?? {}).some(stillRefused);
  const general = !save.error
    ? undefined
    : !(save.error instanceof ApiError)
      ? t('common.unexpectedError')
      : refusal?.code === 'nominative_data'
        ? anyStillRefused
          ? t('meeting.refused')
          : undefined
        : stale
          ? undefined
          : refusal?.general[language];
  const check = {
    matches,
    confirmed: draft.confirmedNotNames,
    confirm: (found: string) => change({ confirmedNotNames: [...draft.confirmedNotNames, found] }),
    refusal: (path: string) => (stillRefused(path) ? refusal?.fields[path]?.[language] : undefined),
  };
  return (
    <Stack gap="lg" pb="xl">
      <PageTitle
        title={meeting ? t('meeting.title', { date: formatDay(meeting.heldOn, language) }) : t('meeting.newTitle')}
        description={committee.name}
      />
      <Alert icon={<IconShieldLock aria-hidden />} title={t('meeting.noNamesTitle')} color="blue">
        {t('meeting.noNamesText')}
      </Alert>
      <CheckProvider value={check}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="lg">
            <TextInput
              type="date"
              label={t('meeting.heldOn')}
              value={draft.heldOn}
              onChange={(event) => change({ heldOn: event.currentTarget.value })}
              error={check.refusal('heldOn')}
              required
              size="md"
              style={{ maxWidth: 220 }}
            />
            <AgendaEditor draft={draft} change={change} />
            <CheckedText
              path="minutes"
              label={t('meeting.minutes')}
              value={draft.minutes}
              onChange={(minutes) => change({ minutes })}
              multiline
              minRows={5}
              maxLength={20_000}
            />
            <SituationsEditor draft={draft} change={change} />
            <DecisionsEditor draft={draft} change={change} />
            <FollowUpsEditor draft={draft} change={change} committee={committee} />
            <ConfirmedWords draft={draft} change={change} />
            {stale ? <Alert color="orange">{t('meeting.stale')}</Alert> : null}
            <FormAlert message={general} />
            <Button type="submit" size="lg" h={56} loading={save.isPending}>
              {t('meeting.save')}
            </Button>
            <SavedNotice show={save.isSuccess || (created && save.isIdle)} message={t('meeting.saved')} />
            <RouterButton to="/committees/$committeeId" params={{ committeeId: committee.id }} variant="default">
              {t('meeting.back')}
            </RouterButton>
          </Stack>
        </form>
      </CheckProvider>
    </Stack>
  );
}

/** The words confirmed as not a name stay visible, and can be taken back, until saved. */
function ConfirmedWords({ draft, change }: { draft: MeetingDraft; change: (changes: Partial<MeetingDraft>) => void }) {
  const { t } = useTranslation();
  if (draft.confirmedNotNames.length === 0) return null;
  return (
    <Alert color="gray" data-testid="confirmed-words">
      <Text fz="sm">
        {t('meeting.confirmed', { count: draft.confirmedNotNames.length, words: draft.confirmedNotNames.join(', ') })}
      </Text>
      <Button size="compact-sm" variant="subtle" mt={4} onClick={() => change({ confirmedNotNames: [] })}>
        {t('meeting.undoConfirm')}
      </Button>
    </Alert>
  );
}
