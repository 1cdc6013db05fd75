import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { useCurrentUser } from '../../api/session.ts';
import { neighbourhoodsQuery } from '../directory/data.ts';
import { neighbourhoodTerritoryQuery, sectorsQuery } from './data.ts';
import type { MapOutline, MapSector } from './map/layers.ts';

/** The neighbourhoods a person works in (an admin: all of them). */
export function useMyNeighbourhoods() {
  const user = useCurrentUser();
  const all = useQuery(neighbourhoodsQuery);
  const teamIds = new Set(user.teams.map((team) => team.id));
  const mine = (all.data?.items ?? []).filter((n) => user.role === 'admin' || teamIds.has(n.teamId));
  return { neighbourhoods: mine, isPending: all.isPending };
}

/** Who may draw a neighbourhood: its team's coordinator, or an admin (the server checks again). */
export function canDraw(user: CurrentUser, teamId: string): boolean {
  return user.role === 'admin' || (user.role === 'coordinator' && user.teams.some((team) => team.id === teamId));
}

/** The outlines of these neighbourhoods, for drawing over a map. */
export function useOutlines(ids: string[]): MapOutline[] {
  return useQueries({
    queries: ids.map((id) => neighbourhoodTerritoryQuery(id)),
    combine: (territories) =>
      territories.flatMap((territory) =>
        territory.data?.outline ? [{ id: territory.data.neighbourhoodId, coordinates: territory.data.outline }] : [],
      ),
  });
}

/** Every sector, unfilled: the ground a map of places stands on when there is no basemap. */
export function useSectorGround(): MapSector[] {
  const sectors = useQuery(sectorsQuery);
  return useMemo(
    () =>
      (sectors.data?.features ?? []).map((feature) => ({
        id: feature.id,
        coordinates: feature.geometry.coordinates,
        fill: null,
      })),
    [sectors.data],
  );
}
