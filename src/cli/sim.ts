/**
 * `npm run sim -- <scenario.json> [options]`: headless runs of a scenario with the browser's
 * engine (CONTRACT.md, "Commands"). Exit status 0 on success, 2 on bad input, 1 otherwise.
 */
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ARMS, comparisonMismatch, ensembleBands, type Factorial, FactorError, factorialArms, interactionContrasts, pairedDifferences, splitArms, withoutInterventions } from '../analysis/index';
import { formatNumber, INDICATORS, regionCounties, resultsJson, type RunResult, type Scenario, ScenarioError, TIDY_HEADER, tidyRows } from '../model/index';
import { HELP, parseArgs, type SimOptions, UsageError } from './args';
import { EXIT_OK, reportError, runMain } from './exit';
import { loadScenario } from './loadScenario';
import { runTasks } from './pool';
import { ProgressBar } from './progress';
import { contentHash, OutputError, type ShardMeta, shardIndexes, shardLine } from './shard';
import { comparisonTable, interactionTable, summaryTable } from './summary';


/** The output could not be written (exit status 1, reported without a stack trace). */
/** Writes to stdout, waiting when the pipe is full. */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

/** The output as a sequence of chunks (one per run for CSV, so no single huge string). */
function* outputChunks(results: readonly RunResult[], format: 'csv' | 'json', manifest: Record<string, unknown>): Generator<string> {
  if (format === 'json') {
    yield resultsJson(results, manifest) + '\n';
    return;
  }
  yield TIDY_HEADER + '\n';
  for (const r of results) yield tidyRows(r);
}

/**
 * Writes `--out` all at once at the end: into a temporary file in the same folder, renamed over
 * the target only when complete, so a failure never leaves a partial or stale-looking file.
 */
