import type { diagnosticFr } from './diagnostic.fr.ts';

/** The English words of the diagnostic pages (issue 6); same keys as diagnostic.fr.ts. */
export const diagnosticEn: typeof diagnosticFr = {
  diagnostic: {},
};
