/**
 * A cross-check of ELEMENTS_PER_HOUSEHOLD_STEP (bound.ts): runs a small full-model world with
 * every per-household array (households and the per-household scratch) behind a Proxy that
 * records the elements each pass reads and writes, and reports them per alive household per
 * step. As in the hand count, an element touched again for the same household in the same loop
 * counts once, and a later loop over the households (identification and relocation have two)
 * counts again. Rare paths count by how often they are taken (the hand count leaves them out).
 * A gap of more than a few elements means the engine changed and bound.ts needs updating.
 */
import { Simulation } from '../src/model/index';
import { PIPELINE } from '../src/model/step';
import { fullModelScenario } from './configs';

export interface TraceResult {
  households: number;
  steps: number;
  /** Elements per alive household per step, by pass, reads and writes. */
  byPass: Record<string, { reads: number; writes: number; fields: Record<string, { r: number; w: number }> }>;
  total: number;
}

const isIndex = (p: string | symbol): p is string => typeof p === 'string' && p.length > 0 && p.charCodeAt(0) >= 48 && p.charCodeAt(0) <= 57;

export function traceElements(households = 3000, warmSteps = 6, steps = 3): TraceResult {
  const scenario = fullModelScenario(households, warmSteps + steps);
  const sim = new Simulation(scenario, 1, scenario.seed);
  for (let s = 0; s < warmSteps; s++) sim.step();
  const w = sim.world;
  let pass = 'indicators';
  // reads/writes: pass -> field -> elements touched (a new element whenever the index changes)
  const reads = new Map<string, Map<string, { last: number; count: number }>>();
  const writes = new Map<string, Map<string, { last: number; count: number }>>();
  const totals = new Map<string, Map<string, { r: number; w: number }>>();
  const note = (m: Map<string, Map<string, { last: number; count: number }>>, field: string, i: number) => {
    let byField = m.get(pass);
    if (!byField) m.set(pass, (byField = new Map()));
    let e = byField.get(field);
    if (!e) byField.set(field, (e = { last: -1, count: 0 }));
    if (e.last !== i) {
      e.count++;
      e.last = i;
    }
  };
  const wrap = <T extends object>(field: string, arr: T): T => new Proxy(arr, {
    get(target, p) {
      if (isIndex(p)) note(reads, field, Number(p));
      const v = Reflect.get(target, p, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
    set(target, p, value) {
      if (isIndex(p)) note(writes, field, Number(p));
      return Reflect.set(target, p, value, target);
    },
  });
  const h = w.households as unknown as Record<string, unknown>;
  const originals: [string, unknown][] = [];
  for (const [k, v] of Object.entries(h)) {
    if (ArrayBuffer.isView(v)) {
      originals.push([k, v]);
      h[k] = wrap(k, v as Uint8Array);
    }
  }
  const scratch = w.scratch.household;
  w.scratch.household = wrap('scratch.household', scratch);
  type System = (x: typeof w) => void;
  const pipeline = PIPELINE as unknown as [string, System][];
  const systems = pipeline.map((e) => e[1]);
  for (let k = 0; k < pipeline.length; k++) {
    const [name, fn] = pipeline[k];
    pipeline[k] = [name, (x) => {
      pass = name;
      fn(x);
      pass = 'indicators';
    }];
  }
  let aliveSum = 0;
  try {
    for (let s = 0; s < steps; s++) {
      let alive = 0;
      for (let i = 0; i < w.households.count; i++) alive += (originals.find(([k]) => k === 'status')![1] as Uint8Array)[i] & 1;
      aliveSum += alive;
      reads.clear();
      writes.clear();
      sim.step();
      for (const [m, key] of [[reads, 'r'], [writes, 'w']] as const) {
        for (const [p, byField] of m) {
          let t = totals.get(p);
          if (!t) totals.set(p, (t = new Map()));
          for (const [field, touched] of byField) {
            const e = t.get(field) ?? { r: 0, w: 0 };
            e[key] += touched.count;
            t.set(field, e);
          }
        }
      }
    }
  } finally {
    for (let k = 0; k < pipeline.length; k++) pipeline[k] = [pipeline[k][0], systems[k]];
    for (const [k, v] of originals) h[k] = v;
    w.scratch.household = scratch;
  }
  const byPass: TraceResult['byPass'] = {};
  let total = 0;
  for (const [p, t] of totals) {
    const fields: Record<string, { r: number; w: number }> = {};
    let r = 0;
    let wr = 0;
    for (const [field, e] of t) {
      const fr = e.r / aliveSum;
      const fw = e.w / aliveSum;
      if (fr + fw < 0.005) continue;
      fields[field] = { r: fr, w: fw };
      r += fr;
      wr += fw;
    }
    byPass[p] = { reads: r, writes: wr, fields };
    total += r + wr;
  }
  return { households: w.households.count, steps, byPass, total };
}
