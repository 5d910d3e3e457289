/**
 * Sweep files (docs/sweeps.md): what to vary, over which design, how many repetitions, and the
 * outcome to rank or chart. Parsing and validation give ScenarioErrors that name the file, the
 * JSON path and what was expected, like scenario files. Pure: the command line reads the files,
 * the browser can hand an object in.
 */
import {
  INDICATOR_INDEX, type IndicatorName, INDICATOR_NAMES, isObject, type Json, JsonChecker, LEVER_BY_NAME, own, PARAM_BY_KEY,
  parseJsonText, type Scenario, ScenarioError, SCENARIO_LIMITS, validateScenario, checkLeverParam, regionCounties,
} from '../model/index';
import { INPUT_LIMITS } from '../model/scenario/limits';
import { type Design, type DesignKind, type Factor, type FactorTarget, type FactorValue, gridDesign, lhsDesign, morrisDesign } from './design';

/** One entry of `vary`, as written. */
export interface VarySpec {
  param?: string;
  lever?: { index: number; param: string };
  values?: FactorValue[];
  min?: number;
  max?: number;
  name?: string;
}

/** The outcome a sweep charts and Morris ranks: one indicator of one unit in one year or averaged. */
export interface OutcomeSpec {
  indicator: IndicatorName;
  /** `region` or a county id. */
  unit: string;
  /** A calendar year, `end` (the last year) or `mean` (mean over the simulated years, start year excluded). */
  year: number | 'mean' | 'end';
}

/** A sweep file, validated on its own (before its scenario is known); defaults filled in. */
export interface SweepSpec {
  id: string;
  description: string;
  /** A scenario file (relative to the sweep file's folder) or an inline scenario object. */
  scenario: { file: string } | { inline: Record<string, unknown> };
  vary: VarySpec[];
  design: DesignKind;
  /** grid: levels per range factor; lhs: points; morris: trajectories. */
  points: number;
  /** Morris grid levels (even). */
  levels: number;
  repetitions: number;
  /** Base seed of the design and of the runs; undefined: the scenario's seed. */
  seed?: number;
  outcome: OutcomeSpec;
  /** Horizon and scale overrides of the scenario. */
  years?: number;
  scale?: number;
  /** Indicators written to the tidy output (default: all). */
  indicators?: IndicatorName[];
}

export const SWEEP_LIMITS = {
  maxFactors: 20,
  maxValues: 1000,
  maxGridLevels: 1000,
  maxLhsPoints: 100_000,
  maxTrajectories: 10_000,
  maxRepetitions: 10_000,
  maxPoints: 1_000_000,
  maxRuns: 10_000_000,
} as const;

export const SWEEP_DEFAULTS = { design: 'grid', gridLevels: 5, lhsPoints: 20, trajectories: 10, levels: 4, repetitions: 1 } as const;

/** Columns of the sweep output that a factor name may not take. */
export const FIXED_COLUMNS = ['point', 'run', 'year', 'county', 'indicator', 'value'] as const;

const TOP_KEYS = ['$schema', 'id', 'description', 'scenario', 'vary', 'design', 'points', 'levels', 'repetitions', 'seed', 'outcome', 'years', 'scale', 'indicators'];
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const COLUMN = /^[A-Za-z_][A-Za-z0-9_.[\]-]{0,99}$/;

const Checker = JsonChecker;
type Checker = JsonChecker;

/** Parses a sweep file's text (see validateSweep). */
export function parseSweep(text: string, file: string): SweepSpec {
  const data = parseJsonText(text, file, INPUT_LIMITS.maxSweepBytes);
  return validateSweep(data, file);
}

