import 'maplibre-gl/dist/maplibre-gl.css';
import { type GeoJSONSource, Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { boundsOf, type MapSector, type TerritoryMapProps } from './layers.ts';
import {
  addTerritoryLayers,
  outlinesData,
  pendingData,
  pointsData,
  sectorsData,
  showSelection,
  tappableLayers,
} from './map-layers.ts';
import { basemapOrigin, baseStyle } from './map-style.ts';

// Bundled, MapLibre would look for its worker beside its own chunk: point it at the copied file
// (same origin, so the CSP's worker-src 'self' covers it).
setWorkerUrl(workerUrl);

export type MapViewProps = TerritoryMapProps & {
  basemapUrl: string | null;
  controlLabels: { zoomIn: string; zoomOut: string };
  onFailure: () => void;
};

/** How far around a finger a tap still hits a place's dot, in pixels. */
const fingerSlack = 14;

/** The MapLibre map itself, loaded lazily by TerritoryMap: GeoJSON layers over a plain ground or a basemap. */
export default function MapView(props: MapViewProps) {
  const { basemapUrl, height = 360 } = props;
  const container = useRef<HTMLElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [styled, setStyled] = useState(0);
  const [state, setState] = useState<'loading' | 'ready'>('loading');

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: element,
        style: baseStyle(basemapUrl),
        center: [0, 30],
        zoom: 1,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        attributionControl: basemapUrl ? { compact: true, customAttribution: basemapOrigin(basemapUrl) ?? '' } : false,
        locale: {
          'NavigationControl.ZoomIn': latest.current.controlLabels.zoomIn,
          'NavigationControl.ZoomOut': latest.current.controlLabels.zoomOut,
        },
      });
    } catch {
      latest.current.onFailure();
      return;
    }
    mapRef.current = map;
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    let fellBack = !basemapUrl;
    map.on('style.load', () => {
      addTerritoryLayers(map);
      setStyled((count) => count + 1);
    });
    map.on('error', (event) => {
      // A basemap style that cannot be read (offline, refused by the CSP): the plain ground instead.
      if (!fellBack && !map.isStyleLoaded()) {
        fellBack = true;
        map.setStyle(baseStyle(null));
      }
      console.warn('map:', event.error?.message);
    });
    map.on('idle', () => setState('ready'));
    map.getCanvas().addEventListener('webglcontextlost', () => latest.current.onFailure());
    map.on('click', (event) => {
      const { x, y } = event.point;
      const layers = tappableLayers.filter((id) => map.getLayer(id));
      const hits = map.queryRenderedFeatures(
        [
          [x - fingerSlack, y - fingerSlack],
          [x + fingerSlack, y + fingerSlack],
        ],
        { layers },
      );
      const place = hits.find((hit) => hit.layer.id === 'places');
      const sector = map.queryRenderedFeatures(event.point, { layers: ['sectors-fill'] })[0];
      const handlers = latest.current;
      if (place) handlers.onPointTap?.(String(place.properties.id));
      else if (sector) handlers.onSectorTap?.(String(sector.properties.id));
      handlers.onMapTap?.({ longitude: event.lngLat.lng, latitude: event.lngLat.lat });
    });
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, [basemapUrl]);

  const { sectors, outlines, points, pending, selectedIds, selectedFill } = props;
  // One effect per source: a new dot or a new selection never re-sends every sector's shape.
  const sendData = (id: string, data: Parameters<GeoJSONSource['setData']>[0]) => {
    const source = mapRef.current?.getSource(id) as GeoJSONSource | undefined;
    if (!source) return;
    // Ready again at the next idle, once the new data is drawn.
    setState('loading');
    source.setData(data);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: `styled` re-sends the data to a new style.
  useEffect(() => sendData('sectors', sectorsData(sectors ?? [])), [styled, sectors]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above.
  useEffect(() => sendData('outlines', outlinesData(outlines ?? [])), [styled, outlines]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above.
  useEffect(() => sendData('places', pointsData(points ?? [])), [styled, points]);
  // By value: pages pass a new object for the same spot on every render.
  const pendingLatitude = pending?.latitude;
  const pendingLongitude = pending?.longitude;
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above.
  useEffect(
    () =>
      sendData(
        'pending',
        pendingData(
          pendingLatitude === undefined || pendingLongitude === undefined
            ? null
            : { latitude: pendingLatitude, longitude: pendingLongitude },
        ),
      ),
    [styled, pendingLatitude, pendingLongitude],
  );
  useEffect(() => {
    const map = mapRef.current;
    if (map && styled > 0) showSelection(map, selectedIds ?? [], selectedFill);
  }, [styled, selectedIds, selectedFill]);

  // Frame the map when what it shows changes (not when only colours or selections do).
  const frame = shapeSignature(sectors, outlines, points);
  const framed = useRef('');
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styled === 0 || frame === framed.current) return;
    const { sectors: all, outlines, points } = latest.current;
    // The team's own neighbourhoods first, else every sector; places always in view.
    const bounds = outlines?.length ? boundsOf({ outlines, points }) : boundsOf({ sectors: all, points });
    if (!bounds) return;
    framed.current = frame;
    setState('loading');
    const [west, south, east, north] = bounds;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 24, duration: 0, maxZoom: 16 },
    );
  }, [styled, frame]);

  return (
    <section
      ref={container}
      aria-label={props.label}
      data-map-state={state}
      data-testid="territory-map"
      style={{ height, width: '100%', borderRadius: 8, overflow: 'hidden' }}
    />
  );
}

function shapeSignature(sectors?: MapSector[], outlines?: { id: string }[], points?: { id: string }[]): string {
  // Framing follows the shapes, not the dots, once there are shapes: a new dot must not make the map jump.
  const shapes = (outlines?.length ? outlines : (sectors ?? [])).map((shape) => shape.id);
  return shapes.length ? shapes.join(',') : (points ?? []).map((point) => point.id).join(',');
}
