/** Signals passed to advocacy (plaidoyer) and the summary for partners (issue 8, point 7). */
export const advocacyFr = {
  advocacy: {
    tag: 'Transmettre au plaidoyer',
    edit: 'Modifier le plaidoyer',
    taggedLead: 'Plaidoyer :',
    tagged: 'Plaidoyer',
    themes: 'Thèmes (trois au plus)',
    statement: 'Problème structurel, sans nom',
    statementHelp: 'Une ou deux phrases sur la cause, pas sur les personnes. Ce texte part chez les partenaires.',
    save: 'Enregistrer',
    cancel: 'Annuler',
    remove: 'Retirer du plaidoyer',
    conflict: 'Ce signal vient d’être modifié par quelqu’un d’autre : la page est à jour, refaites votre choix.',
    themeNames: {
      housing: 'Logement',
      health: 'Santé et soins',
      income: 'Revenus et droits',
      food: 'Alimentation',
      publicSpace: 'Espace public',
      services: 'Accès aux services',
      safety: 'Sécurité',
    },
    summary: {
      title: 'Résumé pour les partenaires',
      help: 'Les signaux transmis au plaidoyer, par thème et par quartier, avec les constats de l’équipe. Aucun nom, et moins de 5 s’affiche « <5 ».',
      from: 'Du',
      to: 'Au',
      pdf: 'Télécharger en PDF',
      csv: 'Télécharger en CSV',
    },
  },
};
