/**
 * `npm run sweep -- <sweep.json> [options]`: runs a parameter sweep (grid, Latin hypercube or
 * Morris design, with repetitions) on all cores, writes the tidy table
 * (point,run,year,county,indicator,value,<varied values...>) and prints the outcome per point
 * or the Morris ranking. docs/sweeps.md describes the sweep file and the options; exit status
 * 0 success, 2 bad input, 1 other failure, 130 cancelled.
 */
import { appendFileSync, existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  bindSweep, type BoundSweep, inlineScenario, morrisCsv, parseSweep, pointScenario, pointSummaries, pointSummaryCsv, runOutcome,
  sweepChartSvg, sweepHeader, sweepMorris, sweepReport, sweepRows, type SweepSpec, sweepTask, validateSweep,
} from '../analysis/index';
import { isObject, regionCounties, type Scenario, ScenarioError, validateScenario } from '../model/index';
import { editDistance, UsageError } from './args';
import { EXIT_CANCELLED, EXIT_OK, reportError, runMain } from './exit';
import { loadScenario, readInputFile } from './loadScenario';
import { INPUT_LIMITS } from '../model/scenario/limits';
import { Cancelled, runTasks } from './pool';
import { ProgressBar } from './progress';
import {
  AtomicWriter, checkOutTarget, contentHash, parseShard, type Shard, type ShardMeta, shardIndexes, shardLine,
} from './shard';


export interface SweepOptions {
  sweepFile: string;
  workers: number;
  /** `.csv` file or `-` (CSV on stdout); undefined: only the summary on stdout. */
  out?: string;
  /** Summary table as CSV: per point (grid, lhs) or the Morris ranking. */
  summary?: string;
  /** SVG chart of the outcome against every varied value. */
  chart?: string;
  shard?: Shard;
  /** Checkpoint of completed runs; default `<out>.checkpoint` when --out is a file. */
  checkpoint?: string;
  resume: boolean;
  quiet: boolean;
}

const VALUE_OPTIONS = ['--workers', '--out', '--summary', '--chart', '--shard', '--checkpoint'] as const;
const FLAG_OPTIONS = ['--resume', '--quiet', '--help'] as const;
const ALL_OPTIONS: readonly string[] = [...VALUE_OPTIONS, ...FLAG_OPTIONS];

export const SWEEP_HELP = `Poverty Loop (贫困循环): parameter sweeps, same engine as the browser.

Usage: npm run sweep -- <sweep.json> [options]      (the sweep file: docs/sweeps.md)

Options:
  --workers N        worker threads; results never depend on it   [default: all cores]
  --out FILE.csv     tidy CSV: point,run,year,county,indicator,value,<varied values...>;
                     - writes it to stdout                [default: summary only]
  --summary FILE.csv the outcome per point (point,<varied>,runs,median,p5,p95,mean), or
                     for a Morris design the ranking (rank,factor,mu_star,mu,sigma,...);
                     a Morris sweep with --out FILE.csv also writes FILE.morris.csv
  --chart FILE.svg   chart of the outcome against each varied value
  --shard k/n        compute only shard k of n (runs t with t mod n = k - 1, t counted
                     point by point, repetitions within); needs --out; combine the parts
                     with npm run merge (docs/cluster.md)
  --checkpoint FILE  record completed runs in FILE as they finish
                     [default: FILE.csv.checkpoint with --out FILE.csv; none otherwise]
  --resume           continue an interrupted sweep from its checkpoint
  --quiet, -q        no progress bar (shown on stderr only when it is a terminal)
  --help, -h         this help

Ctrl-C cancels: nothing is written to --out, the checkpoint keeps the completed runs, and
the same command with --resume continues. Ctrl-Z pauses the whole process, fg resumes it.

Exit status: 0 success; 2 bad input (unreadable or invalid sweep or scenario file, unknown
option, bad option value, checkpoint of another sweep); 1 any other failure; 130 cancelled.
`;

function intArg(option: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(option, `an integer from ${min} to ${max}`, text);
  return n;
}

