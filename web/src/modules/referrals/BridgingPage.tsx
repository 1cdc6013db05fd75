import { Button, Card, Chip, Group, NumberInput, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgingSupport } from '../../../../core/contracts/referrals.ts';
import { type BridgingContactKind, bridgingContactKinds } from '../../../../core/referrals.ts';
import { uuidv7 } from '../../../../core/uuid.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDateTime, formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { localDay } from '../fieldwork/data.ts';
import { bridgingSupportQuery, referralsKey } from './data.ts';
import { StatusTag } from './parts.tsx';

const route = getRouteApi('/signed-in/bridging/$supportId');

/** One suivi-pont: why, until when, each contact, and its end. */
export function BridgingPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { supportId } = route.useParams();
  const support = useQuery(bridgingSupportQuery(supportId));
  if (support.isPending) return <PageLoader />;
  if (!support.data)
    return (
      <Stack>
        <PageTitle title={t('bridging.notFoundTitle')} />
        <Text>
          {support.error instanceof ApiError && support.error.status === 404
            ? t('bridging.notFoundText')
            : t('common.unexpectedError')}
        </Text>
        <RouterButton to="/people" variant="default" style={{ alignSelf: 'flex-start' }}>
          {t('person.backToPeople')}
        </RouterButton>
      </Stack>
    );
  const current = support.data;
  const overdue = current.active && current.plannedEndOn !== null && current.plannedEndOn < localDay();
  return (
    <Stack gap="lg">
      <PageTitle
        title={t('bridging.title')}
        description={current.person ? current.person.nickname : (current.referral?.slipNumber ?? undefined)}
      />
      <Card withBorder radius="md" padding="md">
        <Stack gap="xs">
          <Group gap="xs">
            <Tag tone={current.active ? 'green' : 'gray'}>
              {current.active
                ? t('bridging.active')
                : t('bridging.ended', { date: formatDay(current.endedOn ?? current.startedOn, language) })}
            </Tag>
            {overdue ? <Tag tone="orange">{t('bridging.overdue')}</Tag> : null}
          </Group>
          {current.purpose ? <Text fw={600}>{current.purpose}</Text> : null}
          <Text fz="sm">
            {[
              t('bridging.since', { date: formatDay(current.startedOn, language) }),
              current.plannedEndOn ? t('bridging.until', { date: formatDay(current.plannedEndOn, language) }) : null,
              t('bridging.contacts', { count: current.contactCount }),
              current.totalMinutes ? t('bridging.minutes', { count: current.totalMinutes }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {current.referral ? (
            <Group gap="xs">
              <RouterAnchor to="/referrals/$referralId" params={{ referralId: current.referral.id }}>
                {current.referral.serviceName}
              </RouterAnchor>
              <StatusTag status={current.referral.status} />
            </Group>
          ) : null}
          {current.person ? (
            <RouterAnchor to="/people/$personId" params={{ personId: current.person.id }}>
              {t('bridging.backToPerson')}
            </RouterAnchor>
          ) : null}
        </Stack>
      </Card>
      {current.active ? <ContactForm support={current} /> : null}
      <Block title={t('bridging.contactsTitle')}>
        {current.contacts.length === 0 ? <Text c="dimmed">{t('bridging.noContact')}</Text> : null}
        <Stack gap="xs">
          {current.contacts.map((contact) => (
            <Card key={contact.id} withBorder padding="sm" data-testid="bridging-contact">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{t(`bridging.kinds.${contact.kind}`)}</Text>
                <Text fz="sm">
                  {[
                    formatDateTime(contact.occurredAt, language),
                    contact.durationMinutes ? t('bridging.minutes', { count: contact.durationMinutes }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Group>
              {contact.note ? <Text fz="sm">{contact.note}</Text> : null}
            </Card>
          ))}
        </Stack>
      </Block>
      <EndForm support={current} />
    </Stack>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="lg">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function useSupportWrite(support: BridgingSupport, fields: string[]) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problem = useApiError(error, fields);
  const run = async (write: () => Promise<BridgingSupport>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const saved = await write();
      queryClient.setQueryData(bridgingSupportQuery(support.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: [...referralsKey, 'bridging', 'person'] });
      return true;
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.status === 409)
        void queryClient.invalidateQueries({ queryKey: bridgingSupportQuery(support.id).queryKey });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run };
}

function ContactForm({ support }: { support: BridgingSupport }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<BridgingContactKind>('call');
  const [duration, setDuration] = useState<number | ''>('');
  const [note, setNote] = useState('');
  const write = useSupportWrite(support, ['kind', 'durationMinutes', 'note']);
  const save = async () => {
    const done = await write.run(() =>
      api.post<BridgingSupport>(`/bridging-supports/${support.id}/contacts`, {
        id: uuidv7(),
        kind,
        durationMinutes: duration === '' ? null : duration,
        note: note.trim() || null,
      }),
    );
    if (done) {
      setDuration('');
      setNote('');
    }
  };
  return (
    <Card withBorder radius="md" padding="md" component="section">
      <Title order={2} fz="lg" mb="sm">
        {t('bridging.addContact')}
      </Title>
      <Stack gap="sm">
        <Chip.Group value={kind} onChange={(value) => setKind(value as BridgingContactKind)}>
          <Group gap={8} role="radiogroup" aria-label={t('bridging.kind')}>
            {bridgingContactKinds.map((value) => (
              <Chip key={value} value={value} size="md">
                {t(`bridging.kinds.${value}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <NumberInput
          label={t('bridging.duration')}
          min={0}
          max={1440}
          size="md"
          value={duration}
          error={write.problem.field('durationMinutes')}
          onChange={(value) => setDuration(typeof value === 'number' ? value : '')}
        />
        <Textarea
          label={t('bridging.note')}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <FormAlert message={write.problem.general} />
        <Button size="md" onClick={() => void save()} loading={write.busy} style={{ alignSelf: 'flex-start' }}>
          {t('bridging.saveContact')}
        </Button>
      </Stack>
    </Card>
  );
}

/** The planned end can move; ending takes a date (today by default); an ended one can reopen. */
function EndForm({ support }: { support: BridgingSupport }) {
  const { t } = useTranslation();
  const [endedOn, setEndedOn] = useState(localDay());
  const [plannedEndOn, setPlannedEndOn] = useState(support.plannedEndOn ?? '');
  const write = useSupportWrite(support, ['endedOn', 'plannedEndOn']);
  const patch = (changes: Record<string, unknown>) =>
    write.run(() =>
      api.patch<BridgingSupport>(`/bridging-supports/${support.id}`, { baseVersion: support.version, ...changes }),
    );
  if (!support.active)
    return (
      <Stack gap="xs">
        <FormAlert message={write.problem.general} />
        <Button variant="default" onClick={() => void patch({ endedOn: null })} style={{ alignSelf: 'flex-start' }}>
          {t('bridging.reopen')}
        </Button>
      </Stack>
    );
  return (
    <Card withBorder radius="md" padding="md" component="section">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('bridging.plannedEndOn')}
            value={plannedEndOn}
            error={write.problem.field('plannedEndOn')}
            onChange={(event) => setPlannedEndOn(event.currentTarget.value)}
          />
          <Button variant="default" onClick={() => void patch({ plannedEndOn: plannedEndOn || null })}>
            {t('bridging.savePlannedEnd')}
          </Button>
        </Group>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('bridging.endOn')}
            value={endedOn}
            error={write.problem.field('endedOn')}
            onChange={(event) => setEndedOn(event.currentTarget.value)}
          />
          <Button color="red.8" onClick={() => void patch({ endedOn })} loading={write.busy}>
            {t('bridging.end')}
          </Button>
        </Group>
        <FormAlert message={write.problem.general} />
      </Stack>
    </Card>
  );
}
