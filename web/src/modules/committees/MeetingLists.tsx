import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Committee } from '../../../../core/contracts/committees.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { activeTerms, localDay, referenceQuery } from '../fieldwork/data.ts';
import { CheckedText } from './CheckedText.tsx';
import type { MeetingDraft } from './nominative.ts';

type Change = (changes: Partial<MeetingDraft>) => void;

const replaced = <T,>(items: T[], k: number, item: T) => items.map((old, j) => (j === k ? item : old));
const removed = <T,>(items: T[], k: number) => items.filter((_, j) => j !== k);

/** A titled list with its add button; each line brings its own remove button. */
function ListSection({
  title,
  addLabel,
  onAdd,
  children,
}: {
  title: string;
  addLabel: string;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="xl">
        {title}
      </Title>
      {children}
      <Button
        variant="light"
        leftSection={<IconPlus size={18} aria-hidden />}
        onClick={onAdd}
        style={{ alignSelf: 'flex-start' }}
      >
        {addLabel}
      </Button>
    </Stack>
  );
}

function RemoveButton({ what, onClick }: { what: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionIcon
      variant="subtle"
      color="gray.7"
      size={44}
      aria-label={t('meeting.removeItem', { what })}
      onClick={onClick}
    >
      <IconTrash size={20} aria-hidden />
    </ActionIcon>
  );
}

