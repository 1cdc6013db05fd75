/** Dashboards and reports for funders and managers (issue 8). */
export const reportsEn = {
  reports: {
    view: { chart: 'Chart', numbers: 'Numbers', label: '{{title}}: chart or numbers' },
    generatedAt: 'produced {{when}}',
    legend: {
      title: 'Small numbers hidden',
      primary: '“<{{threshold}}”: fewer than {{threshold}}, so that no one can be recognised.',
      secondary: '“×”: hidden too, so that a small number cannot be recovered by subtracting from totals.',
    },
  },
};
