/**
 * `npm run merge -- <shard files...> --out FILE.csv`: combines the parts written by
 * `sim --shard k/n` or `sweep --shard k/n` into the output the same command would have written
 * on one machine, byte for byte, after checking that the parts are the n shards of one job,
 * each once and complete (docs/cluster.md). For a sweep it then prints the summary (and writes
 * --summary, --chart) as `sweep` does. Exit status 0 success, 2 bad input (missing, repeated,
 * mixed or cut shards), 1 other failure.
 */
import { type BoundSweep, OutcomeCollector } from '../analysis/index';
import { editDistance, UsageError } from './args';
import { EXIT_BAD_INPUT, EXIT_OK, reportError, runMain } from './exit';
import { AtomicWriter, checkOutTarget, MergeError, mergeShards, openShards } from './shard';
import { sweepFromShardMeta, writeStdout, writeSweepReports } from './sweep';


export interface MergeOptions {
  files: string[];
  out: string;
  summary?: string;
  chart?: string;
}

export const MERGE_HELP = `Poverty Loop (贫困循环): merges the shards of a sim or sweep run (docs/cluster.md).

Usage: npm run merge -- <shard.csv...> --out FILE.csv [options]

  --out FILE.csv     the merged tidy CSV, identical to the unsharded output; - for stdout
  --summary FILE.csv for a sweep: the per-point outcome or Morris table (as sweep --summary)
  --chart FILE.svg   for a sweep: the chart (as sweep --chart)
  --help, -h         this help

The shard files may be given in any order; every shard 1..n of one job must be there once.
Exit status: 0 success; 2 bad input (unreadable, missing, repeated, mixed or incomplete
shards, bad option); 1 any other failure. Nothing is written unless the merge completed.
`;

const VALUE_OPTIONS = ['--out', '--summary', '--chart'];

export function parseMergeArgs(argv: readonly string[]): { help: true } | { help: false; options: MergeOptions } {
  const files: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!VALUE_OPTIONS.includes(name)) {
      const near = VALUE_OPTIONS.find((o) => editDistance(o, name) <= 2);
      throw new UsageError(`unknown option ${arg}`, `one of ${VALUE_OPTIONS.join(', ')}, --help${near ? ` (did you mean ${near}?)` : ''}`);
    }
    if (eq >= 0) values.set(name, arg.slice(eq + 1));
    else {
      if (i + 1 >= argv.length) throw new UsageError(name, 'a value after it');
      values.set(name, argv[++i]);
    }
  }
  if (files.length === 0) throw new UsageError('command line', 'the shard files to merge, e.g. npm run merge -- part-*.csv --out all.csv');
  const out = values.get('--out');
  if (out === undefined) throw new UsageError('--out', 'the merged file, FILE.csv or - for stdout');
  if (out !== '-' && !/\.csv$/i.test(out)) throw new UsageError('--out', 'a file name ending in .csv, or -', out);
  const summary = values.get('--summary');
  if (summary !== undefined && !/\.csv$/i.test(summary)) throw new UsageError('--summary', 'a file name ending in .csv', summary);
  const chart = values.get('--chart');
  if (chart !== undefined && !/\.svg$/i.test(chart)) throw new UsageError('--chart', 'a file name ending in .svg', chart);
  if (out !== '-' && files.includes(out)) throw new UsageError('--out', 'a file other than the shards', out);
  return { help: false, options: { files, out, summary, chart } };
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseMergeArgs(argv);
  if (parsed.help) {
    await writeStdout(MERGE_HELP);
    return EXIT_OK;
  }
  const o = parsed.options;
  for (const [option, f] of [['--out', o.out], ['--summary', o.summary], ['--chart', o.chart]] as const) {
    if (f !== undefined && f !== '-') await checkOutTarget(f, option);
  }
  // Sweep shards: the outcome of every run is gathered from the rows as they pass.
  let sweep: BoundSweep | undefined;
  let collector: OutcomeCollector | undefined;
  const probe = await openShards(o.files);
  const meta = probe[0].meta;
  for (const s of probe) await s.reader.close();
  if (meta.kind === 'sweep') {
    sweep = sweepFromShardMeta(meta);
    collector = new OutcomeCollector(sweep);
  } else if (o.summary || o.chart) {
    throw new UsageError(o.summary ? '--summary' : '--chart', 'shards of a sweep (these are of sim)');
  }

  const writer = o.out === '-' ? undefined : await AtomicWriter.open(o.out);
  try {
    await mergeShards(o.files, (chunk) => (writer ? writer.write(chunk) : writeStdout(chunk)), collector && ((line) => collector!.line(line)));
  } catch (e) {
    await writer?.abort();
    throw e;
  }
  await writer?.commit();
  if (sweep && collector) await writeSweepReports(sweep, collector.outcomes(), o, writeStdout);
  return EXIT_OK;
}

function report(error: unknown): number {
  if (error instanceof MergeError) {
    process.stderr.write(`merge: ${error.message}\nmerge: nothing written.\n`);
    return EXIT_BAD_INPUT;
  }
  return reportError('merge', 'npm run merge -- <shard.csv...> --out FILE.csv', error);
}

runMain('merge', () => main(process.argv.slice(2)), report);
