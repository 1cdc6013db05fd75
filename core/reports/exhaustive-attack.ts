import type { Relation, ShownReport } from './shape.ts';
import { protectedUnits } from './shape.ts';

/**
 * A second attacker, written apart from interval-attack.ts so the tests do not grade the
 * suppression with its own ruler: it searches integer assignments of the hidden cells of a small
 * report that satisfy every relation, and calls a cell recovered when no assignment gives it
 * another value than the true one. It knows what the interval attacker knows (shown values,
 * relations, "<5" means 0 to threshold − 1, "×" on a protected count means at least the threshold)
 * and caps unknowns at `cap`: a bounded search finds fewer solutions, so it recovers at least what
 * an unbounded one would. Exponential: for reports of a few dozen cells, in tests only.
 */
export function exhaustiveAttack(
  shown: ShownReport,
  relations: readonly Relation[],
  truth: ReadonlyMap<string, number>,
  cap: number,
): string[] {
  const known = new Map<string, number>();
  const domains = new Map<string, [number, number]>();
  for (const table of shown.tables) {
    const isProtected = protectedUnits.includes(table.unit);
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.value !== null) known.set(cell.id, cell.value);
        else if (cell.hidden === 'primary') domains.set(cell.id, [0, shown.threshold - 1]);
        else if (!domains.has(cell.id)) domains.set(cell.id, [isProtected ? shown.threshold : 0, cap]);
      }
    }
  }
  const unknowns = [...domains.keys()];
  const recovered: string[] = [];
  for (const target of unknowns) {
    const trueValue = truth.get(target) as number;
    const assigned = new Map<string, number>(known);
    if (!solve(0)) recovered.push(target);

    /** Whether the unknowns from `position` on can be set so every relation holds and the target differs. */
    function solve(position: number): boolean {
      if (!relations.every(stillPossible)) return false;
      if (position === unknowns.length) return true;
      const id = unknowns[position] as string;
      const [low, high] = domains.get(id) as [number, number];
      for (let value = low; value <= high; value++) {
        if (id === target && value === trueValue) continue;
        assigned.set(id, value);
        if (solve(position + 1)) return true;
      }
      assigned.delete(id);
      return false;
    }

    /** Whether `total − Σ parts` can still be zero given what is set and the ranges of the rest. */
    function stillPossible(relation: Relation): boolean {
      let least = 0;
      let most = 0;
      const add = (id: string, sign: 1 | -1) => {
        const value = assigned.get(id);
        const [low, high] = value === undefined ? (domains.get(id) ?? [0, cap]) : [value, value];
        if (sign === 1) {
          least += low;
          most += high;
        } else {
          least -= high;
          most -= low;
        }
      };
      add(relation.total, 1);
      for (const part of relation.parts) add(part, -1);
      return least <= 0 && most >= 0;
    }
  }
  return recovered;
}
