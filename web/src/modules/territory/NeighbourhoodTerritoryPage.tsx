import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeighbourhoodTerritory } from '../../../../core/contracts/territory.ts';
import { ApiError } from '../../api/errors.ts';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { neighbourhoodsQuery } from '../directory/data.ts';
import { readableAlert } from './alert-styles.ts';
import { neighbourhoodTerritoryQuery, saveNeighbourhoodTerritory, sectorsQuery, territoryKey } from './data.ts';
import { formatSquareKilometres } from './format.ts';
import { LegendLine } from './Legend.tsx';
import { outlineColor } from './map/colors.ts';
import type { MapSector } from './map/layers.ts';
import { TerritoryMap } from './map/TerritoryMap.tsx';
import { canDraw } from './neighbourhoods.ts';
import { SectorPicker } from './SectorPicker.tsx';
import { TerritoryLinks } from './TerritoryLinks.tsx';

const route = getRouteApi('/signed-in/territory/neighbourhoods/$neighbourhoodId');
/** Sectors in the neighbourhood being drawn. */
export const pickedFill = '#8fd0b4';

type Draft = { sectorIds: string[]; realBorders: string; symbolicBorders: string; version: number };
const draftOf = (territory: NeighbourhoodTerritory): Draft => ({
  sectorIds: territory.sectorIds,
  realBorders: territory.realBorders ?? '',
  symbolicBorders: territory.symbolicBorders ?? '',
  version: territory.version,
});

function differs(draft: Draft | null, base: Draft | null): boolean {
  if (!draft || !base) return false;
  return (
    JSON.stringify([...draft.sectorIds].sort()) !== JSON.stringify([...base.sectorIds].sort()) ||
    draft.realBorders !== base.realBorders ||
    draft.symbolicBorders !== base.symbolicBorders
  );
}

