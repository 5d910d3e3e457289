/**
 * Worker thread of the ensemble pool (pool.ts): receives RunTasks one at a time and posts back
 * each run's result, its values transferred rather than copied. Loaded through
 * workerBootstrap.mjs, which registers tsx in this thread first.
 */
import { parentPort } from 'node:worker_threads';
import { executeRun, type RunTask, type WorkerReply } from './runTask';

const port = parentPort;
if (!port) throw new Error('ensembleWorker.ts must run in a worker thread (see pool.ts)');

const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer);

port.on('message', (task: RunTask) => {
  try {
    const result = executeRun(task, task.progress ? (year) => post({ kind: 'year', run: task.run, year }) : undefined);
    post({ kind: 'result', run: task.run, meta: result.meta, values: result.values, leverCosts: result.leverCosts },
      [result.values.buffer as ArrayBuffer, result.leverCosts.buffer as ArrayBuffer]);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ kind: 'error', run: task.run, message: err.message, stack: err.stack });
  }
});
