/**
 * `npm run bench` (issue 6): the full model with every mechanism on at 10 thousand to 10 million
 * household agents, memory per household, the ensemble speed-up, the machine's bound and a
 * peer in AgentScript, all measured in one run. See bench/README.md.
 *
 *   npm run bench                      the default set (about 3 to 5 minutes on 2 cores)
 *   npm run bench -- --json            one JSON object on stdout (progress on stderr)
 *   npm run bench -- --quick           10 k and 100 k only, short (a smoke run for tests)
 *   npm run bench -- --province        also 10 M households x 30 years in one process
 *   npm run bench -- --only=sizes,bound,ensemble,peer,province   a subset
 *   npm run bench -- --sizes=1000000   these sizes only (households, comma-separated)
 *   npm run bench -- --json-file=F     also write the JSON object to F
 *   npm run bench -- --in-process      every measurement in this process (for profiling a bundle)
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BoundResult } from './bound';
import {
  ALL_LEVERS_ON, BENCH_VERSION, BOUND, ENSEMBLE, HEADLINE_HOUSEHOLDS, leversMissing, PEER, PROVINCE, QUICK_BOUND,
  QUICK_ENSEMBLE, QUICK_PEER, QUICK_SIZES, SIZES, type SizeConfig,
} from './configs';
import { type EnsembleResult, measureEnsemble } from './ensemble';
import type { ProvinceResult, SizeResult } from './measure';
import type { PeerResult } from './peer/run';
import { RESULT_PREFIX, runTaskHere, type TaskKind } from './task';

const TARGETS = {
  householdStepsPerSecPerCore: 10e6,
  bytesPerHousehold: 100,
  provinceHouseholds: 10e6,
  provinceYears: 30,
  ensembleSpeedupTwoCores: 1.8,
} as const;

const PHASES = ['bound', 'sizes', 'ensemble', 'peer', 'province'] as const;
type Phase = (typeof PHASES)[number];

interface Options {
  json: boolean;
  jsonFile?: string;
  quick: boolean;
  inProcess: boolean;
  phases: Set<Phase>;
  sizes: SizeConfig[];
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { json: false, quick: false, inProcess: false, phases: new Set(['bound', 'sizes', 'ensemble', 'peer']), sizes: [] };
  let sizesArg: number[] | undefined;
  for (const a of argv) {
    if (a === '--json') opts.json = true;
    else if (a === '--quick') opts.quick = true;
    else if (a === '--in-process') opts.inProcess = true;
    else if (a.startsWith('--json-file=')) opts.jsonFile = a.slice(12);
    else if (a === '--province') opts.phases.add('province');
    else if (a.startsWith('--only=')) {
      const list = a.slice(7).split(',').filter(Boolean);
      for (const p of list) if (!(PHASES as readonly string[]).includes(p)) fail(`--only: unknown phase "${p}" (one of ${PHASES.join(', ')})`);
      opts.phases = new Set(list as Phase[]);
    } else if (a.startsWith('--sizes=')) {
      sizesArg = a.slice(8).split(',').map((s) => Number(s.replace(/_/g, '')));
      if (sizesArg.some((n) => !Number.isInteger(n) || n < 100 || n > 20e6)) fail('--sizes: household counts from 100 to 20,000,000');
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${readHelp()}\n`);
      process.exit(0);
    } else fail(`unknown option "${a}" (see --help)`);
  }
  const base = opts.quick ? QUICK_SIZES : SIZES;
  opts.sizes = sizesArg
    ? sizesArg.map((n) => base.find((s) => s.households === n) ?? SIZES.find((s) => s.households === n) ?? { households: n, warmupSteps: 2, reps: 5, stepsPerRep: 1, profileSteps: 1 })
    : [...base];
  return opts;
}

function readHelp(): string {
  return `npm run bench [-- options]
  --json         one JSON object on stdout (progress goes to stderr)
  --quick        10 k and 100 k households only, fewer repetitions (about half a minute)
  --province     also run 10 M households x 30 years in one process (several minutes)
  --only=LIST    phases to run: ${PHASES.join(', ')}
  --sizes=LIST   household counts to measure, e.g. --sizes=1000000,10000000
  --json-file=F  also write the JSON object to file F (with the table or --json)
  --in-process   run every measurement in this process instead of a child process each`;
}

function fail(msg: string): never {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(2);
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const ENGINE_DIR = fileURLToPath(new URL('../src/model/', import.meta.url));

/**
 * Sizes and modification times of the engine's source files: the child processes and workers
 * load the source when they start, so an edit during the bench mixes engine versions.
 */
