/** Dashboards and reports for funders and managers (issue 8). */
export const reportsFr = {
  reports: {
    view: { chart: 'Graphique', numbers: 'Chiffres', label: '{{title}} : graphique ou chiffres' },
    generatedAt: 'produit le {{when}}',
    legend: {
      title: 'Petits nombres masqués',
      primary: '« <{{threshold}} » : moins de {{threshold}}, pour que personne ne puisse être reconnu.',
      secondary: '« × » : masqué aussi, pour qu’on ne puisse pas retrouver un petit nombre en soustrayant des totaux.',
    },
  },
};
