import { Button, Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActivityKind, activityKinds, type GroupType, groupTypes } from '../../../../core/collective.ts';
import type { Activity } from '../../../../core/contracts/activities.ts';
import { uuidv7 } from '../../../../core/uuid.ts';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../api/session.ts';
import { FormCard } from '../../ui/FormCard.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { neighbourhoodsQuery } from '../directory/data.ts';
import { activitiesKey } from './data.ts';

const formFields = ['title', 'kind', 'groupType', 'neighbourhoodId', 'teamId'] as const;

/** Four fields and a name: themes, partners and place can wait for the activity's page. */
export function CreateActivityForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const neighbourhoods = useQuery({ ...neighbourhoodsQuery, retry: false });
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ActivityKind>('meal');
  const [groupType, setGroupType] = useState<GroupType>('open');
  const [teamId, setTeamId] = useState(user.teams[0]?.id ?? '');
  const [neighbourhoodId, setNeighbourhoodId] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api.post<Activity>('/activities', {
        id: uuidv7(),
        teamId: teamId || undefined,
        title,
        kind,
        groupType,
        neighbourhoodId: neighbourhoodId || null,
      }),
    onSuccess: (activity) => {
      void queryClient.invalidateQueries({ queryKey: activitiesKey });
      void navigate({ to: '/activities/$activityId', params: { activityId: activity.id } });
    },
  });
  const problem = useApiError(create.error, formFields);
  const hoods = (neighbourhoods.data?.items ?? []).filter((hood) => !teamId || hood.teamId === teamId);
  return (
    <FormCard
      id="new-activity"
      title={t('activities.createTitle')}
      error={problem.general}
      onSubmit={() => create.mutate()}
    >
      <TextInput
        label={t('activities.name')}
        placeholder={t('activities.namePlaceholder')}
        value={title}
        onChange={(event) => setTitle(event.currentTarget.value)}
        error={problem.field('title')}
        size="md"
        required
        maxLength={160}
      />
      <NativeSelect
        label={t('activities.kind')}
        value={kind}
        onChange={(event) => setKind(event.currentTarget.value as ActivityKind)}
        data={activityKinds.map((value) => ({ value, label: t(`activityKinds.${value}`) }))}
        error={problem.field('kind')}
        size="md"
      />
      <Stack gap={4}>
        <Text fw={500} fz="sm" id="group-type-label">
          {t('activities.groupType')}
        </Text>
        <SegmentedControl
          aria-labelledby="group-type-label"
          value={groupType}
          onChange={(value) => setGroupType(value as GroupType)}
          data={groupTypes.map((value) => ({ value, label: t(`groupTypes.${value}`) }))}
          size="md"
          fullWidth
        />
      </Stack>
      {user.teams.length > 1 ? (
        <NativeSelect
          label={t('activities.team')}
          value={teamId}
          onChange={(event) => setTeamId(event.currentTarget.value)}
          data={user.teams.map((team) => ({ value: team.id, label: team.name }))}
          error={problem.field('teamId')}
          size="md"
        />
      ) : null}
      {hoods.length > 0 ? (
        <NativeSelect
          label={t('activities.neighbourhood')}
          value={neighbourhoodId}
          onChange={(event) => setNeighbourhoodId(event.currentTarget.value)}
          data={[
            { value: '', label: t('activities.noNeighbourhood') },
            ...hoods.map((hood) => ({ value: hood.id, label: hood.name })),
          ]}
          error={problem.field('neighbourhoodId')}
          size="md"
        />
      ) : null}
      <Group gap="sm">
        <Button type="submit" size="md" loading={create.isPending}>
          {t('activities.createSubmit')}
        </Button>
        <Button variant="default" size="md" onClick={onCancel}>
          {t('activities.cancel')}
        </Button>
      </Group>
    </FormCard>
  );
}
