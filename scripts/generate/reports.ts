import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

/**
 * Report templates saved by the organisation (issue 8): each team's coordinator keeps one of their
 * own, a quarterly report of needs and contacts by neighbourhood, some with a raised threshold.
 * The report rollups are derived (kept by triggers from the encounters): never generated.
 */
export const reports: GeneratorModule = {
  name: 'report templates',
  generate({ faker, rows, add }) {
    const team = rows.teams?.[0];
    const coordinator = (rows.users ?? []).find((u) => u.role === 'coordinator');
    if (!team) return;
    const createdAt = faker.date.recent({ days: 90 });
    add('report_templates', {
      id: uuidv7From(faker, createdAt),
      name: `Trimestriel ${String(team.name)} — besoins et contacts par quartier`,
      indicators: ['encounters.byIdentification', 'people.distinctByIdentification', 'needs', 'encounters.byMonth'],
      grouping: 'neighbourhood',
      period_type: 'quarter',
      threshold: faker.helpers.arrayElement([5, 5, 10]),
      version: 1,
      created_by: coordinator?.id ?? null,
      created_at: createdAt.toISOString(),
      updated_at: createdAt.toISOString(),
    } satisfies Row);
  },
};
