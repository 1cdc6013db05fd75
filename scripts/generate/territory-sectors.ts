import { areaOf, type MultiPolygon, outlineOf } from '../../server/modules/territory/sectors.geojson.ts';
import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const centres = { sherbrooke: [-71.9, 45.38], brussels: [4.3, 50.82] } as const;
const width = 0.006;
const height = 0.004;
const years = [2021, 2023];

const round = (value: number) => Math.round(value * 1e7) / 1e7;

/**
 * Statistical sectors shaped like the real ones (a few hundred metres across, sharing their
 * borders), six per neighbourhood, with the indicators seed 004 chooses a neighbourhood with —
 * population, median income, diabetes, density, people over 65, household size, deprivation
 * quintile — for two census years, drawn from one hidden "need" per sector so they agree. The
 * team's places without coordinates get a spot inside their neighbourhood's sectors.
 */
export const territorySectors: GeneratorModule = {
  name: 'statistical sectors and indicators',
  generate({ faker, flavour, tag, teamIndex, rows, add }) {
    const hoods = rows.neighbourhoods ?? [];
    const [lon0, lat0] = centres[flavour];
    const originLon = lon0 + (teamIndex % 20) * 0.08;
    const originLat = lat0 + Math.floor(teamIndex / 20) * 0.05;
    const at = faker.date.past({ years: 2 }).toISOString();
    hoods.forEach((hood, k) => {
      const geometries: MultiPolygon[] = [];
      for (let i = 0; i < 6; i++) {
        const west = round(originLon + k * 3 * width + (i % 3) * width);
        const south = round(originLat + Math.floor(i / 3) * height);
        const geometry: MultiPolygon = [
          [
            [
              [west, south],
              [round(west + width), south],
              [round(west + width), round(south + height)],
              [west, round(south + height)],
              [west, south],
            ],
          ],
        ];
        geometries.push(geometry);
        const area = areaOf(geometry);
        const sector: Row = {
          id: uuidv7From(faker, new Date(at)),
          code: `g${tag}-${String(teamIndex + 1).padStart(4, '0')}-${k + 1}${String.fromCharCode(65 + i)}`,
          name: `${hood.name} ${String.fromCharCode(65 + i)}`,
          geometry,
          west,
          south,
          east: round(west + width),
          north: round(south + height),
          area_square_metres: area,
          source: 'Générateur Relais',
          projection: 'EPSG:4326',
          properties: {},
          imported_by: null,
          imported_at: at,
        };
        add('sectors', sector);
        add('neighbourhood_sectors', { neighbourhood_id: hood.id, sector_id: sector.id });
        addIndicators(add, sector.id as string, area, faker.number.float({ min: 0, max: 1 }), (range) =>
          faker.number.float(range),
        );
      }
      // The team's places in this neighbourhood stand somewhere inside its sectors (public spots).
      for (const place of rows.places ?? []) {
        if (place.neighbourhood_id !== hood.id || place.latitude != null) continue;
        place.longitude = round(originLon + k * 3 * width + faker.number.float({ min: 0.1, max: 2.9 }) * width);
        place.latitude = round(originLat + faker.number.float({ min: 0.1, max: 1.9 }) * height);
      }
      const outline = outlineOf(geometries);
      add('neighbourhood_territories', {
        neighbourhood_id: hood.id,
        outline,
        area_square_metres: areaOf(outline),
        real_borders: faker.helpers.arrayElement([
          'La rivière au nord, le boulevard à l’ouest.',
          'Le canal et la voie ferrée.',
          null,
        ]),
        symbolic_borders: faker.helpers.arrayElement([
          'Les familles des tours ne descendent pas vers le parc.',
          'La rue commerçante sépare deux quartiers vécus.',
          null,
        ]),
        version: 1,
        updated_by: null,
        updated_at: at,
      });
    });
  },
};

function addIndicators(
  add: (table: string, ...rows: Row[]) => void,
  sectorId: string,
  area: number,
  need: number,
  noise: (range: { min: number; max: number }) => number,
) {
  for (const year of years) {
    const drift = year === years[0] ? 1 : 1.04;
    const population = Math.round((1400 + need * 2600 + noise({ min: -200, max: 200 })) * drift);
    const values: Record<string, number> = {
      population,
      median_income: Math.round((44_000 - need * 26_000 + noise({ min: -1500, max: 1500 })) * drift),
      diabetes_rate: Math.round((0.045 + need * 0.07 + noise({ min: -0.005, max: 0.005 })) * 1000) / 1000,
      density: Math.round(population / (area / 1e6)),
      share_over_65: Math.round((0.1 + noise({ min: 0, max: 0.18 })) * 1000) / 1000,
      household_size: Math.round((2.9 - need * 1.1 + noise({ min: -0.15, max: 0.15 })) * 100) / 100,
      deprivation_quintile: Math.min(5, 1 + Math.floor(need * 5)),
    };
    for (const [indicator, value] of Object.entries(values))
      add('indicator_values', {
        sector_id: sectorId,
        indicator,
        year,
        value,
        source: indicator === 'diabetes_rate' ? 'Santé publique (synthétique)' : 'Recensement (synthétique)',
        imported_at: new Date(Date.UTC(year + 1, 5, 1)).toISOString(),
      });
  }
}
