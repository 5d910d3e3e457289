import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunResult, Scenario } from '../model/index';
import { executeRun, type RunTask, type WorkerReply } from './runTask';

/** An ensemble to compute: runs 1..runs of one scenario from one base seed. */
export interface EnsembleRequest {
  scenario: Scenario;
  seed: number;
  runs: number;
  /** Worker threads; 1 (or a single run) computes in the main thread. */
  workers: number;
  /** Called after each simulated year of any run. */
  onYear?: (run: number, year: number) => void;
}

/** A run that threw, or a worker that died; the CLI reports it with exit status 1. */
export class RunFailure extends Error {
  constructor(
    readonly run: number | undefined,
    message: string,
    readonly detail?: string,
  ) {
    super(run === undefined ? message : `run ${run} failed: ${message}`);
    this.name = 'RunFailure';
  }
}

// Workers start from a plain .mjs file that registers tsx, then import ensembleWorker with the
// same extension as this module (.ts under tsx, .js if the CLI is ever compiled).
const BOOTSTRAP = new URL('./workerBootstrap.mjs', import.meta.url);
const WORKER_ENTRY = new URL(`./ensembleWorker${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;

/**
 * Computes an ensemble and returns its results in run order. Run i is always
 * `runScenario(scenario, i, seed)`, so the results are the same for any number of workers.
 */
export async function runEnsemble(req: EnsembleRequest): Promise<RunResult[]> {
  const threads = Math.min(req.workers, req.runs);
  return threads <= 1 ? runInProcess(req) : runInWorkers(req, threads);
}

function runInProcess(req: EnsembleRequest): RunResult[] {
  const results: RunResult[] = [];
  for (let run = 1; run <= req.runs; run++) {
    const onYear = req.onYear && ((year: number) => req.onYear!(run, year));
    try {
      results.push(executeRun({ scenario: req.scenario, run, seed: req.seed, progress: false }, onYear));
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      throw new RunFailure(run, err.message, err.stack);
    }
  }
  return results;
}

function runInWorkers(req: EnsembleRequest, threads: number): Promise<RunResult[]> {
  return new Promise((resolve, reject) => {
    const results: (RunResult | undefined)[] = new Array(req.runs);
    const workers: Worker[] = [];
    const running = new Map<Worker, number>();
    let nextRun = 1;
    let finished = 0;
    let settled = false;

    const stopAll = (): void => {
      settled = true;
      for (const w of workers) void w.terminate();
    };
    const fail = (error: RunFailure): void => {
      if (settled) return;
      stopAll();
      reject(error);
    };
    const dispatch = (w: Worker): void => {
      if (nextRun > req.runs) {
        running.delete(w);
        void w.terminate();
        return;
      }
      const task: RunTask = { scenario: req.scenario, run: nextRun++, seed: req.seed, progress: req.onYear !== undefined };
      running.set(w, task.run);
      w.postMessage(task);
    };

    for (let i = 0; i < threads; i++) {
      const w = new Worker(BOOTSTRAP, { workerData: { entry: WORKER_ENTRY } });
      workers.push(w);
      w.on('message', (msg: WorkerReply) => {
        if (settled) return;
        switch (msg.kind) {
          case 'year':
            req.onYear?.(msg.run, msg.year);
            break;
          case 'result':
            results[msg.run - 1] = { meta: msg.meta, values: msg.values, leverCosts: msg.leverCosts };
            if (++finished === req.runs) {
              stopAll();
              resolve(results as RunResult[]);
            } else {
              dispatch(w);
            }
            break;
          case 'error':
            fail(new RunFailure(msg.run, msg.message, msg.stack));
            break;
        }
      });
      w.on('error', (e) => fail(new RunFailure(running.get(w), `worker thread crashed: ${e.message}`, e.stack)));
      w.on('messageerror', (e) => fail(new RunFailure(running.get(w), `a worker message could not be read: ${e.message}`)));
      w.on('exit', (code) => {
        if (running.has(w)) fail(new RunFailure(running.get(w), `worker thread exited with code ${code} before finishing`));
      });
      dispatch(w);
    }
  });
}
