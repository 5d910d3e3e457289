/**
 * Ensembles of scenario runs for the lever and stylised-fact tests (test/unit/levers).
 *
 * A scenario file from scenarios/ is parsed with the real parser, then run for runs 1..RUNS of
 * its own seed at a coarser scale (one agent for SCALE households) to keep the tests fast. Baseline and alternative use the same seed and run numbers (common
 * random numbers), so a difference between them is the lever's effect plus the divergence the
 * lever itself causes, not two independent draws.
 *
 * Runs are cached per test file (module-level cache) by the scenario's content: seed, years,
 * scale, region, params and interventions, NOT id or title. So the counterfactual built by
 * `withoutLevers` from an alternative is the same cached run as the file it equals (for
 * example big-data-identification without bigDataIdentification is registration-only), and a
 * baseline used by several tests is run once per seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type IndicatorName, parseScenario, resultValue, type RunResult, runScenario, type Scenario, type Terrain,
} from '../../src/model/index';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCENARIOS_DIR = join(ROOT, 'scenarios');

/** Runs per ensemble (run numbers 1..RUNS of the scenario's seed). */
export const RUNS = 3;
/** Households per agent in the test ensembles (the files say 10; 20 halves the work). */
export const SCALE = 20;

/** Every scenario file but the schema, as file names. */
export function scenarioFiles(): string[] {
  return readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.json') && f !== 'schema.json').sort();
}

/** The raw JSON of scenarios/<id>.json. */
export function rawScenario(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCENARIOS_DIR, `${id}.json`), 'utf8')) as Record<string, unknown>;
}

/** scenarios/<id>.json parsed by the engine's parser, at the test scale (or `scale`). */
export function loadScenario(id: string, scale = SCALE): Scenario {
  const file = join(SCENARIOS_DIR, `${id}.json`);
  const s = parseScenario(readFileSync(file, 'utf8'), file);
  return { ...s, scale };
}

/** A copy of `s` without the interventions of the named levers (the counterfactual). */
export function withoutLevers(s: Scenario, levers: readonly string[], id = `${s.id}-without-${levers.join('-')}`): Scenario {
  return { ...s, id, interventions: s.interventions.filter((iv) => !levers.includes(iv.lever)) };
}

/** A copy of `s` with some parameters overridden. */
export function withParams(s: Scenario, params: Scenario['params'], id = `${s.id}-params`): Scenario {
  return { ...s, id, params: { ...s.params, ...params } };
}

/** The content that determines a run (identity of a cached ensemble). */
export function scenarioKey(s: Scenario): string {
  return JSON.stringify([s.seed, s.startYear, s.years, s.scale, s.region, s.params, s.interventions]);
}

const cache = new Map<string, RunResult[]>();

/** Runs 1..runs of `s` (cached by content within a test file). */
export function ensemble(s: Scenario, runs = RUNS): RunResult[] {
  const key = `${runs}|${scenarioKey(s)}`;
  let out = cache.get(key);
  if (!out) {
    out = Array.from({ length: runs }, (_, i) => runScenario(s, i + 1));
    cache.set(key, out);
  }
  return out;
}

/** Which units to average: a terrain's counties, the region aggregate, or listed county ids. */
export type Where = Terrain | 'region' | readonly string[];
/** One year or an inclusive span [from, to]. */
export type Years = number | readonly [number, number];

function units(r: RunResult, where: Where): number[] {
  const cs = r.meta.counties;
  if (where === 'region') return [cs.length];
  if (typeof where === 'string') {
    const u = cs.flatMap((c, i) => (c.terrain === where ? [i] : []));
    if (u.length === 0) throw new Error(`no ${where} county in ${r.meta.scenarioId}`);
    return u;
  }
  return where.map((id) => {
    const i = cs.findIndex((c) => c.id === id);
    if (i < 0) throw new Error(`no county ${id} in ${r.meta.scenarioId}`);
    return i;
  });
}

