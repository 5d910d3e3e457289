// Entry point of the bench's ensemble worker threads. On Node 20 a worker does not inherit the
// module hooks that `tsx` installed in the main thread, so this plain-JS file registers tsx's
// ESM hooks in the worker first, then imports the TypeScript worker named in workerData.entry
// (the same approach as src/cli/workerBootstrap.mjs).
import { workerData } from 'node:worker_threads';

const entry = workerData.entry;
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
