import type { Database, Tx } from '../../db/client.ts';
import { indicatorDefinitions } from '../../db/schema/index.ts';

/**
 * The indicators seed 004 chooses a neighbourhood with, and the usual deprivation index: labels and
 * which way means more need. Seeded at start-up with ON CONFLICT DO NOTHING (a coordinator's
 * relabelling stays); an imported table may bring other codes.
 */
const defaults: [code: string, fr: string, en: string, unit: string | null, need: 'higher' | 'lower' | null][] = [
  ['population', 'Population', 'Population', 'habitants', null],
  ['median_income', 'Revenu médian', 'Median income', '$', 'lower'],
  ['diabetes_rate', 'Taux de diabète', 'Diabetes rate', '%', 'higher'],
  ['density', 'Densité de population', 'Population density', 'hab./km²', 'higher'],
  ['share_over_65', 'Part des 65 ans et plus', 'Share aged 65 and over', '%', 'higher'],
  ['household_size', 'Taille moyenne des ménages', 'Average household size', 'personnes', 'lower'],
  ['deprivation_quintile', 'Indice de défavorisation (quintile)', 'Deprivation index (quintile)', '1–5', 'higher'],
];

export async function seedIndicatorDefinitions(db: Database | Tx): Promise<void> {
  await db
    .insert(indicatorDefinitions)
    .values(defaults.map(([code, labelFr, labelEn, unit, need]) => ({ code, labelFr, labelEn, unit, need })))
    .onConflictDoNothing();
}
