/**
 * The bound this machine puts on the engine (issue 6): plain typed-array element throughput,
 * measured here in the same run, divided by the household-array elements one household-step
 * of the full model reads and writes.
 *
 * The count below is made by reading the household loops of one `Simulation.step()` with every
 * mechanism on (src/model/warmup.ts ALL_LEVERS_ON). It counts the elements of per-household arrays
 * (`world.households.*` and `world.scratch.household`) that the common path of each pass touches
 * for an alive household: a field read twice for the same household in one loop counts once
 * (the second read is a register or L1 hit), a later loop over the households counts again,
 * branches most households take are counted, rare ones (relocated, registered-this-year,
 * exiting, leaving) are not. bench/trace.ts measures the same count by tracing a small world and
 * the bench prints both: when they drift apart, update the lists here. County, village, lever and lookup-table reads
 * are not counted: they are a few kilobytes and stay in L1/L2.
 * Keep it in step with the engine: when a pass gains or loses a field, edit its list here.
 */
import seedrandom from 'seedrandom';
import type { TraceResult } from './trace';

export interface PassElements {
  /** Where the pass lives. */
  readonly source: string;
  readonly reads: readonly string[];
  readonly writes: readonly string[];
  /** Touched only on some paths; not counted. */
  readonly conditional?: readonly string[];
}

export const HOUSEHOLD_STEP_ELEMENTS: Readonly<Record<string, PassElements>> = {
  // produce(): labour split, illness, schooling cost, output.                 15 reads + 4 writes
  production: {
    source: 'src/model/systems/production.ts produce()',
    reads: ['status', 'elders', 'kids', 'youth', 'adults', 'county', 'health', 'drive', 'land', 'village', 'industry',
      'landFactor', 'humanCapital', 'assets', 'ability'],
    writes: ['health', 'shockCost', 'wageLabour', 'output'],
  },
  // householdYear(): income, saving/investment, learning, demography, migration, imitation,
  // drive, flags, village load.                                                 20 reads + 12 writes
  households: {
    source: 'src/model/systems/households.ts householdYear()',
    reads: ['status', 'county', 'kids', 'youth', 'adults', 'elders', 'industry', 'village', 'output', 'wageLabour',
      'humanCapital', 'migrants', 'savings', 'shockCost', 'assets', 'debt', 'ability', 'health', 'childHumanCapital', 'drive'],
    writes: ['income', 'assets', 'savings', 'debt', 'childHumanCapital', 'kids', 'adults', 'elders', 'youth', 'migrants',
      'drive', 'status'],
    conditional: ['exitYear (exited)', 'land, integration (relocated)', 'humanCapital write (new youth or leavers)',
      'industry write (imitation draw)', 'integration write (relocated)'],
  },
  // identify(): measured income and exits; registration round with the registered-people count. 10 reads + 1 write
  identification: {
    source: 'src/model/systems/identification.ts identify() (two loops)',
    reads: ['status', 'county', 'kids', 'youth', 'adults', 'elders', 'income', 'status (2nd loop)', 'county (2nd loop)',
      'scratch.household (2nd loop)'],
    writes: ['scratch.household'],
    conditional: ['registeredYear (registered)', 'exitYear, status (exits)', 'status, registeredYear (new registrations)',
      'kids..elders (2nd loop, registered: the registered-people count)'],
  },
  // relocate(): eligibility scan, then the relocated-household loop.            4 reads + 0 writes
  relocation: {
    source: 'src/model/systems/relocation.ts relocate() (two loops)',
    reads: ['status', 'county', 'village', 'status (2nd loop)'],
    writes: [],
    conditional: ['kids..elders, integration, income, wageLabour, homeCounty (relocated households)', 'moves'],
  },
  // recordIndicators(): every indicator, Gini histogram.                       11 reads + 0 writes
  indicators: {
    source: 'src/model/systems/indicators.ts recordIndicators() (via Simulation.step)',
    reads: ['status', 'kids', 'youth', 'adults', 'elders', 'county', 'income', 'exitYear', 'childHumanCapital',
      'humanCapital', 'drive'],
    writes: [],
  },
};

/** Household-array elements one household-step reads and writes (77 when last counted). */
export const ELEMENTS_PER_HOUSEHOLD_STEP = Object.values(HOUSEHOLD_STEP_ELEMENTS)
  .reduce((a, p) => a + p.reads.length + p.writes.length, 0);

/**
 * Seeded draws (Alea) per household-step on the common path: production 1 (illness),
 * households 2 (demography; migration), identification 2 (Box-Muller normal of the measured
 * income). Registration and relocation draws happen for few households and are not counted.
 */
