import { describe, expect, it } from 'vitest';
import { exhaustiveAttack } from './exhaustive-attack.ts';
import type { ComputedReport } from './shape.ts';
import { showReport } from './suppression.ts';
import { oneWayTable, primaryOnly, reportOf, truthOf, twoWayTable } from './test-reports.ts';

/** A small seeded generator (mulberry32), so every run attacks the same reports. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Half the cells small (0–4), half from 5 to 14: suppression has work on every report. */
function randomReport(seed: number): ComputedReport {
  const random = seeded(seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const count = () => (random() < 0.5 ? between(0, 4) : between(5, 14));
  const rows = between(2, 3);
  const columns = between(2, 3);
  const grid = Array.from({ length: rows }, () => Array.from({ length: columns }, count));
  const parts = [twoWayTable('grid', grid, { grandTotalId: 'all' })];
  if (random() < 0.6) {
    // A second table that splits the same total another way (by age, by place…).
    const total = grid.flat().reduce((sum, value) => sum + value, 0);
    const split: number[] = [];
    let left = total;
    const pieces = between(2, 3);
    for (let piece = 1; piece < pieces; piece++) {
      const value = Math.min(left, random() < 0.5 ? between(0, 4) : between(5, 14));
      split.push(value);
      left -= value;
    }
    split.push(left);
    parts.push(oneWayTable('split', split, { totalId: 'all' }));
  } else {
    parts.push(oneWayTable('line', Array.from({ length: between(2, 4) }, count)));
  }
  return reportOf(parts);
}

const capFor = (report: ComputedReport) => Math.max(...truthOf(report).values()) + 10;

describe('secondary suppression against an independent, exhaustive attacker', () => {
  const seeds = Array.from({ length: 60 }, (_, index) => 1000 + index);

  it('recovers cells from primary suppression alone (the attacker works)', () => {
    const leaking = seeds.filter((seed) => {
      const report = randomReport(seed);
      return exhaustiveAttack(primaryOnly(report), report.relations, truthOf(report), capFor(report)).length > 0;
    });
    expect(leaking.length).toBeGreaterThan(seeds.length / 2);
  });

  it('recovers no hidden cell from the shown reports', () => {
    const leaks = seeds.flatMap((seed) => {
      const report = randomReport(seed);
      const recovered = exhaustiveAttack(showReport(report), report.relations, truthOf(report), capFor(report));
      return recovered.map((id) => `seed ${seed}: ${id}`);
    });
    expect(leaks).toEqual([]);
  }, 60_000);
});
