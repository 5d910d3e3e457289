/**
 * Versioned benchmark configurations for `npm run bench` (issue 6). Change BENCH_VERSION
 * whenever a configuration below changes, so that numbers from different versions are never
 * compared as if they measured the same thing.
 */
import { DEFAULT_REGION, type Intervention, LEVERS, type Scenario, validateScenario } from '../src/model/index';

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
 * Every lever of the registry, switched on in every county from the year after the start to the
 * end, so that every mechanism of the model runs: registration with benefits and work share,
 * relocation with employment support, big-data identification, fund integration, earmarked
 * transfers, insurance, industry support, microcredit, social floor (near-poor included),
 * eco-compensation and rangers, eco-tourism, schooling and nutrition, medical assistance,
 * teacher / doctor / cadre pay, all three kinds of infrastructure, industry placement, labour
 * export, participation, supervision, assessment reform and gradual phase-out.
 * Lever parameters not given here take their registry defaults.
 */
export const ALL_LEVERS_ON: readonly Omit<Intervention, 'from' | 'to' | 'counties'>[] = [
  { lever: 'registration', benefitYuanPerPerson: 800, workShare: 0.3 },
  { lever: 'teacherPay', raise: 0.3 },
  { lever: 'doctorPay', raise: 0.3 },
  { lever: 'cadrePay', raise: 0.3 },
  { lever: 'infrastructure', kind: 'transport', yuanPerYear: 1e8 },
  { lever: 'infrastructure', kind: 'irrigation', yuanPerYear: 5e7 },
  { lever: 'infrastructure', kind: 'water', yuanPerYear: 3e7 },
  { lever: 'education', years12: true, nutrition: true },
  { lever: 'medicalAssistance', reimbursement: 0.4 },
  { lever: 'socialFloor', yuanPerPerson: 2300, nearPoor: true },
  { lever: 'industrySupport', industry: 'fruit', yuanPerYear: 3e7 },
  { lever: 'marketInsurance', coverage: 0.7 },
  { lever: 'fundIntegration', share: 0.5 },
  { lever: 'bigDataIdentification' },
  { lever: 'assessmentReform', burdenCut: 0.5 },
  { lever: 'relocation', eligibility: 'registeredPoor', maxPeople: 20000, employmentSupport: true, destination: 'countySeat' },
  { lever: 'ecoCompensation', yuanPerHousehold: 1000 },
  { lever: 'ecoRangers', jobs: 500 },
  { lever: 'ecoTourism', yuanPerYear: 5e7 },
  { lever: 'policyPhaseOut', mode: 'gradual', years: 3 },
  { lever: 'industryTilt', jobs: 2000 },
  { lever: 'microcredit', yuanPerHousehold: 30000 },
  { lever: 'laborExport', strength: 0.5 },
  { lever: 'supervision', strength: 0.5 },
  { lever: 'participation', strength: 0.5 },
  { lever: 'earmarkedTransfers', yuanPerCapita: 800 },
];

/**
 * The default region's twelve counties with their households scaled so that they sum to
 * exactly `households`, at scale 1 (one agent = one household). Terrain mix, villages and all
 * county attributes are the preset's.
 */
export function scaledRegion(households: number) {
  const total = DEFAULT_REGION.reduce((a, c) => a + c.households, 0);
  const counties = DEFAULT_REGION.map((c) => ({ ...c, households: Math.max(1, Math.round((c.households * households) / total)) }));
  const sum = counties.reduce((a, c) => a + c.households, 0);
  counties[counties.length - 1].households += households - sum;
  return counties;
}

/**
 * The full model with every mechanism on, for a region of `households` household agents
 * (scale 1) over `years` years. Validated like a scenario file.
 */
export function fullModelScenario(households: number, years: number, opts: { levers?: boolean } = {}): Scenario {
  const levers = opts.levers ?? true;
  const data = {
    id: `bench-full-${households}`,
    title: { zh: '基准：全部机制', en: 'Bench: every mechanism on' },
    seed: BENCH_SEED,
    startYear: BENCH_START_YEAR,
    years,
    scale: 1,
    region: { counties: scaledRegion(households) },
    params: {},
    interventions: levers
      ? ALL_LEVERS_ON.map((iv) => ({ ...iv, from: BENCH_START_YEAR + 1, to: BENCH_START_YEAR + years, counties: 'all' }))
      : [],
  };
  return validateScenario(data, 'bench/configs.ts');
}

/** Levers of the registry that ALL_LEVERS_ON leaves off (must be empty: checked at start). */
export function leversMissing(): string[] {
  const on = new Set(ALL_LEVERS_ON.map((l) => l.lever));
  return LEVERS.map((l) => l.name).filter((n) => !on.has(n));
}
