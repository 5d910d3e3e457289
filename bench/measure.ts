/**
 * Measurements of the full model at one region size, and the province run. Each runs in its
 * own child process (bench/task.ts) so that its memory figures and JIT state are its own.
 */
import { loadavg } from 'node:os';
import { runInNewContext } from 'node:vm';
import { constants as perfConstants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { Simulation } from '../src/model/index';
import { bytesPerHousehold } from '../src/model/state/households';
import { PIPELINE } from '../src/model/step';
import { fullModelScenario, type SizeConfig, yearsFor } from './configs';
import { median } from './bound';

/** A full garbage collection (exposed by --expose-gc in the child, or switched on here). */
export function collect(): void {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
    (globalThis as { gc?: () => void }).gc = gc;
  }
  gc();
  gc();
}

/** Bytes of every distinct ArrayBuffer reachable from `root` (the engine's state is all typed arrays). */
export function typedArrayBytes(root: unknown): number {
  const seenObjects = new Set<object>();
  const buffers = new Set<ArrayBufferLike>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seenObjects.has(v)) continue;
    seenObjects.add(v);
    if (ArrayBuffer.isView(v)) {
      buffers.add(v.buffer);
      continue;
    }
    for (const x of Object.values(v)) stack.push(x);
  }
  let bytes = 0;
  for (const b of buffers) bytes += b.byteLength;
  return bytes;
}

export interface MemoryFigures {
  /** Typed-array bytes of the whole engine state (world and recorded indicators) over household agents. */
  bytesPerHousehold: number;
  engineBytes: number;
  /** The household struct of arrays: bytesPerHousehold(world.households). */
  householdArraysPerHousehold: number;
  /** Per-household scratch (world.scratch.household). */
  scratchPerHousehold: number;
  /** Professionals' arrays over households (they scale with residents at scale 1). */
  professionalsPerHousehold: number;
  /** Everything else (counties, villages, tables, indicator values) over households. */
  otherPerHousehold: number;
  /** Cross-checks: process RSS and (V8 heap used + array buffers) after construction minus before, over households. */
  rssDeltaPerHousehold: number;
  heapAndArrayBuffersDeltaPerHousehold: number;
  rssAfterMB: number;
}

export interface SizeResult {
  households: number;
  alive: number;
  counties: number;
  years: number;
  constructSeconds: number;
  /** Construction's household-steps per second (8 spin-up years and initialisation). */
  warmupSteps: number;
  reps: number;
  stepsPerRep: number;
  /** Household-steps per second of each timed repetition. */
  rates: number[];
  medianRate: number;
  bestRate: number;
  /**
   * The same repetitions over this process's CPU time (user + system) instead of wall time:
   * what one core does when it is not shared (GC and compiler threads included).
   */
  cpuRates: number[];
  medianCpuRate: number;
  memory: MemoryFigures;
  /**
   * Young-generation collections (scavenges) per timed step. Near 0 when the household loops
   * allocate nothing; one heap number boxed per household shows up as about 20 per step at
   * 1 M households (a double that V8 could not keep unboxed).
   */
  scavengesPerStep: number;
  /** Milliseconds per step by pipeline system in the profiled steps after the timed ones; `other` = indicators, health check, demand. */
  systemsMs: Record<string, number>;
  loadavg: number[];
}

/** Wraps every pipeline system with a timer for `steps` steps, then puts the originals back; ms per step. */
function profiledSteps(sim: Simulation, steps: number): Record<string, number> {
  type System = (w: Simulation['world']) => void;
  const pipeline = PIPELINE as unknown as [string, System][];
  const originals = pipeline.map((e) => e[1]);
  const ms: Record<string, number> = {};
  for (let k = 0; k < pipeline.length; k++) {
    const [name, fn] = pipeline[k];
    pipeline[k] = [name, (w) => {
      const t0 = performance.now();
      fn(w);
      ms[name] = (ms[name] ?? 0) + performance.now() - t0;
    }];
  }
  const t0 = performance.now();
  try {
    for (let s = 0; s < steps; s++) sim.step();
  } finally {
    for (let k = 0; k < pipeline.length; k++) pipeline[k] = [pipeline[k][0], originals[k]];
  }
  const total = performance.now() - t0;
  ms.other = total - Object.values(ms).reduce((a, b) => a + b, 0);
  ms.total = total;
  for (const k of Object.keys(ms)) ms[k] /= steps;
  return ms;
}

function alive(sim: Simulation): number {
  const h = sim.world.households;
  let n = 0;
  for (let i = 0; i < h.count; i++) n += h.status[i] & 1;
  return n;
}

