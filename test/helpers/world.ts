/**
 * Small hand-built worlds for the sub-model unit tests.
 *
 * A test builds a tiny scenario (one or a few counties, a few dozen household agents at scale 1),
 * lets `createWorld` allocate and spin it up, then overwrites the typed-array fields that the
 * sub-model under test reads with chosen exact values, calls that ONE sub-model, and compares
 * what it wrote with numbers worked out by hand from the documented formula.
 */
import { expect } from 'vitest';
import { createWorld } from '../../src/model/init';
import { LEVERS } from '../../src/model/levers/registry';
import { PARAM_BY_KEY } from '../../src/model/params/registry';
import { validateScenario } from '../../src/model/scenario/parse';
import type { CountySpec, Scenario, Terrain } from '../../src/model/scenario/types';
import { STATUS } from '../../src/model/state/households';
import { allocateProfessionals } from '../../src/model/state/professionals';
import { landFactorOf } from '../../src/model/systems/production';
import type { World } from '../../src/model/state/world';

/**
 * Parameter values the hand calculations in test/unit/model assume, pinned so that recalibrating a
 * registry default does not break an exact-number test (a change of formula still does). They are
 * the registry defaults when the tests were written, except policy.exitMargin (0: exit exactly at
 * the line). Keys the registry no longer has are dropped (validation would reject them).
 * infrastructure.depreciation is the current default 0.02, applied at full rate by the engine: the
 * same yearly decay as the 0.04 x 0.5 the tests were written against.
 */
export const PINNED_PARAMS: Record<string, number> = {
  'policy.povertyLine': 2300, 'policy.targetYear': 2020, 'policy.monitorBand': 1.5, 'policy.targetLayers': 3,
  'policy.layerMarkup': 0.1, 'policy.exitMargin': 0, 'policy.supportYearsAfterExit': 2, 'policy.quotaSlack': 1, 'policy.leakage': 0.08,
  'macro.outsideWage': 20000, 'macro.outsideWageGrowth': 0.05, 'macro.outsideReturn': 0.05, 'macro.urbanJobProbability': 0.85,
  'macro.remittanceShare': 0.2, 'macro.remittanceElasticity': 0.15, 'macro.pension': 900, 'macro.medicalInsurance': 0.45,
  'household.subsistence': 1600, 'household.savingRate': 0.3, 'household.assetReturnHigh': 0.18, 'household.assetReturnLow': 0.06,
  'household.assetThreshold': 12000, 'household.assetDepreciation': 0.08, 'household.farmProductivity': 10000,
  'household.illnessProbability': 0.09, 'household.illnessCost': 9000, 'household.schoolCost': 1800, 'household.driveResponse': 0.15,
  'household.handoutDrag': 0.6, 'household.imitationRate': 0.15, 'household.landPressure': 0.08,
  'migration.baseRate': 0.09, 'migration.wageSensitivity': 1.2, 'migration.familyTie': 0.3, 'migration.referenceGap': 0.6,
  'migration.familyMove': 0.15, 'migration.skillEffect': 3, 'migration.returnRate': 0.04, 'migration.movingCost': 0.25,
  'talent.teacherPayRatio': 0.62, 'talent.doctorPayRatio': 0.55, 'talent.cadrePayRatio': 0.7, 'talent.technicianPayRatio': 0.6,
  'talent.payWeight': 2.2, 'talent.amenityWeight': 1.4, 'talent.attractionWeight': 0.8, 'talent.burdenWeight': 2.5,
  'talent.baseLeave': 0.05, 'talent.localTie': 0.9, 'talent.pupilsPerTeacherPost': 17, 'talent.doctorPostsPer1000': 2,
  'talent.cadrePostsPer1000': 8, 'talent.technicianPostsPer1000': 1.5, 'talent.retirementAge': 60,
  'services.assessmentBase': 0.04, 'services.assessmentPerRegistered': 0.9, 'services.offDutyShare': 0.6, 'services.congestionWeight': 1,
  'humanCapital.learningRate': 0.09, 'humanCapital.mincer': 0.7, 'humanCapital.nutritionEffect': 0.2, 'humanCapital.dropoutCost': 0.35,
  'economy.capitalShare': 0.4, 'economy.tfp': 176, 'economy.tfpGrowth': 0.02, 'economy.capitalPerJob': 100000,
  'economy.depreciation': 0.08, 'economy.reinvestment': 0.45, 'economy.outsideInvestment': 0.1, 'economy.talentTFP': 1,
  'economy.transportTFP': 0.5, 'economy.localWage': 11000, 'economy.wageCatchUp': 0.2, 'economy.taxRate': 0.07,
  'fiscal.generalTransferPerCapita': 600, 'fiscal.earmarkedPerCapita': 300, 'fiscal.projectCapacityPerCadre': 250000,
  'fiscal.matchingShare': 0.2, 'fiscal.mandatoryShare': 0.7, 'fiscal.developmentReturn': 0.5,
  'ecology.regrowth': 0.06, 'ecology.pressure': 2, 'ecology.compensationEffect': 2e-6, 'ecology.disasterBase': 0.06, 'ecology.disasterLoss': 0.4,
  'infrastructure.depreciation': 0.02, 'infrastructure.costPerPoint': 4e8,
  'market.priceElasticity': 1.2, 'market.demandGrowth': 0.03,
  'relocation.hostCapacityPerResident': 0.05, 'relocation.integrationRate': 0.15, 'relocation.returnHome': 0.12, 'relocation.costPerPerson': 60000,
};