async function writeFileAtomically(file: string, chunks: Iterable<string>): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const handle = await open(tmp, 'w').catch((e: Error) => {
    throw new OutputError(`cannot write ${file}: ${e.message}`);
  });
  try {
    for (const chunk of chunks) await handle.write(chunk);
    await handle.close();
    await rename(tmp, file);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw new OutputError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

/** Fails early (exit 2) when `--out` cannot be a file: its folder is missing or it is a folder. */
async function checkOutTarget(out: string): Promise<void> {
  const folder = await stat(dirname(out)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError('--out', 'a file in an existing folder', out);
  const target = await stat(out).catch(() => undefined);
  if (target?.isDirectory()) throw new UsageError('--out', 'a file name, not a folder', out);
}

function manifest(options: SimOptions, scenario: Scenario, baseline?: Scenario, factorial?: Factorial): Record<string, unknown> {
  return {
    generator: 'poverty-loop sim',
    scenarioFile: options.scenarioFile,
    ...(baseline && { baselineFile: options.baseline, values: 'paired differences: alternative - baseline, run by run', baseline }),
    ...(factorial && {
      interaction: { a: factorial.a, b: factorial.b },
      values: 'interactions: (both - B only) - (A only - neither), run by run; A = the interventions of the levers in interaction.a, B = the others',
    }),
    seed: scenario.seed,
    ensembleSize: options.runs,
    overrides: {
      ...(options.seed !== undefined && { seed: options.seed }),
      ...(options.years !== undefined && { years: options.years }),
      ...(options.scale !== undefined && { scale: options.scale }),
      ...(options.sets.length > 0 && { params: Object.fromEntries(options.sets.map((s) => [s.path, s.value])) }),
    },
    scenario,
  };
}

/** `--baseline none`: the scenario itself without its interventions. */
const BASELINE_NONE = 'none';

function baselineWithout(file: string, scenario: Scenario): Scenario {
  if (scenario.interventions.length === 0) throw new ScenarioError(file, '$.interventions', 'at least one intervention for --baseline none to leave out', '[]');
  return withoutInterventions(scenario);
}

/** A baseline must describe the same counties over the same years as the alternative. */
function checkComparable(file: string, baseline: Scenario, alternative: Scenario): void {
  const m = comparisonMismatch(baseline, alternative);
  if (m) throw new ScenarioError(file, m.path, m.expected, m.found);
}

/** `--interaction`: the four arms, or exit 2 naming the option and what the scenario offers. */
function factorialOf(levers: readonly string[], scenario: Scenario): Factorial {
  try {
    return factorialArms(scenario, levers);
  } catch (e) {
    if (e instanceof FactorError) throw new UsageError('--interaction', e.expected, levers.join(','));
    throw e;
  }
}

/** Shard metadata of a `sim --shard` output (docs/cluster.md). */
function simShardMeta(options: SimOptions, scenario: Scenario, baseline: Scenario | undefined, runs: number): ShardMeta {
  const units = regionCounties(scenario.region).length + 1;
  return {
    format: 1,
    kind: 'sim',
    shard: options.shard!.k,
    of: options.shard!.n,
    assignment: 'round-robin',
    hash: contentHash({ kind: 'sim', scenario, baseline, runs: options.runs, ...(options.interaction && { interaction: options.interaction }) }),
    total: options.runs,
    runs,
    rowsPerRun: (scenario.years + 1) * units * INDICATORS.length,
    scenarioId: baseline ? `${scenario.id}-minus-${baseline.id}` : options.interaction ? `${scenario.id}-interaction` : scenario.id,
    header: TIDY_HEADER,
  };
}

/** Bands of every value over runs, as CSV: `year,county,indicator,median,p5,p95,mean`. */
function* bandChunks(results: readonly RunResult[]): Generator<string> {
  const b = ensembleBands(results);
  const { meta } = b;
  const units = meta.counties.map((c) => c.id).concat('region');
  const k = meta.indicators.length;
  yield 'year,county,indicator,median,p5,p95,mean\n';
  for (let y = 0; y <= meta.years; y++) {
    const parts: string[] = [];
    for (let u = 0; u < units.length; u++) {
      for (let i = 0; i < k; i++) {
        const at = (y * units.length + u) * k + i;
        parts.push(`${meta.startYear + y},${units[u]},${meta.indicators[i]},${formatNumber(b.median[at])},${formatNumber(b.lo[at])},${formatNumber(b.hi[at])},${formatNumber(b.mean[at])}\n`);
      }
    }
    yield parts.join('');
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.help) {
    await writeStdout(HELP);
    return EXIT_OK;
  }
  const { options } = parsed;
  const scenario = await loadScenario(options.scenarioFile, options);
  const baseline = options.baseline === undefined ? undefined
    : options.baseline === BASELINE_NONE ? baselineWithout(options.scenarioFile, scenario)
      : await loadScenario(options.baseline, options);
  if (baseline) checkComparable(options.baseline!, baseline, scenario);
  const factorial = options.interaction && factorialOf(options.interaction, scenario);
  if (options.shard) {
    if (options.out === undefined || /\.json$/i.test(options.out)) throw new UsageError('--shard', 'an --out FILE.csv or --out - with it (a shard writes CSV for npm run merge)', options.out);
    if (options.bands !== undefined) throw new UsageError('--bands', 'no --shard with it (bands need every run)');
  }
  if (options.out !== undefined && options.out !== '-') await checkOutTarget(options.out);
  if (options.bands !== undefined) await checkOutTarget(options.bands);

  // Runs of this shard (all runs without --shard), for each scenario run: the scenario, then the
  // baseline; or the four arms of --interaction. Every scenario runs the same runs and seeds.
  const runList = options.shard ? shardIndexes(options.runs, options.shard).map((t) => t + 1) : Array.from({ length: options.runs }, (_, i) => i + 1);
  const armNames = factorial ? [...ARMS] : baseline ? ['alternative', 'baseline'] : [];
  const scenarios = factorial ? ARMS.map((a) => factorial.arms[a]) : baseline ? [scenario, baseline] : [scenario];
  const tasks = scenarios.flatMap((s) => runList.map((run) => ({ scenario: s, run, seed: scenario.seed })));
  const bar = !options.quiet && process.stderr.isTTY ? new ProgressBar(process.stderr, tasks.length, scenario.years, scenario.startYear + scenario.years) : undefined;
  const results: RunResult[] = new Array(tasks.length);
  const cancel = new AbortController();
  const onSigint = () => cancel.abort();
  process.once('SIGINT', onSigint);
  try {
    await runTasks({
      tasks,
      workers: options.workers,
      onYear: bar && ((_task, year) => bar.year(year)),
      onResult: (t, r) => (results[t] = r),
      label: armNames.length > 0 ? (t) => `${armNames[Math.floor(t / runList.length)]} run ${tasks[t].run}` : undefined,
      signal: cancel.signal,
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    bar?.clear();
  }
  const arms = factorial ? splitArms(results, runList.length) : undefined;
  const alternative = results.slice(0, runList.length);
  const baseResults = baseline ? results.slice(runList.length) : undefined;
  const series = arms ? interactionContrasts(arms).interaction : baseResults ? pairedDifferences(baseResults, alternative) : alternative;

  if (options.bands !== undefined) await writeFileAtomically(options.bands, bandChunks(series));
  if (options.out === undefined) {
    await writeStdout(arms ? interactionTable(arms, factorial!, scenario)
      : baseResults ? comparisonTable(baseResults, alternative, baseline!, scenario) : summaryTable(alternative, scenario));
  } else {
    const csv = !/\.json$/i.test(options.out);
    const body = outputChunks(series, csv ? 'csv' : 'json', manifest(options, scenario, baseline, factorial));
    const meta = options.shard ? simShardMeta(options, scenario, baseline, runList.length) : undefined;
    const chunks = meta ? (function* () {
      yield shardLine(meta);
      yield* body;
    })() : body;
    if (options.out === '-') for (const chunk of chunks) await writeStdout(chunk);
    else await writeFileAtomically(options.out, chunks);
  }
  return EXIT_OK;
}

function report(error: unknown): number {
  return reportError('sim', 'npm run sim -- <scenario.json> [options]', error);
}

runMain('sim', () => main(process.argv.slice(2)), report);