/** Parses the command line of `npm run sweep` (same conventions as `sim`). */
export function parseSweepArgs(argv: readonly string[], cores = availableParallelism()): { help: true } | { help: false; options: SweepOptions } {
  const positional: string[] = [];
  const values = new Map<string, string>();
  let quiet = false;
  let resume = false;
  let ended = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (ended || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      ended = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--quiet' || arg === '-q') {
      quiet = true;
      continue;
    }
    if (arg === '--resume') {
      resume = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      const near = ALL_OPTIONS.find((o) => o.startsWith(name) || editDistance(o, name) <= 2);
      throw new UsageError(`unknown option ${arg}`, `one of ${ALL_OPTIONS.join(', ')}${near ? ` (did you mean ${near}?)` : ''}`);
    }
    if (eq >= 0) values.set(name, arg.slice(eq + 1));
    else {
      if (i + 1 >= argv.length) throw new UsageError(name, 'a value after it');
      values.set(name, argv[++i]);
    }
  }
  if (positional.length !== 1) throw new UsageError('command line', 'exactly one sweep file, e.g. npm run sweep -- scenarios/sweeps/teacher-pay-grid.json', positional.length ? positional.join(' ') : undefined);
  const file = (option: string, pattern: RegExp, what: string, dash = false) => {
    const v = values.get(option);
    if (v !== undefined && !(dash && v === '-') && !pattern.test(v)) throw new UsageError(option, what, v);
    return v;
  };
  const workers = values.get('--workers');
  const shard = values.get('--shard');
  return {
    help: false,
    options: {
      sweepFile: positional[0],
      workers: workers === undefined ? Math.max(1, cores) : intArg('--workers', workers, 1, 256),
      out: file('--out', /\.csv$/i, 'a file name ending in .csv, or - for CSV on stdout', true),
      summary: file('--summary', /\.csv$/i, 'a file name ending in .csv'),
      chart: file('--chart', /\.svg$/i, 'a file name ending in .svg'),
      shard: shard === undefined ? undefined : parseShard(shard),
      checkpoint: values.get('--checkpoint'),
      resume,
      quiet,
    },
  };
}

/** Reads a sweep file and its scenario, and binds them (ScenarioError on any bad input). */
export async function loadSweep(file: string): Promise<BoundSweep> {
  const text = await readInputFile(file, 'sweep', INPUT_LIMITS.maxSweepBytes);
  const spec = parseSweep(text, file);
  let scenario: Scenario;
  if ('file' in spec.scenario) {
    const scenarioFile = resolve(dirname(file), spec.scenario.file);
    scenario = await loadScenario(scenarioFile, { years: spec.years, scale: spec.scale, sets: [] });
  } else {
    scenario = inlineScenario(spec, file);
  }
  return bindSweep(spec, scenario, file);
}

/** Scenario of every design point, each validated as a scenario file would be. */
function pointScenarios(b: BoundSweep): Scenario[] {
  return b.design.points.map((_, p) => {
    try {
      return validateScenario(pointScenario(b, p), b.file);
    } catch (e) {
      if (e instanceof ScenarioError) throw new ScenarioError(b.file, `$.vary (design point ${p + 1})`, e.expected, e.got);
      throw e;
    }
  });
}

/** Everything that determines a sweep's output (hashed into shard files and checkpoints). */
function sweepIdentity(b: BoundSweep): unknown {
  const { scenario: _file, description: _d, ...spec } = b.spec;
  return { kind: 'sweep', spec, scenario: b.scenario, seed: b.seed };
}

/** Shard metadata of a sweep; `sweep` carries what merge needs to rebuild the summary. */
export function sweepShardMeta(b: BoundSweep, shard: Shard, runs: number, hash: string): ShardMeta {
  const units = regionCounties(b.scenario.region).length + 1;
  const spec: SweepSpec = { ...b.spec, scenario: { inline: b.scenario as unknown as Record<string, unknown> } };
  return {
    format: 1,
    kind: 'sweep',
    shard: shard.k,
    of: shard.n,
    assignment: 'round-robin',
    hash,
    total: b.runs,
    runs,
    rowsPerRun: (b.scenario.years + 1) * units * b.indicators.length,
    scenarioId: `${b.spec.id}:${b.scenario.id}`,
    header: sweepHeader(b),
    repetitions: b.repetitions,
    sweep: { file: b.file, spec, scenario: b.scenario },
  };
}

