/// <reference lib="webworker" />
/**
 * The simulation's thread. The page talks to it through comlink (see simClient.ts); every
 * reply carries typed arrays that are transferred, never cloned.
 */
import * as Comlink from 'comlink';
import { INDICATORS, LEVERS, PARAM_BY_KEY, Simulation, skipWarmUp, type HouseholdSnapshot, type RunMeta, type RunResult, type Scenario } from '../../model';
import { binHouseholds } from './distribution';

/** One simulated year: its indicator block (units × indicators) and its income distribution. */
export interface YearBlock {
  yearIndex: number;
  values: Float64Array;
  distribution: Float64Array;
  /** Yuan by lever and unit: index lever * units + unit. */
  leverCosts: Float64Array;
}

export interface StepReply {
  /** Echo of the caller's generation, so replies for a replaced run are dropped. */
  generation: number;
  blocks: YearBlock[];
  yearsRecorded: number;
  done: boolean;
  /** Milliseconds spent stepping the engine for this reply. */
  stepMs: number;
}

export interface LoadReply extends StepReply {
  meta: RunMeta;
}

// The interactive run shows a year at a time, at reading speed: its first picture matters more
// than the JIT warm-up (0.4-0.7 s before the first year of a large world, model/warmup.ts). The
// research pool's workers and the command line keep it.
skipWarmUp();

let sim: Simulation | null = null;
let scenario: Scenario | null = null;
let generation = 0;
/**
 * The error that stopped the current run (e.g. a ModelHealthError naming the county, year and
 * field): the run's state is no longer trustworthy, so every later step fails with it too.
 */
let broken: Error | null = null;

function block(s: Simulation, yearIndex: number): YearBlock {
  const units = s.meta.counties.length + 1;
  const k = INDICATORS.length;
  const values = new Float64Array(units * k);
  for (let u = 0; u < units; u++) {
    for (let i = 0; i < k; i++) values[u * k + i] = s.value(yearIndex, u, INDICATORS[i].name);
  }
  const param = (key: 'policy.povertyLine' | 'policy.monitorBand') => scenario?.params[key] ?? PARAM_BY_KEY.get(key)!.default;
  const line = param('policy.povertyLine');
  const distribution = binHouseholds(s.householdSnapshot(), s.meta.counties.length, line, line * param('policy.monitorBand'));
  const leverCosts = new Float64Array(LEVERS.length * units);
  for (let l = 0; l < LEVERS.length; l++) for (let u = 0; u < units; u++) leverCosts[l * units + u] = s.leverCost(yearIndex, l, u);
  return { yearIndex, values, distribution, leverCosts };
}

function reply(blocks: YearBlock[], stepMs: number): StepReply {
  const s = sim!;
  const out: StepReply = { generation, blocks, yearsRecorded: s.yearsRecorded, done: s.done, stepMs };
  return Comlink.transfer(out, blocks.flatMap((b) => [b.values.buffer, b.distribution.buffer, b.leverCosts.buffer]));
}

function advance(years: number): StepReply {
  if (!sim) throw new Error('no scenario loaded');
  if (broken) throw broken;
  const blocks: YearBlock[] = [];
  const t0 = performance.now();
  try {
    for (let n = 0; n < years && !sim.done; n++) {
      sim.step();
      blocks.push(block(sim, sim.yearsRecorded - 1));
    }
  } catch (e) {
    broken = e instanceof Error ? e : new Error(String(e));
    throw broken;
  }
  return reply(blocks, performance.now() - t0);
}

const api = {
  /** Builds a new run of the scenario (its own seed unless one is given); returns the start year. */
  load(next: Scenario, gen: number, seed?: number): LoadReply {
    generation = gen;
    scenario = next;
    broken = null;
    const t0 = performance.now();
    sim = new Simulation(next, 1, seed ?? next.seed);
    const first = block(sim, 0);
    const r = reply([first], performance.now() - t0) as LoadReply;
    r.meta = sim.meta;
    return r;
  },

  /** Advances up to `years` years. */
  step(years: number, gen: number): StepReply {
    generation = gen;
    return advance(years);
  },

  /** Advances until year index `yearIndex` is recorded (or the horizon). */
  runTo(yearIndex: number, gen: number): StepReply {
    generation = gen;
    return advance(Math.max(0, yearIndex - (sim ? sim.yearsRecorded - 1 : 0)));
  },

  /** Starts the same scenario again from its first year. */
  reset(gen: number): LoadReply {
    if (!scenario || !sim) throw new Error('no scenario loaded');
    return api.load(scenario, gen, sim.meta.seed);
  },

  /** The households of the current year, for inspection (transferred). */
  snapshot(): HouseholdSnapshot {
    if (!sim) throw new Error('no scenario loaded');
    const s = sim.householdSnapshot();
    return Comlink.transfer(s, [s.income.buffer, s.status.buffer, s.county.buffer, s.people.buffer]);
  },

  /** Indicator values of every recorded year (transferred). */
  result(): RunResult {
    if (!sim) throw new Error('no scenario loaded');
    if (broken) throw broken;
    if (!sim.done) throw new Error(`the run has not reached its last year (${sim.year} of ${sim.meta.startYear + sim.meta.years}); nothing to export`);
    const r = sim.result();
    return Comlink.transfer(r, [r.values.buffer, r.leverCosts.buffer]);
  },

  /**
   * Test hook (end-to-end tests of the health check): sets one county field of the current
   * state to NaN, as an engine defect would, so the next step's health check stops the run.
   */
  injectFault(county: number, field: string): void {
    if (!sim) throw new Error('no scenario loaded');
    const arrays = sim.world.county as unknown as Record<string, unknown>;
    const a = Object.prototype.hasOwnProperty.call(arrays, field) ? arrays[field] : undefined;
    if (!(a instanceof Float64Array) || county < 0 || county >= a.length) throw new Error(`no county field ${field}[${county}]`);
    a[county] = NaN;
  },
};

export type SimWorkerApi = typeof api;

Comlink.expose(api);
