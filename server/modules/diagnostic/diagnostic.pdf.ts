import type { DiagnosticFigures, DiagnosticSectionKey, DiagnosticVersion } from '../../../core/contracts/diagnostic.ts';
import { diagnosticSectionKeys } from '../../../core/contracts/diagnostic.ts';
import type { Language } from '../../../core/localized.ts';
import { openPdfDocument, pdfColours } from '../../ops/pdf-document.ts';

const words = {
  fr: {
    diagnostic: 'Diagnostic de quartier',
    version: 'Version',
    published: 'publiée',
    draft: 'brouillon',
    savedOn: 'enregistrée le',
    period: 'Période des chiffres',
    frozen: 'Chiffres figés à la publication, le',
    live: 'Chiffres calculés le',
    empty: 'Section non rédigée.',
    sections: {
      history: 'Histoire',
      population: 'Population',
      livingConditions: 'Conditions de vie',
      needs: 'Besoins',
      resources: 'Ressources',
      gaps: 'Manques',
    } satisfies Record<DiagnosticSectionKey, string>,
    priorities: 'Priorités',
    noPriorities: 'Aucune priorité retenue.',
    figures: 'Chiffres',
    indicators: 'Indicateurs des secteurs statistiques',
    indicatorHeads: ['Indicateur', 'Valeur', 'Année', 'Source'],
    noIndicators: 'Aucun indicateur importé pour les secteurs de ce quartier.',
    methods: { sum: 'somme', populationWeighted: 'moyenne pondérée par la population', mean: 'moyenne' },
    sectors: 'secteurs',
    coverage: 'Présence de l’équipe sur le terrain',
    coverageRows: ['Tournées et présences', 'Rencontres', 'Dernier passage', 'Lieux d’action'],
    notVisited: 'Lieux sans passage sur la période',
    signals: 'Signaux de besoins ouverts',
    signalHeads: ['Besoin', 'Rencontres', 'Personnes', 'Statut'],
    noSignals: 'Aucun signal ouvert.',
    statuses: {
      new: 'nouveau',
      acknowledged: 'pris en compte',
      takenUp: 'repris en action collective',
      dismissed: 'écarté',
    },
    network: 'Réseau des acteurs (maillage)',
    networkRows: ['Acteurs', 'Liens', 'Acteurs isolés', 'Acteurs passerelles', 'Communautés'],
    bridgingOrganisations: 'Organisations passerelles',
    smallCells: 'Les nombres inférieurs à 5 sont affichés « <5 » pour protéger les personnes.',
    never: 'jamais',
  },
  en: {
    diagnostic: 'Neighbourhood diagnostic',
    version: 'Version',
    published: 'published',
    draft: 'draft',
    savedOn: 'saved on',
    period: 'Period of the figures',
    frozen: 'Figures frozen at publication, on',
    live: 'Figures computed on',
    empty: 'Section not written yet.',
    sections: {
      history: 'History',
      population: 'Population',
      livingConditions: 'Living conditions',
      needs: 'Needs',
      resources: 'Resources',
      gaps: 'Gaps',
    } satisfies Record<DiagnosticSectionKey, string>,
    priorities: 'Priorities',
    noPriorities: 'No priority chosen.',
    figures: 'Figures',
    indicators: 'Indicators of the statistical sectors',
    indicatorHeads: ['Indicator', 'Value', 'Year', 'Source'],
    noIndicators: 'No indicator imported for this neighbourhood’s sectors.',
    methods: { sum: 'sum', populationWeighted: 'population-weighted mean', mean: 'mean' },
    sectors: 'sectors',
    coverage: 'The team’s outreach',
    coverageRows: ['Rounds and presences', 'Encounters', 'Last visit', 'Places'],
    notVisited: 'Places nobody visited in the period',
    signals: 'Open need signals',
    signalHeads: ['Need', 'Encounters', 'People', 'Status'],
    noSignals: 'No open signal.',
    statuses: {
      new: 'new',
      acknowledged: 'acknowledged',
      takenUp: 'taken up in collective action',
      dismissed: 'dismissed',
    },
    network: 'The actors’ network',
    networkRows: ['Actors', 'Ties', 'Isolated actors', 'Bridging actors', 'Communities'],
    bridgingOrganisations: 'Bridging organisations',
    smallCells: 'Numbers under 5 show as "<5" to protect the people counted.',
    never: 'never',
  },
};

export type PrintedDiagnostic = {
  neighbourhoodName: string;
  version: DiagnosticVersion;
  figures: DiagnosticFigures;
  live: boolean;
};

const { ink, muted, rule } = pdfColours;

/**
 * The diagnostic as a PDF: the team's sections and priorities, then the figures as tables, small
 * counts as "<5". Helvetica (built into every PDF reader), 11 pt body with air between lines.
 * `compress: false` leaves the text readable in the file (the tests read it).
 */