/**
 * Rebuilds the bound sweep of a shard file's metadata (for merge). A shard file comes from
 * another machine: its sweep and scenario are validated again, with every limit, as if they
 * were the files themselves (errors name `$.sweep...` of the shard).
 */
export function sweepFromShardMeta(meta: ShardMeta): BoundSweep {
  const s = meta.sweep as { file?: unknown; spec?: unknown; scenario?: unknown } | undefined;
  const file = typeof s?.file === 'string' && s.file.length <= 1000 ? s.file : 'shard';
  if (!isObject(s) || !isObject(s.spec)) throw new ScenarioError(file, '$.sweep', 'the sweep recorded by sweep --shard (spec and scenario)');
  const spec = s.spec as Partial<SweepSpec>;
  // the spec in the form of a sweep file, so that it goes through the same validation
  const raw: Record<string, unknown> = {
    id: spec.id, description: spec.description, scenario: s.scenario, vary: spec.vary, design: spec.design, points: spec.points,
    ...(spec.design === 'morris' && { levels: spec.levels }),
    repetitions: spec.repetitions, seed: spec.seed, outcome: spec.outcome, years: spec.years, scale: spec.scale, indicators: spec.indicators,
  };
  const under = <T>(prefix: string, job: () => T): T => {
    try {
      return job();
    } catch (e) {
      if (e instanceof ScenarioError) throw new ScenarioError(file, `${prefix}${e.path.slice(1)}`, e.expected, e.got);
      throw e;
    }
  };
  const checked = under('$.sweep', () => validateSweep(JSON.parse(JSON.stringify(raw)) as unknown, file));
  const scenario = under('$.sweep.scenario', () => validateScenario(s.scenario, file));
  return under('$.sweep', () => bindSweep(checked, scenario, file));
}

/** `FILE.csv` -> `FILE.morris.csv`. */
export function morrisFileFor(out: string): string {
  return out.replace(/\.csv$/i, '') + '.morris.csv';
}

/**
 * Writes what a complete sweep reports (shared with merge): the text on stdout unless the CSV
 * went there, the summary CSV, the chart, and for Morris with a CSV file the `.morris.csv`.
 */
export async function writeSweepReports(b: BoundSweep, outcomes: readonly number[], o: { out?: string; summary?: string; chart?: string }, stdout: (text: string) => Promise<void>): Promise<void> {
  const summaryFile = o.summary ?? (b.design.kind === 'morris' && o.out !== undefined && o.out !== '-' ? morrisFileFor(o.out) : undefined);
  if (summaryFile) {
    const text = b.design.kind === 'morris' ? morrisCsv(sweepMorris(b, outcomes)) : pointSummaryCsv(b, pointSummaries(b, outcomes));
    const w = await AtomicWriter.open(summaryFile);
    await w.write(text);
    await w.commit();
  }
  if (o.chart) {
    const w = await AtomicWriter.open(o.chart);
    await w.write(sweepChartSvg(b, outcomes));
    await w.commit();
  }
  if (o.out !== '-') await stdout(sweepReport(b, outcomes));
}

/** Writes to stdout, waiting when the pipe is full. */
export function writeStdout(text: string): Promise<void> {
  return new Promise((done) => {
    if (process.stdout.write(text)) done();
    else process.stdout.once('drain', done);
  });
}

interface CheckpointRecord {
  t: number;
  outcome: number;
  csv: string;
}

const CHECKPOINT_FORMAT = 'poverty-loop-sweep-checkpoint';

/**
 * Reads a checkpoint: its first line names the sweep (hash) and the shard; each further line
 * is one completed run. A cut last line (the process stopped while writing it) is dropped.
 */