/** Validates a parsed sweep file on its own: form, types and ranges that need no scenario. */
export function validateSweep(data: Json, file: string): SweepSpec {
  const ck: Checker = new Checker(file);
  const o = ck.object(data, '$', TOP_KEYS);
  const id = o.id === undefined ? 'sweep' : (typeof o.id === 'string' && ID.test(o.id) ? o.id : ck.fail('$.id', 'an id of letters, digits, "-", "_" or "." (at most 64)', o.id));
  const description = o.description === undefined ? '' : ck.string(o.description, '$.description');

  if (!own(o, 'scenario')) ck.fail('$.scenario', 'a scenario file path (relative to this file) or an inline scenario object (required)');
  let scenario: SweepSpec['scenario'];
  // a path to a .json file only: a sweep from a stranger cannot point the command at any file on the disk
  if (typeof o.scenario === 'string' && o.scenario.trim() !== '') scenario = { file: ck.string(o.scenario, '$.scenario', /\.json$/i, 'a scenario file path ending in .json (relative to this file)') };
  else if (isObject(o.scenario)) scenario = { inline: o.scenario };
  else ck.fail('$.scenario', 'a scenario file path (relative to this file) or an inline scenario object', o.scenario);

  const design = o.design === undefined ? SWEEP_DEFAULTS.design : o.design;
  if (design !== 'grid' && design !== 'lhs' && design !== 'morris') ck.fail('$.design', 'one of grid, lhs, morris', o.design);

  if (!Array.isArray(o.vary) || o.vary.length === 0 || o.vary.length > SWEEP_LIMITS.maxFactors) {
    ck.fail('$.vary', `an array of 1 to ${SWEEP_LIMITS.maxFactors} factors ({"param": ...} or {"lever": ...} with "values" or "min" and "max")`, o.vary);
  }
  const vary = o.vary.map((v: Json, i: number) => validateVary(ck, v, `$.vary[${i}]`, design));

  const L = SWEEP_LIMITS;
  const pointsMax = design === 'grid' ? L.maxGridLevels : design === 'lhs' ? L.maxLhsPoints : L.maxTrajectories;
  const pointsDefault = design === 'grid' ? SWEEP_DEFAULTS.gridLevels : design === 'lhs' ? SWEEP_DEFAULTS.lhsPoints : SWEEP_DEFAULTS.trajectories;
  const points = o.points === undefined ? pointsDefault : ck.int(o.points, '$.points', 1, pointsMax);
  if (design === 'morris' && points < 2 && o.points !== undefined) ck.fail('$.points', `an integer from 2 to ${pointsMax} (Morris trajectories: sigma needs two)`, o.points);
  let levels: number = SWEEP_DEFAULTS.levels;
  if (o.levels !== undefined) {
    if (design !== 'morris') ck.fail('$.levels', 'no "levels" (only a Morris design has levels; a grid takes "points")', o.levels);
    levels = ck.int(o.levels, '$.levels', 2, 100);
    if (levels % 2 !== 0) ck.fail('$.levels', 'an even number of Morris levels (4 is usual)', o.levels);
  }
  const repetitions = o.repetitions === undefined ? SWEEP_DEFAULTS.repetitions : ck.int(o.repetitions, '$.repetitions', 1, L.maxRepetitions);
  const seed = o.seed === undefined ? undefined : ck.int(o.seed, '$.seed', 0, SCENARIO_LIMITS.maxSeed);
  const years = o.years === undefined ? undefined : ck.int(o.years, '$.years', 1, SCENARIO_LIMITS.maxYears);
  const scale = o.scale === undefined ? undefined : ck.int(o.scale, '$.scale', 1, SCENARIO_LIMITS.maxScale);

  const outcome = validateOutcome(ck, o.outcome);
  let indicators: IndicatorName[] | undefined;
  if (o.indicators !== undefined) {
    if (!Array.isArray(o.indicators) || o.indicators.length === 0 || o.indicators.length > INDICATOR_NAMES.length) ck.fail('$.indicators', `an array of 1 to ${INDICATOR_NAMES.length} indicator names`, o.indicators);
    indicators = o.indicators.map((name: Json, i: number) => {
      if (typeof name !== 'string' || !own(INDICATOR_INDEX, name)) ck.fail(`$.indicators[${i}]`, 'an indicator name (see docs/ODD.md)', name);
      return name as IndicatorName;
    });
    if (new Set(indicators).size !== indicators.length) ck.fail('$.indicators', 'indicator names without repeats', o.indicators);
    if (!indicators.includes(outcome.indicator)) ck.fail('$.indicators', `a list that includes the outcome indicator "${outcome.indicator}"`, o.indicators);
    // Keep the engine's order, whatever the order written, so rows come out as in `sim`.
    indicators = INDICATOR_NAMES.filter((n) => indicators!.includes(n));
  }
  return { id, description, scenario, vary, design, points, levels, repetitions, seed, outcome, years, scale, indicators };
}

