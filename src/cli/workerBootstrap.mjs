// Entry point of every ensemble worker thread. On Node 20 a worker does not inherit the module
// hooks that `tsx` (or `node --import tsx`) installed in the main thread, so TypeScript files
// would fail with "Unknown file extension .ts". This plain-JS file registers tsx's ESM hooks in
// the worker, then imports the real worker module named in workerData.entry.
import { workerData } from 'node:worker_threads';

const entry = workerData.entry;
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