function readCheckpoint(file: string, hash: string, shard: Shard | undefined, b: BoundSweep): CheckpointRecord[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  let head: { format?: string; hash?: string; shard?: string };
  try {
    head = JSON.parse(lines[0]);
  } catch {
    head = {};
  }
  if (head.format !== CHECKPOINT_FORMAT) throw new UsageError('--resume', `a checkpoint written by npm run sweep in ${file}`, lines[0].slice(0, 40));
  const shardText = shard ? `${shard.k}/${shard.n}` : 'all';
  if (head.hash !== hash || head.shard !== shardText) {
    throw new UsageError('--resume', `a checkpoint of this sweep${shard ? ` and shard ${shardText}` : ''} in ${file} (it is of another sweep, scenario or shard: delete it to start afresh)`, `hash ${head.hash}, shard ${head.shard}`);
  }
  // A record is kept only if it is whole and is what this sweep would have written for that
  // run (its rows, all of them, each under that run's point and run): from a damaged or edited
  // line on, the runs are computed again (they give the same numbers).
  const rowsPerRun = (b.scenario.years + 1) * (regionCounties(b.scenario.region).length + 1) * b.indicators.length;
  const out: CheckpointRecord[] = [];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    let r: Partial<CheckpointRecord>;
    try {
      r = JSON.parse(line) as Partial<CheckpointRecord>;
    } catch {
      break;
    }
    if (!isCheckpointRecord(r, b, rowsPerRun)) break;
    out.push(r);
  }
  return out;
}