export function AgendaEditor({ draft, change }: { draft: MeetingDraft; change: Change }) {
  const { t } = useTranslation();
  return (
    <ListSection
      title={t('meeting.agenda')}
      addLabel={t('meeting.addAgendaItem')}
      onAdd={() => change({ agenda: [...draft.agenda, ''] })}
    >
      {draft.agenda.map((item, k) => {
        const label = t('meeting.agendaItem', { number: k + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: controlled lines with no state of their own; their position is their identity (the server names a refused line by it).
          <Group key={`agenda-${k}`} gap="xs" align="flex-start" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <CheckedText
                path={`agenda.${k}`}
                label={label}
                value={item}
                maxLength={300}
                onChange={(value) => change({ agenda: replaced(draft.agenda, k, value) })}
              />
            </div>
            <RemoveButton what={label} onClick={() => change({ agenda: removed(draft.agenda, k) })} />
          </Group>
        );
      })}
    </ListSection>
  );
}

export function SituationsEditor({ draft, change }: { draft: MeetingDraft; change: Change }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reference = useQuery(referenceQuery);
  const themes = activeTerms(reference.data, 'observationTheme').map((term) => ({
    value: term.code,
    label: term.label[language],
  }));
  const needs = activeTerms(reference.data, 'need').map((term) => ({ value: term.code, label: term.label[language] }));
  const set = (k: number, changes: Partial<MeetingDraft['situations'][number]>) =>
    change({
      situations: replaced(draft.situations, k, {
        ...(draft.situations[k] as MeetingDraft['situations'][number]),
        ...changes,
      }),
    });
  return (
    <ListSection
      title={t('meeting.situationsTitle')}
      addLabel={t('meeting.addSituation')}
      onAdd={() => change({ situations: [...draft.situations, { themes: [], needs: [], summary: '', proposed: '' }] })}
    >
      {draft.situations.map((situation, k) => {
        const label = t('meeting.situation', { number: k + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: controlled lines with no state of their own; their position is their identity (the server names a refused line by it).
          <Card key={`situation-${k}`} withBorder padding="sm" radius="md">
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={3} fz="lg">
                  {label}
                </Title>
                <RemoveButton what={label} onClick={() => change({ situations: removed(draft.situations, k) })} />
              </Group>
              <MultiSelect
                label={t('meeting.themes')}
                data={themes}
                value={situation.themes}
                onChange={(value) => set(k, { themes: value })}
                searchable
                size="md"
              />
              <MultiSelect
                label={t('meeting.needs')}
                data={needs}
                value={situation.needs}
                onChange={(value) => set(k, { needs: value })}
                searchable
                size="md"
              />
              <CheckedText
                path={`situations.${k}.summary`}
                label={t('meeting.summary')}
                value={situation.summary}
                multiline
                onChange={(value) => set(k, { summary: value })}
              />
              <CheckedText
                path={`situations.${k}.proposed`}
                label={t('meeting.proposed')}
                value={situation.proposed}
                multiline
                onChange={(value) => set(k, { proposed: value })}
              />
            </Stack>
          </Card>
        );
      })}
    </ListSection>
  );
}

export function DecisionsEditor({ draft, change }: { draft: MeetingDraft; change: Change }) {
  const { t } = useTranslation();
  return (
    <ListSection
      title={t('meeting.decisionsTitle')}
      addLabel={t('meeting.addDecision')}
      onAdd={() => change({ decisions: [...draft.decisions, ''] })}
    >
      {draft.decisions.map((decision, k) => {
        const label = t('meeting.decision', { number: k + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: controlled lines with no state of their own; their position is their identity (the server names a refused line by it).
          <Group key={`decision-${k}`} gap="xs" align="flex-start" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <CheckedText
                path={`decisions.${k}.text`}
                label={label}
                value={decision}
                multiline
                minRows={1}
                maxLength={2000}
                onChange={(value) => change({ decisions: replaced(draft.decisions, k, value) })}
              />
            </div>
            <RemoveButton what={label} onClick={() => change({ decisions: removed(draft.decisions, k) })} />
          </Group>
        );
      })}
    </ListSection>
  );
}

/** What was agreed to do, carried by a member organisation (never a person), and by when. */
export function FollowUpsEditor({
  draft,
  change,
  committee,
}: {
  draft: MeetingDraft;
  change: Change;
  committee: Committee;
}) {
  const { t } = useTranslation();
  const set = (k: number, changes: Partial<MeetingDraft['followUps'][number]>) =>
    change({
      followUps: replaced(draft.followUps, k, {
        ...(draft.followUps[k] as MeetingDraft['followUps'][number]),
        ...changes,
      }),
    });
  return (
    <ListSection
      title={t('meeting.followUpsTitle')}
      addLabel={t('meeting.addFollowUp')}
      onAdd={() => change({ followUps: [...draft.followUps, { what: '', actorId: null, dueOn: null, doneOn: null }] })}
    >
      {draft.followUps.map((followUp, k) => {
        const label = t('meeting.followUp', { number: k + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: controlled lines with no state of their own; their position is their identity (the server names a refused line by it).
          <Card key={`follow-up-${k}`} withBorder padding="sm" radius="md">
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={3} fz="lg">
                  {label}
                </Title>
                <RemoveButton what={label} onClick={() => change({ followUps: removed(draft.followUps, k) })} />
              </Group>
              <CheckedText
                path={`followUps.${k}.what`}
                label={t('meeting.what')}
                value={followUp.what}
                multiline
                minRows={1}
                maxLength={1000}
                onChange={(value) => set(k, { what: value })}
              />
              <NativeSelect
                label={t('meeting.carriedBy')}
                value={followUp.actorId ?? ''}
                onChange={(event) => set(k, { actorId: event.currentTarget.value || null })}
                data={[
                  { value: '', label: t('meeting.nobody') },
                  ...committee.members.map((member) => ({ value: member.actorId, label: member.actorName })),
                ]}
                size="md"
              />
              <Group gap="sm" align="flex-end">
                <TextInput
                  type="date"
                  label={t('meeting.dueOn')}
                  value={followUp.dueOn ?? ''}
                  onChange={(event) => set(k, { dueOn: event.currentTarget.value || null })}
                  size="md"
                />
                <Checkbox
                  size="md"
                  mb={8}
                  label={t('meeting.done')}
                  checked={Boolean(followUp.doneOn)}
                  onChange={(event) => set(k, { doneOn: event.currentTarget.checked ? localDay() : null })}
                />
              </Group>
            </Stack>
          </Card>
        );
      })}
    </ListSection>
  );
}