function validateVary(ck: Checker, v: Json, path: string, design: DesignKind): VarySpec {
  const o = ck.object(v, path, ['param', 'lever', 'values', 'min', 'max', 'name']);
  if (own(o, 'param') === own(o, 'lever')) ck.fail(path, 'exactly one of "param" (a parameter path) or "lever" ({"index": i, "param": name})', v);
  const out: VarySpec = {};
  if (own(o, 'param')) {
    if (typeof o.param !== 'string' || o.param === '') ck.fail(`${path}.param`, 'a parameter path such as "talent.teacherPayRatio"', o.param);
    out.param = o.param;
  } else {
    const l = ck.object(o.lever, `${path}.lever`, ['index', 'param']);
    if (!own(l, 'index')) ck.fail(`${path}.lever.index`, 'the index of an intervention in the scenario (0 for the first)');
    if (!own(l, 'param')) ck.fail(`${path}.lever.param`, 'the name of a parameter of that intervention\'s lever');
    const index = ck.int(l.index, `${path}.lever.index`, 0, SCENARIO_LIMITS.maxInterventions - 1);
    if (typeof l.param !== 'string' || l.param === '') ck.fail(`${path}.lever.param`, 'the name of a parameter of that intervention\'s lever', l.param);
    out.lever = { index, param: l.param };
  }
  const hasValues = own(o, 'values');
  const hasRange = own(o, 'min') || own(o, 'max');
  if (hasValues === hasRange) ck.fail(path, 'either "values" (a list) or "min" and "max" (a range)', v);
  if (hasValues) {
    if (design === 'morris') ck.fail(`${path}.values`, 'a "min" and "max" range instead (a Morris design varies each factor over a range)', o.values);
    if (!Array.isArray(o.values) || o.values.length === 0 || o.values.length > SWEEP_LIMITS.maxValues) ck.fail(`${path}.values`, `an array of 1 to ${SWEEP_LIMITS.maxValues} values`, o.values);
    out.values = o.values.map((x: Json, j: number) => {
      if (typeof x === 'number' ? !Number.isFinite(x) : typeof x !== 'string' && typeof x !== 'boolean') ck.fail(`${path}.values[${j}]`, 'a number, a string or true/false', x);
      if (typeof x === 'string') ck.string(x, `${path}.values[${j}]`);
      return x as FactorValue;
    });
  } else {
    if (!own(o, 'min')) ck.fail(`${path}.min`, 'a number (the low end of the range)');
    if (!own(o, 'max')) ck.fail(`${path}.max`, 'a number (the high end of the range)');
    out.min = ck.num(o.min, `${path}.min`);
    out.max = ck.num(o.max, `${path}.max`);
    if (out.max < out.min) ck.fail(`${path}.max`, `a number not below min (${out.min})`, o.max);
  }
  if (o.name !== undefined) {
    if (typeof o.name !== 'string' || !COLUMN.test(o.name)) ck.fail(`${path}.name`, 'a column name of letters, digits, "_", ".", "-", "[" or "]" starting with a letter', o.name);
    out.name = o.name;
  }
  return out;
}

function validateOutcome(ck: Checker, v: Json): OutcomeSpec {
  if (v === undefined) return { indicator: 'povertyRate', unit: 'region', year: 'end' };
  const o = ck.object(v, '$.outcome', ['indicator', 'unit', 'year']);
  if (typeof o.indicator !== 'string' || !own(INDICATOR_INDEX, o.indicator)) ck.fail('$.outcome.indicator', 'an indicator name (see docs/ODD.md), e.g. "povertyRate"', o.indicator);
  const unit = o.unit === undefined ? 'region' : ck.string(o.unit, '$.outcome.unit', /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, '"region" or a county id of the scenario');
  let year: OutcomeSpec['year'] = 'end';
  if (o.year !== undefined) {
    if (o.year === 'mean' || o.year === 'end') year = o.year;
    else if (typeof o.year === 'number' && Number.isInteger(o.year)) year = o.year;
    else ck.fail('$.outcome.year', 'a calendar year, "end" or "mean"', o.year);
  }
  return { indicator: o.indicator as IndicatorName, unit, year };
}

