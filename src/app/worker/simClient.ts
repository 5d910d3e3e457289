import * as Comlink from 'comlink';
import { INDICATOR_INDEX, INDICATORS, type IndicatorName, LEVERS, type RunMeta, type RunResult, type Scenario } from '../../model';
import type { LoadReply, SimWorkerApi, StepReply } from './simWorker';

const LEVER_INDEX_OF = new Map(LEVERS.map((l, i) => [l.name as string, i]));

/**
 * The simulation worker stopped: it crashed (an uncaught error), a message could not be read,
 * or it was killed. Every call in flight rejects with it, and so does every later call until
 * `restart()`; the data already recorded stays.
 */
export class WorkerFault extends Error {
  constructor(readonly kind: 'crashed' | 'unreadable' | 'killed', detail: string) {
    super(`the simulation worker stopped (${kind}): ${detail}`);
    this.name = 'WorkerFault';
  }
}

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
  /** Engine time per simulated year of the last reply that stepped, ms (0 until a year is simulated). */
  lastStepMs = 0;
  /** Time to build the current run's world (construction and spin-up), ms. */
  buildMs = 0;

  /** Set when the worker stopped (see WorkerFault); cleared by restart(). */
  fault: WorkerFault | null = null;

  private worker!: Worker;
  private api!: Comlink.Remote<SimWorkerApi>;
  private generation = 0;
  private readonly listeners = new Set<() => void>();
  private readonly faultListeners = new Set<(f: WorkerFault) => void>();
  /** Rejecters of the calls in flight, so that a dead worker fails them instead of leaving them hanging. */
  private readonly pending = new Set<(e: Error) => void>();

  constructor() {
    this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module', name: 'simulation' });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (worker === this.worker) this.fail(new WorkerFault('crashed', e.message || 'the worker raised an error it did not handle'));
    });
    worker.addEventListener('messageerror', () => {
      if (worker === this.worker) this.fail(new WorkerFault('unreadable', 'a message from the worker could not be read'));
    });
    this.worker = worker;
    this.api = Comlink.wrap<SimWorkerApi>(worker);
  }

  /** Runs one call to the worker; rejects at once if the worker is dead or dies meanwhile. */
  private call<T>(job: (api: Comlink.Remote<SimWorkerApi>) => Promise<T>): Promise<T> {
    if (this.fault) return Promise.reject(this.fault);
    return new Promise<T>((resolve, reject) => {
      const onFault = (e: Error) => reject(e);
      this.pending.add(onFault);
      job(this.api).then(resolve, reject).finally(() => this.pending.delete(onFault));
    });
  }

  private fail(fault: WorkerFault): void {
    if (this.fault) return;
    this.fault = fault;
    this.worker.terminate();
    const waiting = [...this.pending];
    this.pending.clear();
    for (const reject of waiting) reject(fault);
    for (const cb of this.faultListeners) cb(fault);
  }

  /** Called once when the worker stops (crash, unreadable message, kill). */
  onFault(cb: (f: WorkerFault) => void): () => void {
    this.faultListeners.add(cb);
    return () => this.faultListeners.delete(cb);
  }

  /**
   * Kills the worker as a crash would (for the end-to-end tests and for a stuck run): calls in
   * flight reject with a WorkerFault, the recorded data stays.
   */
  kill(reason = 'killed by the page'): void {
    this.fail(new WorkerFault('killed', reason));
  }

  /**
   * A fresh worker after a fault. The recorded data stays until the caller loads a scenario
   * (the app reloads the current one and runs it back to the year shown).
   */
  restart(): void {
    if (!this.fault) this.worker.terminate();
    this.generation++;
    this.fault = null;
    this.spawn();
  }

  /** Stops the worker for good (the page no longer needs this run). */
  dispose(): void {
    this.fail(new WorkerFault('killed', 'disposed'));
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

  /** No call to the worker in flight: a year asked for before a pause has come back. */
  get idle(): boolean {
    return this.pending.size === 0;
  }

  /** Year index of the latest recorded year. */
  get frontier(): number {
    return Math.max(0, this.yearsRecorded - 1);
  }

  /** Starts a new run; any reply of the previous one still in flight is ignored. */
  async load(scenario: Scenario, seed?: number): Promise<void> {
    const gen = ++this.generation;
    this.scenario = scenario;
    const r = await this.call((api) => api.load(scenario, gen, seed));
    if (r.generation !== this.generation) return;
    this.accept(r, true);
  }

  /** Starts the current scenario again. */
  async reset(): Promise<void> {
    const gen = ++this.generation;
    const r = await this.call((api) => api.reset(gen));
    if (r.generation !== this.generation) return;
    this.accept(r, true);
  }

  /** Simulates up to `years` more years; resolves false if the run was replaced meanwhile. */
  async step(years = 1): Promise<boolean> {
    if (!this.meta || this.done) return false;
    const gen = this.generation;
    const r = await this.call((api) => api.step(years, gen));
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

  /**
   * The whole run as a RunResult (runs to the horizon first). Rejects rather than return a
   * partial run: if the run is replaced or the worker stops meanwhile, nothing is exported.
   */
  async result(onYear?: () => void): Promise<RunResult> {
    if (!this.meta) throw new Error('no run');
    const gen = this.generation;
    const complete = await this.runTo(this.years, onYear);
    if (!complete || gen !== this.generation || !this.done) throw new Error('the run changed before it reached its last year; nothing was exported');
    const r = await this.call((api) => api.result());
    if (gen !== this.generation || r.meta.years !== this.years || r.meta.scenarioId !== this.meta.scenarioId) {
      throw new Error('the run changed while it was being exported; nothing was exported');
    }
    return r;
  }

  /** Test hook: corrupts one county field in the worker's state (see simWorker.ts injectFault). */
  injectFault(county: number, field: string): Promise<void> {
    return this.call((api) => api.injectFault(county, field));
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
    // A load's time builds the world; a step's covers every year it brought.
    if (fresh) {
      this.buildMs = r.stepMs;
      this.lastStepMs = 0;
    } else if (r.blocks.length > 0) this.lastStepMs = r.stepMs / r.blocks.length;
    for (const cb of this.listeners) cb();
  }
}
