/**
 * What a territory map draws, in plain data: pages build these without loading MapLibre (which is
 * fetched only when a map is on screen).
 */
export type Ring = [number, number][];
export type MultiPolygonCoordinates = Ring[][];

/** A statistical sector and its fill (a choropleth class, or none). */
export type MapSector = {
  id: string;
  coordinates: MultiPolygonCoordinates;
  fill: string | null;
};

/** A neighbourhood's outline, drawn as a line over the sectors. */
export type MapOutline = { id: string; coordinates: MultiPolygonCoordinates };

/** A place (never a person): a dot sized and coloured by the page. */
export type MapPoint = { id: string; longitude: number; latitude: number; radius: number; color: string };

export type MapTap = { longitude: number; latitude: number };

export type TerritoryMapProps = {
  /** Read by screen readers: what the map shows ("Carte des secteurs, revenu médian 2021"). */
  label: string;
  sectors?: MapSector[];
  /**
   * Sectors picked (outlined, and filled with `selectedFill` when given). Kept apart from `sectors`
   * so a tap restyles the map without sending every shape to MapLibre's worker again.
   */
  selectedIds?: string[];
  selectedFill?: string;
  outlines?: MapOutline[];
  points?: MapPoint[];
  onSectorTap?: (sectorId: string) => void;
  onPointTap?: (pointId: string) => void;
  /** Any tap on the map, with where (to place a new spot); called after sector and point taps. */
  onMapTap?: (tap: MapTap) => void;
  /** A marker for the spot being chosen (a new place), drawn as a ring. */
  pending?: MapTap | null;
  height?: number;
};

/** West, south, east, north of everything drawn; null when there is nothing. */
export function boundsOf(props: Pick<TerritoryMapProps, 'sectors' | 'outlines' | 'points'>) {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  const take = (lon: number, lat: number) => {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  };
  const shapes = [...(props.sectors ?? []), ...(props.outlines ?? [])];
  for (const shape of shapes)
    for (const polygon of shape.coordinates) for (const [lon, lat] of polygon[0] ?? []) take(lon, lat);
  for (const point of props.points ?? []) take(point.longitude, point.latitude);
  return Number.isFinite(west) ? ([west, south, east, north] as const) : null;
}
