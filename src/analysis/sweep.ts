/**
 * Running a bound sweep (sweepFile.ts): its runs, their tidy rows, the outcome of each run, and
 * the summaries (per point, or Morris effects). Pure, shared by `npm run sweep`, `npm run merge`
 * and the browser.
 *
 * Runs are numbered globally point-major: run t (0-based) is repetition (t mod R) + 1 of point
 * floor(t / R) + 1. Repetition r of every point uses the engine's run r of the sweep's seed, so
 * points are compared on common random numbers.
 */
import { formatNumber, regionCounties, type RunResult, type Scenario } from '../model/index';
import type { FactorValue } from './design';
import { type MorrisEffect, morrisEffects } from './morris';
import { type Band, band } from './stats';
import { type BoundSweep, FIXED_COLUMNS, pointScenario } from './sweepFile';

/** What one run of a sweep computes. */
export interface SweepTask {
  /** Global index, 0-based. */
  index: number;
  /** Design point, 1-based (the `point` column). */
  point: number;
  /** Repetition, 1-based (the `run` column and the engine's run number). */
  run: number;
}

export function sweepTask(b: BoundSweep, index: number): SweepTask {
  return { index, point: Math.floor(index / b.repetitions) + 1, run: (index % b.repetitions) + 1 };
}

/** Scenarios per point are built once and reused for every repetition. */
export function sweepScenarios(b: BoundSweep): Scenario[] {
  return b.design.points.map((_, p) => pointScenario(b, p));
}

/** The output header: `point,run,year,county,indicator,value,<factor names...>`. */
export function sweepHeader(b: BoundSweep): string {
  return [...FIXED_COLUMNS, ...b.factors.map((f) => f.name)].join(',');
}

/** A factor value as written in a column. */
export function formatFactorValue(v: FactorValue): string {
  return typeof v === 'number' ? formatNumber(v) : String(v);
}

/**
 * The tidy rows of one run of a sweep (no header): one per year, county (then `region`) and
 * indicator, in the order of `sim`, with the point, the run and every varied value.
 */
export function sweepRows(b: BoundSweep, task: SweepTask, r: RunResult): string {
  const { meta, values } = r;
  const units = meta.counties.map((c) => c.id).concat('region');
  const k = meta.indicators.length;
  const picked = b.indicators.map((name) => meta.indicators.indexOf(name));
  const suffix = b.design.points[task.point - 1].map(formatFactorValue).join(',');
  const parts: string[] = [];
  for (let y = 0; y <= meta.years; y++) {
    const year = meta.startYear + y;
    for (let u = 0; u < units.length; u++) {
      const base = (y * units.length + u) * k;
      const prefix = `${task.point},${task.run},${year},${units[u]},`;
      for (const i of picked) parts.push(`${prefix}${meta.indicators[i]},${formatNumber(values[base + i])},${suffix}\n`);
    }
  }
  return parts.join('');
}

/**
 * The sweep's outcome in one run, from the values as written to the CSV (rounded by
 * formatNumber), so that it is the same whether computed from a run or from merged files.
 */
export function runOutcome(b: BoundSweep, r: RunResult): number {
  const { meta, values } = r;
  const units = meta.counties.length + 1;
  const k = meta.indicators.length;
  const i = meta.indicators.indexOf(b.outcome.indicator);
  let sum = 0;
  for (const y of b.outcome.yearIndexes) sum += Number(formatNumber(values[(y * units + b.outcome.unitIndex) * k + i]));
  return sum / b.outcome.yearIndexes.length;
}

/**
 * Collects the outcome from tidy rows of a sweep (for `merge`): call `row` with each row's
 * fields in order, then `outcomes()`. Gives exactly runOutcome's numbers.
 */
export class OutcomeCollector {
  private readonly sums: Float64Array;
  private readonly unit: string;
  private readonly years: Set<number>;

  constructor(private readonly b: BoundSweep) {
    this.sums = new Float64Array(b.runs);
    const ids = countyIds(b);
    this.unit = b.outcome.unitIndex === ids.length ? 'region' : ids[b.outcome.unitIndex];
    this.years = new Set(b.outcome.yearIndexes.map((y) => b.scenario.startYear + y));
  }

  /** One CSV line without its newline. */
  line(line: string): void {
    // point,run,year,county,indicator,value,...
    const f = line.split(',', 6);
    if (f[4] !== this.b.outcome.indicator || f[3] !== this.unit || !this.years.has(Number(f[2]))) return;
    const t = (Number(f[0]) - 1) * this.b.repetitions + Number(f[1]) - 1;
    this.sums[t] += Number(f[5]);
  }

