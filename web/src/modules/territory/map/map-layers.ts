import type { Feature, FeatureCollection } from 'geojson';
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { outlineColor } from './colors.ts';
import type { MapOutline, MapPoint, MapSector, MapTap } from './layers.ts';

/** A sector with no value for the indicator shown: a neutral grey, not a class colour. */
export const noValueFill = '#e2ded6';

type Collection = FeatureCollection;
const collection = (features: Feature[]): Collection => ({ type: 'FeatureCollection', features });

export function sectorsData(sectors: MapSector[]): Collection {
  return collection(
    sectors.map((sector) => ({
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: sector.coordinates },
      properties: { id: sector.id, fill: sector.fill ?? noValueFill },
    })),
  );
}

export function outlinesData(outlines: MapOutline[]): Collection {
  return collection(
    outlines.map((outline) => ({
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: outline.coordinates },
      properties: { id: outline.id },
    })),
  );
}

export function pointsData(points: MapPoint[]): Collection {
  return collection(
    points.map((point) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [point.longitude, point.latitude] },
      properties: { id: point.id, radius: point.radius, color: point.color },
    })),
  );
}

export function pendingData(pending: MapTap | null): Collection {
  return collection(
    pending
      ? [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [pending.longitude, pending.latitude] },
            properties: {},
          },
        ]
      : [],
  );
}

export const tappableLayers = ['places', 'sectors-fill'];

/** A filter keeping the sectors with these ids. */
export function selectionFilter(ids: string[]): FilterSpecification {
  return ['in', ['get', 'id'], ['literal', ids]];
}

/** Outlines (and fills, with a colour) the picked sectors: a style change, no data sent again. */
export function showSelection(map: MapLibreMap, ids: string[], fill: string | undefined): void {
  if (!map.getLayer('sectors-selected')) return;
  map.setFilter('sectors-selected', selectionFilter(ids));
  map.setFilter('sectors-selected-fill', selectionFilter(ids));
  map.setPaintProperty('sectors-selected-fill', 'fill-color', fill ?? '#000000');
  map.setPaintProperty('sectors-selected-fill', 'fill-opacity', fill ? 0.85 : 0);
}

/**
 * The territory's layers, over whatever style is loaded. Circles and lines only: a map with no
 * basemap has no glyphs, so names are shown in the page around the map, never as map text.
 */
export function addTerritoryLayers(map: MapLibreMap): void {
  const empty = collection([]);
  for (const id of ['sectors', 'outlines', 'places', 'pending'])
    if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: empty });
  map.addLayer({
    id: 'sectors-fill',
    type: 'fill',
    source: 'sectors',
    paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': 0.8 },
  });
  map.addLayer({
    id: 'sectors-line',
    type: 'line',
    source: 'sectors',
    paint: { 'line-color': '#5f5a50', 'line-width': 0.8 },
  });
  map.addLayer({
    id: 'sectors-selected-fill',
    type: 'fill',
    source: 'sectors',
    filter: selectionFilter([]),
    paint: { 'fill-color': '#8fd0b4', 'fill-opacity': 0 },
  });
  map.addLayer({
    id: 'sectors-selected',
    type: 'line',
    source: 'sectors',
    filter: selectionFilter([]),
    paint: { 'line-color': '#0a3d62', 'line-width': 3.5 },
  });
  map.addLayer({
    id: 'outlines',
    type: 'line',
    source: 'outlines',
    paint: { 'line-color': outlineColor, 'line-width': 3, 'line-dasharray': [2, 1] },
  });
  map.addLayer({
    id: 'places',
    type: 'circle',
    source: 'places',
    paint: {
      'circle-radius': ['get', 'radius'],
      'circle-color': ['get', 'color'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: 'pending',
    type: 'circle',
    source: 'pending',
    paint: {
      'circle-radius': 11,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': '#1b1b1b',
      'circle-stroke-width': 3,
    },
  });
}
