import { describe, expect, it } from 'vitest';
import { fromWgs84, type Position, projectionCode } from './projections.ts';
import { areaOf, outlineOf, readSectors } from './sectors.geojson.ts';

/** A square of about 1 km around a point, in WGS84, then in the projection a publisher uses. */
function square(lon: number, lat: number, size = 0.01): Position[] {
  return [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ];
}

function collection(rings: Position[][], code: string, crs?: string, properties: Record<string, unknown>[] = []) {
  const project = fromWgs84(code);
  return {
    type: 'FeatureCollection',
    ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
    features: rings.map((ring, index) => ({
      type: 'Feature',
      properties: properties[index] ?? { code: `S${index + 1}`, name: `Secteur ${index + 1}` },
      geometry: { type: 'Polygon', coordinates: [ring.map(project)] },
    })),
  };
}

describe('statistical sectors from GeoJSON', () => {
  it('puts known places where they are in Belgian Lambert 72 and 2008, Québec Lambert and Statistics Canada Lambert', () => {
    // Brussels' Grand-Place and Sherbrooke's city hall, as the national grids place them (±2 km).
    const brussels: Position = [4.3525, 50.8467];
    const [x72, y72] = fromWgs84('EPSG:31370')(brussels);
    expect(x72).toBeGreaterThan(147_000);
    expect(x72).toBeLessThan(151_000);
    expect(y72).toBeGreaterThan(169_000);
    expect(y72).toBeLessThan(173_000);
    const [x08, y08] = fromWgs84('EPSG:3812')(brussels);
    expect(x08 - x72).toBeCloseTo(500_000, -3);
    expect(y08 - y72).toBeCloseTo(500_000, -3);
    const sherbrooke: Position = [-71.8929, 45.4042];
    const [xq, yq] = fromWgs84('EPSG:32198')(sherbrooke);
    expect(xq).toBeGreaterThan(-290_000);
    expect(xq).toBeLessThan(-240_000);
    expect(yq).toBeGreaterThan(130_000);
    expect(yq).toBeLessThan(190_000);
    const [xc, yc] = fromWgs84('EPSG:3347')(sherbrooke);
    expect(xc).toBeGreaterThan(7_500_000);
    expect(xc).toBeLessThan(7_900_000);
    expect(yc).toBeGreaterThan(1_100_000);
    expect(yc).toBeLessThan(1_400_000);
  });

  for (const [code, crs, lon, lat] of [
    ['EPSG:31370', 'urn:ogc:def:crs:EPSG::31370', 4.35, 50.84],
    ['EPSG:3812', 'EPSG:3812', 4.35, 50.84],
    ['EPSG:32198', 'urn:ogc:def:crs:EPSG::32198', -71.89, 45.4],
    ['EPSG:3347', 'EPSG:3347', -71.89, 45.4],
    ['EPSG:3857', 'EPSG:3857', -71.89, 45.4],
    ['EPSG:4326', 'urn:ogc:def:crs:OGC:1.3:CRS84', 4.35, 50.84],
  ] as const) {
    it(`reads sectors published in ${code} back to WGS84`, () => {
      const read = readSectors(collection([square(lon, lat), square(lon + 0.01, lat)], code, crs));
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.projection).toBe(code);
      expect(read.sectors.map((s) => s.code)).toEqual(['S1', 'S2']);
      const [first] = read.sectors[0]!.geometry[0]![0]!;
      expect(first![0]).toBeCloseTo(lon, 6);
      expect(first![1]).toBeCloseTo(lat, 6);
    });
  }

  it('guesses Statbel’s and Statistics Canada’s property names, or takes the ones given', () => {
    const statbel = readSectors(
      collection([square(4.35, 50.84)], 'EPSG:31370', 'EPSG:31370', [
        { CD_SECTOR: '21004A00-', TX_SECTOR_DESCR_FR: 'BRUXELLES-CENTRE' },
      ]),
    );
    expect(statbel.ok && [statbel.codeProperty, statbel.nameProperty, statbel.sectors[0]!.name]).toEqual([
      'CD_SECTOR',
      'TX_SECTOR_DESCR_FR',
      'BRUXELLES-CENTRE',
    ]);
    const canada = readSectors(collection([square(-71.89, 45.4)], 'EPSG:3347', 'EPSG:3347', [{ DAUID: '24430123' }]));
    expect(canada.ok && canada.sectors[0]!.code).toBe('24430123');
    const chosen = readSectors(collection([square(4.35, 50.84)], 'EPSG:4326', undefined, [{ secteur: 'A1' }]), {
      codeProperty: 'secteur',
    });
    expect(chosen.ok && chosen.sectors[0]!.code).toBe('A1');
  });

  it('refuses an unknown projection, coordinates off the globe and malformed polygons, naming the feature', () => {
    const unknown = readSectors(collection([square(4.35, 50.84)], 'EPSG:4326', 'EPSG:27700'));
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.problems[0]!.message.fr).toContain('Projection inconnue');
    // Lambert metres read as if they were degrees.
    const wrong = readSectors(collection([square(4.35, 50.84)], 'EPSG:31370'));
    expect(!wrong.ok && wrong.problems[0]!.message.en).toContain('off the globe');
    const open = collection([square(4.35, 50.84), square(4.36, 50.84)], 'EPSG:4326');
    (open.features[1]!.geometry.coordinates[0] as Position[]).pop();
    const notClosed = readSectors(open);
    expect(!notClosed.ok && notClosed.problems).toEqual([
      expect.objectContaining({
        feature: 1,
        message: expect.objectContaining({ en: expect.stringContaining('closed') }),
      }),
    ]);
    const point = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: 'P' }, geometry: { type: 'Point', coordinates: [4, 50] } }],
    };
    expect(readSectors(point).ok).toBe(false);
    const twice = readSectors(
      collection([square(4.35, 50.84), square(4.36, 50.84)], 'EPSG:4326', undefined, [{ code: 'X' }, { code: 'X' }]),
    );
    expect(!twice.ok && twice.problems[0]!.message.fr).toContain('deux fois');
    expect(readSectors({ type: 'Feature' }).ok).toBe(false);
    expect(readSectors(null).ok).toBe(false);
  });

  it('dissolves the shared border of two sectors into one outline, and measures it', () => {
    const read = readSectors(collection([square(4.35, 50.84), square(4.36, 50.84)], 'EPSG:4326'));
    if (!read.ok) throw new Error('unreadable');
    const outline = outlineOf(read.sectors.map((s) => s.geometry));
    expect(outline).toHaveLength(1);
    expect(outline[0]).toHaveLength(1);
    const area = areaOf(outline);
    // Two squares of 0.01° at 50.84°N: about 2 × 1.11 km × 0.70 km.
    expect(area / 1e6).toBeGreaterThan(1.5);
    expect(area / 1e6).toBeLessThan(1.6);
    expect(areaOf(read.sectors[0]!.geometry) * 2).toBeCloseTo(area, -3);
  });

  it('names EPSG codes however a file writes them', () => {
    expect(projectionCode('urn:ogc:def:crs:EPSG::31370')).toBe('EPSG:31370');
    expect(projectionCode('urn:ogc:def:crs:EPSG:6.6:3347')).toBe('EPSG:3347');
    expect(projectionCode('epsg:32198')).toBe('EPSG:32198');
    expect(projectionCode('4326')).toBe('EPSG:4326');
    expect(projectionCode('EPSG:900913')).toBe('EPSG:3857');
    expect(projectionCode('Lambert')).toBeNull();
  });
});