export interface TinyCounty extends Partial<Omit<CountySpec, 'name'>> {
  id?: string;
  terrain?: Terrain;
  households?: number;
}

export interface TinyOptions {
  counties?: TinyCounty[];
  scale?: number;
  years?: number;
  seed?: number;
  startYear?: number;
  params?: Record<string, number>;
  interventions?: Record<string, unknown>[];
}

/** A valid scenario (run through the real validator, so defaults are filled as for users). */
export function tinyScenario(o: TinyOptions = {}): Scenario {
  const counties = (o.counties ?? [{}]).map((c, i) => ({
    id: c.id ?? `c${i}`,
    name: { zh: `县${i}`, en: `County ${i}` },
    terrain: c.terrain ?? 'mountain',
    households: c.households ?? 20,
    villages: c.villages ?? 2,
    ...Object.fromEntries(Object.entries(c).filter(([k]) => !['id', 'terrain', 'households', 'villages'].includes(k))),
  }));
  return validateScenario(
    {
      id: 'tiny',
      title: { zh: '小', en: 'Tiny' },
      seed: o.seed ?? 7,
      startYear: o.startYear ?? 2013,
      years: o.years ?? 3,
      scale: o.scale ?? 1,
      region: { counties },
      params: pinned(o.params ?? {}),
      interventions: o.interventions ?? [],
    },
    'tiny.json',
  );
}

/** PINNED_PARAMS (those the registry knows) overridden by the test's own. */
function pinned(own: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(PINNED_PARAMS)) if (PARAM_BY_KEY.has(k)) out[k] = v;
  return { ...out, ...own };
}

/** A spun-up world of a tiny scenario. */
export function tinyWorld(o: TinyOptions = {}, run = 1, seed = o.seed ?? 7): World {
  return createWorld(tinyScenario(o), run, seed);
}

/** Every per-household field a test may set. */
export interface HouseholdValues {
  county: number;
  homeCounty: number;
  village: number;
  homeVillage: number;
  kids: number;
  youth: number;
  adults: number;
  elders: number;
  migrants: number;
  humanCapital: number;
  childHumanCapital: number;
  health: number;
  land: number;
  assets: number;
  savings: number;
  debt: number;
  ability: number;
  industry: number;
  drive: number;
  status: number;
  registeredYear: number;
  exitYear: number;
  fellBack: number;
  income: number;
  output: number;
  shockCost: number;
  wageLabour: number;
  integration: number;
}

/** A plain household: two adults, nothing else, alive, not registered. */
export const BASE_HOUSEHOLD: HouseholdValues = {
  county: 0, homeCounty: 0, village: 0, homeVillage: 0,
  kids: 0, youth: 0, adults: 2, elders: 0, migrants: 0,
  humanCapital: 0, childHumanCapital: 0, health: 1, land: 5, assets: 0, savings: 0, debt: 0, ability: 1,
  industry: 0, drive: 1, status: STATUS.alive, registeredYear: -1, exitYear: -1, fellBack: 0,
  income: 0, output: 0, shockCost: 0, wageLabour: 0, integration: 1,
};