export const DRAWS_PER_HOUSEHOLD_STEP = { production: 1, households: 2, identification: 2 } as const;
export const DRAWS_TOTAL = Object.values(DRAWS_PER_HOUSEHOLD_STEP).reduce((a, b) => a + b, 0);

// ---- Kernels: plain loops over typed arrays, nothing else --------------------------------

/**
 * The engine-like mix: 4 Uint8 + 3 Float32 reads, 1 Uint8 + 1 Float32 write per index
 * (9 elements; about half bytes and half floats, reads to writes about 3.5 : 1, like the
 * counted household-step: 38 u8, 4 u16/i16, 35 f32; 60 reads, 17 writes).
 */
function mixKernel(a0: Uint8Array, a1: Uint8Array, a2: Uint8Array, a3: Uint8Array, f0: Float32Array, f1: Float32Array,
  f2: Float32Array, outU: Uint8Array, outF: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const s = a0[i] + a1[i] + a2[i] + a3[i];
    const x = f0[i] * 0.5 + f1[i] * s + f2[i];
    outU[i] = (s + 1) & 255;
    outF[i] = x;
  }
}
const MIX_ELEMENTS = 9;

/** Float32 only: 8 reads, 2 writes per index. */
function f32Kernel(x: Float32Array[], y0: Float32Array, y1: Float32Array, n: number): void {
  const [x0, x1, x2, x3, x4, x5, x6, x7] = x;
  for (let i = 0; i < n; i++) {
    const a = x0[i] + x1[i] + x2[i] + x3[i];
    const b = x4[i] * x5[i] + x6[i] * x7[i];
    y0[i] = a * 0.25 + b;
    y1[i] = a - b;
  }
}
const F32_ELEMENTS = 10;

/** Float64 only: 8 reads, 2 writes per index. */
function f64Kernel(x: Float64Array[], y0: Float64Array, y1: Float64Array, n: number): void {
  const [x0, x1, x2, x3, x4, x5, x6, x7] = x;
  for (let i = 0; i < n; i++) {
    const a = x0[i] + x1[i] + x2[i] + x3[i];
    const b = x4[i] * x5[i] + x6[i] * x7[i];
    y0[i] = a * 0.25 + b;
    y1[i] = a - b;
  }
}

/** The MODEL.md anchor: a bare struct-of-arrays agent update with one seeded draw per agent. */
function drawKernel(wealth: Float32Array, size: Uint8Array, rng: () => number, n: number): void {
  for (let i = 0; i < n; i++) {
    const u = rng();
    const w = wealth[i] * 0.98 + (u < 0.3 ? size[i] * 10 : 0);
    wealth[i] = w;
  }
}

function fillRandom(a: Float32Array | Float64Array | Uint8Array, max: number, seed: number): void {
  let s = seed >>> 0;
  for (let i = 0; i < a.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = (s / 4294967296) * max;
  }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface KernelResult {
  kernel: string;
  length: number;
  /** Working set of the arrays, bytes. */
  bytes: number;
  /** Median elements (or agent updates, for the draw kernel) per second. */
  perSec: number;
  perSecMin: number;
  perSecMax: number;
}

function timeKernel(name: string, length: number, bytes: number, perCall: number, reps: number, run: () => void): KernelResult {
  // Warm-up, untimed: the kernels were compiled on small arrays first (warmKernels); two full
  // calls page the arrays in and settle the caches.
  for (let r = 0; r < 2; r++) run();
  const rates: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    run();
    const dt = (performance.now() - t0) / 1000;
    rates.push(perCall / dt);
  }
  return { kernel: name, length, bytes, perSec: median(rates), perSecMin: Math.min(...rates), perSecMax: Math.max(...rates) };
}

export interface BoundResult {
  /** The same count measured by tracing a small world (bench/trace.ts). */
  traced?: TraceResult;
  /** Elements per household-step and where they come from. */
  elementsPerHouseholdStep: number;
  elementsByPass: Record<string, { reads: number; writes: number }>;
  drawsPerHouseholdStep: number;
  kernels: KernelResult[];
  /** The throughput used for the bound: the engine-like mix at the largest length measured. */
  elementsPerSec: number;
  boundKernel: string;
  /** elementsPerSec / elementsPerHouseholdStep. */
  boundStepsPerSecPerCore: number;
  /** Seeded draws per second (Alea, the engine's generator). */
  drawsPerSec: number;
  /** The bound counting the common-path draws too: 1 / (elements / throughput + draws / draw rate). */
  boundWithDrawsStepsPerSecPerCore: number;
  /** MODEL.md anchor: a bare SoA kernel with one seeded draw per agent, agent-steps per second. */
  soaOneDrawAgentStepsPerSec: number;
}

