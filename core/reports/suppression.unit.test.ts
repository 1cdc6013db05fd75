import { describe, expect, it } from 'vitest';
import { exhaustiveAttack } from './exhaustive-attack.ts';
import { showReport } from './suppression.ts';
import { oneWayTable, primaryOnly, reportOf, shownById, truthOf, twoWayTable } from './test-reports.ts';

const hiddenIds = (shown: Map<string, number | 'primary' | 'secondary'>, kind: 'primary' | 'secondary') =>
  [...shown].filter(([, value]) => value === kind).map(([id]) => id);

describe('showReport: primary and secondary suppression', () => {
  it('hides a small cell and its smallest complement in a one-dimension table', () => {
    const report = reportOf([oneWayTable('channel', [12, 3, 7, 20])]);
    const shown = shownById(showReport(report));
    expect(shown.get('channel.r1')).toBe('primary');
    // 7 is the smallest other part: without it, 42 − 12 − 20 = 10 = r1 + r2, and r1 is not found.
    expect(hiddenIds(shown, 'secondary')).toEqual(['channel.r2']);
    expect(shown.get('channel.total')).toBe(42);
    expect(exhaustiveAttack(primaryOnly(report), report.relations, truthOf(report), 60)).toEqual(['channel.r1']);
  });

  it('hides zero as "<5" too, and never uses a threshold under 5', () => {
    const report = reportOf([oneWayTable('needs', [0, 9, 6])], 2);
    const shownReport = showReport(report);
    expect(shownReport.threshold).toBe(5);
    const shown = shownById(shownReport);
    expect(shown.get('needs.r0')).toBe('primary');
    expect(shown.get('needs.r2')).toBe('secondary');
  });

  it('protects a two-dimension table along its rows and its columns', () => {
    const report = reportOf([
      twoWayTable('grid', [
        [2, 10, 8],
        [9, 6, 11],
        [7, 12, 15],
      ]),
    ]);
    const shown = shownById(showReport(report));
    expect(shown.get('grid.r0c0')).toBe('primary');
    const secondaries = hiddenIds(shown, 'secondary');
    // At least one more cell in its row, one in its column, and one closing the rectangle.
    expect(secondaries.filter((id) => /^grid\.r0c\d$/.test(id)).length).toBeGreaterThanOrEqual(1);
    expect(secondaries.filter((id) => /^grid\.r\dc0$/.test(id)).length).toBeGreaterThanOrEqual(1);
    expect(secondaries.length).toBeGreaterThanOrEqual(3);
    expect(secondaries.every((id) => !id.endsWith('total'))).toBe(true);
    expect(exhaustiveAttack(showReport(report), report.relations, truthOf(report), 80)).toEqual([]);
    expect(exhaustiveAttack(primaryOnly(report), report.relations, truthOf(report), 80)).toEqual(['grid.r0c0']);
  });

  it('hides a shared total alike in both tables and protects both', () => {
    const byAge = oneWayTable('age', [3, 14, 9], { totalId: 'people.total' });
    const byPlace = oneWayTable('place', [15, 4, 7], { totalId: 'people.total' });
    const report = reportOf([byAge, byPlace]);
    const shownReport = showReport(report);
    const cells = shownReport.tables.flatMap((table) => table.rows.flatMap((row) => row.cells));
    const totals = cells.filter((cell) => cell.id === 'people.total');
    expect(totals).toHaveLength(2);
    expect(new Set(totals.map((cell) => JSON.stringify(cell))).size).toBe(1);
    expect(exhaustiveAttack(shownReport, report.relations, truthOf(report), 80)).toEqual([]);
  });

  it('does not let "total − shown parts = threshold" reveal a zero (p + s = 5 with s ≥ 5)', () => {
    // The first complement of 0 is 5: the attacker then sees 16 − 11 = 5 = p + s with s ≥ 5
    // ("×" is not "<5"), so p = 0. The interval attack sees it and a second complement goes.
    const report = reportOf([oneWayTable('outcome', [0, 5, 11])]);
    const shownReport = showReport(report);
    const shown = shownById(shownReport);
    expect(shown.get('outcome.r0')).toBe('primary');
    expect(shown.get('outcome.r1')).toBe('secondary');
    expect(shown.get('outcome.r2')).toBe('secondary');
    expect(shown.get('outcome.total')).toBe(16);
    const onlyFirstComplement = primaryOnly(report);
    const fiveCell = onlyFirstComplement.tables[0]?.rows[1]?.cells;
    if (fiveCell) fiveCell[0] = { id: 'outcome.r1', value: null, hidden: 'secondary' };
    expect(exhaustiveAttack(onlyFirstComplement, report.relations, truthOf(report), 60)).toContain('outcome.r0');
    expect(exhaustiveAttack(shownReport, report.relations, truthOf(report), 60)).toEqual([]);
  });

  it('hides the total of a relation whose only part is hidden, and what that total then gives away', () => {
    const single = oneWayTable('first', [3]);
    const wider = oneWayTable('all', [20, 9], { total: 32 });
    const report = reportOf([single, wider]);
    report.relations.pop();
    // first.total is itself a part of all.total, beside all.r0 and all.r1 (as 3 + 20 + 9 = 32).
    report.relations.push({ total: 'all.total', parts: ['first.total', 'all.r0', 'all.r1'] });
    const shownReport = showReport(report);
    const shown = shownById(shownReport);
    expect(shown.get('first.r0')).toBe('primary');
    expect(shown.get('first.total')).toBe('primary');
    expect(shown.get('all.r1')).toBe('secondary');
    expect(exhaustiveAttack(shownReport, report.relations, truthOf(report), 60)).toEqual([]);
  });

  it('hides the total when the only part is small but the total is not', () => {
    // A relation total = part where the figures sit in tables of different units is not possible
    // for true data unless equal; a total of one shown part and one hidden one is the real case.
    const report = reportOf([oneWayTable('pair', [2, 30])]);
    const shown = shownById(showReport(report));
    expect(shown.get('pair.r0')).toBe('primary');
    expect(shown.get('pair.r1')).toBe('secondary');
  });

  it('leaves hours untouched, small or not', () => {
    const report = reportOf([oneWayTable('time', [2, 0, 40], { unit: 'hours' })]);
    const shown = shownById(showReport(report));
    expect([...shown.values()]).toEqual([2, 0, 40, 42]);
  });

  it('shows everything when nothing is small', () => {
    const report = reportOf([
      twoWayTable('big', [
        [10, 20],
        [30, 40],
      ]),
    ]);
    const shown = shownById(showReport(report));
    expect([...shown.values()].every((value) => typeof value === 'number')).toBe(true);
  });
});
