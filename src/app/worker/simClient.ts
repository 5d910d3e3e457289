import * as Comlink from 'comlink';
import { INDICATOR_INDEX, INDICATORS, type IndicatorName, LEVERS, type RunMeta, type RunResult, type Scenario } from '../../model';
import type { LoadReply, SimWorkerApi, StepReply } from './simWorker';

const LEVER_INDEX_OF = new Map(LEVERS.map((l, i) => [l.name as string, i]));

/**
 * The page's side of the simulation: starts the worker, keeps every recorded year's indicators
 * and income distribution (so the year scrubber can show any of them again), and drops replies
 * that belong to a run the user has since replaced.
 */
export class SimClient {
  meta: RunMeta | null = null;
  scenario: Scenario | null = null;
  /** Indicator values for the whole horizon, filled as years arrive (same layout as RunResult). */
  values = new Float64Array(0);
  /** Yuan by year, lever and unit (see leverCost). */
  leverCosts = new Float64Array(0);
  /** Binned income distribution per year index (see distribution.ts). */
  distributions: (Float64Array | undefined)[] = [];
  yearsRecorded = 0;
  done = false;
  /** Engine time of the last reply, ms. */
  lastStepMs = 0;

  private readonly worker: Worker;
  private readonly api: Comlink.Remote<SimWorkerApi>;
  private generation = 0;
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module', name: 'simulation' });
    this.api = Comlink.wrap<SimWorkerApi>(this.worker);
  }

  /** Called after every change of the recorded data. */
  onData(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  get counties(): number {
    return this.meta ? this.meta.counties.length : 0;
  }

  /** Units: counties then the region. */
  get regionUnit(): number {
    return this.counties;
  }

  get startYear(): number {
    return this.meta?.startYear ?? 0;
  }

  get years(): number {
    return this.meta?.years ?? 0;
  }

  /** Year index of the latest recorded year. */
  get frontier(): number {
    return Math.max(0, this.yearsRecorded - 1);
  }

  /** Starts a new run; any reply of the previous one still in flight is ignored. */
  async load(scenario: Scenario, seed?: number): Promise<void> {
    const gen = ++this.generation;
    this.scenario = scenario;
    const r = await this.api.load(scenario, gen, seed);
    if (r.generation !== this.generation) return;
    this.accept(r, true);
  }

  /** Starts the current scenario again. */
  async reset(): Promise<void> {
    const gen = ++this.generation;
    const r = await this.api.reset(gen);
    if (r.generation !== this.generation) return;
    this.accept(r, true);
  }

  /** Simulates up to `years` more years; resolves false if the run was replaced meanwhile. */
  async step(years = 1): Promise<boolean> {
    if (!this.meta || this.done) return false;
    const gen = this.generation;
    const r = await this.api.step(years, gen);
    if (r.generation !== this.generation || gen !== this.generation) return false;
    this.accept(r, false);
    return true;
  }

  /** Simulates until year index `yearIndex`, one year per round trip so the page keeps updating. */
  async runTo(yearIndex: number, onYear?: () => void): Promise<boolean> {
    const gen = this.generation;
    while (this.meta && !this.done && this.frontier < yearIndex) {
      if (!(await this.step(1)) || gen !== this.generation) return false;
      onYear?.();
    }
    return gen === this.generation;
  }

  /** The whole run as a RunResult (runs to the horizon first). */
  async result(onYear?: () => void): Promise<RunResult> {
    if (!this.meta) throw new Error('no run');
    await this.runTo(this.years, onYear);
    const r = await this.api.result();
    return r;
  }

  /** One indicator value; NaN for years not simulated yet. */
  value(yearIndex: number, unit: number, indicator: IndicatorName): number {
    if (!this.meta || yearIndex < 0 || yearIndex >= this.yearsRecorded) return NaN;
    return this.values[(yearIndex * (this.counties + 1) + unit) * INDICATORS.length + INDICATOR_INDEX[indicator]];
  }

  /** Yuan spent on a lever in one year and unit; NaN for years not simulated yet. */
  leverCost(yearIndex: number, unit: number, lever: string): number {
    const l = LEVER_INDEX_OF.get(lever);
    if (!this.meta || l === undefined || yearIndex < 0 || yearIndex >= this.yearsRecorded) return NaN;
    return this.leverCosts[(yearIndex * LEVERS.length + l) * (this.counties + 1) + unit];
  }

  /** An indicator's series over the recorded years for one unit. */
  series(unit: number, indicator: IndicatorName): number[] {
    const out: number[] = [];
    for (let y = 0; y < this.yearsRecorded; y++) out.push(this.value(y, unit, indicator));
    return out;
  }

  /** Stores the years of a reply; a fresh run replaces everything recorded. */
  private accept(r: StepReply | LoadReply, fresh: boolean): void {
    if (fresh) {
      const meta = (r as LoadReply).meta;
      this.meta = meta;
      this.values = new Float64Array((meta.years + 1) * (meta.counties.length + 1) * INDICATORS.length);
      this.distributions = [];
      this.leverCosts = new Float64Array((meta.years + 1) * LEVERS.length * (meta.counties.length + 1));
    }
    const blockSize = (this.counties + 1) * INDICATORS.length;
    for (const b of r.blocks) {
      this.values.set(b.values, b.yearIndex * blockSize);
      this.distributions[b.yearIndex] = b.distribution;
      this.leverCosts.set(b.leverCosts, b.yearIndex * LEVERS.length * (this.counties + 1));
    }
    this.yearsRecorded = r.yearsRecorded;
    this.done = r.done;
    this.lastStepMs = r.stepMs;
    for (const cb of this.listeners) cb();
  }
}
