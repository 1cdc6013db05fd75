import { missions } from '../../../core/collective.ts';
import { text } from '../../../core/localized.ts';
import {
  type IndicatorCode,
  indicatorCatalogue,
  type ReportGrouping,
  type ReportTemplateDefinition,
} from '../../../core/reports/catalogue.ts';
import { valueLabel } from '../../../core/reports/labels.ts';
import { type PeriodChoice, resolvePeriod } from '../../../core/reports/periods.ts';
import type { ComputedReport, ReportColumn } from '../../../core/reports/shape.ts';
import type { Database } from '../../db/client.ts';
import { type EncounterCounts, encounterCounts, type PeopleCounts, peopleCounts } from './encounter-figures.ts';
import { tableFor } from './indicators.ts';
import { activitiesTable, coverageTable } from './measure-tables.ts';
import type { Grid } from './other-figures.ts';
import * as figures from './other-figures.ts';
import type { ReportScope } from './report-scope.ts';
import { noNeighbourhood } from './report-sql.ts';
import { allColumn, type Built } from './tables.ts';

/**
 * Runs a template over a period and a scope: fetches only what its indicators need (encounters and
 * distinct people from the rollups, the small tables directly) and lays out one table per
 * indicator. What leaves the server is `showReport` of this (reports.service.ts).
 */
const encounterCodes = new Set<IndicatorCode>([
  'encounters.byIdentification',
  'encounters.byChannel',
  'encounters.byInitiator',
  'encounters.byAgeBand',
  'encounters.byGender',
  'encounters.byMonth',
  'needs',
  'actions',
  'nonRecours.byRight',
]);
const gridSources: Partial<Record<IndicatorCode, typeof figures.firstContacts>> = {
  'firstContacts.byChannel': figures.firstContacts,
  'referrals.byOutcome': figures.referralOutcomes,
  'activities.sessionsAndAttendance': figures.activitySessions,
  'projects.byStage': figures.projectStages,
  'time.byMission': figures.timeByMission,
  'time.byCriterion': figures.timeByCriterion,
};

/** The grouping an indicator gets: the template's where it applies, none otherwise. */
const groupingOf = (code: IndicatorCode, grouping: ReportGrouping): ReportGrouping =>
  indicatorCatalogue[code].groupings.includes(grouping) ? grouping : 'none';

/** Adds the `all` column (the sum of the groups) to a grid split by groups. */
function withAll(grid: Grid): Grid {
  if (grid.has(allColumn)) return grid;
  const all = new Map<string, number>();
  for (const column of grid.values()) for (const [row, n] of column) all.set(row, (all.get(row) ?? 0) + n);
  grid.set(allColumn, all);
  return grid;
}

function encountersWithAll(counts: EncounterCounts): EncounterCounts {
  if (!counts.counts.has(allColumn)) {
    const all = new Map<string, Map<string, number>>();
    for (const column of counts.counts.values())
      for (const [dimension, values] of column) {
        const target = all.get(dimension) ?? new Map<string, number>();
        all.set(dimension, target);
        for (const [value, n] of values) target.set(value, (target.get(value) ?? 0) + n);
      }
    counts.counts.set(allColumn, all);
  }
  withAll(counts.byMonth);
  return counts;
}

/**
 * The columns before the total. One team, or the one neighbourhood asked for, would only repeat
 * the total beside it: the report then shows the total alone (its scope names the team).
 */