  outcomes(): number[] {
    return Array.from(this.sums, (s) => s / this.b.outcome.yearIndexes.length);
  }
}

function countyIds(b: BoundSweep): string[] {
  return regionCounties(b.scenario.region).map((c) => c.id);
}

/** The outcome at one point over its repetitions. */
export interface PointSummary {
  point: number;
  values: FactorValue[];
  band: Band;
}

/** Median, 5-95% band and mean of the outcome over the repetitions of each point. */
export function pointSummaries(b: BoundSweep, outcomes: readonly number[]): PointSummary[] {
  return b.design.points.map((values, p) => ({ point: p + 1, values, band: band(outcomes.slice(p * b.repetitions, (p + 1) * b.repetitions)) }));
}

/** Morris effects of a Morris sweep: the outcome at each point is its mean over repetitions. */
export function sweepMorris(b: BoundSweep, outcomes: readonly number[]): MorrisEffect[] {
  const means = b.design.points.map((_, p) => {
    let s = 0;
    for (let r = 0; r < b.repetitions; r++) s += outcomes[p * b.repetitions + r];
    return s / b.repetitions;
  });
  return morrisEffects(b.design, means);
}

/** Per-point summary as CSV: `point,<factors>,runs,median,p5,p95,mean`. */
export function pointSummaryCsv(b: BoundSweep, rows: readonly PointSummary[]): string {
  const header = ['point', ...b.factors.map((f) => f.name), 'runs', 'median', 'p5', 'p95', 'mean'].join(',');
  return [header, ...rows.map((r) => [r.point, ...r.values.map(formatFactorValue), r.band.n, ...[r.band.median, r.band.lo, r.band.hi, r.band.mean].map(formatNumber)].join(','))].join('\n') + '\n';
}

/** Morris table as CSV: `rank,factor,mu_star,mu,sigma,trajectories`. */
export function morrisCsv(effects: readonly MorrisEffect[]): string {
  return ['rank,factor,mu_star,mu,sigma,trajectories', ...effects.map((e) => [e.rank, e.factor, formatNumber(e.muStar), formatNumber(e.mu), formatNumber(e.sigma), e.effects.length].join(','))].join('\n') + '\n';
}

/** A number for reading: 4 significant digits, no exponent for ordinary magnitudes. */
export function readable(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e15 || a < 1e-6) return x.toExponential(3);
  const digits = Math.max(0, 3 - Math.floor(Math.log10(a)));
  return Number(x.toFixed(Math.min(digits, 10))).toLocaleString('en-US', { maximumFractionDigits: 10, useGrouping: a >= 1e4 });
}

/** Lays out rows: first column left-aligned, the others right-aligned, two spaces apart. */
export function textTable(rows: readonly string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n');
}

/** The text `npm run sweep` (and `merge`) prints when a sweep is complete. */
export function sweepReport(b: BoundSweep, outcomes: readonly number[]): string {
  const d = b.design;
  const lines = [
    `Sweep ${b.spec.id} of ${b.scenario.title.en || b.scenario.id} (${b.scenario.id}) · ${d.kind}${d.kind === 'morris' ? ` (${d.trajectories!.length} trajectories, ${d.levels} levels)` : ''} · ${d.points.length} points × ${b.repetitions} ${b.repetitions === 1 ? 'repetition' : 'repetitions'} = ${b.runs} runs · seed ${b.seed}`,
    `Outcome: ${b.outcome.label}`,
    '',
  ];
  if (d.kind === 'morris') {
    const effects = sweepMorris(b, outcomes);
    lines.push('Morris elementary effects (outcome change over each factor\'s whole range), most influential first:');
    lines.push(textTable([['rank', 'factor', 'mu*', 'mu', 'sigma'], ...effects.map((e) => [String(e.rank), e.factor, readable(e.muStar), readable(e.mu), readable(e.sigma)])]));
  } else {
    const rows = pointSummaries(b, outcomes);
    const many = b.repetitions > 1;
    const header = ['point', ...b.factors.map((f) => f.name), ...(many ? ['median', '5%', '95%'] : ['outcome'])];
    lines.push(textTable([header, ...rows.map((r) => [String(r.point), ...r.values.map((v) => (typeof v === 'number' ? readable(v) : String(v))), ...(many ? [r.band.median, r.band.lo, r.band.hi] : [r.band.median]).map(readable)])]));
  }
  return lines.join('\n') + '\n';
}
