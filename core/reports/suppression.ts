import {
  type AttackProblem,
  type HiddenFigure,
  type IndexedRelation,
  indexRelations,
  intervalAttack,
} from './interval-attack.ts';
import type { ComputedReport, ShownFigure, ShownReport } from './shape.ts';
import { protectedUnits } from './shape.ts';

/** Counts of people or contacts under this never leave the server, whatever a report asks. */
export const minimumThreshold = 5;

/**
 * What of a computed report may leave the server (decision 00XX-secondary-suppression).
 *
 * Primary: every protected count under the threshold (zero too) is hidden, drawn "<5".
 * Secondary: while the interval attacker (interval-attack.ts) can still close a hidden figure's
 * interval through the report's relations, the smallest shown part of the relation that closed it
 * is hidden too (drawn "×"); a relation without another shown part gives up its total, which then
 * counts as unknown in the relations it is a part of. The loop ends when the attacker recovers
 * nothing. A figure id shared by several tables is hidden everywhere.
 */
export function showReport(report: ComputedReport): ShownReport {
  const hidden = chooseHiddenFigures(report);
  const { relations: _relations, tables, ...rest } = report;
  return {
    ...rest,
    threshold: effectiveThreshold(report),
    tables: tables.map((table) => ({
      ...table,
      rows: table.rows.map((row) => ({
        ...row,
        cells: row.cells.map((figure): ShownFigure => {
          const kind = hidden.get(figure.id);
          return kind ? { id: figure.id, value: null, hidden: kind } : figure;
        }),
      })),
    })),
  };
}

export function effectiveThreshold(report: Pick<ComputedReport, 'threshold'>): number {
  return Math.max(minimumThreshold, Math.floor(report.threshold));
}

/** Which figure ids to hide, and how; the others are shown. */
export function chooseHiddenFigures(report: ComputedReport): Map<string, 'primary' | 'secondary'> {
  const threshold = effectiveThreshold(report);
  const layout = layOut(report);
  const { values, protectedCount, indexOf, ids } = layout;
  const hidden = new Map<number, HiddenFigure>();
  for (let figure = 0; figure < ids.length; figure++) {
    if (protectedCount[figure] && (values[figure] as number) < threshold) {
      hidden.set(figure, { kind: 'primary', protectedCount: true });
    }
  }
  const relations = indexRelations(report.relations, indexOf);
  const relationsOf: number[][] = values.map(() => []);
  relations.forEach((relation, index) => {
    for (const figure of [relation.total, ...relation.parts]) relationsOf[figure]?.push(index);
  });
  const problem: AttackProblem = { threshold, values, hidden, relations, relationsOf, unseen: layout.unseen };
  const hideSecondary = (figure: number) =>
    hidden.set(figure, { kind: 'secondary', protectedCount: protectedCount[figure] === 1 });

  for (;;) {
    const { disclosures, causeLo, causeHi } = intervalAttack(problem);
    if (disclosures.length === 0) break;
    const before = hidden.size;
    // One complement per relation and round: a second disclosure through the same relation is
    // usually cured by the first complement, and the next round checks.
    const mendedRelations = new Set<number>();
    for (const { figure, cause } of disclosures) {
      if (cause !== null && mendedRelations.has(cause)) continue;
      const complement = findComplement(problem, figure, cause, causeLo, causeHi);
      if (complement === null) continue;
      hideSecondary(complement.figure);
      mendedRelations.add(complement.relation);
    }
    if (hidden.size === before) {
      // No shown figure explains the disclosure (relations that do not hold on the true values):
      // hide every figure that takes part in a relation rather than let one out.
      for (const relation of relations) {
        for (const figure of [relation.total, ...relation.parts]) {
          if (!hidden.has(figure) && !layout.unseen.has(figure)) hideSecondary(figure);
        }
      }
      break;
    }
  }

  const result = new Map<string, 'primary' | 'secondary'>();
  for (const [figure, { kind }] of hidden) result.set(ids[figure] as string, kind);
  return result;
}

/**
 * The shown figure to hide so that `figure` is no longer recovered: the smallest shown part of the
 * relation that closed its interval (first seen wins ties), else that relation's total. When that
 * relation has nothing shown left, the search walks back through the relations that narrowed its
 * hidden members.
 */
function findComplement(
  problem: AttackProblem,
  figure: number,
  cause: number | null,
  causeLo: Int32Array,
  causeHi: Int32Array,
): { figure: number; relation: number } | null {
  const visited = new Set<number>();
  const pending: number[] = cause === null ? [] : [cause];
  const isShown = (candidate: number) => !problem.hidden.has(candidate) && !problem.unseen.has(candidate);
  while (pending.length > 0) {
    const index = pending.shift() as number;
    if (visited.has(index)) continue;
    visited.add(index);
    const relation = problem.relations[index] as IndexedRelation;
    let best: number | null = null;
    for (const part of relation.parts) {
      if (part === figure || !isShown(part)) continue;
      if (best === null || (problem.values[part] as number) < (problem.values[best] as number)) best = part;
    }
    if (best === null && relation.total !== figure && isShown(relation.total)) best = relation.total;
    if (best !== null) return { figure: best, relation: index };
    for (const member of [relation.total, ...relation.parts]) {
      if (member === figure) continue;
      for (const next of [causeLo[member] as number, causeHi[member] as number]) {
        if (next !== -1 && !visited.has(next)) pending.push(next);
      }
    }
  }
  return null;
}

type Layout = {
  ids: string[];
  indexOf: Map<string, number>;
  values: number[];
  /** 1 when the figure appears in a table of a protected unit. */
  protectedCount: Uint8Array;
  unseen: Set<number>;
};

/** Numbers every figure by first appearance (tables, then relations), so every choice is deterministic. */
function layOut(report: ComputedReport): Layout {
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  const values: number[] = [];
  const protectedFlags: number[] = [];
  const unseen = new Set<number>();
  const add = (id: string, value: number) => {
    const known = indexOf.get(id);
    if (known !== undefined) return known;
    indexOf.set(id, ids.length);
    ids.push(id);
    values.push(value);
    protectedFlags.push(0);
    return ids.length - 1;
  };
  for (const table of report.tables) {
    const isProtected = protectedUnits.includes(table.unit);
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const figure = add(cell.id, cell.value);
        if (isProtected) protectedFlags[figure] = 1;
      }
    }
  }
  for (const relation of report.relations) {
    for (const id of [relation.total, ...relation.parts]) {
      if (!indexOf.has(id)) unseen.add(add(id, Number.NaN));
    }
  }
  return { ids, indexOf, values, protectedCount: Uint8Array.from(protectedFlags), unseen };
}