export function memoryOf(sim: Simulation, before: NodeJS.MemoryUsage): MemoryFigures {
  collect();
  const after = process.memoryUsage();
  const w = sim.world;
  const n = w.households.count;
  const engineBytes = typedArrayBytes(sim);
  const hh = bytesPerHousehold(w.households);
  const scratch = w.scratch.household.byteLength / n;
  const professionals = typedArrayBytes(w.professionals) / n;
  return {
    bytesPerHousehold: engineBytes / n,
    engineBytes,
    householdArraysPerHousehold: hh,
    scratchPerHousehold: scratch,
    professionalsPerHousehold: professionals,
    otherPerHousehold: engineBytes / n - hh - scratch - professionals,
    rssDeltaPerHousehold: (after.rss - before.rss) / n,
    heapAndArrayBuffersDeltaPerHousehold: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / n,
    rssAfterMB: after.rss / 2 ** 20,
  };
}

const log = (msg: string) => process.stderr.write(`  ${msg}\n`);

/** Constructs the full model at one size, warms up, times the repetitions, profiles one step. */
export async function measureSize(cfg: SizeConfig): Promise<SizeResult> {
  const years = yearsFor(cfg);
  const scenario = fullModelScenario(cfg.households, years);
  collect();
  const before = process.memoryUsage();
  let t0 = performance.now();
  const sim = new Simulation(scenario, 1, scenario.seed);
  const constructSeconds = (performance.now() - t0) / 1000;
  const memory = memoryOf(sim, before);
  const n = sim.world.households.count;
  log(`${n.toLocaleString('en')} households: built in ${constructSeconds.toFixed(1)} s, ${memory.bytesPerHousehold.toFixed(1)} B/household`);
  for (let s = 0; s < cfg.warmupSteps; s++) sim.step();
  const rates: number[] = [];
  const cpuRates: number[] = [];
  // GC entries arrive asynchronously: observe during the timed steps, read them after.
  const gcEntries: PerformanceEntry[] = [];
  const gcObserver = new PerformanceObserver((list) => gcEntries.push(...list.getEntries()));
  gcObserver.observe({ entryTypes: ['gc'] });
  const timedFrom = performance.now();
  for (let r = 0; r < cfg.reps; r++) {
    const c0 = process.cpuUsage();
    t0 = performance.now();
    for (let s = 0; s < cfg.stepsPerRep; s++) sim.step();
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    rates.push((n * cfg.stepsPerRep) / wall);
    cpuRates.push((n * cfg.stepsPerRep) / ((cpu.user + cpu.system) / 1e6));
  }
  const timedTo = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gcObserver.disconnect();
  const scavenges = gcEntries.filter((e) => e.startTime >= timedFrom && e.startTime <= timedTo &&
    (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MINOR).length;
  const scavengesPerStep = scavenges / (cfg.reps * cfg.stepsPerRep);
  const systemsMs = profiledSteps(sim, cfg.profileSteps);
  const result: SizeResult = {
    households: n, alive: alive(sim), counties: sim.world.counties.length, years,
    constructSeconds, warmupSteps: cfg.warmupSteps, reps: cfg.reps, stepsPerRep: cfg.stepsPerRep,
    rates, medianRate: median(rates), bestRate: Math.max(...rates), cpuRates, medianCpuRate: median(cpuRates),
    memory, scavengesPerStep, systemsMs, loadavg: loadavg(),
  };
  log(`${n.toLocaleString('en')} households: median ${(result.medianRate / 1e6).toFixed(2)} M household-steps/s (${(result.medianCpuRate / 1e6).toFixed(2)} M per CPU-second), ${scavengesPerStep.toFixed(1)} scavenges per step`);
  return result;
}

export interface ProvinceResult {
  households: number;
  years: number;
  constructSeconds: number;
  runSeconds: number;
  totalSeconds: number;
  householdStepsPerSec: number;
  peakRssMB: number;
  bytesPerHousehold: number;
  finalPovertyRate: number;
  loadavg: number[];
}

/** 10 M households for 30 years in this one process (issue 6 target); peak RSS from the OS. */
export function measureProvince(households: number, years: number): ProvinceResult {
  const scenario = fullModelScenario(households, years);
  collect();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const sim = new Simulation(scenario, 1, scenario.seed);
  const t1 = performance.now();
  const memory = memoryOf(sim, before);
  log(`province: ${households.toLocaleString('en')} households built in ${((t1 - t0) / 1000).toFixed(1)} s`);
  while (!sim.done) {
    sim.step();
    if (sim.world.t % 5 === 0) log(`province: year ${sim.year}, ${((performance.now() - t1) / 1000).toFixed(0)} s`);
  }
  const t2 = performance.now();
  const n = sim.world.households.count;
  return {
    households: n, years,
    constructSeconds: (t1 - t0) / 1000, runSeconds: (t2 - t1) / 1000, totalSeconds: (t2 - t0) / 1000,
    householdStepsPerSec: (n * years) / ((t2 - t1) / 1000),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    bytesPerHousehold: memory.bytesPerHousehold,
    finalPovertyRate: sim.value(years, sim.world.counties.length, 'povertyRate'),
    loadavg: loadavg(),
  };
}
