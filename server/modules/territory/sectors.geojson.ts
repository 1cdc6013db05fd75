import polygonClipping from 'polygon-clipping';
import { type LocalizedText, text } from '../../../core/localized.ts';
import { type Position, projectionCode, toWgs84 } from './projections.ts';

/**
 * Reading statistical sectors from GeoJSON (issue 6): any common projection, reprojected to WGS84;
 * every feature checked, and the whole file refused when one is bad, with where and why.
 */
export type MultiPolygon = Position[][][];
export type Sector = { code: string; name: string | null; geometry: MultiPolygon; properties: Record<string, unknown> };
export type SectorProblem = { feature: number | null; message: LocalizedText };
export type ReadSectors =
  | { ok: true; projection: string; sectors: Sector[]; codeProperty: string; nameProperty: string | null }
  | { ok: false; problems: SectorProblem[] };

/** Property names publishers use for a sector's code and name (Statbel, Statistics Canada, ISQ…). */
const codeCandidates = ['code', 'CD_SECTOR', 'cd_sector', 'DAUID', 'DGUID', 'ADIDU', 'CODE', 'id', 'ID'];
const nameCandidates = ['name', 'nom', 'NOM', 'TX_SECTOR_DESCR_FR', 'tx_sector_descr_fr', 'NAME', 'label'];

const MAX_PROBLEMS = 20;
const round = (value: number) => Math.round(value * 1e7) / 1e7;

type Options = { projection?: string; codeProperty?: string; nameProperty?: string };

function problem(feature: number | null, fr: string, en: string): SectorProblem {
  return { feature, message: text(fr, en) };
}

/** The file's projection: the one the person chose, else the file's `crs` member, else WGS84. */
function projectionOf(document: Record<string, unknown>, chosen: string | undefined): string | SectorProblem {
  const named =
    chosen ?? ((document.crs as { properties?: { name?: unknown } })?.properties?.name as string | undefined);
  if (named === undefined) return 'EPSG:4326';
  const code = projectionCode(String(named));
  return (
    code ??
    problem(
      null,
      `Projection inconnue : ${String(named)}. Relais lit EPSG:4326, 3857, 31370, 3812, 32198, 3347 et 4269.`,
      `Unknown projection: ${String(named)}. Relais reads EPSG:4326, 3857, 31370, 3812, 32198, 3347 and 4269.`,
    )
  );
}

/** Polygon rings as the file has them, checked: closed, at least four positions, finite numbers. */
function ringsOf(geometry: unknown, feature: number): MultiPolygon | SectorProblem {
  const shape = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!shape || (shape.type !== 'Polygon' && shape.type !== 'MultiPolygon'))
    return problem(
      feature,
      `Le secteur n’est pas un polygone (type ${String(shape?.type ?? 'absent')}).`,
      `The sector is not a polygon (type ${String(shape?.type ?? 'missing')}).`,
    );
  const polygons = (shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0)
    return problem(feature, 'Le polygone n’a pas de coordonnées.', 'The polygon has no coordinates.');
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0)
      return problem(feature, 'Un polygone est vide.', 'A polygon is empty.');
    for (const ring of polygon as unknown[]) {
      if (!Array.isArray(ring) || ring.length < 4)
        return problem(feature, 'Un contour a moins de quatre points.', 'A ring has fewer than four positions.');
      for (const position of ring as unknown[])
        if (
          !Array.isArray(position) ||
          position.length < 2 ||
          !Number.isFinite(position[0]) ||
          !Number.isFinite(position[1])
        )
          return problem(feature, 'Une coordonnée n’est pas un nombre.', 'A coordinate is not a number.');
      const first = ring[0] as number[];
      const last = ring.at(-1) as number[];
      if (first[0] !== last[0] || first[1] !== last[1])
        return problem(
          feature,
          'Un contour n’est pas fermé (le dernier point doit répéter le premier).',
          'A ring is not closed (its last position must repeat the first).',
        );
    }
  }
  return polygons as MultiPolygon;
}

/** The ring's coordinates in WGS84, or a problem when they land off the globe (wrong projection). */
function reproject(polygons: MultiPolygon, convert: (p: Position) => Position, feature: number) {
  const out: MultiPolygon = [];
  for (const polygon of polygons) {
    const rings: Position[][] = [];
    for (const ring of polygon) {
      const converted: Position[] = [];
      for (const position of ring) {
        const [lon, lat] = convert([position[0], position[1]]);
        if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
          return problem(
            feature,
            'Les coordonnées ne tombent pas sur la Terre : la projection indiquée n’est sans doute pas la bonne.',
            'The coordinates fall off the globe: the projection given is probably not the right one.',
          );
        converted.push([round(lon), round(lat)]);
      }
      rings.push(converted);
    }
    out.push(rings);
  }
  return out;
}

