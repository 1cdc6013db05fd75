import { slug, uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

/** Every generated account signs in with this password (benchmarks and manual tests use it). */
export const generatedPassword = 'relais-generated-password';

/** 5 to 15 accounts per team: one coordinator, one or two organizers, workers; an admin every ten teams. */
export const accounts: GeneratorModule = {
  name: 'accounts and memberships',
  generate({ faker, tag, teamIndex, rows, passwordHash, add }) {
    const team = rows.teams![0]!;
    const teamCreated = new Date(team.created_at as string);
    const size = faker.number.int({ min: 5, max: 15 });
    const roles = ['coordinator', ...Array(faker.number.int({ min: 1, max: 2 })).fill('organizer')];
    while (roles.length < size) roles.push('worker');
    if (teamIndex % 10 === 0) roles.push('admin');
    roles.forEach((role, k) => {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      const createdAt = faker.date.between({ from: teamCreated, to: faker.defaultRefDate() });
      const signedIn = faker.datatype.boolean(0.85)
        ? faker.date.between({ from: createdAt, to: faker.defaultRefDate() }).toISOString()
        : null;
      const id = uuidv7From(faker, createdAt);
      const user: Row = {
        id,
        email: `${slug(first)}.${slug(last)}.${String(teamIndex + 1).padStart(4, '0')}-${k + 1}@g${tag}.relais.local`,
        name: `${first} ${last}`,
        role,
        language: faker.datatype.boolean(0.9) ? 'fr' : 'en',
        password_hash: passwordHash,
        must_change_password: false,
        active: role === 'admin' || faker.datatype.boolean(0.95),
        last_sign_in_at: signedIn,
        created_at: createdAt.toISOString(),
        updated_at: createdAt.toISOString(),
      };
      add('users', user);
      if (role !== 'admin') add('team_memberships', { user_id: id, team_id: team.id, created_at: user.created_at });
    });
  },
};
