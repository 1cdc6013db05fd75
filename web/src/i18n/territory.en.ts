import type { territoryFr } from './territory.fr.ts';

/** The English words of the territory pages (issue 6); same keys as territory.fr.ts. */
export const territoryEn: typeof territoryFr = {
  territory: {},
};
