import { INDICATORS, type IndicatorName, resultValue, type RunResult, type Terrain, TERRAINS } from '../model';
import type { LessonCheck, LessonMeasure, LessonOp } from './types';

/**
 * What a check reads from a run: the engine's RunResult in Node, the page's SimClient in the
 * browser. `value` is NaN for years not simulated yet.
 */
export interface RunData {
  readonly startYear: number;
  readonly counties: readonly { id: string; terrain: Terrain }[];
  value(yearIndex: number, unit: number, indicator: IndicatorName): number;
}

/** A finished (or partial) RunResult as RunData. */
export function runDataOf(r: RunResult, yearsRecorded = r.meta.years + 1): RunData {
  return {
    startYear: r.meta.startYear,
    counties: r.meta.counties,
    value: (y, u, name) => (y < 0 || y >= yearsRecorded ? NaN : resultValue(r, y, u, name)),
  };
}

const AGGREGATION = new Map<string, string>(INDICATORS.map((i) => [i.name, i.aggregation]));

/**
 * An indicator in one year for a unit named as in lesson files: `region`, a county id, or a
 * terrain. A terrain pools its counties: summed for totals (people, yuan, counts), otherwise the
 * mean of the county values weighted by their resident population that year (exact for rates
 * over residents; an approximation for rates over other groups, such as the return-to-poverty
 * rate over exited households, and for the Gini).
 */
export function unitValue(run: RunData, yearIndex: number, unit: string, indicator: IndicatorName): number {
  const n = run.counties.length;
  if (unit === 'region') return run.value(yearIndex, n, indicator);
  if ((TERRAINS as readonly string[]).includes(unit)) {
    const sum = AGGREGATION.get(indicator) === 'sum';
    let total = 0;
    let weight = 0;
    for (let c = 0; c < n; c++) {
      if (run.counties[c].terrain !== unit) continue;
      const v = run.value(yearIndex, c, indicator);
      if (sum) {
        total += v;
        weight = 1;
      } else {
        const w = run.value(yearIndex, c, 'population');
        total += v * w;
        weight += w;
      }
    }
    return weight > 0 ? total / weight : NaN;
  }
  const c = run.counties.findIndex((x) => x.id === unit);
  return c < 0 ? NaN : run.value(yearIndex, c, indicator);
}

/** The measure's number (NaN if a year it needs was not simulated). */
export function measureValue(run: RunData, m: LessonMeasure): number {
  const xs: number[] = [];
  for (let y = m.from; y <= m.to; y++) xs.push(unitValue(run, y - run.startYear, m.unit, m.indicator));
  if (xs.some((x) => !Number.isFinite(x))) return NaN;
  const first = xs[0];
  const last = xs[xs.length - 1];
  switch (m.stat) {
    case 'mean':
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    case 'sum':
      return xs.reduce((a, b) => a + b, 0);
    case 'min':
      return Math.min(...xs);
    case 'max':
      return Math.max(...xs);
    case 'first':
      return first;
    case 'last':
      return last;
    case 'change':
      return last - first;
    case 'pctChange':
      return first === 0 ? NaN : last / first - 1;
  }
}

export function compare(a: number, op: LessonOp, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/** What a check found: the measured numbers and whether the claim holds. */
export interface CheckOutcome {
  ok: boolean;
  /** The claim's measure. */
  left: number;
  /** The measure it is compared with (null without `against`). */
  right: number | null;
  /** The number compared with the check's value: `left`, or the (relative) difference. */
  compared: number;
}

/** Evaluates a check on a step's run and its comparison run. */
export function evaluateCheck(check: LessonCheck, runs: { main: RunData; compare: RunData | null }): CheckOutcome {
  const left = measureValue(runs.main, check.measure);
  if (!check.against) return { ok: Number.isFinite(left) && compare(left, check.op, check.value), left, right: null, compared: left };
  const run = check.against.run === 'compare' ? runs.compare : runs.main;
  const right = run ? measureValue(run, check.against.measure) : NaN;
  const diff = check.relative ? (right === 0 ? NaN : (left - right) / Math.abs(right)) : left - right;
  return { ok: Number.isFinite(diff) && compare(diff, check.op, check.value), left, right, compared: diff };
}