function groupColumns(grouping: ReportGrouping, scope: ReportScope, present: Set<string>): ReportColumn[] {
  if (grouping === 'team')
    return scope.teams.length > 1
      ? scope.teams.map((team) => ({ key: `team:${team.id}`, label: text(team.name, team.name) }))
      : [];
  if (grouping === 'neighbourhood') {
    if (scope.neighbourhoodId) return [];
    const columns = scope.neighbourhoods.map((hood) => ({ key: `hood:${hood.id}`, label: text(hood.name, hood.name) }));
    if (present.has(`hood:${noNeighbourhood}`))
      columns.push({ key: `hood:${noNeighbourhood}`, label: text('Sans quartier', 'No neighbourhood') });
    return columns;
  }
  if (grouping === 'mission') {
    const columns = missions.map((mission) => ({ key: `mission:${mission}`, label: valueLabel('mission', mission) }));
    if (present.has('mission:')) columns.push({ key: 'mission:', label: text('Sans mission', 'No mission') });
    return columns;
  }
  return [];
}

export async function computeReport(
  db: Database,
  template: ReportTemplateDefinition,
  choice: PeriodChoice,
  scope: ReportScope,
): Promise<ComputedReport> {
  const period = resolvePeriod(choice);
  const codes = template.indicators;
  const encounterSplit = groupingOf('encounters.byIdentification', template.grouping) as
    | 'none'
    | 'team'
    | 'neighbourhood';
  const countScope = { teamIds: scope.teamIds, neighbourhoodId: scope.neighbourhoodId, split: encounterSplit };
  const emptyPeople: PeopleCounts = { levels: new Map(), byMonth: new Map() };
  const encounters = codes.some((code) => encounterCodes.has(code))
    ? encountersWithAll(await encounterCounts(db, countScope, period))
    : { counts: new Map(), byMonth: new Map() };
  const people = codes.some((code) => code.startsWith('people.'))
    ? await peopleCounts(db, countScope, period, codes.includes('people.distinctByMonth'))
    : emptyPeople;
  const grids = new Map<string, Grid>();
  for (const code of codes) {
    const source = gridSources[code];
    if (!source || !scope.teamIds.length) continue;
    grids.set(code, withAll(await source(db, { ...scope, grouping: groupingOf(code, template.grouping) }, period)));
  }
  const labels = {
    need: codes.includes('needs') ? await figures.termLabels(db, 'need') : new Map(),
    action: codes.includes('actions') ? await figures.termLabels(db, 'action') : new Map(),
    right: codes.includes('nonRecours.byRight') ? await figures.termLabels(db, 'right') : new Map(),
    criterion:
      codes.includes('time.byCriterion') && scope.teamIds.length
        ? await figures.criterionLabels(db, scope.teamIds)
        : new Map(),
  };
  const built: Built[] = [];
  for (const code of codes) {
    const grouping = groupingOf(code, template.grouping);
    const present = new Set([...encounters.counts.keys(), ...(grids.get(code)?.keys() ?? [])]);
    const groups = groupColumns(grouping, scope, present);
    if (code === 'activities.sessionsAndAttendance') built.push(activitiesTable(grids.get(code) ?? new Map(), groups));
    else if (code === 'coverage.byPlace')
      built.push(
        coverageTable(scope.teamIds.length ? await figures.coverageByPlace(db, { ...scope, grouping }, period) : []),
      );
    else built.push(tableFor(code, { groups, period, encounters, people, grids, labels }));
  }
  const partial = scope.neighbourhoodId ? notByNeighbourhood : undefined;
  return {
    templateId: template.id,
    title: template.name,
    period,
    scope: scope.label,
    generatedAt: new Date().toISOString(),
    threshold: template.threshold,
    tables: built.map(({ table }) => (partial && wholeTeamCodes.has(table.id) ? { ...table, note: partial } : table)),
    relations: built.flatMap(({ relations }) => relations),
  };
}

/** Records that carry no neighbourhood: with a neighbourhood chosen, they are the whole team's. */
const wholeTeamCodes = new Set<string>([
  'firstContacts.byChannel',
  'referrals.byOutcome',
  'time.byMission',
  'time.byCriterion',
]);
const notByNeighbourhood = text(
  'Ces données ne sont pas notées par quartier : elles couvrent toute l’équipe.',
  'These are not recorded by neighbourhood: they cover the whole team.',
);
