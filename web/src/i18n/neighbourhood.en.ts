import type { neighbourhoodFr } from './neighbourhood.fr.ts';

/** The English words of the neighbourhood hub (issue 6); same keys as neighbourhood.fr.ts. */
export const neighbourhoodEn: typeof neighbourhoodFr = {
  neighbourhood: {
    title: 'The neighbourhood',
    titleShort: 'Area',
    intro:
      'Knowing the neighbourhood and acting in it together: needs, places, partners, activities, projects and the team’s time.',
    signals: { title: 'Needs that recur', text: 'Needs named often in encounters: leads for collective action.' },
    coverage: { title: 'Places and presence', text: 'Where the team went, and places no one has visited lately.' },
    territory: { title: 'Map and indicators', text: 'The neighbourhood’s sectors, coloured by an indicator.' },
    network: { title: 'Network', text: 'The ties between the neighbourhood’s actors, and how they change.' },
    diagnostics: {
      title: 'Neighbourhood diagnostic',
      text: 'The team’s document beside current figures, in versions and as a PDF.',
    },
    sections: { know: 'Knowing the neighbourhood', act: 'Acting together', account: 'Accounting for the work' },
    activities: {
      title: 'Collective activities',
      text: 'Meals, information sessions, outings, groups: sessions and attendance.',
    },
    projects: {
      title: 'Community projects',
      text: 'Projects carried with residents, stage by stage, until they carry them on their own.',
    },
    committees: {
      title: 'Committees and tables',
      text: 'The partners around the table, meetings and their follow-ups, naming no one.',
    },
    crisis: { title: 'Crisis mobilisations', text: 'Propose, validate and follow a time-boxed crisis response.' },
    time: { title: 'The team’s time', text: 'Time by mission, against the agreed split.' },
    teamLog: { title: 'Team log', text: 'The day’s highlights, difficulties and what to pass on.' },
    reports: { title: 'Dashboard and reports', text: 'Figures for funders and management, with no names.' },
    ranking: { title: 'Choose a neighbourhood', text: 'Rank sectors by need and a population target.' },
  },
};
