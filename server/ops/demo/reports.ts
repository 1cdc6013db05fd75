import { eq } from 'drizzle-orm';
import { uuidv7 } from '../../../core/uuid.ts';
import { reportTemplates, users } from '../../db/schema/index.ts';
import type { DemoStep } from './types.ts';

const name = 'Bilan trimestriel des quartiers (besoins, contacts, personnes)';

/**
 * One custom report template beside the built-in ones (issue 8): the quarterly review a
 * coordinator brings to the neighbourhood table, by neighbourhood, with a threshold raised to 10.
 */
export const reportsStep: DemoStep = {
  name: 'report templates',
  async run({ db, report }) {
    const [existing] = await db
      .select({ id: reportTemplates.id })
      .from(reportTemplates)
      .where(eq(reportTemplates.name, name));
    if (existing) return report('Modèle de rapport trimestriel : déjà là');
    const [coordinator] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'coordinator')).limit(1);
    await db.insert(reportTemplates).values({
      id: uuidv7(),
      name,
      indicators: [
        'encounters.byIdentification',
        'people.distinctByIdentification',
        'needs',
        'actions',
        'encounters.byMonth',
      ],
      grouping: 'neighbourhood',
      periodType: 'quarter',
      threshold: 10,
      createdBy: coordinator?.id ?? null,
    });
    report('Modèle de rapport trimestriel par quartier (seuil 10)');
  },
};
