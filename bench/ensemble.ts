/**
 * Ensemble speed-up: the same `runs` whole runs (construction with spin-up, then every year) on
 * 1 worker thread, then on one worker per core. Workers are started, have loaded the model and
 * have done two untimed warm-up runs of the same scenario (other run indexes, sent the same way)
 * before the clock starts, so the figure is about computing in parallel, not thread start-up
 * and compilation (printed separately as start seconds). Without warm-up, the first run on each
 * worker took 2 to 6 times as long as the next on this busy 2-core machine, and after one
 * warm-up run the first timed run was still about twice as slow (optimised code arriving late
 * from the starved background compiler). Rounds alternate (1, all, 1, all) and each worker count keeps its
 * fastest round, so a burst of load on the machine does not decide the ratio.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../src/model/index';
import { fullModelScenario } from './configs';
import type { EnsembleReply, EnsembleTask } from './ensembleWorker';

/** Untimed runs on each worker before the clock starts. */
const WARM_RUNS = 2;
const BOOTSTRAP = new URL('./workerBootstrap.mjs', import.meta.url);
const ENTRY = new URL('./ensembleWorker.ts', import.meta.url).href;

export interface EnsembleRound {
  workers: number;
  startSeconds: number;
  seconds: number;
  runSeconds: number[];
}

export interface EnsembleResult {
  households: number;
  years: number;
  runs: number;
  cores: number;
  rounds: EnsembleRound[];
  /** Fastest round on one worker and on all cores. */
  secondsOneWorker: number;
  secondsAllCores: number;
  /** secondsOneWorker / secondsAllCores. */
  speedup: number;
  /** Every run gave the same indicator values on 1 worker and on all cores. */
  identicalResults: boolean;
  loadavg: number[];
}

async function round(scenario: Scenario, runs: number, workers: number): Promise<EnsembleRound & { checksums: number[] }> {
  const t0 = performance.now();
  const pool = Array.from({ length: workers }, () => new Worker(BOOTSTRAP, { workerData: { entry: ENTRY } }));
  try {
    await Promise.all(pool.map((w) => new Promise<void>((resolve, reject) => {
      w.once('message', (m: EnsembleReply) => (m.kind === 'ready' ? resolve() : reject(new Error(`worker: ${JSON.stringify(m)}`))));
      w.once('error', reject);
    })));
    // Warm-up: WARM_RUNS untimed runs on each worker, sent like the real ones (other run indexes).
    for (let r = 0; r < WARM_RUNS; r++) {
      await Promise.all(pool.map((w, k) => new Promise<void>((resolve, reject) => {
        w.once('message', (m: EnsembleReply) => (m.kind === 'done' ? resolve() : reject(new Error(`worker: ${JSON.stringify(m)}`))));
        w.postMessage({ scenario, run: 1000 + 10 * k + r } satisfies EnsembleTask);
      })));
    }
    const startSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const runSeconds = new Array<number>(runs).fill(0);
    const checksums = new Array<number>(runs).fill(0);
    let next = 1;
    await Promise.all(pool.map((w) => new Promise<void>((resolve, reject) => {
      const give = () => {
        if (next > runs) return resolve();
        const task: EnsembleTask = { scenario, run: next++ };
        w.postMessage(task);
      };
      w.on('message', (m: EnsembleReply) => {
        if (m.kind === 'done') {
          runSeconds[m.run - 1] = m.seconds;
          checksums[m.run - 1] = m.checksum;
          give();
        } else if (m.kind === 'error') reject(new Error(`run ${m.run}: ${m.message}`));
      });
      w.on('error', reject);
      give();
    })));
    return { workers, startSeconds, seconds: (performance.now() - t1) / 1000, runSeconds, checksums };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

const log = (msg: string) => process.stderr.write(`  ${msg}\n`);


export async function measureEnsemble(cfg: { households: number; years: number; runs: number }, rounds = 2): Promise<EnsembleResult> {
  const cores = availableParallelism();
  const scenario = fullModelScenario(cfg.households, cfg.years);
  const all: EnsembleRound[] = [];
  let reference: number[] | undefined;
  let identical = true;
  for (let r = 0; r < rounds; r++) {
    for (const workers of cores > 1 ? [1, cores] : [1]) {
      const res = await round(scenario, cfg.runs, workers);
      log(`ensemble: ${cfg.runs} runs on ${workers} worker(s) in ${res.seconds.toFixed(2)} s (+${res.startSeconds.toFixed(2)} s start)`);
      if (!reference) reference = res.checksums;
      else if (res.checksums.some((c, i) => c !== reference![i])) identical = false;
      all.push({ workers: res.workers, startSeconds: res.startSeconds, seconds: res.seconds, runSeconds: res.runSeconds });
    }
  }
  const best = (w: number) => Math.min(...all.filter((r) => r.workers === w).map((r) => r.seconds));
  const one = best(1);
  const many = best(cores);
  return {
    households: cfg.households, years: cfg.years, runs: cfg.runs, cores, rounds: all,
    secondsOneWorker: one, secondsAllCores: many, speedup: one / many, identicalResults: identical, loadavg: loadavg(),
  };
}
