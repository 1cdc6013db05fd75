import type { networkFr } from './network.fr.ts';

/** The English words of the network pages (issue 6); same keys as network.fr.ts. */
export const networkEn: typeof networkFr = {
  network: {},
};