/** Runs every kernel many times on small arrays so that the optimising compiler has them before timing. */
function warmKernels(): void {
  const n = 4096;
  const u = Array.from({ length: 5 }, () => new Uint8Array(n));
  const f = Array.from({ length: 8 }, () => new Float32Array(n));
  const d = Array.from({ length: 8 }, () => new Float64Array(n));
  const rng = seedrandom.alea('bench-warm') as () => number;
  for (let r = 0; r < 400; r++) {
    mixKernel(u[0], u[1], u[2], u[3], f[0], f[1], f[2], u[4], f[3], n);
    f32Kernel(f, f[0].subarray(0), f[1].subarray(0), n);
    f64Kernel(d, d[0].subarray(0), d[1].subarray(0), n);
    drawKernel(f[2], u[1], rng, n);
    drawsOnly(rng, n);
  }
}

function drawsOnly(rng: () => number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += rng();
  return s;
}

/** Measures the kernels at the given array lengths (each in its own arrays, freed after). */
export function measureBound(lengths: readonly number[], reps: number): BoundResult {
  warmKernels();
  const kernels: KernelResult[] = [];
  let drawsPerSec = 0;
  let soa = 0;
  for (const n of lengths) {
    {
      const u = Array.from({ length: 5 }, (_, j) => { const a = new Uint8Array(n); fillRandom(a, 8, 11 + j); return a; });
      const f = Array.from({ length: 4 }, (_, j) => { const a = new Float32Array(n); fillRandom(a, 1000, 21 + j); return a; });
      kernels.push(timeKernel('mix u8+f32 (7 reads, 2 writes)', n, n * (5 + 16), n * MIX_ELEMENTS, reps,
        () => mixKernel(u[0], u[1], u[2], u[3], f[0], f[1], f[2], u[4], f[3], n)));
    }
    {
      const x = Array.from({ length: 8 }, (_, j) => { const a = new Float32Array(n); fillRandom(a, 100, 31 + j); return a; });
      const y0 = new Float32Array(n);
      const y1 = new Float32Array(n);
      kernels.push(timeKernel('f32 (8 reads, 2 writes)', n, n * 40, n * F32_ELEMENTS, reps, () => f32Kernel(x, y0, y1, n)));
    }
    {
      const x = Array.from({ length: 8 }, (_, j) => { const a = new Float64Array(n); fillRandom(a, 100, 41 + j); return a; });
      const y0 = new Float64Array(n);
      const y1 = new Float64Array(n);
      kernels.push(timeKernel('f64 (8 reads, 2 writes)', n, n * 80, n * F32_ELEMENTS, reps, () => f64Kernel(x, y0, y1, n)));
    }
    {
      const wealth = new Float32Array(n);
      const size = new Uint8Array(n);
      fillRandom(wealth, 1000, 51);
      fillRandom(size, 6, 52);
      const rng = seedrandom.alea('bench-bound') as () => number;
      const r = timeKernel('SoA agent update, 1 Alea draw per agent', n, n * 5, n, reps, () => drawKernel(wealth, size, rng, n));
      kernels.push(r);
      soa = Math.max(soa, r.perSec);
      // Draws alone.
      const d = timeKernel('Alea draws', n, 0, n, reps, () => {
        if (drawsOnly(rng, n) < 0) throw new Error('unreachable');
      });
      kernels.push(d);
      drawsPerSec = Math.max(drawsPerSec, d.perSec);
    }
  }
  const largest = Math.max(...lengths);
  const mix = kernels.find((k) => k.kernel.startsWith('mix') && k.length === largest)!;
  const elementsByPass: Record<string, { reads: number; writes: number }> = {};
  for (const [name, p] of Object.entries(HOUSEHOLD_STEP_ELEMENTS)) elementsByPass[name] = { reads: p.reads.length, writes: p.writes.length };
  const bound = mix.perSec / ELEMENTS_PER_HOUSEHOLD_STEP;
  return {
    elementsPerHouseholdStep: ELEMENTS_PER_HOUSEHOLD_STEP,
    elementsByPass,
    drawsPerHouseholdStep: DRAWS_TOTAL,
    kernels,
    elementsPerSec: mix.perSec,
    boundKernel: `${mix.kernel}, ${largest.toLocaleString('en')} elements per array`,
    boundStepsPerSecPerCore: bound,
    drawsPerSec,
    boundWithDrawsStepsPerSecPerCore: 1 / (ELEMENTS_PER_HOUSEHOLD_STEP / mix.perSec + DRAWS_TOTAL / drawsPerSec),
    soaOneDrawAgentStepsPerSec: soa,
  };
}
