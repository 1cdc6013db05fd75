import { type LocalizedText, text } from '../localized.ts';
import type { FigureUnit, PeriodType } from './shape.ts';

/**
 * The indicators a report template may name (issue 8, points 1 and 2). Each one becomes one table
 * of the report. `groupings` says how its columns may be split: by team, by neighbourhood (where
 * the records carry one) or by mission (collective activities and time only).
 */
export const reportGroupings = ['none', 'team', 'neighbourhood', 'mission'] as const;
export type ReportGrouping = (typeof reportGroupings)[number];

export const indicatorCodes = [
  'encounters.byIdentification',
  'encounters.byChannel',
  'encounters.byInitiator',
  'encounters.byAgeBand',
  'encounters.byGender',
  'encounters.byMonth',
  'people.distinctByIdentification',
  'people.distinctByMonth',
  'needs',
  'actions',
  'nonRecours.byRight',
  'firstContacts.byChannel',
  'referrals.byOutcome',
  'activities.sessionsAndAttendance',
  'projects.byStage',
  'coverage.byPlace',
  'time.byMission',
  'time.byCriterion',
] as const;
export type IndicatorCode = (typeof indicatorCodes)[number];

export type Indicator = {
  code: IndicatorCode;
  title: LocalizedText;
  note?: LocalizedText;
  unit: FigureUnit;
  groupings: readonly ReportGrouping[];
};

const allButMission = ['none', 'team', 'neighbourhood'] as const;
const teamOnly = ['none', 'team'] as const;
const withMission = ['none', 'team', 'mission'] as const;
const severalPerContact = text(
  'Un contact peut en porter plusieurs : les lignes ne s’additionnent pas.',
  'A contact may carry several: the rows do not add up.',
);
const distinctNote = text(
  'Personnes distinctes, comptées au niveau d’identification le plus élevé atteint dans la période. Les contacts anonymes ne sont pas des personnes distinctes.',
  'Distinct people, counted at the highest identification level reached in the period. Anonymous contacts are not distinct people.',
);

export const indicatorCatalogue: Record<IndicatorCode, Indicator> = {
  'encounters.byIdentification': {
    code: 'encounters.byIdentification',
    title: text(
      'Contacts (interventions) par niveau d’identification',
      'Contacts (interventions) by identification level',
    ),
    unit: 'encounters',
    groupings: allButMission,
  },
  'encounters.byChannel': {
    code: 'encounters.byChannel',
    title: text('Contacts par type d’intervention (canal)', 'Contacts by type of intervention (channel)'),
    unit: 'encounters',
    groupings: allButMission,
  },
  'encounters.byInitiator': {
    code: 'encounters.byInitiator',
    title: text('Contacts selon qui a pris l’initiative', 'Contacts by who took the first step'),
    unit: 'encounters',
    groupings: allButMission,
  },
  'encounters.byAgeBand': {
    code: 'encounters.byAgeBand',
    title: text('Contacts par tranche d’âge', 'Contacts by age band'),
    unit: 'encounters',
    groupings: allButMission,
  },
  'encounters.byGender': {
    code: 'encounters.byGender',
    title: text('Contacts par genre', 'Contacts by gender'),
    unit: 'encounters',
    groupings: allButMission,
  },
  'encounters.byMonth': {
    code: 'encounters.byMonth',
    title: text('Contacts mois par mois', 'Contacts month by month'),
    unit: 'encounters',
    groupings: allButMission,
  },
  'people.distinctByIdentification': {
    code: 'people.distinctByIdentification',
    title: text(
      'Personnes distinctes (usagers) par niveau d’identification',
      'Distinct people (users) by identification level',
    ),
    note: distinctNote,
    unit: 'people',
    groupings: allButMission,
  },
  'people.distinctByMonth': {
    code: 'people.distinctByMonth',
    title: text('Personnes distinctes mois par mois', 'Distinct people month by month'),
    note: text(
      'Une personne vue plusieurs mois compte chaque mois : les mois ne s’additionnent pas.',
      'Someone met in several months counts in each: the months do not add up.',
    ),
    unit: 'people',
    groupings: allButMission,
  },
  needs: {
    code: 'needs',
    title: text('Besoins exprimés', 'Needs expressed'),
    note: severalPerContact,
    unit: 'encounters',
    groupings: allButMission,
  },
  actions: {
    code: 'actions',
    title: text('Actions posées', 'Actions taken'),
    note: severalPerContact,
    unit: 'encounters',
    groupings: allButMission,
  },
  'nonRecours.byRight': {
    code: 'nonRecours.byRight',
    title: text('Non-recours aux droits, par droit', 'Rights not taken up, by right'),
    note: severalPerContact,
    unit: 'encounters',
    groupings: allButMission,
  },
  'firstContacts.byChannel': {
    code: 'firstContacts.byChannel',
    title: text('Premiers contacts et leur canal', 'First contacts and their channel'),
    unit: 'people',
    groupings: teamOnly,
  },
  'referrals.byOutcome': {
    code: 'referrals.byOutcome',
    title: text('Références et leur issue', 'Referrals and their outcome'),
    unit: 'referrals',
    groupings: teamOnly,
  },
  'activities.sessionsAndAttendance': {
    code: 'activities.sessionsAndAttendance',
    title: text('Activités collectives : séances et présences', 'Collective activities: sessions and attendance'),
    note: text(
      'Présences : personnes inscrites présentes, plus les personnes comptées sans nom.',
      'Attendance: registered people present, plus people counted without a name.',
    ),
    unit: 'attendances',
    groupings: ['none', 'team', 'neighbourhood', 'mission'],
  },
  'projects.byStage': {
    code: 'projects.byStage',
    title: text('Projets collectifs par étape', 'Community projects by stage'),
    note: text('Projets en cours à la fin de la période.', 'Projects under way at the end of the period.'),
    unit: 'projects',
    groupings: allButMission,
  },
  'coverage.byPlace': {
    code: 'coverage.byPlace',
    title: text('Présence sur le terrain par lieu', 'Outreach coverage by place'),
    unit: 'sessions',
    groupings: teamOnly,
  },
  'time.byMission': {
    code: 'time.byMission',
    title: text('Temps par mission (heures)', 'Time by mission (hours)'),
    unit: 'hours',
    groupings: teamOnly,
  },
  'time.byCriterion': {
    code: 'time.byCriterion',
    title: text('Temps par critère « fait sens quand » (heures)', 'Time by "makes sense when" criterion (hours)'),
    note: text(
      'Une heure peut répondre à plusieurs critères : les lignes ne s’additionnent pas.',
      'An hour may meet several criteria: the rows do not add up.',
    ),
    unit: 'hours',
    groupings: withMission,
  },
};

