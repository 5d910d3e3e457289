/**
 * The runs of each research task, numbered and seeded exactly as the command line numbers and
 * seeds them (src/cli/sim.ts and src/cli/sweep.ts), so the browser's numbers equal the CLI's.
 */
import { ARMS, type BoundSweep, type Factorial, sweepScenarios, sweepTask } from '../../analysis';
import type { Scenario } from '../../model';
import type { RunJob } from './runPool';

/** `npm run sim -- s.json --runs N`: runs 1..N of the scenario's seed. */
export function ensembleJobs(scenario: Scenario, runs: number, seed = scenario.seed): RunJob[] {
  return Array.from({ length: runs }, (_, i) => ({ scenario, run: i + 1, seed }));
}

/**
 * `npm run sim -- alternative.json --baseline baseline.json --runs N`: the baseline's runs, then
 * the alternative's, pair i sharing run i and the alternative's seed (common random numbers).
 */
export function comparisonJobs(baseline: Scenario, alternative: Scenario, runs: number): RunJob[] {
  return [...ensembleJobs(baseline, runs, alternative.seed), ...ensembleJobs(alternative, runs, alternative.seed)];
}

/** `npm run sweep`: run t is repetition (t mod R) + 1 of point floor(t / R) + 1, the sweep's seed. */
export function sweepJobs(b: BoundSweep): RunJob[] {
  const scenarios = sweepScenarios(b);
  return Array.from({ length: b.runs }, (_, t) => {
    const task = sweepTask(b, t);
    return { scenario: scenarios[task.point - 1], run: task.run, seed: b.seed };
  });
}

/**
 * `npm run sim -- s.json --interaction A --runs N`: runs 1..N of each arm (neither, A only, B
 * only, both) in that order, every arm on the scenario's seed (common random numbers).
 */
export function interactionJobs(f: Factorial, runs: number): RunJob[] {
  return ARMS.flatMap((arm) => ensembleJobs(f.arms[arm], runs, f.arms.both.seed));
}
