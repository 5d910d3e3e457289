/**
 * Worker thread of the bench's ensemble measurement: says `ready` once the model is loaded, then
 * computes whole runs (`runScenario`: construction with its spin-up, then every year) and
 * posts back how long each took and a checksum of its indicator values.
 */
import { parentPort } from 'node:worker_threads';
import { runScenario, type Scenario } from '../src/model/index';

export interface EnsembleTask {
  scenario: Scenario;
  run: number;
}
export type EnsembleReply =
  | { kind: 'ready' }
  | { kind: 'done'; run: number; seconds: number; checksum: number }
  | { kind: 'error'; run: number; message: string };

const port = parentPort;
if (!port) throw new Error('bench/ensembleWorker.ts must run in a worker thread');

/** Sum of the values weighted by position: equal runs give equal checksums. */
function checksum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] * ((i % 97) + 1);
  return s;
}

port.on('message', (task: EnsembleTask) => {
  try {
    const t0 = performance.now();
    const result = runScenario(task.scenario, task.run, task.scenario.seed);
    const reply: EnsembleReply = { kind: 'done', run: task.run, seconds: (performance.now() - t0) / 1000, checksum: checksum(result.values) };
    port.postMessage(reply);
  } catch (e) {
    port.postMessage({ kind: 'error', run: task.run, message: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies EnsembleReply);
  }
});
port.postMessage({ kind: 'ready' } satisfies EnsembleReply);
