import { Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { IconMapPinPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../../../core/contracts/places.ts';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { placesKey, placesQuery, territoryKey } from './data.ts';
import { LegendLine } from './Legend.tsx';
import { placeColor } from './map/colors.ts';
import { TerritoryMap } from './map/TerritoryMap.tsx';
import { useMyNeighbourhoods, useOutlines, useSectorGround } from './neighbourhoods.ts';
import { draftSpot, newPlaceDraft, type PlaceDraft, PlaceForm, placeDraft } from './PlaceForm.tsx';
import { TerritoryLinks } from './TerritoryLinks.tsx';

const retiredColor = '#8a8a8a';
const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The team's places of presence: on the map, added by tapping it, changed, retired. Places, never people. */
export function PlacesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [withRetired, setWithRetired] = useState(false);
  const places = useQuery(placesQuery(withRetired));
  const { neighbourhoods } = useMyNeighbourhoods();
  const outlines = useOutlines(neighbourhoods.map((n) => n.id));
  const ground = useSectorGround();
  const [draft, setDraft] = useState<PlaceDraft | null>(null);
  const points = useMemo(
    () =>
      (places.data ?? []).flatMap((place) =>
        place.location && place.id !== draft?.id
          ? [{ id: place.id, ...place.location, radius: 8, color: place.active ? placeColor : retiredColor }]
          : [],
      ),
    [places.data, draft?.id],
  );
  const firstTeam = user.teams[0];

  return (
    <Stack gap="md">
      <PageTitle title={t('territory.places.title')} description={t('territory.places.intro')} />
      <TerritoryLinks here="places" />
      {firstTeam ? (
        <>
          <TerritoryMap
            label={t('territory.places.mapLabel')}
            sectors={ground}
            outlines={outlines}
            points={points}
            pending={draft ? draftSpot(draft) : null}
            onPointTap={(id) => {
              const place = places.data?.find((p) => p.id === id);
              if (place && !draft) setDraft(placeDraft(place));
            }}
            onMapTap={(tap) => {
              if (draft) setDraft({ ...draft, latitude: round(tap.latitude), longitude: round(tap.longitude) });
            }}
          />
          <Stack gap={4}>
            <LegendLine color={placeColor} label={t('territory.places.legendActive')} />
            {withRetired ? <LegendLine color={retiredColor} label={t('territory.places.legendRetired')} /> : null}
          </Stack>
          {draft ? (
            <PlaceForm draft={draft} onChange={setDraft} onDone={() => setDraft(null)} />
          ) : (
            <Button
              size="md"
              leftSection={<IconMapPinPlus aria-hidden size={20} />}
              onClick={() => setDraft(newPlaceDraft(firstTeam.id))}
            >
              {t('territory.places.add')}
            </Button>
          )}
          <Switch
            size="md"
            label={t('territory.places.showRetired')}
            checked={withRetired}
            onChange={(event) => setWithRetired(event.currentTarget.checked)}
          />
          {places.isPending ? (
            <PageLoader />
          ) : (places.data ?? []).length === 0 ? (
            <EmptyMessage title={t('territory.places.empty')}>{t('territory.places.emptyText')}</EmptyMessage>
          ) : (
            <PlaceList places={places.data ?? []} onEdit={(place) => setDraft(placeDraft(place))} />
          )}
        </>
      ) : (
        <EmptyMessage title={t('territory.places.noTeam')}>{t('territory.places.noTeamText')}</EmptyMessage>
      )}
    </Stack>
  );
}

function PlaceList({ places, onEdit }: { places: Place[]; onEdit: (place: Place) => void }) {
  const { t } = useTranslation();
  const neighbourhoods = useMyNeighbourhoods().neighbourhoods;
  const queryClient = useQueryClient();
  const retire = useMutation({
    mutationFn: (place: Place) =>
      api.patch<Place>(`/places/${place.id}`, { active: !place.active, baseVersion: place.version }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: placesKey });
      void queryClient.invalidateQueries({ queryKey: territoryKey });
    },
  });
  const error = useApiError(retire.error, []);
  return (
    <Stack gap="xs" component="section" aria-labelledby="places-list-title">
      <Title order={2} fz="lg" id="places-list-title">
        {t('territory.places.listTitle')}
      </Title>
      <FormAlert message={error.general} />
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {places.map((place) => (
          <Stack
            component="li"
            key={place.id}
            gap={4}
            p="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
                {place.name}
              </Text>
              <Tag tone={place.active ? 'blue' : 'gray'}>{t(`territory.placeKinds.${place.kind}`)}</Tag>
            </Group>
            <Text fz="sm" c="dimmed">
              {[
                neighbourhoods.find((n) => n.id === place.neighbourhoodId)?.name,
                place.zone,
                place.location ? null : t('territory.places.notOnMap'),
                place.active ? null : t('territory.places.retired'),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Group gap="xs">
              <Button
                size="sm"
                variant="light"
                mih={40}
                onClick={() => onEdit(place)}
                aria-label={t('territory.places.editNamed', { name: place.name })}
              >
                {t('territory.places.edit')}
              </Button>
              <Button
                size="sm"
                mih={40}
                variant="subtle"
                color={place.active ? 'red' : undefined}
                loading={retire.isPending && retire.variables?.id === place.id}
                onClick={() => retire.mutate(place)}
                aria-label={t(place.active ? 'territory.places.retireNamed' : 'territory.places.restoreNamed', {
                  name: place.name,
                })}
              >
                {place.active ? t('territory.places.retire') : t('territory.places.restore')}
              </Button>
            </Group>
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}
