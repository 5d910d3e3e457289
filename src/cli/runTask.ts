import { type RunMeta, type RunResult, runScenario, type Scenario } from '../model/index';

/** One run of an ensemble: what a worker (or the main thread) needs to compute it. */
export interface RunTask {
  scenario: Scenario;
  /** 1-based run index; the run's random streams derive from (seed, run). */
  run: number;
  /** Base seed of the ensemble. */
  seed: number;
  /** Report each simulated year back (for the progress bar). */
  progress: boolean;
}

/** Messages from an ensemble worker to the pool. */
export type WorkerReply =
  | { kind: 'year'; run: number; year: number }
  | { kind: 'result'; run: number; meta: RunMeta; values: Float64Array; leverCosts: Float64Array }
  | { kind: 'error'; run: number; message: string; stack?: string };

/**
 * Fault injection for the CLI's tests: when this environment variable holds a run index, that
 * run throws, so the tests can check that a failing worker gives exit status 1 and no output.
 */
export const FAIL_RUN_ENV = 'POVERTY_LOOP_FAIL_RUN';

/**
 * Throws if a run holds a value the output may not contain (CONTRACT.md: `NaN` never appears),
 * naming where, so an engine defect fails the run instead of reaching a file.
 */
export function checkFinite(result: RunResult): void {
  const { meta, values } = result;
  const k = meta.indicators.length;
  const units = meta.counties.length + 1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) continue;
    const unit = Math.floor(i / k) % units;
    const county = unit === meta.counties.length ? 'region' : meta.counties[unit].id;
    const year = meta.startYear + Math.floor(i / (k * units));
    throw new Error(`the engine produced ${values[i]} for ${meta.indicators[i % k]} of ${county} in ${year}`);
  }
}

/** Computes one run. The same task gives the same numbers on any thread. */
export function executeRun(task: RunTask, onYear?: (year: number) => void): RunResult {
  if (process.env[FAIL_RUN_ENV] === String(task.run)) throw new Error(`injected failure in run ${task.run} (${FAIL_RUN_ENV})`);
  const result = runScenario(task.scenario, task.run, task.seed, onYear);
  checkFinite(result);
  return result;
}
