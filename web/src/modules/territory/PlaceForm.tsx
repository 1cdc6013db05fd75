import {
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../../../core/contracts/places.ts';
import { placeKinds } from '../../../../core/fieldwork.ts';
import { uuidv7 } from '../../../../core/uuid.ts';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { referenceQuery } from '../fieldwork/data.ts';
import { placesKey, territoryKey } from './data.ts';
import type { MapTap } from './map/layers.ts';
import { useMyNeighbourhoods } from './neighbourhoods.ts';

export type PlaceDraft = {
  id: string | null;
  version: number;
  teamId: string;
  name: string;
  kind: Place['kind'];
  zone: string;
  neighbourhoodId: string;
  latitude: number | string;
  longitude: number | string;
};

export function newPlaceDraft(teamId: string): PlaceDraft {
  return {
    id: null,
    version: 0,
    teamId,
    name: '',
    kind: 'park',
    zone: '',
    neighbourhoodId: '',
    latitude: '',
    longitude: '',
  };
}

export function placeDraft(place: Place): PlaceDraft {
  return {
    id: place.id,
    version: place.version,
    teamId: place.teamId,
    name: place.name,
    kind: place.kind,
    zone: place.zone ?? '',
    neighbourhoodId: place.neighbourhoodId ?? '',
    latitude: place.location?.latitude ?? '',
    longitude: place.location?.longitude ?? '',
  };
}

/** The draft's spot, when both coordinates are numbers: what the map shows as the chosen spot. */
export function draftSpot(draft: PlaceDraft): MapTap | null {
  return typeof draft.latitude === 'number' && typeof draft.longitude === 'number'
    ? { latitude: draft.latitude, longitude: draft.longitude }
    : null;
}

const fields = ['name', 'kind', 'zone', 'neighbourhoodId', 'teamId', 'location.latitude', 'location.longitude'];

/** Adding or changing a place: a name, a kind, and where it is — tapped on the map or typed. */
export function PlaceForm({
  draft,
  onChange,
  onDone,
}: {
  draft: PlaceDraft;
  onChange: (draft: PlaceDraft) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const neighbourhoods = useMyNeighbourhoods().neighbourhoods.filter((n) => n.teamId === draft.teamId);
  const save = useMutation({
    mutationFn: () => {
      const spot = draftSpot(draft);
      const common = {
        name: draft.name,
        kind: draft.kind,
        zone: draft.zone.trim() || null,
        neighbourhoodId: draft.neighbourhoodId || null,
        location: spot,
      };
      return draft.id
        ? api.patch<Place>(`/places/${draft.id}`, { ...common, baseVersion: draft.version })
        : api.post<Place>('/places', { id: uuidv7(), teamId: draft.teamId, ...common });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: placesKey });
      void queryClient.invalidateQueries({ queryKey: territoryKey });
      void queryClient.invalidateQueries({ queryKey: referenceQuery.queryKey });
      onDone();
    },
  });
  const error = useApiError(save.error, fields);
  const set = (change: Partial<PlaceDraft>) => onChange({ ...draft, ...change });
  const coordinateError = (value: number | string, limit: number) =>
    value !== '' && (typeof value !== 'number' || Math.abs(value) > limit)
      ? t('territory.places.badCoordinate', { limit })
      : undefined;
  const halfSpot = (draft.latitude === '') !== (draft.longitude === '');

  return (
    <Card
      withBorder
      radius="md"
      p="md"
      component="form"
      aria-labelledby="place-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <Title order={2} fz="lg" id="place-form-title">
          {draft.id ? t('territory.places.editTitle', { name: draft.name }) : t('territory.places.newTitle')}
        </Title>
        {user.teams.length > 1 && !draft.id ? (
          <NativeSelect
            size="md"
            label={t('territory.places.team')}
            value={draft.teamId}
            error={error.field('teamId')}
            onChange={(event) => set({ teamId: event.currentTarget.value, neighbourhoodId: '' })}
            data={user.teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        ) : null}
        <TextInput
          size="md"
          required
          maxLength={120}
          label={t('territory.places.name')}
          placeholder={t('territory.places.namePlaceholder')}
          value={draft.name}
          error={error.field('name')}
          onChange={(event) => set({ name: event.currentTarget.value })}
        />
        <NativeSelect
          size="md"
          label={t('territory.places.kind')}
          value={draft.kind}
          error={error.field('kind')}
          onChange={(event) => set({ kind: event.currentTarget.value as Place['kind'] })}
          data={placeKinds.map((kind) => ({ value: kind, label: t(`territory.placeKinds.${kind}`) }))}
        />
        <TextInput
          size="md"
          maxLength={120}
          label={t('territory.places.zone')}
          description={t('territory.places.zoneHint')}
          value={draft.zone}
          error={error.field('zone')}
          onChange={(event) => set({ zone: event.currentTarget.value })}
        />
        {neighbourhoods.length ? (
          <NativeSelect
            size="md"
            label={t('territory.places.neighbourhood')}
            value={draft.neighbourhoodId}
            error={error.field('neighbourhoodId')}
            onChange={(event) => set({ neighbourhoodId: event.currentTarget.value })}
            data={[
              { value: '', label: t('territory.places.noNeighbourhood') },
              ...neighbourhoods.map((n) => ({ value: n.id, label: n.name })),
            ]}
          />
        ) : null}
        <Text fz="sm" fw={600}>
          {t('territory.places.where')}
        </Text>
        <Text fz="sm" c="dimmed">
          {t('territory.places.whereHint')}
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <NumberInput
            size="md"
            label={t('territory.places.latitude')}
            decimalScale={6}
            min={-90}
            max={90}
            value={draft.latitude}
            error={coordinateError(draft.latitude, 90) ?? error.field('location.latitude')}
            onChange={(latitude) => set({ latitude })}
          />
          <NumberInput
            size="md"
            label={t('territory.places.longitude')}
            decimalScale={6}
            min={-180}
            max={180}
            value={draft.longitude}
            error={coordinateError(draft.longitude, 180) ?? error.field('location.longitude')}
            onChange={(longitude) => set({ longitude })}
          />
        </SimpleGrid>
        {halfSpot ? (
          <Text fz="sm" c="red.9">
            {t('territory.places.bothCoordinates')}
          </Text>
        ) : null}
        <FormAlert message={error.general} />
        <Group gap="sm">
          <Button
            type="submit"
            size="md"
            loading={save.isPending}
            disabled={!draft.name.trim() || halfSpot}
            leftSection={<IconDeviceFloppy aria-hidden size={20} />}
          >
            {draft.id ? t('territory.places.save') : t('territory.places.create')}
          </Button>
          <Button size="md" variant="default" onClick={onDone}>
            {t('territory.places.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