/** A template as the engine runs it: built in (read-only, in code) or saved by the organisation. */
export type ReportTemplateDefinition = {
  id: string;
  name: LocalizedText;
  indicators: IndicatorCode[];
  grouping: ReportGrouping;
  periodType: PeriodType;
  threshold: number;
  builtIn: boolean;
};

/** The smallest threshold of small-cell suppression (decision 0014); a template may only raise it. */
export const minimumThreshold = 5;

export const builtInTemplates: ReportTemplateDefinition[] = [
  {
    id: 'dashboard',
    name: text('Tableau de bord', 'Dashboard'),
    indicators: [
      'encounters.byIdentification',
      'people.distinctByIdentification',
      'encounters.byMonth',
      'people.distinctByMonth',
      'needs',
      'actions',
      'firstContacts.byChannel',
      'referrals.byOutcome',
      'activities.sessionsAndAttendance',
      'projects.byStage',
      'coverage.byPlace',
      'time.byMission',
    ],
    grouping: 'none',
    periodType: 'calendarYear',
    threshold: minimumThreshold,
    builtIn: true,
  },
  {
    id: 'ciusssActivity',
    name: text('Rapport d’activité (CIUSSS)', 'Activity report (CIUSSS)'),
    indicators: [
      'encounters.byChannel',
      'people.distinctByIdentification',
      'encounters.byIdentification',
      'encounters.byInitiator',
      'encounters.byAgeBand',
      'encounters.byGender',
      'encounters.byMonth',
      'needs',
      'actions',
      'referrals.byOutcome',
    ],
    grouping: 'team',
    periodType: 'fiscalYear',
    threshold: minimumThreshold,
    builtIn: true,
  },
  {
    id: 'raqAnnual',
    name: text('Rapport annuel (RAQ)', 'Annual report (RAQ)'),
    indicators: [
      'time.byMission',
      'time.byCriterion',
      'activities.sessionsAndAttendance',
      'projects.byStage',
      'encounters.byIdentification',
      'people.distinctByIdentification',
      'needs',
      'nonRecours.byRight',
      'firstContacts.byChannel',
    ],
    grouping: 'mission',
    periodType: 'calendarYear',
    threshold: minimumThreshold,
    builtIn: true,
  },
];

export const builtInTemplate = (id: string) => builtInTemplates.find((template) => template.id === id);
