import {
  Alert,
  Box,
  Button,
  Chip,
  Collapse,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowForwardUp, IconChevronDown, IconChevronUp, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateEncounterBody } from '../../../../core/contracts/fieldwork.ts';
import { ageBands, type Channel, channels, initiators } from '../../../../core/fieldwork.ts';
import { useSyncState } from '../../offline/use-sync-state.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { logEncounter } from './actions.ts';
import {
  activeTerms,
  localSessionsQuery,
  metHereQuery,
  myDayQuery,
  outboxQuery,
  recentPeople,
  referenceQuery,
} from './data.ts';
import { type PersonChoice, PersonPicker } from './PersonPicker.tsx';

const route = getRouteApi('/signed-in/contact');

type Details = {
  initiator: string;
  channel: Channel;
  ageBand: string;
  gender: string;
  language: string;
  right: string;
  barrier: string;
  durationMinutes: number | '';
  followUpOn: string;
  followUpWhat: string;
  note: string;
};

const noDetails: Details = {
  initiator: '',
  channel: 'street',
  ageBand: '',
  gender: '',
  language: '',
  right: '',
  barrier: '',
  durationMinutes: '',
  followUpOn: '',
  followUpWhat: '',
  note: '',
};

/**
 * A contact in a few taps: who (anonymous by default), needs heard, actions taken, save. Now, the
 * street and the running round's place are the defaults; the rest waits behind "More details".
 */
