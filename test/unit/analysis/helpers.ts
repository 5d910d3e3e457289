import { INDICATOR_INDEX, INDICATOR_NAMES, type IndicatorName, LEVERS, type RunResult } from '../../../src/model/index';

/** A hand-built run: `counties` counties, `years` years from 2013, every value 0 until set. */
export function handRun(opts: { run?: number; seed?: number; counties?: number; years?: number; id?: string } = {}): RunResult & {
  set(yearIndex: number, unit: number, indicator: IndicatorName, value: number): void;
} {
  const n = opts.counties ?? 2;
  const years = opts.years ?? 3;
  const k = INDICATOR_NAMES.length;
  const values = new Float64Array((years + 1) * (n + 1) * k);
  const meta = {
    scenarioId: opts.id ?? 'hand', seed: opts.seed ?? 1, run: opts.run ?? 1, startYear: 2013, years, scale: 1,
    counties: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: { zh: `县${i}`, en: `C${i}` }, terrain: 'mountain' as const, hex: [i, 0] as [number, number] })),
    indicators: INDICATOR_NAMES, levers: LEVERS.map((l) => l.name),
  };
  return {
    meta, values, leverCosts: new Float64Array((years + 1) * LEVERS.length * (n + 1)),
    set(y, u, ind, v) {
      values[(y * (n + 1) + u) * k + INDICATOR_INDEX[ind]] = v;
    },
  };
}