/**
 * The inline scenario of a sweep with its `years` and `scale` overrides, validated; errors point
 * into the sweep file (`$.scenario.region...`).
 */
export function inlineScenario(spec: SweepSpec, file: string): Scenario {
  if (!('inline' in spec.scenario)) throw new Error('the sweep names a scenario file');
  const raw: Record<string, unknown> = { ...spec.scenario.inline };
  if (spec.years !== undefined) raw.years = spec.years;
  if (spec.scale !== undefined) raw.scale = spec.scale;
  try {
    return validateScenario(raw, file);
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioError(file, `$.scenario${e.path.slice(1)}`, e.expected, e.got);
    throw e;
  }
}

/** The outcome resolved against a scenario: unit index and the year indexes it averages. */
export interface ResolvedOutcome extends OutcomeSpec {
  unitIndex: number;
  /** Year indexes (0 = start year) averaged, in order. */
  yearIndexes: number[];
  /** E.g. `povertyRate, region, 2035` or `teacherOutflow, shan, mean of 2014-2016`. */
  label: string;
}

/** A sweep bound to its scenario: factors checked, design drawn, ready to run. */
export interface BoundSweep {
  spec: SweepSpec;
  file: string;
  /** The scenario as run at every point before the factors are applied (overrides included). */
  scenario: Scenario;
  seed: number;
  factors: Factor[];
  design: Design;
  outcome: ResolvedOutcome;
  indicators: readonly IndicatorName[];
  repetitions: number;
  /** Points x repetitions. */
  runs: number;
}

/**
 * Checks the factors and the outcome against the scenario (known parameters, intervention
 * indexes and lever parameters, values in range, county ids, years) and draws the design.
 */
export function bindSweep(spec: SweepSpec, scenario: Scenario, file: string): BoundSweep {
  const ck: Checker = new Checker(file);
  const targets = new Set<string>();
  const factors = spec.vary.map((v, i) => bindFactor(ck, v, `$.vary[${i}]`, scenario));
  factors.forEach((f, i) => {
    const key = f.target.kind === 'param' ? f.target.key : `lever ${f.target.index}.${f.target.param}`;
    if (targets.has(key)) ck.fail(`$.vary[${i}]`, 'a factor not varied before in this sweep', key);
    targets.add(key);
  });
  const names = new Set<string>();
  factors.forEach((f, i) => {
    if ((FIXED_COLUMNS as readonly string[]).includes(f.name)) ck.fail(`$.vary[${i}].name`, `a column name other than ${FIXED_COLUMNS.join(', ')}`, f.name);
    if (names.has(f.name)) ck.fail(`$.vary[${i}].name`, 'a column name not used by another factor', f.name);
    names.add(f.name);
  });

  const seed = spec.seed ?? scenario.seed;
  if (spec.design === 'grid') {
    const total = factors.reduce((a, f) => a * (f.values?.length ?? spec.points), 1);
    if (total > SWEEP_LIMITS.maxPoints) ck.fail('$.points', `a grid of at most ${SWEEP_LIMITS.maxPoints} points`, `${total} points`);
  }
  const design = spec.design === 'grid'
    ? gridDesign(factors, spec.points)
    : spec.design === 'lhs' ? lhsDesign(factors, spec.points, seed) : morrisDesign(factors, spec.points, spec.levels, seed);
  const runs = design.points.length * spec.repetitions;
  if (design.points.length > SWEEP_LIMITS.maxPoints || runs > SWEEP_LIMITS.maxRuns) {
    ck.fail('$.repetitions', `at most ${SWEEP_LIMITS.maxRuns} runs in all (points x repetitions)`, `${design.points.length} points x ${spec.repetitions}`);
  }
  return {
    spec, file, scenario, seed, factors, design, repetitions: spec.repetitions, runs,
    outcome: resolveOutcome(ck, spec.outcome, scenario),
    indicators: spec.indicators ?? INDICATOR_NAMES,
  };
}

