/**
 * `npm run sim -- <scenario.json> [options]`: headless runs of a scenario with the browser's
 * engine (CONTRACT.md, "Commands"). Exit status 0 on success, 2 on bad input, 1 otherwise.
 */
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { resultsJson, type RunResult, type Scenario, ScenarioError, TIDY_HEADER, tidyRows } from '../model/index';
import { HELP, parseArgs, type SimOptions, UsageError } from './args';
import { loadScenario } from './loadScenario';
import { runEnsemble, RunFailure } from './pool';
import { ProgressBar } from './progress';
import { summaryTable } from './summary';

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_BAD_INPUT = 2;

/** The output could not be written (exit status 1, reported without a stack trace). */
class OutputError extends Error {
  override name = 'OutputError';
}

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

function manifest(options: SimOptions, scenario: Scenario): Record<string, unknown> {
  return {
    generator: 'poverty-loop sim',
    scenarioFile: options.scenarioFile,
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

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.help) {
    await writeStdout(HELP);
    return EXIT_OK;
  }
  const { options } = parsed;
  const scenario = await loadScenario(options.scenarioFile, options);
  if (options.out !== undefined && options.out !== '-') await checkOutTarget(options.out);

  const bar = !options.quiet && process.stderr.isTTY ? new ProgressBar(process.stderr, options.runs, scenario.years, scenario.startYear + scenario.years) : undefined;
  let results: RunResult[];
  try {
    results = await runEnsemble({
      scenario,
      seed: scenario.seed,
      runs: options.runs,
      workers: options.workers,
      onYear: bar && ((_run, year) => bar.year(year)),
    });
  } finally {
    bar?.clear();
  }

  if (options.out === undefined) {
    await writeStdout(summaryTable(results, scenario));
  } else {
    const chunks = outputChunks(results, /\.json$/i.test(options.out) ? 'json' : 'csv', manifest(options, scenario));
    if (options.out === '-') for (const chunk of chunks) await writeStdout(chunk);
    else await writeFileAtomically(options.out, chunks);
  }
  return EXIT_OK;
}

function report(error: unknown): number {
  if (error instanceof ScenarioError) {
    process.stderr.write(`sim: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`sim: ${error.message}\nUsage: npm run sim -- <scenario.json> [options]; --help lists the options.\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof OutputError) {
    process.stderr.write(`sim: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  if (error instanceof RunFailure) {
    process.stderr.write(`sim: ${error.message}\n${error.detail ? `${error.detail}\n` : ''}sim: no output written.\n`);
    return EXIT_FAILURE;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  process.stderr.write(`sim: ${err.stack ?? err.message}\n`);
  return EXIT_FAILURE;
}

// A closed pipe (`npm run sim -- x.json --out - | head`) is the reader's choice, not a failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT_OK);
  process.stderr.write(`sim: cannot write to stdout: ${e.message}\n`);
  process.exit(EXIT_FAILURE);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.exitCode = report(error);
  },
);
