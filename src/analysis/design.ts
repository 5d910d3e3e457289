/**
 * Experimental designs over varied factors: full grids, Latin hypercubes and Morris
 * trajectories. Random choices come from a seeded alea stream (model/rng.ts), never
 * Math.random, so a design is a function of its seed. Pure: no Node, no DOM.
 */
import { type Rng, stream } from '../model/rng';

/** What a factor sets: a model parameter, or a parameter of one intervention of the scenario. */
export type FactorTarget = { kind: 'param'; key: string } | { kind: 'lever'; index: number; lever: string; param: string };

export type FactorValue = number | string | boolean;

/**
 * One varied quantity: either listed `values` or a continuous range [min, max] (rounded to
 * integers when `integer`).
 */
export interface Factor {
  /** Column name in the output. */
  name: string;
  target: FactorTarget;
  values?: readonly FactorValue[];
  min?: number;
  max?: number;
  integer?: boolean;
}

export type DesignKind = 'grid' | 'lhs' | 'morris';

/** One Morris trajectory: k + 1 consecutive points, each after the first moving one factor. */
export interface Trajectory {
  /** Index in `points` of the trajectory's first point. */
  start: number;
  /** Factor index moved at step s (from point start + s to start + s + 1). */
  order: number[];
  /** Signed step in unit coordinates (+delta or -delta) of the factor moved at each step. */
  steps: number[];
}

export interface Design {
  kind: DesignKind;
  factors: readonly Factor[];
  /** One row per point: a value per factor. */
  points: FactorValue[][];
  /** Unit-cube coordinates of each point (lhs and morris; grid: the level position 0..1). */
  unit: number[][];
  /** Morris only. */
  trajectories?: Trajectory[];
  /** Morris only: number of levels p and the step delta = p / (2 (p - 1)). */
  levels?: number;
  delta?: number;
}

/** The design's random stream: alea seeded from (seed, purpose). */
export function designRng(seed: number, purpose: string): Rng {
  return stream(seed, 0, 0, `design:${purpose}`);
}

/** Value of a factor at unit coordinate u in [0, 1]. A value list is split into equal strata. */
export function factorValueAt(f: Factor, u: number): FactorValue {
  if (f.values) {
    const n = f.values.length;
    return f.values[Math.min(n - 1, Math.max(0, Math.floor(u * n)))];
  }
  const min = f.min ?? 0;
  const max = f.max ?? 1;
  const x = min + u * (max - min);
  return f.integer ? Math.round(x) : x;
}

/** The levels a grid uses for a factor: its values, or `levels` evenly spaced from min to max. */
export function gridLevels(f: Factor, levels: number): FactorValue[] {
  if (f.values) return [...f.values];
  const min = f.min ?? 0;
  const max = f.max ?? 1;
  if (levels <= 1 || min === max) return [f.integer ? Math.round(min) : min];
  const out: number[] = [];
  for (let i = 0; i < levels; i++) {
    const x = i === levels - 1 ? max : min + ((max - min) * i) / (levels - 1);
    const v = f.integer ? Math.round(x) : x;
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/**
 * Full factorial grid: every combination of the factors' levels, the first factor varying
 * slowest (row-major, like nested loops in the order the factors are listed).
 */
export function gridDesign(factors: readonly Factor[], levels: number): Design {
  const lists = factors.map((f) => gridLevels(f, levels));
  const points: FactorValue[][] = [];
  const unit: number[][] = [];
  const idx = new Array<number>(factors.length).fill(0);
  const total = lists.reduce((a, l) => a * l.length, 1);
  for (let p = 0; p < total; p++) {
    points.push(idx.map((i, j) => lists[j][i]));
    unit.push(idx.map((i, j) => (lists[j].length > 1 ? i / (lists[j].length - 1) : 0)));
    for (let j = factors.length - 1; j >= 0; j--) {
      if (++idx[j] < lists[j].length) break;
      idx[j] = 0;
    }
  }
  return { kind: 'grid', factors, points, unit };
}

/** Fisher-Yates shuffle of 0..n-1. */
function permutation(n: number, rng: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * Latin hypercube of n points: for every factor the unit interval is cut into n equal strata
 * and each stratum holds exactly one point (at a random position inside it); strata are paired
 * across factors by independent random permutations.
 */
export function lhsDesign(factors: readonly Factor[], n: number, seed: number): Design {
  const rng = designRng(seed, 'lhs');
  const unit: number[][] = Array.from({ length: n }, () => new Array<number>(factors.length));
  factors.forEach((_, j) => {
    const perm = permutation(n, rng);
    for (let i = 0; i < n; i++) unit[i][j] = (perm[i] + rng()) / n;
  });
  const points = unit.map((u) => u.map((x, j) => factorValueAt(factors[j], x)));
  return { kind: 'lhs', factors, points, unit };
}

/**
 * Morris (1991) one-at-a-time trajectories on a p-level grid of the unit cube, with the step
 * delta = p / (2 (p - 1)). Each trajectory starts at a random grid point, then moves every
 * factor once, in a random order, by +delta or -delta (so it stays in the cube): k + 1 points
 * per trajectory, r (k + 1) in all. `levels` must be even (4 is usual).
 */
export function morrisDesign(factors: readonly Factor[], trajectories: number, levels: number, seed: number): Design {
  if (levels < 2 || levels % 2 !== 0) throw new RangeError(`Morris levels must be even and at least 2, got ${levels}`);
  const rng = designRng(seed, 'morris');
  const k = factors.length;
  const delta = levels / (2 * (levels - 1));
  // Lower ends of a step: levels 0 .. p/2 - 1 (so x + delta <= 1).
  const lowLevels = levels / 2;
  const unit: number[][] = [];
  const trajs: Trajectory[] = [];
  for (let t = 0; t < trajectories; t++) {
    const low = Array.from({ length: k }, () => Math.floor(rng() * lowLevels) / (levels - 1));
    const up = Array.from({ length: k }, () => rng() < 0.5);
    const order = permutation(k, rng);
    const x = low.map((l, j) => (up[j] ? l : l + delta));
    const start = unit.length;
    unit.push(x.slice());
    const steps: number[] = [];
    for (const j of order) {
      const s = up[j] ? delta : -delta;
      x[j] = up[j] ? low[j] + delta : low[j];
      steps.push(s);
      unit.push(x.slice());
    }
    trajs.push({ start, order, steps });
  }
  const points = unit.map((u) => u.map((x, j) => factorValueAt(factors[j], clamp01(x))));
  return { kind: 'morris', factors, points, unit, trajectories: trajs, levels, delta };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Unit-coordinate mapping for ranges used by Morris: min at 0, max at 1. (For Morris the value
 * of a listed-values factor at u is never used: Morris needs ranges.)
 */
export function rangeValue(f: Factor, u: number): number {
  return factorValueAt({ ...f, values: undefined }, u) as number;
}