export function QuickContactPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { sessionId } = route.useSearch();
  const reference = useQuery(referenceQuery);
  const myDay = useQuery(myDayQuery);
  const outbox = useQuery(outboxQuery);
  const metHere = useQuery(metHereQuery);
  const local = useQuery(localSessionsQuery);
  const session = sessionId ? local.data?.[sessionId] : undefined;
  const place = reference.data?.places.find((candidate) => candidate.id === session?.placeId);

  const [who, setWho] = useState<PersonChoice>({ kind: 'anonymous' });
  const [needs, setNeeds] = useState<string[]>([]);
  const [actions, setActions] = useState<string[]>([]);
  const [details, setDetails] = useState<Details>(noDetails);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{
    nickname: string | null;
    encounterId: string;
    personId: string | null;
    needs: string[];
  } | null>(null);
  const sync = useSyncState();

  const people = recentPeople(reference.data, myDay.data, outbox.data, metHere.data ?? {});
  const set = <K extends keyof Details>(key: K, value: Details[K]) => setDetails({ ...details, [key]: value });

  const save = async () => {
    setSaving(true);
    const body: Omit<CreateEncounterBody, 'id'> = {
      sessionId: sessionId ?? null,
      placeId: session?.placeId ?? null,
      channel: details.channel,
      initiator: (details.initiator || null) as CreateEncounterBody['initiator'],
      ageBand: (details.ageBand || null) as CreateEncounterBody['ageBand'],
      gender: details.gender.trim() || null,
      language: details.language.trim() || null,
      needs,
      actions,
      nonRecours: details.right && details.barrier ? [{ right: details.right, barrier: details.barrier }] : [],
      durationMinutes: details.durationMinutes === '' ? null : details.durationMinutes,
      followUpOn: details.followUpOn || null,
      followUpWhat: details.followUpWhat.trim() || null,
      note: details.note.trim() || null,
    };
    if (who.kind === 'known') body.personId = who.person.id;
    const logged = await logEncounter(body, who.kind === 'new' ? { nickname: who.nickname } : undefined);
    setSaving(false);
    setSaved({
      nickname: who.kind === 'known' ? who.person.nickname : who.kind === 'new' ? who.nickname : null,
      ...logged,
      needs,
    });
  };

  const again = () => {
    setWho({ kind: 'anonymous' });
    setNeeds([]);
    setActions([]);
    setDetails(noDetails);
    setOpen(false);
    setSaved(null);
  };

  if (saved)
    return (
      <Stack gap="lg">
        <PageTitle title={t('contact.title')} />
        <Alert
          color="relais"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title={t('contact.saved')}
          role="status"
          data-testid="contact-saved"
        >
          {saved.nickname ? t('contact.savedWith', { nickname: saved.nickname }) : t('contact.savedAnonymous')}{' '}
          {sync.online && sync.problem !== 'network' ? t('contact.sending') : t('contact.willSend')}
        </Alert>
        <RouterButton
          size="lg"
          variant="light"
          to="/referrals/new"
          search={{
            encounterId: saved.encounterId,
            personId: saved.personId ?? undefined,
            needs: saved.needs.length ? saved.needs : undefined,
          }}
          leftSection={<IconArrowForwardUp size={22} aria-hidden />}
        >
          {t('referrals.refer')}
        </RouterButton>
        <Button size="lg" onClick={again}>
          {t('contact.another')}
        </Button>
        {sessionId ? (
          <RouterButton size="lg" variant="default" to="/sessions/$sessionId" params={{ sessionId }}>
            {t('contact.backToSession')}
          </RouterButton>
        ) : (
          <RouterButton size="lg" variant="default" to="/">
            {t('contact.backToDay')}
          </RouterButton>
        )}
      </Stack>
    );

  const context = [
    t('contact.now'),
    session ? t('contact.inSession') : null,
    place?.name ?? null,
    t(`channels.${details.channel}`),
  ].filter(Boolean);

  return (
    <Stack gap="md" pb={96}>
      <PageTitle title={t('contact.title')} description={context.join(' · ')} />
      <Part title={t('contact.who')}>
        <PersonPicker recent={people} all={people} value={who} onChange={setWho} />
      </Part>
      <Part title={t('contact.needs')}>
        <TermChips
          label={t('contact.needs')}
          terms={activeTerms(reference.data, 'need').map((term) => ({ code: term.code, label: term.label[language] }))}
          value={needs}
          onChange={setNeeds}
        />
      </Part>
      <Part title={t('contact.actions')}>
        <TermChips
          label={t('contact.actions')}
          terms={activeTerms(reference.data, 'action').map((term) => ({
            code: term.code,
            label: term.label[language],
          }))}
          value={actions}
          onChange={setActions}
        />
      </Part>

      <Button
        variant="subtle"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-controls="contact-details"
        rightSection={open ? <IconChevronUp size={18} aria-hidden /> : <IconChevronDown size={18} aria-hidden />}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('contact.moreDetails')}
      </Button>
      <Collapse expanded={open} id="contact-details">
        <Stack gap="sm">
          <NativeSelect
            label={t('contact.channel')}
            value={details.channel}
            onChange={(event) => set('channel', event.currentTarget.value as Channel)}
            data={channels.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
          />
          <NativeSelect
            label={t('contact.initiator')}
            value={details.initiator}
            onChange={(event) => set('initiator', event.currentTarget.value)}
            data={[
              { value: '', label: t('contact.notSaid') },
              ...initiators.map((initiator) => ({ value: initiator, label: t(`initiators.${initiator}`) })),
            ]}
          />
          <NativeSelect
            label={t('contact.ageBand')}
            value={details.ageBand}
            onChange={(event) => set('ageBand', event.currentTarget.value)}
            data={[
              { value: '', label: t('contact.notSaid') },
              ...ageBands.map((band) => ({ value: band, label: t(`ageBands.${band}`) })),
            ]}
          />
          <TextInput
            label={t('contact.gender')}
            description={t('contact.genderHelp')}
            value={details.gender}
            maxLength={40}
            onChange={(event) => set('gender', event.currentTarget.value)}
          />
          <TextInput
            label={t('contact.language')}
            value={details.language}
            maxLength={40}
            onChange={(event) => set('language', event.currentTarget.value)}
          />
          <Box component="fieldset" p={0} m={0} style={{ border: 0 }}>
            <Text component="legend" fw={600} mb={4}>
              {t('contact.nonRecours')}
            </Text>
            <Group grow gap="xs">
              <NativeSelect
                label={t('contact.right')}
                value={details.right}
                onChange={(event) => set('right', event.currentTarget.value)}
                data={[
                  { value: '', label: '—' },
                  ...activeTerms(reference.data, 'right').map((term) => ({
                    value: term.code,
                    label: term.label[language],
                  })),
                ]}
              />
              <NativeSelect
                label={t('contact.barrier')}
                value={details.barrier}
                onChange={(event) => set('barrier', event.currentTarget.value)}
                data={[
                  { value: '', label: '—' },
                  ...activeTerms(reference.data, 'barrier').map((term) => ({
                    value: term.code,
                    label: term.label[language],
                  })),
                ]}
              />
            </Group>
          </Box>
          <NumberInput
            label={t('contact.duration')}
            min={0}
            max={24 * 60}
            size="md"
            value={details.durationMinutes}
            onChange={(value) => set('durationMinutes', typeof value === 'number' ? value : '')}
          />
          <TextInput
            type="date"
            label={t('contact.followUpOn')}
            value={details.followUpOn}
            onChange={(event) => set('followUpOn', event.currentTarget.value)}
          />
          <TextInput
            label={t('contact.followUpWhat')}
            value={details.followUpWhat}
            maxLength={200}
            onChange={(event) => set('followUpWhat', event.currentTarget.value)}
          />
          <Textarea
            label={t('contact.note')}
            description={t('contact.noteHelp')}
            autosize
            minRows={2}
            size="md"
            maxLength={5000}
            value={details.note}
            onChange={(event) => set('note', event.currentTarget.value)}
          />
        </Stack>
      </Collapse>

      <Box
        pos="fixed"
        left={0}
        right={0}
        bottom="calc(var(--app-shell-footer-offset, 0px) + 8px)"
        px="md"
        style={{ zIndex: 150 }}
      >
        <Button size="xl" fullWidth onClick={() => void save()} loading={saving} maw={640} mx="auto" display="block">
          {t('contact.save')}
        </Button>
      </Box>
    </Stack>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6} component="section">
      <Title order={2} fz="lg">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function TermChips({
  label,
  terms,
  value,
  onChange,
}: {
  label: string;
  terms: { code: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  return (
    <Chip.Group multiple value={value} onChange={onChange}>
      <Group gap={8} role="group" aria-label={label}>
        {terms.map((term) => (
          <Chip key={term.code} value={term.code} size="lg">
            {term.label}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
