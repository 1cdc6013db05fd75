import { uuidv7 } from '../../core/uuid.ts';
import type { Database } from '../db/client.ts';
import { sectors } from '../db/schema/index.ts';

let sequence = 0;

/** A square sector of 0.01° whose south-west corner is (lon, lat): neighbours share an edge. */
export async function buildSector(
  db: Database,
  fields: { code?: string; name?: string; lon?: number; lat?: number } = {},
): Promise<typeof sectors.$inferSelect> {
  const lon = fields.lon ?? 4.35;
  const lat = fields.lat ?? 50.84;
  const ring: [number, number][] = [
    [lon, lat],
    [lon + 0.01, lat],
    [lon + 0.01, lat + 0.01],
    [lon, lat + 0.01],
    [lon, lat],
  ];
  const [row] = await db
    .insert(sectors)
    .values({
      id: uuidv7(),
      code: fields.code ?? `S-${++sequence}-${uuidv7().slice(-6)}`,
      name: fields.name ?? null,
      geometry: [[ring]],
      west: lon,
      south: lat,
      east: lon + 0.01,
      north: lat + 0.01,
      areaSquareMetres: 780_000,
      projection: 'EPSG:4326',
    })
    .returning();
  return row as typeof sectors.$inferSelect;
}