/** A neighbourhood drawn from sectors (tap to add or remove), its outline, its real and symbolic borders. */
export function NeighbourhoodTerritoryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { neighbourhoodId } = route.useParams();
  const neighbourhood = useQuery(neighbourhoodsQuery).data?.items.find((n) => n.id === neighbourhoodId);
  const territory = useQuery(neighbourhoodTerritoryQuery(neighbourhoodId));
  const sectors = useQuery(sectorsQuery);
  const [draft, setDraft] = useState<Draft | null>(null);
  // The saved version the draft started from: a newer one replaces an untouched draft, never edits.
  const [base, setBase] = useState<Draft | null>(null);
  const start = (from: NeighbourhoodTerritory) => {
    setDraft(draftOf(from));
    setBase(draftOf(from));
  };
  const stale = territory.data && (!draft || (territory.data.version !== base?.version && !differs(draft, base)));
  useEffect(() => {
    if (stale && territory.data) {
      setDraft(draftOf(territory.data));
      setBase(draftOf(territory.data));
    }
  }, [stale, territory.data]);
  const editable = neighbourhood ? canDraw(user, neighbourhood.teamId) : false;
  const save = useMutation({
    mutationFn: (current: Draft) =>
      saveNeighbourhoodTerritory(neighbourhoodId, {
        sectorIds: current.sectorIds,
        realBorders: current.realBorders.trim() || null,
        symbolicBorders: current.symbolicBorders.trim() || null,
        ...(current.version > 0 ? { baseVersion: current.version } : {}),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(neighbourhoodTerritoryQuery(neighbourhoodId).queryKey, saved);
      start(saved);
      void queryClient.invalidateQueries({ queryKey: territoryKey });
    },
  });
  const saveError = useApiError(save.error, ['realBorders', 'symbolicBorders']);
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  const picked = useMemo(() => new Set(draft?.sectorIds ?? []), [draft]);
  const mapSectors = useMemo<MapSector[]>(
    () =>
      (sectors.data?.features ?? []).map((feature) => ({
        id: feature.id,
        coordinates: feature.geometry.coordinates,
        fill: null,
      })),
    [sectors.data],
  );
  const outline = territory.data?.outline;
  const outlines = useMemo(
    () => (outline ? [{ id: neighbourhoodId, coordinates: outline }] : []),
    [outline, neighbourhoodId],
  );

  if (territory.isPending || sectors.isPending) return <PageLoader />;
  if (territory.isError || !draft)
    return (
      <EmptyMessage title={t('territory.neighbourhood.notFound')}>
        {t('territory.neighbourhood.notFoundText')}
      </EmptyMessage>
    );
  const toggle = (sectorId: string) => {
    if (!editable) return;
    save.reset();
    setDraft({
      ...draft,
      sectorIds: picked.has(sectorId)
        ? draft.sectorIds.filter((id) => id !== sectorId)
        : [...draft.sectorIds, sectorId],
    });
  };
  const unsaved = differs(draft, base);
  const name = neighbourhood?.name ?? t('territory.neighbourhood.fallbackName');

  return (
    <Stack gap="md">
      <PageTitle
        title={t('territory.neighbourhood.title', { name })}
        description={editable ? t('territory.neighbourhood.introEdit') : t('territory.neighbourhood.introRead')}
      />
      <TerritoryLinks here="neighbourhood" />
      <Text data-testid="neighbourhood-summary">
        {t('territory.neighbourhood.summary', { count: draft.sectorIds.length })}
        {territory.data?.areaSquareMetres
          ? ` · ${t('territory.neighbourhood.area', { area: formatSquareKilometres(territory.data.areaSquareMetres, language) })}`
          : ''}
      </Text>
      <TerritoryMap
        label={t('territory.neighbourhood.mapLabel', { name })}
        sectors={mapSectors}
        selectedIds={draft.sectorIds}
        selectedFill={pickedFill}
        outlines={outlines}
        onSectorTap={toggle}
      />
      <Stack gap={4}>
        <LegendLine color={pickedFill} label={t('territory.neighbourhood.legendPicked')} />
        <LegendLine line="dashed" color={outlineColor} label={t('territory.neighbourhood.legendOutline')} />
      </Stack>
      {editable ? (
        <Text fz="sm" c="dimmed">
          {t('territory.neighbourhood.tapHint')}
        </Text>
      ) : null}
      <SectorPicker features={sectors.data?.features ?? []} picked={picked} onToggle={toggle} disabled={!editable} />
      <Card withBorder radius="md" p="md" component="section" aria-labelledby="borders-title">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="borders-title">
            {t('territory.neighbourhood.borders')}
          </Title>
          <Textarea
            size="md"
            autosize
            minRows={2}
            maxLength={4000}
            label={t('territory.neighbourhood.realBorders')}
            description={t('territory.neighbourhood.realBordersHint')}
            value={draft.realBorders}
            readOnly={!editable}
            error={saveError.field('realBorders')}
            onChange={(event) => setDraft({ ...draft, realBorders: event.currentTarget.value })}
          />
          <Textarea
            size="md"
            autosize
            minRows={2}
            maxLength={4000}
            label={t('territory.neighbourhood.symbolicBorders')}
            description={t('territory.neighbourhood.symbolicBordersHint')}
            value={draft.symbolicBorders}
            readOnly={!editable}
            error={saveError.field('symbolicBorders')}
            onChange={(event) => setDraft({ ...draft, symbolicBorders: event.currentTarget.value })}
          />
        </Stack>
      </Card>
      {editable ? (
        <Stack gap="sm">
          {conflict ? (
            <Alert
              styles={readableAlert}
              color="orange"
              role="alert"
              title={t('territory.neighbourhood.conflictTitle')}
            >
              <Stack gap="xs" align="flex-start">
                <Text>{saveError.general}</Text>
                <Button
                  variant="light"
                  size="md"
                  onClick={async () => {
                    const current = await queryClient.fetchQuery({
                      ...neighbourhoodTerritoryQuery(neighbourhoodId),
                      staleTime: 0,
                    });
                    save.reset();
                    start(current);
                  }}
                >
                  {t('territory.neighbourhood.loadCurrent')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <FormAlert message={saveError.general} />
          )}
          <Group gap="sm">
            <Button
              size="md"
              disabled={!unsaved}
              loading={save.isPending}
              onClick={() => save.mutate(draft)}
              leftSection={<IconDeviceFloppy aria-hidden size={20} />}
            >
              {t('territory.neighbourhood.save')}
            </Button>
            <SavedNotice show={save.isSuccess && !unsaved} message={t('territory.neighbourhood.saved')} />
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
