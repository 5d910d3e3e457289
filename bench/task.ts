/**
 * One measurement of the bench. bench.ts runs each in its own process (bench/child.ts) so that
 * its memory figures, garbage and compiled code are its own, or here with --in-process.
 */
import { measureBound } from './bound';
import { measureProvince, measureSize } from './measure';
import { measurePeer } from './peer/run';
import { traceElements } from './trace';

export const RESULT_PREFIX = 'BENCH_RESULT ';

export type TaskKind = 'bound' | 'size' | 'peer' | 'province';

/** Runs one task in this process. */
export async function runTaskHere(kind: TaskKind, cfg: unknown): Promise<unknown> {
  switch (kind) {
    case 'bound': {
      const c = cfg as { lengths: number[]; reps: number };
      const traced = traceElements();
      return { ...measureBound(c.lengths, c.reps), traced };
    }
    case 'size':
      return measureSize(cfg as Parameters<typeof measureSize>[0]);
    case 'peer':
      return measurePeer(cfg as Parameters<typeof measurePeer>[0]);
    case 'province': {
      const c = cfg as { households: number; years: number };
      return measureProvince(c.households, c.years);
    }
  }
}