function bindFactor(ck: Checker, v: VarySpec, path: string, scenario: Scenario): Factor {
  if (v.param !== undefined) {
    const spec = PARAM_BY_KEY.get(v.param);
    if (!spec) ck.fail(`${path}.param`, 'a known parameter path (see docs/ODD.md, Appendix A, or scenarios/schema.json)', v.param);
    const check = (x: Json, p: string) => {
      if (typeof x !== 'number' || x < spec.min || x > spec.max || (spec.integer && !Number.isInteger(x))) {
        ck.fail(p, `${spec.integer ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max} (${spec.unit})`, x);
      }
    };
    if (v.values) v.values.forEach((x, j) => check(x, `${path}.values[${j}]`));
    else {
      check(v.min, `${path}.min`);
      check(v.max, `${path}.max`);
    }
    return { name: v.name ?? v.param, target: { kind: 'param', key: v.param }, values: v.values, min: v.min, max: v.max, integer: spec.integer ?? false };
  }
  const { index, param } = v.lever!;
  const n = scenario.interventions.length;
  if (index >= n) ck.fail(`${path}.lever.index`, n === 0 ? 'a scenario with interventions (this one has none)' : `an intervention index from 0 to ${n - 1} (the scenario has ${n})`, index);
  const iv = scenario.interventions[index];
  const lever = LEVER_BY_NAME.get(iv.lever)!;
  const ps = lever.params.find((p) => p.name === param);
  if (!ps) ck.fail(`${path}.lever.param`, lever.params.length ? `a parameter of lever ${lever.name} (${lever.params.map((p) => p.name).join(', ')})` : `a lever with parameters (${lever.name} has none)`, param);
  if (v.values) v.values.forEach((x, j) => checkLeverParam(ck, ps, x, `${path}.values[${j}]`));
  else {
    if (ps.kind !== 'number') ck.fail(path, `"values" (${lever.name}.${param} is ${ps.kind === 'boolean' ? 'true or false' : `one of ${ps.options.join(', ')}`}, not a number range)`, { min: v.min, max: v.max });
    checkLeverParam(ck, ps, v.min, `${path}.min`);
    checkLeverParam(ck, ps, v.max, `${path}.max`);
  }
  const target: FactorTarget = { kind: 'lever', index, lever: lever.name, param };
  return { name: v.name ?? `interventions[${index}].${param}`, target, values: v.values, min: v.min, max: v.max, integer: false };
}

function resolveOutcome(ck: Checker, o: OutcomeSpec, s: Scenario): ResolvedOutcome {
  let unitIndex: number;
  const ids = regionCounties(s.region).map((c) => c.id);
  if (o.unit === 'region') unitIndex = ids.length;
  else {
    unitIndex = ids.indexOf(o.unit);
    if (unitIndex < 0) ck.fail('$.outcome.unit', `"region" or a county id of the scenario (${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', ...' : ''})`, o.unit);
  }
  const end = s.startYear + s.years;
  let yearIndexes: number[];
  let when: string;
  if (o.year === 'mean') {
    yearIndexes = Array.from({ length: s.years }, (_, i) => i + 1);
    when = `mean of ${s.startYear + 1}-${end}`;
  } else if (o.year === 'end') {
    yearIndexes = [s.years];
    when = String(end);
  } else {
    if (o.year < s.startYear || o.year > end) ck.fail('$.outcome.year', `a year from ${s.startYear} to ${end}, "end" or "mean"`, o.year);
    yearIndexes = [o.year - s.startYear];
    when = String(o.year);
  }
  return { ...o, unitIndex, yearIndexes, label: `${o.indicator}, ${o.unit}, ${when}` };
}


/** The scenario at one design point (0-based): parameters and lever parameters set. */
export function pointScenario(b: BoundSweep, point: number): Scenario {
  const values = b.design.points[point];
  const s: Scenario = { ...b.scenario, params: { ...b.scenario.params }, interventions: b.scenario.interventions.map((iv) => ({ ...iv })) };
  b.factors.forEach((f, j) => {
    if (f.target.kind === 'param') (s.params as Record<string, number>)[f.target.key] = values[j] as number;
    else s.interventions[f.target.index][f.target.param] = values[j];
  });
  return s;
}
