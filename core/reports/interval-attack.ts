import type { Relation } from './shape.ts';

/**
 * The attacker secondary suppression defends against (decision 00XX-secondary-suppression). It
 * knows every shown value, every additive relation of the report, that a primary cell lies in
 * [0, threshold − 1] and that a secondary cell of a protected count is at least the threshold (it is
 * drawn "×", not "<5"). It narrows each hidden figure's interval through every relation until
 * nothing moves (the "shuttle" of statistical offices); plain subtraction is the case where a
 * relation has one unknown left. A hidden figure whose interval closes on one value is disclosed.
 *
 * Figures are numbered (their index in `values`) so the propagation works on typed arrays: a report
 * of 50 tables × 30 cells is re-attacked after every round of complements.
 */
export type HiddenFigure = { kind: 'primary' | 'secondary'; protectedCount: boolean };

export type AttackProblem = {
  threshold: number;
  /** The true value of every figure, by index. */
  values: readonly number[];
  /** Hidden figures by index; the others are shown. */
  hidden: ReadonlyMap<number, HiddenFigure>;
  /** Relations over figure indexes. */
  relations: readonly IndexedRelation[];
  /** For each figure, the relations it belongs to. */
  relationsOf: readonly (readonly number[])[];
  /** Figures the attacker never sees (named by a relation but in no table); never a disclosure. */
  unseen: ReadonlySet<number>;
};

export type IndexedRelation = { total: number; parts: number[] };

export type Disclosure = {
  figure: number;
  /** The relation that last narrowed the figure, or null when its own prior did. */
  cause: number | null;
};

export type AttackOutcome = {
  lo: Float64Array;
  hi: Float64Array;
  /** For every figure, the relation that last moved its lower and upper bound (-1: none). */
  causeLo: Int32Array;
  causeHi: Int32Array;
  disclosures: Disclosure[];
};

export function indexRelations(
  relations: readonly Relation[],
  indexOf: ReadonlyMap<string, number>,
): IndexedRelation[] {
  return relations.map((relation) => ({
    total: indexOf.get(relation.total) as number,
    parts: relation.parts.map((part) => indexOf.get(part) as number),
  }));
}

export function intervalAttack(problem: AttackProblem): AttackOutcome {
  const count = problem.values.length;
  const lo = new Float64Array(count);
  const hi = new Float64Array(count);
  const causeLo = new Int32Array(count).fill(-1);
  const causeHi = new Int32Array(count).fill(-1);
  // When each bound last moved, to tell which relation closed an interval.
  const movedLoAt = new Int32Array(count);
  const movedHiAt = new Int32Array(count);
  for (let figure = 0; figure < count; figure++) {
    const hidden = problem.hidden.get(figure);
    if (problem.unseen.has(figure)) {
      lo[figure] = 0;
      hi[figure] = Number.POSITIVE_INFINITY;
    } else if (!hidden) {
      lo[figure] = problem.values[figure] as number;
      hi[figure] = problem.values[figure] as number;
    } else if (hidden.kind === 'primary') {
      lo[figure] = 0;
      hi[figure] = problem.threshold - 1;
    } else {
      lo[figure] = hidden.protectedCount ? problem.threshold : 0;
      hi[figure] = Number.POSITIVE_INFINITY;
    }
  }

  const queue: number[] = problem.relations.map((_, index) => index);
  const queued = new Uint8Array(problem.relations.length).fill(1);
  let moment = 0;
  const enqueueRelationsOf = (figure: number) => {
    for (const relation of problem.relationsOf[figure] ?? []) {
      if (!queued[relation]) {
        queued[relation] = 1;
        queue.push(relation);
      }
    }
  };
  const narrow = (figure: number, lower: number, upper: number, relation: number) => {
    let moved = false;
    if (lower > (lo[figure] as number)) {
      lo[figure] = lower;
      causeLo[figure] = relation;
      movedLoAt[figure] = ++moment;
      moved = true;
    }
    if (upper < (hi[figure] as number)) {
      hi[figure] = upper;
      causeHi[figure] = relation;
      movedHiAt[figure] = ++moment;
      moved = true;
    }
    if (moved) enqueueRelationsOf(figure);
  };

  for (let head = 0; head < queue.length; head++) {
    const index = queue[head] as number;
    queued[index] = 0;
    const { total, parts } = problem.relations[index] as IndexedRelation;
    // Sums of the parts' bounds; upper bounds may be infinite, so count those apart.
    let sumLo = 0;
    let finiteHi = 0;
    let infiniteHi = 0;
    for (const part of parts) {
      sumLo += lo[part] as number;
      if (hi[part] === Number.POSITIVE_INFINITY) infiniteHi++;
      else finiteHi += hi[part] as number;
    }
    narrow(total, sumLo, infiniteHi > 0 ? Number.POSITIVE_INFINITY : finiteHi, index);
    for (const part of parts) {
      const partHi = hi[part] as number;
      const partInfinite = partHi === Number.POSITIVE_INFINITY;
      const othersInfinite = infiniteHi - (partInfinite ? 1 : 0) > 0;
      const othersHi = othersInfinite ? Number.POSITIVE_INFINITY : finiteHi - (partInfinite ? 0 : partHi);
      const othersLo = sumLo - (lo[part] as number);
      narrow(part, (lo[total] as number) - othersHi, (hi[total] as number) - othersLo, index);
    }
  }

  const disclosures: Disclosure[] = [];
  for (const figure of [...problem.hidden.keys()].sort((a, b) => a - b)) {
    if (problem.unseen.has(figure) || lo[figure] !== hi[figure]) continue;
    const lastLo = causeLo[figure] as number;
    const lastHi = causeHi[figure] as number;
    // The relation that closed the interval is the one that moved a bound last.
    const closedByHi = (movedHiAt[figure] as number) > (movedLoAt[figure] as number);
    const cause = closedByHi ? lastHi : lastLo;
    disclosures.push({ figure, cause: cause === -1 ? null : cause });
  }
  return { lo, hi, causeLo, causeHi, disclosures };
}
