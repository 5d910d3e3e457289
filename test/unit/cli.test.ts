import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';
import { closeParamPaths } from '../../src/cli/loadScenario';
import { ProgressBar } from '../../src/cli/progress';
import { checkFinite, FAIL_RUN_ENV } from '../../src/cli/runTask';
import { quantile } from '../../src/cli/summary';
import { INDICATORS } from '../../src/model/index';
import { type CliRun, runCli } from '../helpers/cli';

const ROOT = resolve(__dirname, '../..');

/** A small custom region so that a run takes milliseconds and the test time is process start-up. */
const SMALL = {
  id: 'cli-small',
  title: { zh: '小地区', en: 'Small region' },
  seed: 11,
  startYear: 2013,
  years: 3,
  scale: 50,
  region: {
    counties: [
      { id: 'shan', name: { zh: '山县', en: 'Shan' }, terrain: 'mountain', households: 3000 },
      { id: 'qiu', name: { zh: '丘县', en: 'Qiu' }, terrain: 'hill', households: 2500 },
      { id: 'ping', name: { zh: '平县', en: 'Ping' }, terrain: 'plain', households: 3500 },
    ],
  },
  params: {},
  interventions: [{ lever: 'teacherPay', from: 2014, to: 2016, counties: 'all', raise: 0.5 }],
};
const UNITS = SMALL.region.counties.length + 1;

let dir: string;
let scenario: string;

type SimRun = CliRun;

/** Runs `npm run sim` as users do (node + tsx), without the test's fault injection unless asked. */
const sim = (args: string[], env: Record<string, string> = {}): Promise<SimRun> => runCli('sim', args, env);

