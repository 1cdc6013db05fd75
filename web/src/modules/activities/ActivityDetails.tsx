import {
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../core/contracts/activities.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { languageList } from '../directory/data.ts';
import { activeTerms, referenceQuery, termLabel } from '../fieldwork/data.ts';
import { type ActorChoice, ActorMultiSelect } from '../network/ActorSelect.tsx';
import { activitiesKey } from './data.ts';

const formFields = ['themes', 'languages', 'partnerIds', 'placeId', 'description'] as const;

/** What the activity is about, with whom and where; changed in place, from the version read. */
export function ActivityDetails({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reference = useQuery(referenceQuery);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const place = reference.data?.places.find((candidate) => candidate.id === activity.placeId);
  const rows: [string, string][] = [
    [t('activity.themes'), activity.themes.map((code) => termLabel(reference.data, 'need', code, language)).join(', ')],
    [t('activity.languages'), activity.languages.join(', ')],
    [t('activity.partners'), activity.partners.map((partner) => partner.name).join(', ')],
    [t('activity.place'), place?.name ?? ''],
    [t('activity.about'), activity.description ?? ''],
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby="activity-details">
      <Group justify="space-between">
        <Title order={2} fz="xl" id="activity-details">
          {t('activity.detailsTitle')}
        </Title>
        {editing ? null : (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('activity.edit')}
          </Button>
        )}
      </Group>
      <SavedNotice show={saved && !editing} message={t('activity.saved')} />
      {editing ? (
        <DetailsForm
          activity={activity}
          onDone={(done) => {
            setEditing(false);
            setSaved(done);
          }}
        />
      ) : (
        <Card withBorder padding="md" radius="md">
          <Stack gap="xs">
            {rows.map(([label, value]) => (
              <div key={label}>
                <Text fz="sm" c="dimmed">
                  {label}
                </Text>
                <Text>{value || t('activity.none')}</Text>
              </div>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function DetailsForm({ activity, onDone }: { activity: Activity; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const reference = useQuery(referenceQuery);
  const [themes, setThemes] = useState(activity.themes);
  const [languages, setLanguages] = useState(activity.languages.join(', '));
  const [partners, setPartners] = useState<ActorChoice[]>(activity.partners);
  const [placeId, setPlaceId] = useState(activity.placeId ?? '');
  const [description, setDescription] = useState(activity.description ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.patch<Activity>(`/activities/${activity.id}`, {
        baseVersion: activity.version,
        themes,
        languages: languageList(languages),
        partnerIds: partners.map((partner) => partner.id),
        placeId: placeId || null,
        description: description.trim() || null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: activitiesKey });
      onDone(true);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: activitiesKey });
    },
  });
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const problem = useApiError(stale ? null : save.error, formFields);
  const needs = activeTerms(reference.data, 'need');
  const places = (reference.data?.places ?? []).filter((candidate) => candidate.active);
  return (
    <Card withBorder padding="md" radius="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          {stale ? <Alert color="orange">{t('activity.stale')}</Alert> : null}
          <FormAlert message={problem.general} />
          <MultiSelect
            label={t('activity.themes')}
            data={needs.map((term) => ({ value: term.code, label: term.label[language] }))}
            value={themes}
            onChange={setThemes}
            error={problem.field('themes')}
            searchable
            size="md"
          />
          <TextInput
            label={t('activity.languages')}
            description={t('activity.languagesHelp')}
            value={languages}
            onChange={(event) => setLanguages(event.currentTarget.value)}
            error={problem.field('languages')}
            size="md"
          />
          <ActorMultiSelect
            label={t('activity.partners')}
            value={partners}
            onChange={setPartners}
            error={problem.field('partnerIds')}
          />
          <NativeSelect
            label={t('activity.place')}
            value={placeId}
            onChange={(event) => setPlaceId(event.currentTarget.value)}
            data={[
              { value: '', label: t('activity.noPlace') },
              ...places.map((candidate) => ({ value: candidate.id, label: candidate.name })),
            ]}
            error={problem.field('placeId')}
            size="md"
          />
          <Textarea
            label={t('activity.about')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={problem.field('description')}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <Group gap="sm">
            <Button type="submit" size="md" loading={save.isPending}>
              {t('activity.save')}
            </Button>
            <Button variant="default" size="md" onClick={() => onDone(false)}>
              {t('activities.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
