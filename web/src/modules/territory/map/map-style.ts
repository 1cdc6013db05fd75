import type { StyleSpecification } from 'maplibre-gl';

/** The ground colour when no basemap is configured: a pale paper the sectors stand out on. */
const paper = '#f4f1ea';

/**
 * The map's starting style (issue 6, point 7). With no basemap: one background layer, no external
 * source and no glyphs, so nothing leaves the server and the CSP has nothing to allow. A raster tile
 * template (`…/{z}/{x}/{y}.png`) becomes a raster source; any other URL is a MapLibre style, loaded
 * as is (our layers are added on top of it).
 */
export function baseStyle(basemapUrl: string | null | undefined): StyleSpecification | string {
  if (basemapUrl && !/\{z\}/.test(basemapUrl)) return basemapUrl;
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'paper', type: 'background', paint: { 'background-color': paper } }],
  };
  if (basemapUrl) {
    style.sources.basemap = { type: 'raster', tiles: [basemapUrl], tileSize: 256, maxzoom: 19 };
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  return style;
}

/** The origin of the basemap, for the attribution line ("Fond de carte : tiles.example.org"). */
export function basemapOrigin(basemapUrl: string | null | undefined): string | null {
  if (!basemapUrl) return null;
  try {
    return new URL(basemapUrl.replaceAll(/[{}]/g, '')).host;
  } catch {
    return null;
  }
}