async function scenarioFile(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

const rows = (runs: number, years = SMALL.years) => runs * (years + 1) * UNITS * INDICATORS.length;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'poverty-loop-cli-'));
  scenario = await scenarioFile('small.json', SMALL);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.concurrent('npm run sim: output', () => {
  it('writes tidy CSV with one row per run, year, county and indicator', async () => {
    const out = join(dir, 'rows.csv');
    const r = await sim([scenario, '--runs', '2', '--years', '4', '--quiet', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe('run,year,county,indicator,value');
    expect(lines.length - 1).toBe(rows(2, 4));
    expect(lines[1]).toMatch(/^1,2013,shan,population,\d+(\.\d+)?$/);
    expect(lines.at(-1)).toMatch(/^2,2017,region,/);
    expect(lines.some((l) => /NaN|e[+-]\d/.test(l))).toBe(false);
  });

  it('gives byte-identical CSV whatever the number of workers', async () => {
    const [one, two] = await Promise.all([
      sim([scenario, '--runs', '3', '--workers', '1', '--out', '-']),
      sim([scenario, '--runs', '3', '--workers', '2', '--out', '-']),
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(one.stdout.split('\n').length - 2).toBe(rows(3));
    expect(two.stdout).toBe(one.stdout);
  });

  it('writes CSV to stdout with --out - identical to the file, and depends on --seed', async () => {
    const out = join(dir, 'seed.csv');
    const [file, stdout, other] = await Promise.all([
      sim([scenario, '--seed', '5', '--out', out]),
      sim([scenario, '--seed', '5', '--out', '-']),
      sim([scenario, '--seed', '6', '--out', '-']),
    ]);
    expect(file.code, file.stderr).toBe(0);
    expect(stdout.code, stdout.stderr).toBe(0);
    expect(stdout.stdout).toBe(await readFile(out, 'utf8'));
    expect(other.stdout.split('\n')[0]).toBe('run,year,county,indicator,value');
    expect(other.stdout).not.toBe(stdout.stdout);
  });

  it('applies --set (repeatable) and --scale overrides', async () => {
    const [base, set, scaled] = await Promise.all([
      sim([scenario, '--out', '-']),
      sim([scenario, '--set', 'talent.teacherPayRatio=1.5', '--set', 'policy.povertyLine=3000', '--out', '-']),
      sim([scenario, '--scale', '100', '--out', '-']),
    ]);
    for (const r of [base, set, scaled]) expect(r.code, r.stderr).toBe(0);
    expect(set.stdout).not.toBe(base.stdout);
    expect(scaled.stdout).not.toBe(base.stdout);
    expect(set.stdout.split('\n').length).toBe(base.stdout.split('\n').length);
  });

  it('writes JSON that parses, with every run and the scenario as run', async () => {
    const out = join(dir, 'runs.json');
    const r = await sim([scenario, '--runs', '2', '--workers', '2', '--set', 'policy.povertyLine=2500', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(await readFile(out, 'utf8'));
    expect(json.runs).toHaveLength(2);
    expect(json.runs.map((run: { run: number }) => run.run)).toEqual([1, 2]);
    expect(json.scenario.params['policy.povertyLine']).toBe(2500);
    expect(json.runs[0].series.region.povertyRate).toHaveLength(SMALL.years + 1);
  });

  it('prints a summary table by default, with the 5-95% range for an ensemble', async () => {
    const [single, ensemble] = await Promise.all([sim([scenario]), sim([scenario, '--runs', '3'])]);
    expect(single.code, single.stderr).toBe(0);
    expect(single.stdout).toContain('Region (all 3 counties)');
    expect(single.stdout).toContain('Shan 山县 (shan, mountain)');
    expect(single.stdout).toMatch(/Poverty rate\s+\d+\.\d%\s+\d+\.\d%/);
    expect(single.stdout).toContain('2016');
    expect(ensemble.code, ensemble.stderr).toBe(0);
    expect(ensemble.stdout).toContain('5-95%');
    expect(ensemble.stdout).toContain('3 runs');
    // No progress bar when stderr is not a terminal.
    expect(ensemble.stderr).toBe('');
  });

  it('runs through the npm script and prints --help', async () => {
    const help = await sim(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--workers N');
    const npm = await new Promise<SimRun>((done) => {
      const child = spawn('npm', ['run', '--silent', 'sim', '--', scenario, '--out', '-'], { cwd: ROOT });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.on('close', (code) => done({ code, stdout, stderr: '' }));
    });
    expect(npm.code).toBe(0);
    expect(npm.stdout.split('\n').length - 2).toBe(rows(1));
  });
});

describe.concurrent('npm run sim: errors', () => {
  it('exits 2 on malformed JSON, naming the file and the position', async () => {
    const file = await scenarioFile('broken.json', '{ "id": "x",\n  "title": { "en": "x" },,\n}');
    const r = await sim([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/valid JSON.*line 2/);
  });

  it('exits 2 on an unreadable file', async () => {
    const r = await sim([join(dir, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.json');
  });

  it('exits 2 on a wrong type or a year out of range, naming the JSON path', async () => {
    const wrongType = await scenarioFile('type.json', { ...SMALL, years: '3' });
    const badYear = await scenarioFile('year.json', { ...SMALL, interventions: [{ ...SMALL.interventions[0], from: 1850 }] });
    const [a, b] = await Promise.all([sim([wrongType]), sim([badYear])]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('type.json: $.years: expected an integer');
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('year.json: $.interventions[0].from: expected an integer year');
    expect(b.stderr).toContain('1850');
  });

  it('exits 2 on an unknown option, an unknown --set path or a bad option value', async () => {
    const [option, path, value, years] = await Promise.all([
      sim([scenario, '--sed', '3']),
      sim([scenario, '--set', 'talent.teacherPay=1.2']),
      sim([scenario, '--set', 'talent.teacherPayRatio=50']),
      sim([scenario, '--years', '500']),
    ]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('unknown option --sed');
    expect(option.stderr).toContain('did you mean --seed?');
    expect(path.code).toBe(2);
    expect(path.stderr).toContain('--set: talent.teacherPay: expected a known parameter path');
    expect(path.stderr).toContain('talent.teacherPayRatio');
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('--set: talent.teacherPayRatio: expected a number from');
    expect(years.code).toBe(2);
    expect(years.stderr).toContain('--years: expected an integer from 1 to 100, got "500"');
  });

  it('writes nothing to --out when a run fails in a worker (exit 1), and keeps an older file', async () => {
    const out = join(dir, 'failed', 'out.csv');
    await mkdir(join(dir, 'failed'));
    const fresh = await sim([scenario, '--runs', '3', '--workers', '2', '--out', out], { [FAIL_RUN_ENV]: '2' });
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain('run 2 failed');
    expect(existsSync(out)).toBe(false);
    await writeFile(out, 'older\n');
    const inProcess = await sim([scenario, '--runs', '2', '--workers', '1', '--out', out], { [FAIL_RUN_ENV]: '2' });
    expect(inProcess.code).toBe(1);
    expect(await readFile(out, 'utf8')).toBe('older\n');
    expect(await readdir(join(dir, 'failed'))).toEqual(['out.csv']);
  });

  it('writes nothing to --out on bad input', async () => {
    const out = join(dir, 'never.csv');
    const r = await sim([scenario, '--set', 'nope.nothing=1', '--out', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('command-line parsing', () => {
  it('reads every option, in both --opt value and --opt=value form', () => {
    const parsed = parseArgs(['s.json', '--seed', '7', '--runs=4', '--workers', '2', '--years', '10', '--scale=20', '--set', 'a.b=1.5', '--set=c.d=-2', '--out', 'x.csv', '-q'], 8);
    expect(parsed).toEqual({
      help: false,
      options: { scenarioFile: 's.json', seed: 7, runs: 4, workers: 2, years: 10, scale: 20, sets: [{ path: 'a.b', value: 1.5 }, { path: 'c.d', value: -2 }], out: 'x.csv', quiet: true },
    });
  });

  it('defaults to one run on all cores', () => {
    expect(parseArgs(['s.json'], 6)).toEqual({ help: false, options: { scenarioFile: 's.json', runs: 1, workers: 6, sets: [], quiet: false, seed: undefined, years: undefined, scale: undefined, out: undefined } });
    expect(parseArgs(['--help'])).toEqual({ help: true });
  });

  it('rejects bad values with the option named', () => {
    const bad: [string[], string][] = [
      [['s.json', '--runs', '0'], '--runs'],
      [['s.json', '--runs', '2.5'], '--runs'],
      [['s.json', '--workers', 'many'], '--workers'],
      [['s.json', '--seed', '1e400'], '--seed'],
      [['s.json', '--out', 'x.txt'], '--out'],
      [['s.json', '--set', 'a.b'], '--set'],
      [['s.json', '--set', 'a.b=1,5'], '--set a.b'],
      [['s.json', '--seed'], '--seed'],
      [['s.json', 't.json'], 'command line'],
      [[], 'command line'],
    ];
    for (const [argv, option] of bad) {
      const attempt = () => parseArgs(argv, 2);
      expect(attempt, argv.join(' ')).toThrow(UsageError);
      try {
        attempt();
      } catch (e) {
        expect((e as UsageError).option).toBe(option);
      }
    }
  });

  it('names the scenario\'s own range for --seed, --years and --scale', () => {
    expect(() => parseArgs(['s.json', '--years', '0'], 2)).toThrow('--years: expected an integer from 1 to 100, got "0"');
    expect(() => parseArgs(['s.json', '--scale', '0'], 2)).toThrow('--scale: expected an integer from 1 to 100000');
    expect(() => parseArgs(['s.json', '--seed', '-1'], 2)).toThrow('--seed: expected an integer from 0 to 2147483647');
  });

  it('suggests close parameter paths', () => {
    expect(closeParamPaths('talent.teacherPay')).toContain('talent.teacherPayRatio');
    expect(closeParamPaths('povertyLine')[0]).toBe('policy.povertyLine');
    expect(closeParamPaths('zzzzzzzzzzzzzzzzzz')).toEqual([]);
  });
});

describe('summary and progress helpers', () => {
  it('takes type-7 quantiles', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2, 12);
    expect(quantile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8, 12);
    expect(quantile([7], 0.05)).toBe(7);
  });

  it('draws the progress bar up to 100% and clears it', () => {
    let text = '';
    const bar = new ProgressBar({ write: (s: string) => (text += s), columns: 80 }, 2, 3, 2016);
    for (const year of [2014, 2015, 2016, 2014, 2015, 2016]) bar.year(year);
    expect(text).toContain('100%');
    expect(text).toContain('2/2 runs');
    bar.clear();
    expect(text.endsWith('\r\x1b[K')).toBe(true);
  });
});

describe('run checks', () => {
  it('fails a run that holds a non-finite value, naming where', () => {
    const meta = { scenarioId: 's', seed: 1, run: 1, startYear: 2013, years: 1, scale: 1, indicators: INDICATORS.map((i) => i.name), levers: [],
      counties: [{ id: 'shan', name: { zh: '', en: '' }, terrain: 'mountain' as const, hex: [0, 0] as [number, number] }] };
    const values = new Float64Array(2 * 2 * INDICATORS.length);
    const leverCosts = new Float64Array(0);
    expect(() => checkFinite({ meta, values, leverCosts })).not.toThrow();
    values[(1 * 2 + 1) * INDICATORS.length + 1] = NaN;
    expect(() => checkFinite({ meta, values, leverCosts })).toThrow(`NaN for ${INDICATORS[1].name} of region in 2014`);
  });
});
