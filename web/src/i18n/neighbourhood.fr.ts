/** The French words of the neighbourhood hub (issue 6). */
export const neighbourhoodFr = {
  neighbourhood: {
    title: 'Le quartier',
    titleShort: 'Quartier',
    intro:
      'Connaître le quartier et y agir ensemble : besoins, lieux, partenaires, activités, projets et temps de l’équipe.',
    signals: {
      title: 'Besoins qui reviennent',
      text: 'Les besoins nommés souvent dans les rencontres : des pistes d’action collective.',
    },
    coverage: {
      title: 'Lieux et présence',
      text: 'Où l’équipe est allée, et les lieux où personne n’est passé depuis longtemps.',
    },
    territory: { title: 'Carte et indicateurs', text: 'Les secteurs du quartier, colorés selon un indicateur.' },
    network: { title: 'Maillage', text: 'Les liens entre les acteurs du quartier, et comment ils changent.' },
    diagnostics: {
      title: 'Diagnostic de quartier',
      text: 'Le document de l’équipe, à côté des chiffres à jour, en versions et en PDF.',
    },
    sections: { know: 'Connaître le quartier', act: 'Agir ensemble', account: 'Rendre compte' },
    activities: {
      title: 'Activités collectives',
      text: 'Repas, séances d’information, sorties, groupes : les séances et les présences.',
    },
    projects: {
      title: 'Projets communautaires',
      text: 'Les projets portés avec les citoyens, étape par étape, jusqu’à ce qu’ils les portent seuls.',
    },
    committees: {
      title: 'Comités et tables',
      text: 'Les partenaires autour de la table, les rencontres et leurs suivis, sans nommer personne.',
    },
    crisis: {
      title: 'Mobilisations de crise',
      text: 'Proposer, valider et suivre une réponse à une crise, limitée dans le temps.',
    },
    time: { title: 'Temps de l’équipe', text: 'Le temps par mission, comparé à la répartition convenue.' },
    teamLog: { title: 'Journal d’équipe', text: 'Les faits du jour, les difficultés et ce qu’il faut transmettre.' },
    reports: {
      title: 'Tableau de bord et rapports',
      text: 'Les chiffres pour les bailleurs de fonds et la direction, sans aucun nom.',
    },
    ranking: { title: 'Choisir un quartier', text: 'Classer les secteurs selon les besoins et une population cible.' },
  },
};
