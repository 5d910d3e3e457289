import { INDICATORS, type IndicatorName, INDICATOR_INDEX } from './indicators';
import type { Bilingual } from './i18n';
import { LEVERS } from './levers/registry';
import { createWorld } from './init';
import type { Scenario, Terrain } from './scenario/types';
import type { World } from './state/world';
import { recordIndicators } from './systems/indicators';
import { step } from './step';
import { checkIndicators } from './health';
import { scenarioAgents } from './scenario/parse';
import { claimWarmUp, JIT_WARMUP_AGENTS, warmUpScenario } from './warmup';

/** What a run's output describes: the counties, the years, the indicators. */
export interface RunMeta {
  scenarioId: string;
  seed: number;
  run: number;
  startYear: number;
  years: number;
  scale: number;
  counties: { id: string; name: Bilingual; terrain: Terrain; hex: [number, number] }[];
  indicators: readonly IndicatorName[];
  /** Lever names, the rows of `RunResult.leverCosts`. */
  levers: readonly string[];
}

/**
 * The result of one run: indicator values for every year (start year included), county and the
 * region. Layout: `values[(yearIndex * (counties + 1) + unit) * indicators + k]`, where `unit`
 * is a county index or `counties` for the region.
 */
export interface RunResult {
  meta: RunMeta;
  values: Float64Array;
  /**
   * Yuan spent by lever: `leverCosts[(yearIndex * levers + lever) * (counties + 1) + unit]`,
   * unit as in `values` (the region is the sum). Their sum over levers is `interventionCost`.
   */
  leverCosts: Float64Array;
}

/** Households at the end of the current year, for the income distribution view (copies). */
export interface HouseholdSnapshot {
  year: number;
  scale: number;
  /** Per-capita disposable income, yuan at 2010 prices. */
  income: Float32Array;
  /** STATUS bit flags. */
  status: Uint8Array;
  county: Uint8Array;
  /** Resident people in the household. */
  people: Uint8Array;
}

/**
 * One run of a scenario, stepped a year at a time. The same scenario and (seed, run) always
 * give the same numbers, whoever drives it.
 */
export class Simulation {
  readonly meta: RunMeta;
  readonly world: World;
  private readonly values: Float64Array;
  private readonly leverCosts: Float64Array;
  private recorded = 0;

  constructor(scenario: Scenario, run = 1, seed = scenario.seed) {
    // Large worlds with levers: let the JIT see every branch first (warmup.ts; results are unchanged).
    if (scenario.interventions.length > 0 && scenarioAgents(scenario) >= JIT_WARMUP_AGENTS && claimWarmUp()) runWarmUp();
    this.world = createWorld(scenario, run, seed);
    this.meta = {
      scenarioId: scenario.id,
      seed,
      run,
      startYear: scenario.startYear,
      years: scenario.years,
      scale: scenario.scale,
      counties: this.world.counties.map((c) => ({ id: c.id, name: c.name, terrain: c.terrain, hex: c.hex })),
      indicators: INDICATORS.map((i) => i.name),
      levers: LEVERS.map((l) => l.name),
    };
    this.values = new Float64Array((scenario.years + 1) * this.unitCount * INDICATORS.length);
    this.leverCosts = new Float64Array((scenario.years + 1) * LEVERS.length * this.unitCount);
    this.record();
  }

  /** Counties plus the region. */
  get unitCount(): number {
    return this.world.counties.length + 1;
  }

  /** Calendar year of the current state. */
  get year(): number {
    return this.world.year;
  }

  get done(): boolean {
    return this.world.t >= this.meta.years;
  }

  /** Advances one year and records its indicators. */
  step(): void {
    if (this.done) return;
    step(this.world);
    this.record();
  }

  /** Runs to the horizon. */
  runToEnd(onYear?: (year: number) => void): RunResult {
    while (!this.done) {
      this.step();
      onYear?.(this.year);
    }
    return this.result();
  }

  /** The values recorded so far (a copy sized to the whole horizon; later years are 0). */
  result(): RunResult {
    return { meta: this.meta, values: this.values.slice(), leverCosts: this.leverCosts.slice() };
  }

  /** Years recorded so far, the start year included. */
  get yearsRecorded(): number {
    return this.recorded;
  }

  /** One value: year index from 0 (start), unit a county index or `counties.length` for the region. */
  value(yearIndex: number, unit: number, indicator: IndicatorName): number {
    return this.values[(yearIndex * this.unitCount + unit) * INDICATORS.length + INDICATOR_INDEX[indicator]];
  }

  /** Yuan spent on lever `lever` (its index in LEVERS) in one year and unit. */
  leverCost(yearIndex: number, lever: number, unit: number): number {
    return this.leverCosts[(yearIndex * LEVERS.length + lever) * this.unitCount + unit];
  }

  /** A copy of the current household state that the distribution view needs. */
  householdSnapshot(): HouseholdSnapshot {
    const h = this.world.households;
    const n = h.count;
    const people = new Uint8Array(n);
    const status = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      people[i] = h.kids[i] + h.youth[i] + h.adults[i] + h.elders[i];
      status[i] = h.status[i];
    }
    return { year: this.year, scale: this.meta.scale, income: h.income.slice(0, n), status, county: h.county.slice(0, n), people };
  }

  private record(): void {
    const offset = this.recorded * this.unitCount * INDICATORS.length;
    recordIndicators(this.world, this.values, offset);
    // numerical health of what is recorded (the state itself is checked after each step)
    checkIndicators(this.values, offset, this.meta.indicators, this.world.counties.map((c) => c.id), this.world.year);
    const n = this.world.counties.length;
    const units = this.unitCount;
    for (let l = 0; l < LEVERS.length; l++) {
      const base = (this.recorded * LEVERS.length + l) * units;
      let total = 0;
      for (let c = 0; c < n; c++) {
        const yuan = this.world.leverCost[l * n + c];
        this.leverCosts[base + c] = yuan;
        total += yuan;
      }
      this.leverCosts[base + n] = total;
    }
    this.recorded++;
  }
}

/**
 * The JIT warm-up (warmup.ts): the throwaway world with every lever on, run to its end. A
 * Simulation of at least JIT_WARMUP_AGENTS household agents runs it once per realm before it
 * builds its world; results are unchanged by it.
 */
export function runWarmUp(): void {
  runScenario(warmUpScenario());
}

/** Runs a scenario to its horizon. */
export function runScenario(scenario: Scenario, run = 1, seed = scenario.seed, onYear?: (year: number) => void): RunResult {
  return new Simulation(scenario, run, seed).runToEnd(onYear);
}

/** Yuan spent on one lever in one year and unit of a finished run. */
export function resultLeverCost(r: RunResult, yearIndex: number, lever: string, unit: number): number {
  const l = r.meta.levers.indexOf(lever);
  if (l < 0) throw new RangeError(`unknown lever ${lever}`);
  const units = r.meta.counties.length + 1;
  return r.leverCosts[(yearIndex * r.meta.levers.length + l) * units + unit];
}

/** Value lookup on a finished run. */
export function resultValue(r: RunResult, yearIndex: number, unit: number, indicator: IndicatorName): number {
  const units = r.meta.counties.length + 1;
  return r.values[(yearIndex * units + unit) * r.meta.indicators.length + INDICATOR_INDEX[indicator]];
}

