/// <reference lib="webworker" />
/**
 * A worker of the browser's ensemble pool (src/app/research/runPool.ts): computes whole runs,
 * one at a time, exactly as the command line's ensemble workers do (src/cli/runTask.ts:
 * `runScenario(scenario, run, seed)`, values checked finite), so a run in the browser equals
 * the same run of `npm run sim` value for value. Results are transferred, not copied.
 */
import * as Comlink from 'comlink';
import { checkFinite } from '../../cli/runTask';
import { type RunResult, runScenario, type Scenario } from '../../model';

/** One run: the scenario, its 1-based run index and the ensemble's base seed. */
export interface RunJob {
  scenario: Scenario;
  run: number;
  seed: number;
}

/** A finished run and the wall time it took inside the worker (ms). */
export interface RunReply {
  result: RunResult;
  ms: number;
}

const api = {
  /** Computes one run; throws (the pool reports it) if the engine fails or yields a non-finite value. */
  run(job: RunJob): RunReply {
    const t0 = performance.now();
    const result = runScenario(job.scenario, job.run, job.seed);
    checkFinite(result);
    return Comlink.transfer({ result, ms: performance.now() - t0 }, [result.values.buffer as ArrayBuffer, result.leverCosts.buffer as ArrayBuffer]);
  },
};

export type RunWorkerApi = typeof api;

Comlink.expose(api);
