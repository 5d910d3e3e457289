/**
 * Versioned benchmark configurations for `npm run bench` (issue 6). Change BENCH_VERSION
 * whenever a configuration below changes, so that numbers from different versions are never
 * compared as if they measured the same thing.
 */
import type { Scenario } from '../src/model/index';
import { ALL_LEVERS_ON, everyMechanismScenario, leversMissing } from '../src/model/warmup';

export { ALL_LEVERS_ON, leversMissing };

export const BENCH_VERSION = 2;

/** Start year of every bench scenario (the campaign's first year). */
export const BENCH_START_YEAR = 2013;
export const BENCH_SEED = 20130;

/**
 * One region size: a `warmup` of untimed steps after construction, then `reps` timed
 * repetitions of `stepsPerRep` calls of `Simulation.step()` each; the reported rate is the
 * median repetition's household-steps per second.
 */
export interface SizeConfig {
  households: number;
  warmupSteps: number;
  reps: number;
  stepsPerRep: number;
  /** Steps after the timed ones, timed system by system (the breakdown; not in the rate). */
  profileSteps: number;
}

export const SIZES: readonly SizeConfig[] = [
  { households: 10_000, warmupSteps: 12, reps: 9, stepsPerRep: 4, profileSteps: 3 },
  { households: 100_000, warmupSteps: 6, reps: 7, stepsPerRep: 2, profileSteps: 3 },
  { households: 1_000_000, warmupSteps: 3, reps: 5, stepsPerRep: 1, profileSteps: 2 },
  { households: 10_000_000, warmupSteps: 1, reps: 3, stepsPerRep: 1, profileSteps: 1 },
];
/** `--quick`: the two small sizes with fewer repetitions (a smoke run a test can call). */
export const QUICK_SIZES: readonly SizeConfig[] = [
  { households: 10_000, warmupSteps: 8, reps: 3, stepsPerRep: 2, profileSteps: 1 },
  { households: 100_000, warmupSteps: 4, reps: 3, stepsPerRep: 1, profileSteps: 1 },
];
/** The size whose rate is the headline `householdStepsPerSecPerCore` (issue 6 target: ≥ 10 M/s). */
export const HEADLINE_HOUSEHOLDS = 1_000_000;

/** Years a scenario needs for a size's warm-up, timed and profiled steps. */
export function yearsFor(size: SizeConfig): number {
  return size.warmupSteps + size.reps * size.stepsPerRep + size.profileSteps;
}

/** `--province`: one process simulating 10 M households for 30 years (issue 6 target). */
export const PROVINCE = { households: 10_000_000, years: 30 } as const;

/**
 * Ensemble speed-up: the same `runs` whole runs on 1 worker thread, then on every core. 8 runs
 * (version 2; 4 in version 1): with runs handed out one at a time, a disturbance of one core late
 * in the round leaves the other idle for at most one run's time, an eighth of the round rather
 * than a quarter, as in real ensembles of tens of runs.
 */
export const ENSEMBLE = { households: 100_000, years: 8, runs: 8 } as const;
export const QUICK_ENSEMBLE = { households: 20_000, years: 3, runs: 2 } as const;

/**
 * Peer: the household core (production, income, saving, migration) in AgentScript and in this
 * engine on the same households for the same years.
 */
export const PEER = { households: 1_000_000, years: 4, reps: 2 } as const;
export const QUICK_PEER = { households: 20_000, years: 3, reps: 1 } as const;

/** Bound: array length of the typed-array throughput kernel (elements per array), repetitions. */
export const BOUND = { lengths: [1_000_000, 10_000_000], reps: 7 } as const;
export const QUICK_BOUND = { lengths: [1_000_000], reps: 3 } as const;

/**
 * The full model with every mechanism on, for a region of `households` household agents
 * (scale 1) over `years` years. Validated like a scenario file.
 */
export function fullModelScenario(households: number, years: number, opts: { levers?: boolean } = {}): Scenario {
  return everyMechanismScenario(households, years, { id: `bench-full-${households}`, seed: BENCH_SEED, startYear: BENCH_START_YEAR, levers: opts.levers });
}