function engineSourceStamp(): string {
  try {
    const files = (readdirSync(ENGINE_DIR, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
    return files.map((f) => {
      const st = statSync(`${ENGINE_DIR}/${f}`);
      return `${f}:${st.size}:${st.mtimeMs}`;
    }).join('|');
  } catch {
    return 'unknown';
  }
}

/** Runs one task in a child process (same Node, same tsx hooks, GC exposed) and returns its result. */
function runTask<T>(kind: TaskKind, cfg: unknown, inProcess: boolean): Promise<T> {
  if (inProcess) return runTaskHere(kind, cfg) as Promise<T>;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...process.execArgv, CHILD, kind, JSON.stringify(cfg)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        reject(new Error(`${kind} task failed (exit ${code ?? signal}): ${out.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as T);
    });
  });
}

const say = (msg: string) => process.stderr.write(`${msg}\n`);

interface Machine {
  cpuModel: string;
  cpus: number;
  node: string;
  v8: string;
  platform: string;
  totalMemGiB: number;
  loadavgStart: number[];
  loadavgEnd: number[];
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const missing = leversMissing();
  if (missing.length) fail(`src/model/warmup.ts ALL_LEVERS_ON misses levers: ${missing.join(', ')}`);
  const machine: Machine = {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cpus: availableParallelism(),
    node: process.versions.node,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    totalMemGiB: totalmem() / 2 ** 30,
    loadavgStart: loadavg(),
    loadavgEnd: [],
  };
  const started = performance.now();
  const stampStart = engineSourceStamp();
  say(`Poverty Loop bench v${BENCH_VERSION}${opts.quick ? ' (quick)' : ''}: load average ${fmtLoad(machine.loadavgStart)} on ${machine.cpus} cores`);

  let bound: BoundResult | undefined;
  if (opts.phases.has('bound')) {
    say('bound: typed-array throughput kernels');
    bound = await runTask<BoundResult>('bound', opts.quick ? QUICK_BOUND : BOUND, opts.inProcess);
  }
  const sizes: SizeResult[] = [];
  if (opts.phases.has('sizes')) {
    for (const s of opts.sizes) {
      say(`sizes: ${s.households.toLocaleString('en')} households (${s.warmupSteps} warm-up steps, ${s.reps} x ${s.stepsPerRep} timed)`);
      sizes.push(await runTask<SizeResult>('size', s, opts.inProcess));
    }
  }
  let ensemble: EnsembleResult | undefined;
  if (opts.phases.has('ensemble')) {
    const cfg = opts.quick ? QUICK_ENSEMBLE : ENSEMBLE;
    say(`ensemble: ${cfg.runs} runs of ${cfg.households.toLocaleString('en')} households x ${cfg.years} years`);
    ensemble = await measureEnsemble(cfg, opts.quick ? 1 : 2);
  }
  let peer: PeerResult | undefined;
  if (opts.phases.has('peer')) {
    const cfg = opts.quick ? QUICK_PEER : PEER;
    say(`peer: household core in AgentScript and in the engine, ${cfg.households.toLocaleString('en')} households`);
    peer = await runTask<PeerResult>('peer', cfg, opts.inProcess);
  }
  let province: ProvinceResult | undefined;
  if (opts.phases.has('province')) {
    say(`province: ${PROVINCE.households.toLocaleString('en')} households x ${PROVINCE.years} years in one process`);
    province = await runTask<ProvinceResult>('province', PROVINCE, opts.inProcess);
  }
  machine.loadavgEnd = loadavg();
  const seconds = (performance.now() - started) / 1000;
  const engineSourceChanged = engineSourceStamp() !== stampStart;

  const report = { ...buildReport(opts, machine, seconds, bound, sizes, ensemble, peer, province), engineSourceChanged };
  if (opts.jsonFile) writeFileSync(opts.jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  if (opts.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else process.stdout.write(formatReport(report, bound, sizes, ensemble, peer, province));
}

function buildReport(opts: Options, machine: Machine, seconds: number, bound: BoundResult | undefined, sizes: SizeResult[],
  ensemble: EnsembleResult | undefined, peer: PeerResult | undefined, province: ProvinceResult | undefined) {
  const largest = sizes.length ? sizes.reduce((a, b) => (b.households > a.households ? b : a)) : undefined;
  const headline = sizes.find((s) => s.households === HEADLINE_HOUSEHOLDS) ?? largest;
  const rate = headline?.medianRate ?? null;
  const boundRate = bound?.boundStepsPerSecPerCore ?? null;
  const twoCoreSpeedup = ensemble?.speedup ?? null;
  return {
    benchVersion: BENCH_VERSION,
    quick: opts.quick,
    householdStepsPerSecPerCore: rate,
    householdStepsPerSecPerCoreAt: headline?.households ?? null,
    householdStepsPerCpuSecond: headline?.medianCpuRate ?? null,
    bytesPerHousehold: largest?.memory.bytesPerHousehold ?? null,
    boundStepsPerSecPerCore: boundRate,
    engineShareOfBound: rate !== null && boundRate !== null ? rate / boundRate : null,
    ensembleSpeedup: twoCoreSpeedup,
    largestHouseholds: largest?.households ?? null,
    peer: peer ? {
      framework: peer.framework, households: peer.households, years: peer.years,
      peerStepsPerSec: peer.peerStepsPerSec, engineCoreStepsPerSec: peer.engineStepsPerSec, ratio: peer.ratio,
      resultsAgree: peer.check.maxRelativeDifference < 1e-3, maxRelativeDifference: peer.check.maxRelativeDifference,
      peerBytesPerHousehold: peer.peerBytesPerHousehold, engineBytesPerHousehold: peer.engineBytesPerHousehold,
      details: peer,
    } : null,
    sizes: sizes.map((s) => ({
      households: s.households, alive: s.alive, counties: s.counties, constructSeconds: s.constructSeconds,
      warmupSteps: s.warmupSteps, reps: s.reps, stepsPerRep: s.stepsPerRep,
      householdStepsPerSec: s.medianRate, best: s.bestRate, rates: s.rates,
      householdStepsPerCpuSecond: s.medianCpuRate, cpuRates: s.cpuRates,
      shareOfBound: boundRate ? s.medianRate / boundRate : null,
      memory: s.memory, systemsMsPerStep: s.systemsMs, loadavg: s.loadavg,
    })),
    bound: bound ?? null,
    tracedElementsPerHouseholdStep: bound?.traced?.total ?? null,
    ensemble: ensemble ?? null,
    province: province ?? null,
    targets: {
      householdStepsPerSecPerCore: { target: TARGETS.householdStepsPerSecPerCore, value: rate, met: rate === null ? null : rate >= TARGETS.householdStepsPerSecPerCore },
      bytesPerHousehold: { target: TARGETS.bytesPerHousehold, value: largest?.memory.bytesPerHousehold ?? null, met: largest ? largest.memory.bytesPerHousehold <= TARGETS.bytesPerHousehold : null },
      province: { target: `${TARGETS.provinceHouseholds} households x ${TARGETS.provinceYears} years in one process`, value: province ? `${province.totalSeconds.toFixed(0)} s, peak RSS ${province.peakRssMB.toFixed(0)} MB` : null, met: province ? true : null },
      ensembleSpeedup: { target: TARGETS.ensembleSpeedupTwoCores, value: twoCoreSpeedup, met: twoCoreSpeedup === null ? null : twoCoreSpeedup >= TARGETS.ensembleSpeedupTwoCores },
    },
    scenario: { levers: ALL_LEVERS_ON.length, interventions: ALL_LEVERS_ON.map((l) => l.lever), counties: 12, scale: 1, region: 'default preset, households scaled' },
    machine,
    seconds,
  };
}

// ---- Human-readable report ------------------------------------------------------------------

const M = (x: number) => `${(x / 1e6).toFixed(2)} M`;
const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
const pad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const padR = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function formatReport(report: ReturnType<typeof buildReport> & { engineSourceChanged: boolean }, bound: BoundResult | undefined, sizes: SizeResult[],
  ensemble: EnsembleResult | undefined, peer: PeerResult | undefined, province: ProvinceResult | undefined): string {
  const m = report.machine;
  const out: string[] = [];
  const busy = Math.max(...m.loadavgStart.slice(0, 1), ...m.loadavgEnd.slice(0, 1)) > m.cpus * 0.5;
  out.push('');
  out.push(`Poverty Loop bench v${report.benchVersion}${report.quick ? ' (quick)' : ''}: full model, every mechanism on (${report.scenario.levers} interventions in all 12 counties, scale 1)`);
  out.push(`Machine: ${m.cpuModel}, ${m.cpus} cores, ${m.totalMemGiB.toFixed(1)} GiB, Node ${m.node} (V8 ${m.v8}), ${m.platform}`);
  out.push(`Load average (1, 5, 15 min): ${fmtLoad(m.loadavgStart)} at start, ${fmtLoad(m.loadavgEnd)} at end${busy ? '  <- other work on this machine: rates are pessimistic' : ''}`);
  if (report.engineSourceChanged) out.push('WARNING: src/model changed while the bench ran: its phases may have measured different engine versions.');
  out.push(`Rates are household-steps per second on one core: household agents x Simulation.step() calls / wall seconds, median of the`);
  out.push(`repetitions; /CPU-s divides by the process's CPU seconds instead (less sensitive to other work on the machine).`);

  if (bound) {
    out.push('');
    out.push('Bound (measured in this run)');
    out.push(`  ${padR('kernel', 42)} ${pad('length', 11)} ${pad('median /s', 11)} ${pad('best /s', 11)}`);
    for (const k of bound.kernels) {
      out.push(`  ${padR(k.kernel, 42)} ${pad(k.length.toLocaleString('en'), 11)} ${pad(M(k.perSec), 11)} ${pad(M(k.perSecMax), 11)}`);
    }
    const passes = Object.entries(bound.elementsByPass).map(([n, p]) => `${n} ${p.reads}r+${p.writes}w`).join(', ');
    out.push(`  Elements one household-step reads and writes: ${bound.elementsPerHouseholdStep} (${passes}; bench/bound.ts)`);
    if (bound.traced) {
      const tr = bound.traced;
      const tp = Object.entries(tr.byPass).map(([n, p]) => `${n} ${(p.reads + p.writes).toFixed(1)}`).join(', ');
      const drift = Math.abs(tr.total - bound.elementsPerHouseholdStep) > 3;
      out.push(`  Traced on a ${tr.households.toLocaleString('en')}-household world: ${tr.total.toFixed(1)} (${tp})${drift ? '  <- differs from the hand count: update bench/bound.ts' : ''}`);
    }
    out.push(`  Bound = ${M(bound.elementsPerSec)} elements/s (${bound.boundKernel}) / ${bound.elementsPerHouseholdStep} = ${M(bound.boundStepsPerSecPerCore)} household-steps/s/core`);
    out.push(`  With the ${bound.drawsPerHouseholdStep} seeded draws per household-step too (${M(bound.drawsPerSec)} draws/s): ${M(bound.boundWithDrawsStepsPerSecPerCore)} household-steps/s/core`);
  }

  if (sizes.length) {
    out.push('');
    out.push('Full model by size');
    out.push(`  ${pad('households', 11)} ${pad('build s', 8)} ${pad('timed', 10)} ${pad('median /s', 10)} ${pad('best /s', 10)} ${pad('/CPU-s', 10)} ${pad('of bound', 8)} ${pad('B/hh', 6)} ${pad('RSS B/hh', 9)} ${pad('GC/step', 8)} ${pad('alive', 6)}  load`);
    for (const s of sizes) {
      const share = bound ? pct(s.medianRate / bound.boundStepsPerSecPerCore) : '-';
      out.push(`  ${pad(s.households.toLocaleString('en'), 11)} ${pad(s.constructSeconds.toFixed(1), 8)} ${pad(`${s.warmupSteps}+${s.reps}x${s.stepsPerRep}`, 10)} ${pad(M(s.medianRate), 10)} ${pad(M(s.bestRate), 10)} ${pad(M(s.medianCpuRate), 10)} ${pad(share, 8)} ${pad(s.memory.bytesPerHousehold.toFixed(1), 6)} ${pad(s.memory.rssDeltaPerHousehold.toFixed(0), 9)} ${pad(s.scavengesPerStep.toFixed(1), 8)} ${pad(pct(s.alive / s.households), 6)}  ${s.loadavg[0].toFixed(2)}`);
    }
    const largest = sizes[sizes.length - 1];
    const mem = largest.memory;
    out.push(`  Memory at ${largest.households.toLocaleString('en')} households, bytes per household: ${mem.bytesPerHousehold.toFixed(1)} engine typed arrays = ${mem.householdArraysPerHousehold} household struct of arrays + ${mem.scratchPerHousehold.toFixed(1)} scratch + ${mem.professionalsPerHousehold.toFixed(1)} professionals + ${mem.otherPerHousehold.toFixed(1)} other;`);
    out.push(`  cross-check after construction: RSS +${mem.rssDeltaPerHousehold.toFixed(1)}, V8 heap + array buffers +${mem.heapAndArrayBuffersDeltaPerHousehold.toFixed(1)} (RSS ${mem.rssAfterMB.toFixed(0)} MB)`);
    out.push('  Milliseconds per step by pipeline system (profiled steps after the timed ones; other = indicators, health check, demand):');
    const names = Object.keys(sizes[0].systemsMs).filter((n) => n !== 'total');
    const shown = names.filter((n) => sizes.some((s) => (s.systemsMs[n] ?? 0) >= 0.05 * s.systemsMs.total));
    out.push(`  ${pad('size', 11)} ${shown.map((n) => pad(n, 14)).join(' ')} ${pad('rest', 8)} ${pad('total', 9)}`);
    for (const s of sizes) {
      const rest = s.systemsMs.total - shown.reduce((a, n) => a + (s.systemsMs[n] ?? 0), 0);
      out.push(`  ${pad(s.households.toLocaleString('en'), 11)} ${shown.map((n) => pad(`${(s.systemsMs[n] ?? 0).toFixed(1)} (${pct((s.systemsMs[n] ?? 0) / s.systemsMs.total)})`, 14)).join(' ')} ${pad(rest.toFixed(1), 8)} ${pad(s.systemsMs.total.toFixed(1), 9)}`);
    }
  }

  if (ensemble) {
    out.push('');
    out.push(`Ensemble: ${ensemble.runs} runs of ${ensemble.households.toLocaleString('en')} households x ${ensemble.years} years (construction and spin-up included), worker threads`);
    const meanRun = (r: { runSeconds: number[] }) => r.runSeconds.reduce((x, y) => x + y, 0) / r.runSeconds.length;
    for (const r of ensemble.rounds) out.push(`  ${r.workers} worker(s): ${r.seconds.toFixed(2)} s, mean run ${meanRun(r).toFixed(2)} s (threads started and warmed in ${r.startSeconds.toFixed(2)} s before the clock)`);
    out.push(`  Speed-up from 1 worker to ${ensemble.cores} cores: ${ensemble.speedup.toFixed(2)} (fastest rounds ${ensemble.secondsOneWorker.toFixed(2)} s / ${ensemble.secondsAllCores.toFixed(2)} s); same results: ${ensemble.identicalResults ? 'yes' : report.engineSourceChanged ? 'NO (the engine source changed during the run)' : 'NO'}`);
    if (ensemble.speedup > ensemble.cores) {
      // More than the core count is not parallelism: the rounds compared ran at different speeds.
      const fastest = (w: number) => ensemble.rounds.filter((r) => r.workers === w).reduce((x, y) => (y.seconds < x.seconds ? y : x));
      out.push(`  (above the core count: noise between rounds, not parallelism; in the fastest rounds a run took ${meanRun(fastest(1)).toFixed(2)} s on 1 worker and ${meanRun(fastest(ensemble.cores)).toFixed(2)} s on ${ensemble.cores}. Rerun on a quiet machine.)`);
    }
  }

  if (peer) {
    out.push('');
    out.push(`Peer: the household core (production, income, saving, migration) on the same ${peer.households.toLocaleString('en')} households, ${peer.years} timed years after ${peer.warmupYears} warm-up, years alternating`);
    out.push(`  AgentScript (${peer.framework}), Turtle objects: ${M(peer.peerStepsPerSec)} household-steps/s`);
    out.push(`  This engine, produce() + householdYear():         ${M(peer.engineStepsPerSec)} household-steps/s`);
    out.push(`  Ratio engine / AgentScript: ${peer.ratio.toFixed(2)}; results agree to ${peer.check.maxRelativeDifference.toExponential(1)} (relative, end-of-run sums)${peer.check.maxRelativeDifference < 1e-3 ? '' : '  <- the peer no longer follows the engine: update bench/peer/agentscriptCore.ts'}`);
    out.push(`  Memory per household: AgentScript ${peer.peerBytesPerHousehold.toFixed(0)} B (V8 heap), engine ${peer.engineBytesPerHousehold.toFixed(0)} B (typed arrays); AgentScript set-up ${peer.peerSetupSeconds.toFixed(1)} s`);
  }

  out.push('');
  if (province) {
    out.push(`Province: ${province.households.toLocaleString('en')} households x ${province.years} years in one process: built in ${province.constructSeconds.toFixed(0)} s, ran in ${province.runSeconds.toFixed(0)} s (${M(province.householdStepsPerSec)} household-steps/s), peak RSS ${province.peakRssMB.toFixed(0)} MB, load ${province.loadavg[0].toFixed(2)}`);
  } else {
    out.push(`Province (10 M households x 30 years in one process): not part of this run; add --province (several minutes).`);
  }

  const t = report.targets;
  const yes = (b: boolean | null) => (b === null ? 'not measured' : b ? 'met' : 'NOT met');
  out.push('');
  out.push('Targets (issue 6)');
  out.push(`  >= 10 M household-steps/s/core at 1 M households: ${t.householdStepsPerSecPerCore.value === null ? '-' : M(t.householdStepsPerSecPerCore.value)}${report.householdStepsPerSecPerCoreAt !== HEADLINE_HOUSEHOLDS && report.householdStepsPerSecPerCoreAt ? ` (at ${report.householdStepsPerSecPerCoreAt.toLocaleString('en')})` : ''}  ${yes(t.householdStepsPerSecPerCore.met)}`);
  out.push(`  <= 100 bytes per household: ${t.bytesPerHousehold.value === null ? '-' : t.bytesPerHousehold.value.toFixed(1)}  ${yes(t.bytesPerHousehold.met)}`);
  out.push(`  10 M households x 30 years in one process: ${t.province.value ?? '-'}  ${yes(t.province.met)}`);
  out.push(`  ensemble speed-up >= 1.8 on two cores: ${t.ensembleSpeedup.value === null ? '-' : t.ensembleSpeedup.value.toFixed(2)}  ${yes(t.ensembleSpeedup.met)}`);
  out.push(`Bench took ${report.seconds.toFixed(0)} s.`);
  out.push('');
  return out.join('\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