/** First village index of county c (villages are laid out county by county; the site comes last). */
export function firstVillage(w: World, c: number): number {
  for (let j = 0; j < w.villages.count; j++) if (w.villages.county[j] === c) return j;
  throw new Error(`no village in county ${c}`);
}

/** Writes one household's fields (missing ones from BASE_HOUSEHOLD, village defaulting to its county's first). */
export function setHousehold(w: World, i: number, values: Partial<HouseholdValues>): void {
  const county = values.county ?? BASE_HOUSEHOLD.county;
  const village = values.village ?? firstVillage(w, county);
  const v: HouseholdValues = {
    ...BASE_HOUSEHOLD, homeCounty: county, homeVillage: village, ...values, county, village,
  };
  const h = w.households as unknown as Record<string, { [k: number]: number } | undefined>;
  for (const key of Object.keys(v) as (keyof HouseholdValues)[]) {
    const column = h[key];
    if (!column) throw new Error(`households have no field ${key}`);
    column[i] = v[key];
  }
  // Cached farm-land factor, kept in step with land as createWorld does.
  const landFactor = h.landFactor;
  if (landFactor) landFactor[i] = landFactorOf(v.land);
}

/** Replaces the household population by these rows (the world must have room: households >= rows at scale 1). */
export function setHouseholds(w: World, rows: Partial<HouseholdValues>[]): void {
  if (rows.length > w.households.status.length) throw new Error(`world has room for ${w.households.status.length} households, asked for ${rows.length}`);
  for (let i = 0; i < w.households.status.length; i++) setHousehold(w, i, { ...BASE_HOUSEHOLD, status: 0, county: 0 });
  rows.forEach((r, i) => setHousehold(w, i, r));
  w.households.count = rows.length;
}

/** Sets county fields of county c. */
export function setCounty(w: World, c: number, values: Partial<Record<keyof World['county'], number>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (key === 'count') continue;
    (w.county[key as Exclude<keyof World['county'], 'count'>] as Float64Array)[c] = value as number;
  }
}

/** Sets lever-state fields of county c (what applyPolicy would have written). */
export function setLevers(w: World, c: number, values: Partial<Record<Exclude<keyof World['levers'], 'industrySubsidy'>, number>>): void {
  for (const [key, value] of Object.entries(values)) (w.levers[key as keyof typeof values] as Float64Array)[c] = value as number;
}

/** Values of one professional. */
export interface ProfessionalValues {
  county: number;
  kind: number;
  age: number;
  yearsServed: number;
  local: number;
  skill: number;
}

/** Replaces the professionals by these rows (capacity = rows, so no free slot for hires unless `spare`). */
export function setProfessionals(w: World, rows: ProfessionalValues[], spare = 0): void {
  const pr = allocateProfessionals(rows.length + spare);
  rows.forEach((r, s) => {
    pr.active[s] = 1;
    pr.county[s] = r.county;
    pr.kind[s] = r.kind;
    pr.age[s] = r.age;
    pr.yearsServed[s] = r.yearsServed;
    pr.local[s] = r.local;
    pr.skill[s] = r.skill;
  });
  w.professionals = pr;
}

/**
 * Yuan booked this year on interventions in county c by the sub-models called so far. Sub-models
 * book costs by lever in `w.leverCost` (summed into interventionCost at the end of a step); older
 * layouts added to `county.interventionCost` directly: both are read.
 */
export function costOf(w: World, c: number): number {
  const byLever = (w as unknown as { leverCost?: Float64Array }).leverCost;
  let total = w.county.interventionCost[c];
  if (byLever) for (let j = c; j < byLever.length; j += w.county.count) total += byLever[j];
  return total;
}

/** Yuan booked this year on one lever (by name) in county c by the sub-models called so far. */
export function leverCostOf(w: World, lever: string, c: number): number {
  const l = LEVERS.findIndex((x) => x.name === lever);
  if (l < 0) throw new Error(`no lever ${lever}`);
  return w.leverCost[l * w.county.count + c];
}

/** |actual - expected| <= tol * max(1, |expected|): an absolute tolerance for small numbers, relative for yuan. */
export function expectClose(actual: number, expected: number, tol = 1e-9, what = ''): void {
  const bound = tol * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= bound)) {
    expect.fail(`${what ? what + ': ' : ''}expected ${expected} ± ${bound}, got ${actual}`);
  }
}

/** Standard error of a binomial share p over n trials. */
export const binomialSe = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
export const logit = (p: number) => Math.log(p / (1 - p));