function isCheckpointRecord(r: Partial<CheckpointRecord> | null, b: BoundSweep, rowsPerRun: number): r is CheckpointRecord {
  if (r === null || typeof r !== 'object' || !Number.isInteger(r.t) || r.t! < 0 || r.t! >= b.runs) return false;
  if (typeof r.outcome !== 'number' && r.outcome !== null) return false;
  if (typeof r.csv !== 'string' || !r.csv.endsWith('\n')) return false;
  const task = sweepTask(b, r.t!);
  const prefix = `${task.point},${task.run},`;
  const rows = r.csv.slice(0, -1).split('\n');
  return rows.length === rowsPerRun && rows.every((row) => row.startsWith(prefix));
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseSweepArgs(argv);
  if (parsed.help) {
    await writeStdout(SWEEP_HELP);
    return EXIT_OK;
  }
  const o = parsed.options;
  const b = await loadSweep(o.sweepFile);
  const scenarios = pointScenarios(b);
  if (o.shard && o.out === undefined) throw new UsageError('--shard', 'an --out FILE.csv or --out - with it (a shard writes CSV for npm run merge)');
  if (o.shard && (o.summary || o.chart)) throw new UsageError(o.summary ? '--summary' : '--chart', 'no --shard with it (a summary needs every run: give it to npm run merge)');
  for (const [option, f] of [['--out', o.out], ['--summary', o.summary], ['--chart', o.chart], ['--checkpoint', o.checkpoint]] as const) {
    if (f !== undefined && f !== '-') await checkOutTarget(f, option);
  }
  const checkpoint = o.checkpoint ?? (o.out !== undefined && o.out !== '-' ? `${o.out}.checkpoint` : undefined);
  if (o.resume && (!checkpoint || !existsSync(checkpoint))) throw new UsageError('--resume', `a checkpoint to resume from${checkpoint ? ` (${checkpoint} does not exist)` : ' (give --checkpoint FILE or --out FILE.csv)'}`);
  if (!o.resume && checkpoint && existsSync(checkpoint)) throw new UsageError('--checkpoint', `a file that does not exist yet: ${checkpoint} holds an interrupted sweep (add --resume to continue it, or delete it)`);

  const hash = contentHash(sweepIdentity(b));
  const indexes = o.shard ? shardIndexes(b.runs, o.shard) : Array.from({ length: b.runs }, (_, t) => t);
  const outcomes = new Array<number>(b.runs).fill(NaN);
  const needCsv = o.out !== undefined || checkpoint !== undefined;

  // Completed runs from the checkpoint, rewritten without a cut last line, then appended to.
  const done = new Map<number, string>();
  if (checkpoint) {
    const records = o.resume ? readCheckpoint(checkpoint, hash, o.shard, b) : [];
    const inShard = new Set(indexes);
    const head = JSON.stringify({ format: CHECKPOINT_FORMAT, hash, shard: o.shard ? `${o.shard.k}/${o.shard.n}` : 'all', sweep: b.spec.id, runs: indexes.length }) + '\n';
    const tmp = `${checkpoint}.${process.pid}.tmp`;
    writeFileSync(tmp, head + records.filter((r) => inShard.has(r.t)).map((r) => JSON.stringify(r) + '\n').join(''));
    renameSync(tmp, checkpoint);
    for (const r of records) {
      if (!inShard.has(r.t)) continue;
      done.set(r.t, r.csv);
      outcomes[r.t] = r.outcome ?? NaN;
    }
  }

  // Ordered output: rows of run indexes[next] are written as soon as they and all before are in.
  const writer = o.out !== undefined && o.out !== '-' ? await AtomicWriter.open(o.out) : undefined;
  let chain = Promise.resolve();
  const emit = (text: string) => {
    if (writer) void writer.write(text);
    else if (o.out === '-') chain = chain.then(() => writeStdout(text));
  };
  const pending = new Map<number, string>();
  let next = 0;
  const flush = () => {
    while (next < indexes.length && pending.has(indexes[next])) {
      emit(pending.get(indexes[next])!);
      pending.delete(indexes[next]);
      next++;
    }
  };
  if (o.out !== undefined) {
    if (o.shard) emit(shardLine(sweepShardMeta(b, o.shard, indexes.length, hash)));
    emit(sweepHeader(b) + '\n');
  }
  for (const [t, csv] of done) if (o.out !== undefined) pending.set(t, csv);
  flush();

  const todo = indexes.filter((t) => !done.has(t));
  const bar = !o.quiet && process.stderr.isTTY && todo.length > 0 ? new ProgressBar(process.stderr, todo.length, b.scenario.years, b.scenario.startYear + b.scenario.years) : undefined;
  const cancel = new AbortController();
  const onSigint = () => cancel.abort();
  process.once('SIGINT', onSigint);
  try {
    await runTasks({
      tasks: todo.map((t) => {
        const task = sweepTask(b, t);
        return { scenario: scenarios[task.point - 1], run: task.run, seed: b.seed };
      }),
      workers: o.workers,
      onYear: bar && ((_i, year) => bar.year(year)),
      label: (i) => {
        const task = sweepTask(b, todo[i]);
        return `point ${task.point} run ${task.run}`;
      },
      onResult: (i, r) => {
        const t = todo[i];
        const outcome = runOutcome(b, r);
        outcomes[t] = outcome;
        if (!needCsv) return;
        const csv = sweepRows(b, sweepTask(b, t), r);
        if (checkpoint) appendFileSync(checkpoint, JSON.stringify({ t, outcome, csv } satisfies CheckpointRecord) + '\n');
        if (o.out !== undefined) {
          pending.set(t, csv);
          flush();
        }
      },
      signal: cancel.signal,
    });
  } catch (e) {
    bar?.clear();
    await writer?.abort();
    if (e instanceof Cancelled && checkpoint) {
      const completed = readCheckpoint(checkpoint, hash, o.shard, b).length;
      process.stderr.write(`sweep: cancelled after ${completed} of ${indexes.length} runs; nothing written to ${o.out ?? 'the output'}.\nsweep: the checkpoint ${checkpoint} keeps them: run the same command with --resume to continue.\n`);
      return EXIT_CANCELLED;
    }
    throw e;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  bar?.clear();
  await chain;
  if (writer) await writer.commit();
  if (checkpoint) unlinkSync(checkpoint);

  if (o.shard) {
    if (o.out !== '-') await writeStdout(`sweep: shard ${o.shard.k}/${o.shard.n}: ${indexes.length} of ${b.runs} runs written to ${o.out}; combine the shards with npm run merge.\n`);
    return EXIT_OK;
  }
  await writeSweepReports(b, outcomes, o, writeStdout);
  return EXIT_OK;
}

function report(error: unknown): number {
  return reportError('sweep', 'npm run sweep -- <sweep.json> [options]', error);
}

const isMain = process.argv[1] !== undefined && pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  runMain('sweep', () => main(process.argv.slice(2)), report);
}
