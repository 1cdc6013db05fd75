import { slug, uuidv7From } from './random.ts';
import type { GeneratorModule } from './types.ts';

const sherbrookePrefixes = ['Jardins', 'Parc', 'Mont', 'Plateau', 'Domaine', 'Rives', 'Vieux', 'Coteau'];
const brusselsPrefixes = ['Quartier', 'Cité', 'Place', 'Chaussée', 'Parvis', 'Square'];

/** A team (équipe de quartier or RAQ) and its 2 to 4 neighbourhoods. */
export const territories: GeneratorModule = {
  name: 'teams and neighbourhoods',
  generate({ faker, flavour, tag, teamIndex, add }) {
    const names = faker.helpers.uniqueArray(
      () =>
        flavour === 'sherbrooke'
          ? `${faker.helpers.arrayElement(sherbrookePrefixes)}-${faker.person.lastName()}`
          : `${faker.helpers.arrayElement(brusselsPrefixes)} ${faker.person.lastName()}`,
      faker.number.int({ min: 2, max: 4 }),
    );
    const createdAt = faker.date.past({ years: 3 });
    const teamId = uuidv7From(faker, createdAt);
    const number = String(teamIndex + 1).padStart(4, '0');
    const teamName =
      flavour === 'sherbrooke'
        ? `Équipe de quartier ${names.slice(0, 2).join(' / ')}`
        : `Relais d’action de quartier ${names.slice(0, 2).join(' / ')}`;
    const at = createdAt.toISOString();
    add('teams', { id: teamId, name: teamName, code: `g${tag}-${number}`, created_at: at, updated_at: at });
    names.forEach((name, k) => {
      const placeAt = faker.date.between({ from: createdAt, to: new Date(createdAt.getTime() + 86_400_000 * 30) });
      add('neighbourhoods', {
        id: uuidv7From(faker, placeAt),
        name,
        code: `g${tag}-${number}-${k + 1}-${slug(name)}`.slice(0, 40),
        team_id: teamId,
        created_at: placeAt.toISOString(),
        updated_at: placeAt.toISOString(),
      });
    });
  },
};
