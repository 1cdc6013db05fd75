import type { GeneratorModule, Row } from './types.ts';

/**
 * The trail the app would have left: the creation of each record, then sign-ins and reads of
 * accounts over time, in time order within the team.
 */
export const auditTrail: GeneratorModule = {
  name: 'audit log',
  generate({ faker, rows, add }) {
    const team = rows.teams![0]!;
    const users = rows.users ?? [];
    const admin = users.find((u) => u.role === 'admin') ?? null;
    const entries: Row[] = [];
    const entry = (at: string, fields: Row) =>
      entries.push({
        at,
        actor_id: admin?.id ?? null,
        actor_role: admin ? 'admin' : null,
        ip: null,
        user_agent: null,
        reason: null,
        details: null,
        team_id: team.id,
        ...fields,
      });
    entry(team.created_at as string, { action: 'create', entity_type: 'team', entity_id: team.id });
    for (const place of rows.neighbourhoods ?? []) {
      entry(place.created_at as string, { action: 'create', entity_type: 'neighbourhood', entity_id: place.id });
    }
    for (const user of users) {
      entry(user.created_at as string, {
        action: 'create',
        entity_type: 'user',
        entity_id: user.id,
        team_id: null,
        details: { role: user.role, teamIds: user.role === 'admin' ? [] : [team.id] },
      });
      const signIns = faker.number.int({ min: 0, max: 20 });
      for (let i = 0; i < signIns; i++) {
        const at = faker.date.between({ from: user.created_at as string, to: faker.defaultRefDate() }).toISOString();
        const ip = faker.internet.ipv4();
        const agent = faker.internet.userAgent();
        entry(at, {
          action: 'sign_in',
          entity_type: 'user',
          entity_id: user.id,
          actor_id: user.id,
          actor_role: user.role,
          team_id: null,
          ip,
          user_agent: agent,
        });
        if (user.role === 'coordinator' && faker.datatype.boolean(0.3)) {
          const seen = faker.helpers.arrayElement(users);
          entry(at, {
            action: 'read',
            entity_type: 'user',
            entity_id: seen.id,
            actor_id: user.id,
            actor_role: user.role,
            team_id: null,
            ip,
            user_agent: agent,
          });
        }
      }
    }
    entries.sort((a, b) => (a.at as string).localeCompare(b.at as string));
    add('audit_log', ...entries);
  },
};
