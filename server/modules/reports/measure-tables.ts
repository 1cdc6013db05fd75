import { text } from '../../../core/localized.ts';
import { indicatorCatalogue } from '../../../core/reports/catalogue.ts';
import { totalLabel } from '../../../core/reports/labels.ts';
import type { Figure, Relation, ReportColumn } from '../../../core/reports/shape.ts';
import type { Grid, PlaceCoverage } from './other-figures.ts';
import { allColumn, type Built } from './tables.ts';

/**
 * Tables with two measures side by side (sessions and attendance; rounds and contacts by place):
 * the measures are the columns, the groups (or places) the rows, and each measure's rows add up
 * to its total.
 */
type MeasureRow = { key: string; label: ReportColumn['label']; values: number[] };

function measureTable(
  code: 'activities.sessionsAndAttendance' | 'coverage.byPlace',
  family: string,
  measures: ReportColumn[],
  rows: MeasureRow[],
  totals: number[],
): Built {
  const id = (measure: string, row: string) => `${family}|${measure}|${row}`;
  const cells = (row: string, values: number[]): Figure[] =>
    measures.map((measure, index) => ({ id: id(measure.key, row), value: values[index] ?? 0 }));
  const relations: Relation[] =
    rows.length > 1
      ? measures.map((m) => ({ total: id(m.key, allColumn), parts: rows.map((row) => id(m.key, row.key)) }))
      : [];
  const indicator = indicatorCatalogue[code];
  return {
    table: {
      id: code,
      title: indicator.title,
      ...(indicator.note ? { note: indicator.note } : {}),
      unit: indicator.unit,
      columns: measures,
      rows: [
        ...(rows.length > 1
          ? rows.map((row) => ({ key: row.key, label: row.label, cells: cells(row.key, row.values) }))
          : []),
        { key: 'total', label: totalLabel, isTotal: true, cells: cells(allColumn, totals) },
      ],
      chart: 'bars',
    },
    relations,
  };
}

/** Collective activities: sessions held and attendance, by group (mission, team, neighbourhood). */
export function activitiesTable(grid: Grid, groups: ReportColumn[]): Built {
  const measures = [
    { key: 'sessions', label: text('Séances', 'Sessions') },
    { key: 'attendances', label: text('Présences', 'Attendance') },
  ];
  const valuesOf = (column: string) => measures.map((m) => grid.get(column)?.get(m.key) ?? 0);
  return measureTable(
    'activities.sessionsAndAttendance',
    'activities',
    measures,
    groups.map((group) => ({ key: group.key, label: group.label, values: valuesOf(group.key) })),
    valuesOf(allColumn),
  );
}

/** Outreach coverage: rounds and contacts per place; contacts without any place count at "no place". */
export function coverageTable(places: PlaceCoverage[]): Built {
  const measures = [
    { key: 'sessions', label: text('Tournées', 'Rounds') },
    { key: 'encounters', label: text('Contacts', 'Contacts') },
  ];
  const rows = places.map((place) => ({
    key: `place:${place.placeId}`,
    label: place.name ? text(place.name, place.name) : text('Sans lieu', 'No place'),
    values: [place.sessions, place.encounters],
  }));
  const totals = [places.reduce((sum, p) => sum + p.sessions, 0), places.reduce((sum, p) => sum + p.encounters, 0)];
  return measureTable('coverage.byPlace', 'coverage', measures, rows, totals);
}