function pick(properties: Record<string, unknown>[], wanted: string | undefined, candidates: string[]) {
  if (wanted) return wanted;
  return candidates.find((name) => properties.every((p) => p[name] !== undefined && p[name] !== null)) ?? null;
}

/** Reads a FeatureCollection of sectors; nothing is kept unless every feature is right. */
export function readSectors(document: unknown, options: Options = {}): ReadSectors {
  const collection = document as { type?: unknown; features?: unknown } | null;
  if (!collection || typeof collection !== 'object' || collection.type !== 'FeatureCollection')
    return {
      ok: false,
      problems: [
        problem(
          null,
          'Le fichier n’est pas une FeatureCollection GeoJSON.',
          'The file is not a GeoJSON FeatureCollection.',
        ),
      ],
    };
  const features = Array.isArray(collection.features) ? (collection.features as Record<string, unknown>[]) : [];
  if (features.length === 0)
    return {
      ok: false,
      problems: [problem(null, 'Le fichier ne contient aucun secteur.', 'The file holds no sector.')],
    };
  const projection = projectionOf(collection as Record<string, unknown>, options.projection);
  if (typeof projection !== 'string') return { ok: false, problems: [projection] };
  const properties = features.map((f) => (f?.properties ?? {}) as Record<string, unknown>);
  const codeProperty = pick(properties, options.codeProperty, codeCandidates);
  if (!codeProperty)
    return {
      ok: false,
      problems: [
        problem(
          null,
          `Aucune propriété ne donne le code de chaque secteur (essayé : ${codeCandidates.join(', ')}). Indiquez laquelle.`,
          `No property gives every sector's code (tried: ${codeCandidates.join(', ')}). Say which one.`,
        ),
      ],
    };
  const nameProperty = pick(properties, options.nameProperty, nameCandidates);
  const convert = toWgs84(projection);
  const problems: SectorProblem[] = [];
  const sectors: Sector[] = [];
  const seen = new Set<string>();
  features.forEach((feature, index) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const code = properties[index]![codeProperty];
    if (code === undefined || code === null || String(code).trim() === '') {
      problems.push(problem(index, `Le secteur n’a pas de ${codeProperty}.`, `The sector has no ${codeProperty}.`));
      return;
    }
    const key = String(code).trim();
    if (seen.has(key)) {
      problems.push(problem(index, `Le code ${key} apparaît deux fois.`, `The code ${key} appears twice.`));
      return;
    }
    seen.add(key);
    const rings = ringsOf(feature?.geometry, index);
    if (!Array.isArray(rings)) {
      problems.push(rings);
      return;
    }
    const geometry = reproject(rings, convert, index);
    if (!Array.isArray(geometry)) {
      problems.push(geometry);
      return;
    }
    const name = nameProperty ? properties[index]![nameProperty] : null;
    sectors.push({
      code: key,
      name: name === null || name === undefined ? null : String(name),
      geometry,
      properties: properties[index]!,
    });
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, projection, sectors, codeProperty, nameProperty };
}

/** A neighbourhood's outline: the union of its sectors (shared borders dissolve). */
export function outlineOf(geometries: MultiPolygon[]): MultiPolygon {
  if (geometries.length === 0) return [];
  const [first, ...rest] = geometries as polygonClipping.MultiPolygon[];
  return polygonClipping.union(first!, ...rest) as MultiPolygon;
}

const EARTH_RADIUS = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Area in square metres on a spherical Earth (good to a fraction of a percent for a city's sectors). */
export function areaOf(geometry: MultiPolygon): number {
  let total = 0;
  for (const polygon of geometry)
    polygon.forEach((ring, index) => {
      let sum = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        const [lon1, lat1] = ring[i]!;
        const [lon2, lat2] = ring[i + 1]!;
        sum += radians(lon2 - lon1) * (2 + Math.sin(radians(lat1)) + Math.sin(radians(lat2)));
      }
      const area = Math.abs((sum * EARTH_RADIUS * EARTH_RADIUS) / 2);
      total += index === 0 ? area : -area;
    });
  return total;
}
