import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { neighbourhoods, teams } from '../../db/schema/index.ts';
import { createNeighbourhood } from '../../modules/neighbourhoods/neighbourhoods.service.ts';
import { createTeam } from '../../modules/teams/teams.service.ts';
import type { DemoStep } from './types.ts';

/** A Sherbrooke-like équipe d'intervention de quartier and a Brussels-like relais d'action de quartier. */
export const demoTeams = [
  {
    code: 'iq-ascot-jardins-fleuris',
    name: 'Équipe de quartier Ascot / Jardins-Fleuris',
    neighbourhoods: [
      { code: 'ascot', name: 'Ascot' },
      { code: 'jardins-fleuris', name: 'Jardins-Fleuris' },
    ],
  },
  {
    code: 'raq-cureghem-bockstael',
    name: 'Relais d’action de quartier Cureghem / Bockstael',
    neighbourhoods: [
      { code: 'cureghem', name: 'Cureghem' },
      { code: 'bockstael', name: 'Bockstael' },
    ],
  },
] as const;

export type DemoTeamCode = (typeof demoTeams)[number]['code'];

export async function teamIdByCode(db: Database, code: string): Promise<string | null> {
  const [row] = await db.select({ id: teams.id }).from(teams).where(eq(teams.code, code));
  return row?.id ?? null;
}

export const territoriesStep: DemoStep = {
  name: 'teams and neighbourhoods / équipes et quartiers',
  async run({ db, report }) {
    for (const team of demoTeams) {
      let teamId = await teamIdByCode(db, team.code);
      if (teamId) report(`team ${team.code} exists / existe`);
      else {
        teamId = (await createTeam(db, null, { name: team.name, code: team.code })).id;
        report(`team ${team.code} created / créée`);
      }
      for (const place of team.neighbourhoods) {
        const [existing] = await db
          .select({ id: neighbourhoods.id })
          .from(neighbourhoods)
          .where(eq(neighbourhoods.code, place.code));
        if (existing) continue;
        await createNeighbourhood(db, null, { name: place.name, code: place.code, teamId });
        report(`neighbourhood ${place.code} created / créé`);
      }
    }
  },
};
