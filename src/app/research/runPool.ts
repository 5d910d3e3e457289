/**
 * The browser's ensemble pool: module Web Workers (src/app/worker/runWorker.ts), each computing
 * whole runs. Runs are handed out one at a time in order; results are stored by their position
 * in the job list, so the output never depends on how many workers there are or which finishes
 * first. Pause stops handing out runs (runs already started finish), resume hands them out
 * again, cancel terminates every worker at once.
 */
import * as Comlink from 'comlink';
import type { RunResult } from '../../model';
import type { RunJob, RunWorkerApi } from '../worker/runWorker';

export type { RunJob } from '../worker/runWorker';

/** Rejection of a cancelled pool. */
export class PoolCancelled extends Error {
  override name = 'PoolCancelled';
  constructor() {
    super('cancelled');
  }
}

/** Workers alive across every pool of the page (read by the tests: 0 once a pool has ended). */
let liveWorkers = 0;
export function liveWorkerCount(): number {
  return liveWorkers;
}

/** Test hook: when set, the pool's size; otherwise min(hardwareConcurrency, runs). */
let workerOverride: number | null = null;
export function setWorkerOverride(n: number | null): void {
  workerOverride = n !== null && Number.isInteger(n) && n > 0 ? n : null;
}

/** How many workers a pool of `runs` runs starts. */
export function poolSize(runs: number): number {
  const cores = Math.max(1, navigator.hardwareConcurrency || 1);
  return Math.max(1, Math.min(workerOverride ?? cores, runs));
}

export interface PoolProgress {
  done: number;
  total: number;
  workers: number;
}

/** One batch of runs on a fresh set of workers; the workers end with the batch. */
export class RunPool {
  private readonly workers: Worker[] = [];
  private resumeWaiters: (() => void)[] = [];
  private paused = false;
  private ended = false;
  private failWith: ((e: Error) => void) | null = null;
  readonly size: number;
  /**
   * Sum over finished runs of their time inside a worker (ms). Divided by the batch's wall time
   * it is how many runs were computing at once on average: near the pool's size when each worker
   * had a core, lower when other processes took them.
   */
  busyMs = 0;

  constructor(
    private readonly jobs: readonly RunJob[],
    private readonly onProgress: (p: PoolProgress) => void = () => undefined,
    workers?: number,
  ) {
    this.size = Math.max(1, Math.min(workers ?? poolSize(jobs.length), Math.max(1, jobs.length)));
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Runs every job; resolves with the results in job order. */
  run(): Promise<RunResult[]> {
    const total = this.jobs.length;
    const results: RunResult[] = new Array(total);
    let next = 0;
    let done = 0;
    return new Promise<RunResult[]>((resolve, reject) => {
      this.failWith = (e) => {
        this.stop();
        reject(e);
      };
      if (total === 0) {
        this.ended = true;
        resolve(results);
        return;
      }
      const loop = async (api: Comlink.Remote<RunWorkerApi>) => {
        while (!this.ended) {
          if (this.paused) {
            await new Promise<void>((r) => this.resumeWaiters.push(r));
            continue;
          }
          if (next >= total) return;
          const i = next++;
          const job = this.jobs[i];
          let r: RunResult;
          try {
            const reply = await api.run(job);
            r = reply.result;
            this.busyMs += reply.ms;
          } catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            this.failWith?.(new Error(`run ${job.run} (seed ${job.seed}) of ${job.scenario.id} failed: ${message}`));
            return;
          }
          if (this.ended) return;
          results[i] = r;
          done++;
          this.onProgress({ done, total, workers: this.size });
          if (done === total) {
            this.stop();
            resolve(results);
          }
        }
      };
      for (let w = 0; w < this.size; w++) {
        const worker = new Worker(new URL('../worker/runWorker.ts', import.meta.url), { type: 'module', name: `ensemble-${w + 1}` });
        liveWorkers++;
        worker.addEventListener('error', (ev) => {
          ev.preventDefault();
          this.failWith?.(new Error(`an ensemble worker stopped: ${ev.message || 'it could not start'}`));
        });
        this.workers.push(worker);
        void loop(Comlink.wrap<RunWorkerApi>(worker));
      }
      this.onProgress({ done: 0, total, workers: this.size });
    });
  }

  /** Stops handing out runs; the runs in progress finish. */
  pause(): void {
    if (!this.ended) this.paused = true;
  }

  resume(): void {
    this.paused = false;
    const waiters = this.resumeWaiters;
    this.resumeWaiters = [];
    for (const w of waiters) w();
  }

  /** Terminates every worker; run() rejects with PoolCancelled. */
  cancel(): void {
    if (this.ended) return;
    this.failWith?.(new PoolCancelled());
  }

  private stop(): void {
    if (this.ended) return;
    this.ended = true;
    this.failWith = null;
    for (const w of this.workers) w.terminate();
    liveWorkers -= this.workers.length;
    this.workers.length = 0;
    this.resume();
  }
}
