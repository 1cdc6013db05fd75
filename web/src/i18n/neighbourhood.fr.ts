/** The French words of the neighbourhood hub (issue 6). */
export const neighbourhoodFr = {
  neighbourhood: {
    title: 'Le quartier',
    titleShort: 'Quartier',
    intro: 'Connaître le quartier : ses besoins, les lieux, les partenaires et le diagnostic.',
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
    ranking: { title: 'Choisir un quartier', text: 'Classer les secteurs selon les besoins et une population cible.' },
  },
};
