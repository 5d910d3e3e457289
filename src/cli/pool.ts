import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
  /** Only these run numbers (a shard of the ensemble), in this order; default 1..runs. */
  runList?: readonly number[];
  /** Aborting stops every worker and rejects with Cancelled. */
  signal?: AbortSignal;
}

/** One run to compute: run `run` of `scenario` from base seed `seed`. */
export interface PoolTask {
  scenario: Scenario;
  run: number;
  seed: number;
}

/** A list of runs of any scenarios, computed on a pool of worker threads. */
export interface PoolRequest {
  tasks: readonly PoolTask[];
  workers: number;
  /** Called after each simulated year of task `task` (its index in `tasks`). */
  onYear?: (task: number, year: number) => void;
  /** Called once per task as it completes, in completion order (not task order). */
  onResult: (task: number, result: RunResult) => void;
  /** Names a task in failure messages (default `run N`). */
  label?: (task: number) => string;
  signal?: AbortSignal;
}

/** A run that threw, or a worker that died; the CLI reports it with exit status 1. */
export class RunFailure extends Error {
  constructor(
    readonly run: number | undefined,
    message: string,
    readonly detail?: string,
    label?: string,
  ) {
    super(run === undefined ? message : `${label ?? `run ${run}`} failed: ${message}`);
    this.name = 'RunFailure';
  }
}

/** The computation was cancelled (AbortSignal): nothing more will be reported. */
export class Cancelled extends Error {
  override name = 'Cancelled';
  constructor() {
    super('cancelled');
  }
}

// Workers start from a plain .mjs file that imports the worker module named in workerData.entry:
// ensembleWorker with the same extension as this module (.ts under tsx, .js if the CLI is ever
// compiled). Under tsx the worker is first bundled once per process with esbuild (which tsx
// itself runs on) into one plain .mjs file, so that each worker loads compiled JavaScript instead
// of registering tsx and transpiling every model file again (0.3-1.2 s per worker on this busy
// 2-core machine). If esbuild cannot be loaded, the bootstrap registers tsx in the worker instead.
const BOOTSTRAP = new URL('./workerBootstrap.mjs', import.meta.url);
const WORKER_ENTRY = new URL(`./ensembleWorker${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;

let bundledEntry: Promise<string> | undefined;

/** The module URL workers import: a one-off esbuild bundle of the TypeScript worker, or the worker itself. */
function workerEntry(): Promise<string> {
  if (!WORKER_ENTRY.endsWith('.ts')) return Promise.resolve(WORKER_ENTRY);
  bundledEntry ??= (async () => {
    try {
      const esbuild = await import('esbuild');
      const dir = mkdtempSync(join(tmpdir(), 'poverty-loop-worker-'));
      const outfile = join(dir, 'ensembleWorker.mjs');
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      await esbuild.build({
        entryPoints: [fileURLToPath(WORKER_ENTRY)], bundle: true, platform: 'node', format: 'esm', target: 'node20',
        outfile, logLevel: 'silent',
        // The bundle is ESM in a temporary folder: packages that are CommonJS still need require.
        banner: { js: "import { createRequire as __poolCreateRequire } from 'node:module'; const require = __poolCreateRequire(import.meta.url);" },
      });
      return pathToFileURL(outfile).href;
    } catch {
      return WORKER_ENTRY;
    }
  })();
  return bundledEntry;
}

/**
 * Computes an ensemble and returns its results in run order. Run i is always
 * `runScenario(scenario, i, seed)`, so the results are the same for any number of workers.
 */
export async function runEnsemble(req: EnsembleRequest): Promise<RunResult[]> {
  const runs = req.runList ?? Array.from({ length: req.runs }, (_, i) => i + 1);
  const results: RunResult[] = new Array(runs.length);
  await runTasks({
    tasks: runs.map((run) => ({ scenario: req.scenario, run, seed: req.seed })),
    workers: req.workers,
    onYear: req.onYear && ((t, year) => req.onYear!(runs[t], year)),
    onResult: (t, r) => (results[t] = r),
    signal: req.signal,
  });
  return results;
}

/**
 * Computes every task, on `workers` threads (1, or a single task, computes in the main thread
 * between turns of the event loop, so that a cancel can arrive). Each result goes to onResult
 * as it completes. Rejects with RunFailure on the first failure, Cancelled on abort.
 */
export async function runTasks(req: PoolRequest): Promise<void> {
  if (req.signal?.aborted) throw new Cancelled();
  const threads = Math.min(req.workers, req.tasks.length);
  if (threads === 0) return;
  if (threads <= 1) return runInProcess(req);
  const entry = await workerEntry();
  if (req.signal?.aborted) throw new Cancelled();
  return runInWorkers(req, threads, entry);
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function runInProcess(req: PoolRequest): Promise<void> {
  for (let t = 0; t < req.tasks.length; t++) {
    const task = req.tasks[t];
    const onYear = req.onYear && ((year: number) => req.onYear!(t, year));
    let result: RunResult;
    try {
      result = executeRun({ ...task, progress: false }, onYear);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      throw new RunFailure(task.run, err.message, err.stack, req.label?.(t));
    }
    req.onResult(t, result);
    if (req.signal) {
      await turn();
      if (req.signal.aborted) throw new Cancelled();
    }
  }
}

function runInWorkers(req: PoolRequest, threads: number, entry: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const total = req.tasks.length;
    const workers: Worker[] = [];
    const running = new Map<Worker, number>();
    let next = 0;
    let finished = 0;
    let settled = false;

    const stopAll = (): void => {
      settled = true;
      req.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
    };
    const fail = (error: Error): void => {
      if (settled) return;
      stopAll();
      reject(error);
    };
    const failure = (t: number | undefined, message: string, detail?: string) =>
      new RunFailure(t === undefined ? undefined : req.tasks[t].run, message, detail, t === undefined ? undefined : req.label?.(t));
    const onAbort = (): void => fail(new Cancelled());
    req.signal?.addEventListener('abort', onAbort);
    const dispatch = (w: Worker): void => {
      if (next >= total) {
        running.delete(w);
        void w.terminate();
        return;
      }
      const t = next++;
      const task: RunTask = { ...req.tasks[t], progress: req.onYear !== undefined };
      running.set(w, t);
      w.postMessage(task);
    };

    for (let i = 0; i < threads; i++) {
      const w = new Worker(BOOTSTRAP, { workerData: { entry } });
      workers.push(w);
      w.on('message', (msg: WorkerReply) => {
        if (settled) return;
        const t = running.get(w)!;
        switch (msg.kind) {
          case 'year':
            req.onYear?.(t, msg.year);
            break;
          case 'result':
            try {
              req.onResult(t, { meta: msg.meta, values: msg.values, leverCosts: msg.leverCosts });
            } catch (e) {
              fail(e instanceof Error ? e : new Error(String(e)));
              return;
            }
            if (++finished === total) {
              stopAll();
              resolve();
            } else {
              dispatch(w);
            }
            break;
          case 'error':
            fail(failure(t, msg.message, msg.stack));
            break;
        }
      });
      w.on('error', (e) => fail(failure(running.get(w), `worker thread crashed: ${e.message}`, e.stack)));
      w.on('messageerror', (e) => fail(failure(running.get(w), `a worker message could not be read: ${e.message}`)));
      w.on('exit', (code) => {
        if (running.has(w)) fail(failure(running.get(w), `worker thread exited with code ${code} before finishing`));
      });
      dispatch(w);
    }
  });
}