export function renderDiagnosticPdf(
  printed: PrintedDiagnostic,
  language: Language,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const w = words[language];
  const colon = language === 'fr' ? ' : ' : ': ';
  const { version, figures } = printed;
  const { doc, done } = openPdfDocument({
    title: `${w.diagnostic} — ${printed.neighbourhoodName}`,
    language,
    sideMargin: 60,
    compress: options.compress,
  });
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso),
    );
  const number = (value: number | string) =>
    typeof value === 'number' ? new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA').format(value) : value;

  const heading = (label: string, size = 15) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(size).fillColor(ink).text(label);
    doc.moveDown(0.3);
  };
  const body = (value: string, colour = ink) =>
    doc.font('Helvetica').fontSize(11).fillColor(colour).text(value, { lineGap: 3, paragraphGap: 4 });
  const table = (rows: string[][], head?: string[], widths?: (number | '*')[]) => {
    doc.moveDown(0.2);
    doc.font('Helvetica').fontSize(10).fillColor(ink);
    doc.table({
      columnStyles: widths,
      rowStyles: (row) => (head && row === 0 ? { backgroundColor: '#eef2f6' } : undefined),
      defaultStyle: { border: { bottom: 0.5 }, borderColor: { bottom: rule }, padding: [5, 6] },
      data: [
        ...(head ? [head.map((text) => ({ text, font: { family: 'Helvetica-Bold' }, type: 'TH' as const }))] : []),
        ...rows,
      ],
    });
    doc.x = doc.page.margins.left;
  };

  doc.font('Helvetica-Bold').fontSize(22).fillColor(ink).text(`${w.diagnostic} — ${printed.neighbourhoodName}`);
  doc.moveDown(0.2).font('Helvetica').fontSize(13).fillColor(ink).text(version.title);
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor(muted)
    .text(
      `${w.version} ${version.number} (${version.status === 'published' ? w.published : w.draft}), ${w.savedOn} ${date(version.savedAt)}${version.savedByName ? ` — ${version.savedByName}` : ''}`,
    )
    .text(`${w.period}${colon}${date(version.periodFrom)} – ${date(version.periodTo)}`)
    .text(`${printed.live ? w.live : w.frozen} ${date(figures.computedAt)}`);

  for (const key of diagnosticSectionKeys) {
    heading(w.sections[key]);
    const value = version.sections[key]?.trim();
    body(value || w.empty, value ? ink : muted);
  }

  heading(w.priorities);
  if (!version.priorities.length) body(w.noPriorities, muted);
  version.priorities.forEach((priority, index) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor(ink)
      .text(`${index + 1}. ${priority.title}`, { lineGap: 2 });
    if (priority.detail) doc.font('Helvetica').fontSize(11).text(priority.detail, { indent: 14, lineGap: 3 });
    doc.moveDown(0.3);
  });

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(18).fillColor(ink).text(w.figures);
  doc.font('Helvetica').fontSize(9).fillColor(muted).text(w.smallCells);

  heading(w.indicators, 13);
  if (!figures.indicators.length) body(w.noIndicators, muted);
  else
    table(
      figures.indicators.map((i) => [
        `${i.label[language]}${i.unit ? ` (${i.unit})` : ''}`,
        `${number(i.value)}\n${w.methods[i.method]}, ${i.sectors} ${w.sectors}`,
        String(i.year),
        i.source ?? '—',
      ]),
      w.indicatorHeads,
      ['*', 130, 45, 110],
    );

  heading(w.coverage, 13);
  const c = figures.coverage;
  table(
    [
      [w.coverageRows[0]!, String(number(c.sessions))],
      [w.coverageRows[1]!, String(number(c.encounters))],
      [w.coverageRows[2]!, c.lastVisit ? date(c.lastVisit) : w.never],
      [w.coverageRows[3]!, String(c.places)],
    ],
    undefined,
    ['*', 160],
  );
  if (c.placesNotVisited.length) body(`${w.notVisited}${colon}${c.placesNotVisited.map((p) => p.name).join(', ')}`);

  heading(w.signals, 13);
  if (!figures.signals.length) body(w.noSignals, muted);
  else
    table(
      figures.signals.map((s) => [
        s.needLabel[language],
        String(number(s.encounters)),
        String(number(s.people)),
        w.statuses[s.status],
      ]),
      w.signalHeads,
      ['*', 80, 80, 110],
    );

  heading(w.network, 13);
  const n = figures.network;
  table(
    [n.actors, n.ties, n.isolated, n.bridging, n.communities].map((value, i) => [
      w.networkRows[i]!,
      String(number(value)),
    ]),
    undefined,
    ['*', 160],
  );
  if (n.bridgingOrganisations.length) body(`${w.bridgingOrganisations}${colon}${n.bridgingOrganisations.join(', ')}`);

  doc.end();
  return done;
}
