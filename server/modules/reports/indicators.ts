import { projectStages } from '../../../core/collective.ts';
import { ageBands, channels, identificationLevels, initiators } from '../../../core/fieldwork.ts';
import { type LocalizedText, text } from '../../../core/localized.ts';
import { type IndicatorCode, indicatorCatalogue } from '../../../core/reports/catalogue.ts';
import { valueLabel } from '../../../core/reports/labels.ts';
import { monthLabel, monthsTouched } from '../../../core/reports/periods.ts';
import type { ReportColumn } from '../../../core/reports/shape.ts';
import type { EncounterCounts, PeopleCounts } from './encounter-figures.ts';
import type { Grid } from './other-figures.ts';
import { allColumn, type Built, buildTable, rowsFor } from './tables.ts';

/**
 * One table per indicator, from counts already fetched (engine.ts). `groups` are the columns the
 * template's grouping gives this indicator (none when it does not apply).
 */
export type TableInput = {
  groups: ReportColumn[];
  period: { from: string; to: string };
  encounters: EncounterCounts;
  people: PeopleCounts;
  grids: Map<string, Grid>;
  labels: {
    need: Map<string, LocalizedText>;
    action: Map<string, LocalizedText>;
    right: Map<string, LocalizedText>;
    criterion: Map<string, LocalizedText>;
  };
};

const encounterDimensions: Partial<
  Record<IndicatorCode, { dimension: string; list: string; fixed: readonly string[] }>
> = {
  'encounters.byIdentification': { dimension: 'identification', list: 'identification', fixed: identificationLevels },
  'encounters.byChannel': { dimension: 'channel', list: 'channel', fixed: channels },
  'encounters.byInitiator': { dimension: 'initiator', list: 'initiator', fixed: initiators },
  'encounters.byAgeBand': { dimension: 'ageBand', list: 'ageBand', fixed: ageBands },
  'encounters.byGender': { dimension: 'gender', list: 'gender', fixed: [] },
  needs: { dimension: 'need', list: 'need', fixed: [] },
  actions: { dimension: 'action', list: 'action', fixed: [] },
  'nonRecours.byRight': { dimension: 'right', list: 'right', fixed: [] },
};
const multiValued = new Set(['need', 'action', 'right']);

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
const gridValue = (grid: Grid | undefined, column: string, row: string) => grid?.get(column)?.get(row) ?? 0;
const gridTotal = (grid: Grid | undefined, column: string) =>
  [...(grid?.get(column)?.values() ?? [])].reduce((sum, n) => sum + n, 0);

/** Fixed-list values in their order when counted (identification: always all three), then the rest. */
function orderedRows(
  present: Map<string, number>,
  list: string,
  fixed: readonly string[],
  label: (v: string) => LocalizedText,
) {
  const shown = list === 'identification' ? fixed : fixed.filter((value) => (present.get(value) ?? 0) !== 0);
  return rowsFor(present, label, shown).filter((row) => list === 'identification' || (present.get(row.key) ?? 0) !== 0);
}

export function tableFor(code: IndicatorCode, input: TableInput): Built {
  const indicator = indicatorCatalogue[code];
  const { groups } = input;
  const encounterTotal = (column: string) => input.encounters.counts.get(column)?.get('total')?.get('') ?? 0;
  const dimension = encounterDimensions[code];
  if (dimension) {
    const counted = (column: string, row: string) =>
      input.encounters.counts.get(column)?.get(dimension.dimension)?.get(row) ?? 0;
    const present = input.encounters.counts.get(allColumn)?.get(dimension.dimension) ?? new Map<string, number>();
    const terms = input.labels[dimension.list as 'need' | 'action' | 'right'];
    const label = (value: string) =>
      terms ? (terms.get(value) ?? text(value, value)) : valueLabel(dimension.list, value);
    const multi = multiValued.has(dimension.dimension);
    return buildTable({
      indicator,
      chart: 'bars',
      family: 'encounters',
      dimension: dimension.dimension,
      groups,
      rows: orderedRows(present, dimension.list, dimension.fixed, label),
      value: counted,
      ...(multi ? {} : { total: encounterTotal }),
      rowsAdd: !multi,
      columnsAdd: true,
    });
  }
  const months = monthsTouched(input.period.from, input.period.to).map((key) => ({ key, label: monthLabel(key) }));
  const peopleTotal = (column: string) =>
    (input.people.levels.get(column)?.get('pseudonymous') ?? 0) +
    (input.people.levels.get(column)?.get('identified') ?? 0);
  const grid = input.grids.get(code);
  const fromGrid = (list: string, family: string, fixed: readonly string[] = []) =>
    buildTable({
      indicator,
      chart: 'bars',
      family,
      dimension: list,
      groups,
      rows: orderedRows(grid?.get(allColumn) ?? new Map(), list, fixed, (value) => valueLabel(list, value)),
      value: (column, row) => gridValue(grid, column, row),
      total: (column) => gridTotal(grid, column),
      rowsAdd: true,
      columnsAdd: true,
    });
  switch (code) {
    case 'encounters.byMonth':
      return buildTable({
        indicator,
        chart: 'line',
        family: 'encounters',
        dimension: 'month',
        groups,
        rows: months,
        value: (column, month) => input.encounters.byMonth.get(column)?.get(month) ?? 0,
        total: encounterTotal,
        rowsAdd: true,
        columnsAdd: true,
      });
    case 'people.distinctByIdentification':
      return buildTable({
        indicator,
        chart: 'bars',
        family: 'people',
        dimension: 'identification',
        groups,
        rows: ['pseudonymous', 'identified'].map((key) => ({ key, label: valueLabel('identification', key) })),
        value: (column, level) => input.people.levels.get(column)?.get(level) ?? 0,
        total: peopleTotal,
        rowsAdd: true,
        columnsAdd: false,
      });
    case 'people.distinctByMonth':
      return buildTable({
        indicator,
        chart: 'line',
        family: 'people',
        dimension: 'month',
        groups,
        rows: months,
        value: (column, month) => input.people.byMonth.get(column)?.get(month) ?? 0,
        total: peopleTotal,
        rowsAdd: false,
        columnsAdd: false,
      });
    case 'firstContacts.byChannel':
      return fromGrid('channel', 'firstContacts', channels);
    case 'referrals.byOutcome':
      return fromGrid('referralStatus', 'referrals');
    case 'projects.byStage':
      return fromGrid('projectStage', 'projects', projectStages);
    case 'time.byMission':
      return buildTable({
        indicator,
        chart: 'bars',
        family: 'hours',
        dimension: 'mission',
        groups,
        rows: orderedRows(grid?.get(allColumn) ?? new Map(), 'mission', [], (value) => valueLabel('mission', value)),
        value: (column, row) => hours(gridValue(grid, column, row)),
        total: (column) => hours(gridTotal(grid, column)),
        // Hours are rounded: their sums are not exact, and they protect no one.
        rowsAdd: false,
        columnsAdd: false,
      });
    case 'time.byCriterion':
      return buildTable({
        indicator,
        chart: 'bars',
        family: 'hours',
        dimension: 'criterion',
        groups,
        rows: orderedRows(
          grid?.get(allColumn) ?? new Map(),
          'criterion',
          [],
          (value) => input.labels.criterion.get(value) ?? text(value, value),
        ),
        value: (column, row) => hours(gridValue(grid, column, row)),
        rowsAdd: false,
        columnsAdd: false,
      });
    default:
      throw new Error(`no table for ${code}`);
  }
}
