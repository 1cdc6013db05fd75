import { eq, inArray } from 'drizzle-orm';
import { type Flavour, fakerFor } from '../../../scripts/generate/random.ts';
import { territorySectors } from '../../../scripts/generate/territory-sectors.ts';
import type { Row, TableRows } from '../../../scripts/generate/types.ts';
import { neighbourhoodSectors, neighbourhoods, places } from '../../db/schema/index.ts';
import { insertRows } from '../bulk-insert.ts';
import { readTables, runnerOf } from '../catalog.ts';
import { demoTeams, teamIdByCode } from './territories.ts';
import type { DemoStep } from './types.ts';

/**
 * Statistical sectors for each demo neighbourhood (six each, sharing borders, with two census
 * years of indicators), their outlines and borders, made by the generator's module. Skipped for a
 * team whose neighbourhoods already have sectors.
 */
export const territoryStep: DemoStep = {
  name: 'sectors and indicators / secteurs et indicateurs',
  async run({ db, report }) {
    const tables = await readTables(runnerOf(db));
    for (const [index, team] of demoTeams.entries()) {
      const teamId = await teamIdByCode(db, team.code);
      if (!teamId) continue;
      const hoods = await db.select().from(neighbourhoods).where(eq(neighbourhoods.teamId, teamId));
      if (hoods.length === 0) continue;
      const [drawn] = await db
        .select({ id: neighbourhoodSectors.sectorId })
        .from(neighbourhoodSectors)
        .where(
          inArray(
            neighbourhoodSectors.neighbourhoodId,
            hoods.map((h) => h.id),
          ),
        )
        .limit(1);
      if (drawn) {
        report(`sectors of ${team.code} exist / existent`);
        continue;
      }
      const flavour: Flavour = index === 0 ? 'sherbrooke' : 'brussels';
      const teamPlaces = await db
        .select({ id: places.id, neighbourhood_id: places.neighbourhoodId, latitude: places.latitude })
        .from(places)
        .where(eq(places.teamId, teamId));
      const rows: TableRows = {
        neighbourhoods: hoods.map((h) => ({ id: h.id, name: h.name })),
        places: teamPlaces.map((place) => ({ ...place })),
      };
      const add = (table: string, ...added: Row[]) => {
        rows[table] = [...(rows[table] ?? []), ...added];
      };
      territorySectors.generate({
        faker: fakerFor('demo-territory', index, flavour),
        flavour,
        seed: 'demo',
        tag: 'demo',
        teamIndex: index,
        rows,
        passwordHash: '',
        add,
      });
      await db.transaction(async (tx) => {
        const run = runnerOf(tx);
        for (const table of tables) {
          if (table.name === 'neighbourhoods' || table.name === 'places') continue;
          await insertRows(run, table, rows[table.name] ?? []);
        }
        // The places were already there: only their spot on the map is new.
        for (const place of rows.places ?? []) {
          if (place.latitude == null) continue;
          await tx
            .update(places)
            .set({ latitude: Number(place.latitude), longitude: Number(place.longitude) })
            .where(eq(places.id, String(place.id)));
        }
      });
      report(`sectors of ${team.code}: ${rows.sectors?.length ?? 0} sectors / secteurs`);
    }
  },
};
