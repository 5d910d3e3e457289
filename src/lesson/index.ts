/**
 * Lessons: guided sequences of steps over the model's scenarios ("predict, then run, then
 * explain"). Pure TypeScript like the engine, so the browser's presenter and the Node tests read
 * and check lesson files with the same code. The format is described in docs/teaching.md.
 */
export * from './types';
export * from './parse';
export * from './checks';
export * from './verify';
