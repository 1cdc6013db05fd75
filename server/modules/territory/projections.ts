import proj4 from 'proj4';

/**
 * The projections statistical sectors are published in, as proj4 definitions (from the EPSG
 * registry): Statbel's sectors (Belgian Lambert 72 and 2008), Québec Lambert (MRNF), Statistics
 * Canada's Lambert (dissemination areas), and the web's. Everything is stored in WGS84.
 */
const definitions: Record<string, string> = {
  'EPSG:31370':
    '+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 +lat_2=49.8333339 +x_0=150000.013 +y_0=5400088.438 +ellps=intl +towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs',
  'EPSG:3812':
    '+proj=lcc +lat_0=50.797815 +lon_0=4.35921583333333 +lat_1=49.8333333333333 +lat_2=51.1666666666667 +x_0=649328 +y_0=665262 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:32198': '+proj=lcc +lat_0=44 +lon_0=-68.5 +lat_1=60 +lat_2=46 +x_0=0 +y_0=0 +datum=NAD83 +units=m +no_defs',
  'EPSG:3347':
    '+proj=lcc +lat_0=63.390675 +lon_0=-91.8666666666667 +lat_1=49 +lat_2=77 +x_0=6200000 +y_0=3000000 +datum=NAD83 +units=m +no_defs',
  'EPSG:4269': '+proj=longlat +datum=NAD83 +no_defs',
};
for (const [code, definition] of Object.entries(definitions)) proj4.defs(code, definition);

/** Codes Relais reprojects from, WGS84 included (EPSG:4326, and the web's EPSG:3857). */
export const knownProjections = ['EPSG:4326', 'EPSG:3857', ...Object.keys(definitions)] as const;

/**
 * The EPSG code a GeoJSON `crs` member or a user names: "EPSG:31370", "epsg:31370", "31370",
 * "urn:ogc:def:crs:EPSG::31370", "urn:ogc:def:crs:OGC:1.3:CRS84" (WGS84). Null when unknown.
 */
export function projectionCode(name: string): string | null {
  const text = name.trim();
  if (/CRS84$/i.test(text)) return 'EPSG:4326';
  if (!/^\d+$/.test(text) && !/EPSG/i.test(text)) return null;
  const number = /(\d+)$/.exec(text)?.[1];
  if (!number) return null;
  const code = `EPSG:${number}`;
  if (code === 'EPSG:900913' || code === 'EPSG:102100') return 'EPSG:3857';
  return (knownProjections as readonly string[]).includes(code) ? code : null;
}

export type Position = [number, number];

/** A function from the projection's coordinates to WGS84 longitude/latitude. */
export function toWgs84(code: string): (position: Position) => Position {
  if (code === 'EPSG:4326') return (position) => [position[0], position[1]];
  const converter = proj4(code, 'EPSG:4326');
  return (position) => converter.forward([position[0], position[1]]) as Position;
}

/** The other way, for tests and exports in a local projection. */
export function fromWgs84(code: string): (position: Position) => Position {
  if (code === 'EPSG:4326') return (position) => [position[0], position[1]];
  const converter = proj4('EPSG:4326', code);
  return (position) => converter.forward([position[0], position[1]]) as Position;
}
