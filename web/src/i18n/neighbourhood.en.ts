import type { neighbourhoodFr } from './neighbourhood.fr.ts';

/** The English words of the neighbourhood hub (issue 6); same keys as neighbourhood.fr.ts. */
export const neighbourhoodEn: typeof neighbourhoodFr = {
  neighbourhood: {
    title: 'The neighbourhood',
    titleShort: 'Area',
    intro: 'Knowing the neighbourhood: its needs, places, partners and the diagnostic.',
    signals: { title: 'Needs that recur', text: 'Needs named often in encounters: leads for collective action.' },
    coverage: { title: 'Places and presence', text: 'Where the team went, and places no one has visited lately.' },
    territory: { title: 'Map and indicators', text: 'The neighbourhood’s sectors, coloured by an indicator.' },
    network: { title: 'Network', text: 'The ties between the neighbourhood’s actors, and how they change.' },
    diagnostics: {
      title: 'Neighbourhood diagnostic',
      text: 'The team’s document beside current figures, in versions and as a PDF.',
    },
    ranking: { title: 'Choose a neighbourhood', text: 'Rank sectors by need and a population target.' },
  },
};
