import { availableParallelism } from 'node:os';
import { SCENARIO_LIMITS } from '../model/scenario/limits';
import { parseShard, type Shard } from './shard';

/** One `--set path=value` override, as typed on the command line (checked against the registry later). */
export interface ParamOverride {
  path: string;
  value: number;
}

/** The command line of `npm run sim`, parsed and checked for form (CONTRACT.md, "Commands"). */
export interface SimOptions {
  /** Path of the scenario JSON file. */
  scenarioFile: string;
  /** Base seed; run i of the ensemble uses a seed derived from (seed, i). Default: the scenario's. */
  seed?: number;
  /** Ensemble size, default 1. */
  runs: number;
  /** Worker threads, default all cores. Results never depend on it. */
  workers: number;
  /** Horizon override, years. */
  years?: number;
  /** Households represented by one household agent. */
  scale?: number;
  /** Parameter overrides, in command-line order (a later one for the same path wins). */
  sets: ParamOverride[];
  /** `.csv` or `.json` file, or `-` for CSV on stdout; undefined prints the summary table. */
  out?: string;
  quiet: boolean;
  /** `--shard k/n`: compute only the runs of shard k of n (docs/cluster.md). */
  shard?: Shard;
  /** `--baseline FILE`: compare with this scenario on the same seeds (output: differences). */
  baseline?: string;
  /** `--bands FILE.csv`: median, 5% and 95% over runs of every value. */
  bands?: string;
  /** `--interaction LEVER[,LEVER…]`: the levers of factor A of a 2×2 factorial (output: interactions). */
  interaction?: string[];
}

export type ParsedArgs = { help: true } | { help: false; options: SimOptions };

/**
 * A bad command line (exit status 2). The message names the option, what was expected and what
 * was given, in the same shape as a ScenarioError: `--runs: expected an integer from 1 to 100000, got "x"`.
 */
export class UsageError extends Error {
  constructor(
    readonly option: string,
    readonly expected: string,
    readonly got?: string,
  ) {
    super(`${option}: expected ${expected}${got === undefined ? '' : `, got ${JSON.stringify(got)}`}`);
    this.name = 'UsageError';
  }
}

/** Upper bounds that keep a typo from asking for a billion runs. */
export const ARG_LIMITS = { maxRuns: 100_000, maxWorkers: 256 } as const;

const VALUE_OPTIONS = ['--seed', '--runs', '--workers', '--years', '--scale', '--set', '--out', '--shard', '--baseline', '--bands', '--interaction'] as const;
const FLAG_OPTIONS = ['--quiet', '--help'] as const;
const ALL_OPTIONS: readonly string[] = [...VALUE_OPTIONS, ...FLAG_OPTIONS];
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** A plain decimal number as typed: `12`, `-0.5`, `1.2e3`; not `''`, `0x10`, `Infinity` or `1,000`. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function integerArg(option: string, text: string, min: number, max: number): number {
  const expected = `an integer from ${min} to ${max}`;
  if (!NUMBER.test(text)) throw new UsageError(option, expected, text);
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(option, expected, text);
  return n;
}

function setArg(text: string): ParamOverride {
  const eq = text.indexOf('=');
  const path = eq < 0 ? '' : text.slice(0, eq).trim();
  const value = eq < 0 ? '' : text.slice(eq + 1).trim();
  if (!path) throw new UsageError('--set', 'path=value, e.g. --set talent.teacherPayRatio=1.2', text);
  if (!NUMBER.test(value)) throw new UsageError(`--set ${path}`, 'a number after "="', value);
  return { path, value: Number(value) };
}

function interactionArg(text: string): string[] {
  const names = text.split(',').map((n) => n.trim());
  if (names.some((n) => !/^[A-Za-z]\w*$/.test(n))) throw new UsageError('--interaction', 'lever names separated by commas, e.g. --interaction teacherPay', text);
  return [...new Set(names)];
}

function outArg(text: string): string {
  if (text !== '-' && !/\.(csv|json)$/i.test(text)) throw new UsageError('--out', 'a file name ending in .csv or .json, or - for CSV on stdout', text);
  return text;
}

/** Closest known option to a mistyped one, if any is near. */
function suggestOption(typed: string): string | undefined {
  const name = typed.split('=')[0];
  return ALL_OPTIONS.find((o) => o.startsWith(name) || name.startsWith(o) || editDistance(o, name) <= 2);
}

/** Levenshtein distance; inputs are short (option names, parameter paths). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Parses `<scenario.json> [options]`. Options take their value as the next argument or after
 * `=` (`--runs 8`, `--runs=8`); `--` ends the options. Throws UsageError on anything unexpected.
 */
