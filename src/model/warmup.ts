/**
 * JIT warm-up: before a large world is built, the yearly pipeline runs once on a small throwaway
 * world with every lever on, so that the JavaScript engine has seen every branch of the household
 * loops before it compiles them for the large one.
 *
 * Why: each system is called once a year and spends its time in one loop over all households, so
 * V8 compiles it while it runs (on-stack replacement) with the type feedback gathered so far. A
 * branch no household has taken yet (the first exit, the first household past its support years,
 * a lever starting) has no feedback, and reaching it throws the loop back to slower code until
 * it is compiled again; without the warm-up the first eight years of a million-household run with
 * every lever on took 450-630 ms a year instead of about 330 (bench/README.md, pass 3). The
 * throwaway world shares nothing with the real one (every scratch buffer of the systems is
 * rewritten before it is read), so results are identical with and without it
 * (test/unit/model/warmup.test.ts).
 */
import { LEVERS } from './levers/registry';
import { DEFAULT_REGION } from './region/presets';
import { validateScenario } from './scenario/parse';
import type { Intervention, Scenario } from './scenario/types';

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
function scaledRegion(households: number) {
  const total = DEFAULT_REGION.reduce((a, c) => a + c.households, 0);
  const counties = DEFAULT_REGION.map((c) => ({ ...c, households: Math.max(1, Math.round((c.households * households) / total)) }));
  const sum = counties.reduce((a, c) => a + c.households, 0);
  counties[counties.length - 1].households += households - sum;
  return counties;
}

/** Levers of the registry that ALL_LEVERS_ON leaves off (must be empty: a test checks). */
export function leversMissing(): string[] {
  const on = new Set(ALL_LEVERS_ON.map((l) => l.lever));
  return LEVERS.map((l) => l.name).filter((n) => !on.has(n));
}

/**
 * Worlds of at least this many household agents, in scenarios with interventions, get the
 * warm-up (bench/README.md, items 14 and 16). With every lever on, a 23-year run of 38,000 agents
 * took 1.17-1.31 s with it and 1.29-1.51 s without, 50,000 agents over 30 years 1.19-1.34 s
 * against 1.52-1.62 s; at 10,000-20,000 agents it is even. A scenario without interventions takes
 * none of the branches it prepares: scenarios/baseline.json (77,000 agents) took 1.39-1.62 s with
 * it against 0.98-1.25 s without, scenarios/campaign.json 1.83-2.10 s against 2.17-2.62 s.
 */
export const JIT_WARMUP_AGENTS = 40_000;
/** The throwaway world: household agents and years (years long enough for exits, phase-out and relocation). */
export const JIT_WARMUP_WORLD = { households: 3_000, years: 14, startYear: 2013 } as const;

let warmedUp = false;

/** Whether this realm (process, worker) has run the warm-up. */
export function jitWarmedUp(): boolean {
  return warmedUp;
}

/** True the first time it is called in a realm: the caller then runs the warm-up (Simulation). */
export function claimWarmUp(): boolean {
  if (warmedUp) return false;
  warmedUp = true;
  return true;
}

/**
 * Turns the warm-up off for this realm (a realm that has run it already is unaffected). For a
 * thread whose first picture matters more than its speed: the app's interactive worker.
 */
export function skipWarmUp(): void {
  warmedUp = true;
}

/**
 * The throwaway world's scenario (run through a Simulation, indicators and checks included). Its
 * absolute amounts (budgets, jobs, people to relocate) are scaled from ALL_LEVERS_ON's million
 * households down to its own size, so that shares such as the subsidy per unit of output stay
 * fractions as in a large world: a value that is always a whole number during the warm-up (a
 * subsidy capped at 1) teaches V8 small-integer arithmetic, and the large world's first fraction
 * then throws the compiled loop away ("lost precision").
 */
export function warmUpScenario(): Scenario {
  const { households, years, startYear } = JIT_WARMUP_WORLD;
  return everyMechanismScenario(households, years, { id: 'jit-warm-up', seed: 1, startYear, amountScale: households / 1e6 });
}

/** Lever parameters that are absolute amounts for a county (scaled by everyMechanismScenario's amountScale). */
const ABSOLUTE_AMOUNTS = ['yuanPerYear', 'jobs', 'maxPeople'] as const;

/**
 * The default region's counties scaled to `households` agents at scale 1, with every lever of
 * ALL_LEVERS_ON in every county from the year after the start (or none: `levers: false`).
 * The JIT warm-up's world and the bench's full-model configurations.
 */
export function everyMechanismScenario(
  households: number, years: number,
  opts: { id: string; seed: number; startYear: number; levers?: boolean; amountScale?: number },
): Scenario {
  const { startYear } = opts;
  const amountScale = opts.amountScale ?? 1;
  const scaled = (iv: (typeof ALL_LEVERS_ON)[number]) => {
    if (amountScale === 1) return iv;
    const out: Record<string, unknown> = { ...iv };
    for (const key of ABSOLUTE_AMOUNTS) {
      const v = out[key];
      if (typeof v === 'number') out[key] = key === 'yuanPerYear' ? v * amountScale : Math.max(1, Math.round(v * amountScale));
    }
    return out;
  };
  return validateScenario({
    id: opts.id,
    title: { zh: '全部机制', en: 'Every mechanism on' },
    seed: opts.seed,
    startYear,
    years,
    scale: 1,
    region: { counties: scaledRegion(households) },
    params: {},
    interventions: opts.levers === false ? []
      : ALL_LEVERS_ON.map((iv) => ({ ...scaled(iv), from: startYear + 1, to: startYear + years, counties: 'all' })),
  }, opts.id);
}