function yearSpan(r: RunResult, years: Years): number[] {
  const [from, to] = typeof years === 'number' ? [years, years] : years;
  const last = r.meta.startYear + r.meta.years;
  if (from < r.meta.startYear || to > last || from > to) throw new Error(`years ${from}-${to} outside ${r.meta.startYear}-${last}`);
  return Array.from({ length: to - from + 1 }, (_, k) => from + k - r.meta.startYear);
}

/**
 * Mean of an indicator over runs, over the units (unweighted mean of the county values, or the
 * region's own aggregate) and over the years.
 */
export function mean(results: readonly RunResult[], indicator: IndicatorName, where: Where, years: Years): number {
  let sum = 0;
  let n = 0;
  for (const r of results) {
    const us = units(r, where);
    for (const y of yearSpan(r, years)) {
      for (const u of us) {
        sum += resultValue(r, y, u, indicator);
        n++;
      }
    }
  }
  return sum / n;
}

/** Sum over the units, meaned over runs (e.g. interventionCost over the horizon with years a span). */
export function total(results: readonly RunResult[], indicator: IndicatorName, where: Where, years: Years): number {
  let sum = 0;
  for (const r of results) {
    const us = units(r, where);
    for (const y of yearSpan(r, years)) for (const u of us) sum += resultValue(r, y, u, indicator);
  }
  return sum / results.length;
}

/** Per-run values (each run: mean over units and years), to check that an effect holds run by run. */
export function perRun(results: readonly RunResult[], indicator: IndicatorName, where: Where, years: Years): number[] {
  return results.map((r) => mean([r], indicator, where, years));
}

/** A compact "name: base -> alt" string for failure messages and reports. */
export function compareText(label: string, base: number, alt: number): string {
  const rel = base !== 0 ? ` (${alt >= base ? '+' : ''}${(((alt - base) / Math.abs(base)) * 100).toFixed(1)}%)` : '';
  return `${label}: without ${fmt(base)}, with ${fmt(alt)}${rel}`;
}

export const fmt = (x: number): string =>
  Math.abs(x) >= 1e5 ? x.toExponential(3) : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(3) : x.toPrecision(3);

/** An alternative and its counterfactual, both as ensembles with the same seeds. */
export interface Pair {
  altId: string;
  baseId: string;
  alt: RunResult[];
  base: RunResult[];
}

/**
 * Ensembles of scenarios/<altId>.json and scenarios/<baseId>.json. With `levers`, first checks
 * that the alternative minus the interventions of those levers IS the counterfactual (same
 * params, region, seed and other interventions), so that the comparison isolates the levers.
 * `runs` (default RUNS) for an effect too small for three runs to resolve.
 */
export function pair(altId: string, baseId: string, levers?: readonly string[], runs = RUNS): Pair {
  const alt = loadScenario(altId);
  const base = loadScenario(baseId);
  if (levers && scenarioKey(withoutLevers(alt, levers)) !== scenarioKey(base)) {
    throw new Error(`${altId} without ${levers.join(', ')} is not ${baseId}: the files differ in more than those levers`);
  }
  return { altId, baseId, alt: ensemble(alt, runs), base: ensemble(base, runs) };
}

/** One indicator compared between the two ensembles of a pair. */
export interface Effect {
  base: number;
  alt: number;
  /** alt - base */
  diff: number;
  /** alt / base (NaN when base is 0) */
  ratio: number;
  /** "indicator where years: without x, with y (+z%)", for failure messages. */
  text: string;
}

export function effect(p: Pair, indicator: IndicatorName, where: Where, years: Years): Effect {
  const base = mean(p.base, indicator, where, years);
  const alt = mean(p.alt, indicator, where, years);
  const span = typeof years === 'number' ? `${years}` : `${years[0]}-${years[1]}`;
  const label = `${indicator}, ${typeof where === 'string' ? where : where.join('+')}, ${span} (${p.altId} vs ${p.baseId})`;
  return { base, alt, diff: alt - base, ratio: base !== 0 ? alt / base : NaN, text: compareText(label, base, alt) };
}