export function parseArgs(argv: readonly string[], cores = availableParallelism()): ParsedArgs {
  const positional: string[] = [];
  const values = new Map<ValueOption, string>();
  const sets: ParamOverride[] = [];
  let quiet = false;
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--quiet' || arg === '-q') {
      quiet = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      const near = suggestOption(arg);
      throw new UsageError(`unknown option ${arg}`, `one of ${ALL_OPTIONS.join(', ')}${near ? ` (did you mean ${near}?)` : ''}`);
    }
    let value: string;
    if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      if (i + 1 >= argv.length) throw new UsageError(name, 'a value after it');
      value = argv[++i];
    }
    if (name === '--set') sets.push(setArg(value));
    else values.set(name as ValueOption, value);
  }

  if (positional.length === 0) throw new UsageError('command line', 'a scenario file, e.g. npm run sim -- scenarios/baseline.json');
  if (positional.length > 1) throw new UsageError('command line', 'exactly one scenario file', positional.join(' '));

  const int = (option: ValueOption, min: number, max: number): number | undefined => {
    const text = values.get(option);
    return text === undefined ? undefined : integerArg(option, text, min, max);
  };
  const out = values.get('--out');
  const shard = values.get('--shard');
  const bands = values.get('--bands');
  if (bands !== undefined && !/\.csv$/i.test(bands)) throw new UsageError('--bands', 'a file name ending in .csv', bands);
  const interaction = values.get('--interaction');
  if (interaction !== undefined && values.has('--baseline')) throw new UsageError('--interaction', 'no --baseline with it (its baseline is the scenario without interventions)');
  return {
    help: false,
    options: {
      scenarioFile: positional[0],
      // The scenario's own bounds, so that an option names the same range as the file would; the
      // scenario is validated again with the options applied (see loadScenario).
      seed: int('--seed', 0, SCENARIO_LIMITS.maxSeed),
      runs: int('--runs', 1, ARG_LIMITS.maxRuns) ?? 1,
      workers: int('--workers', 1, ARG_LIMITS.maxWorkers) ?? Math.max(1, cores),
      years: int('--years', 1, SCENARIO_LIMITS.maxYears),
      scale: int('--scale', 1, SCENARIO_LIMITS.maxScale),
      sets,
      out: out === undefined ? undefined : outArg(out),
      quiet,
      shard: shard === undefined ? undefined : parseShard(shard),
      baseline: values.get('--baseline'),
      bands,
      interaction: interaction === undefined ? undefined : interactionArg(interaction),
    },
  };
}

export const HELP = `Poverty Loop (贫困循环): headless simulation runs, same engine as the browser.

Usage: npm run sim -- <scenario.json> [options]

Options:
  --seed N          base seed (integer); run i of an ensemble uses a seed derived
                    from (N, i)                            [default: the scenario's seed]
  --runs N          ensemble size                                          [default: 1]
  --workers N       worker threads; results never depend on it     [default: all cores]
  --years N         override the horizon                  [default: the scenario's years]
  --scale K         households represented by one household agent
                                                          [default: the scenario's scale]
  --set path=value  override one parameter, repeatable
                    (e.g. --set talent.teacherPayRatio=1.2)
  --out FILE        FILE.csv: tidy CSV (run,year,county,indicator,value);
                    FILE.json: the runs as JSON; -: CSV on stdout
                                            [default: a summary table on stdout]
  --quiet, -q       no progress bar (it is shown on stderr only when stderr is a terminal)
  --baseline FILE   compare with the baseline scenario FILE, run on the same seeds (runs
                    1..N of the base seed, overrides applied to both): the summary shows
                    baseline, alternative and their difference with its 5-95% band, and
                    the cost-effectiveness; --out writes the paired differences
                    (alternative - baseline) in the same tidy form; --baseline none
                    compares with the scenario itself without its interventions
  --interaction A   the interaction of the levers A (comma-separated lever names) with
                    the scenario's other interventions (B): runs 1..N of four arms on
                    the same seeds (neither, A only, B only, both); the summary shows
                    A's effect without and with B and the interaction (with - without)
                    with its 5-95% band; --out writes the interactions run by run
                    ((both - B only) - (A only - neither)) in the same tidy form
  --bands FILE.csv  also write the median, 5% and 95% quantiles and the mean over runs
                    (year,county,indicator,median,p5,p95,mean)
  --shard k/n       compute only shard k of n: the runs r with (r - 1) mod n = k - 1;
                    needs --out FILE.csv or -; combine the parts with npm run merge
                    (docs/cluster.md)
  --help, -h        this help

Exit status: 0 success; 2 bad input (unreadable or invalid scenario, unknown option or
parameter, bad option value); 1 any other failure; 130 cancelled (Ctrl-C). Nothing is
written to --out unless every run completed.
`;
