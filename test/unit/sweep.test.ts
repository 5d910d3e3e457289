/**
 * `npm run sweep`, `sim --shard`, `npm run merge`, `sim --baseline` and `sim --interaction`, run as users run them
 * (node + tsx). Byte identity of outputs across workers and shards; merge verification; sweep
 * validation errors; checkpoint and resume; cancel. Small custom region, 3 years, scale 50.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAIL_RUN_ENV } from '../../src/cli/runTask';
import { loadSweep, parseSweepArgs } from '../../src/cli/sweep';
import { MergeError, mergeShards, SHARD_MARK, shardIndexes } from '../../src/cli/shard';
import { INDICATORS } from '../../src/model/index';
import { type CliRun, runCli } from '../helpers/cli';

const ROOT = resolve(__dirname, '../..');

const REGION = {
  counties: [
    { id: 'shan', name: { zh: '山县', en: 'Shan' }, terrain: 'mountain', households: 3000 },
    { id: 'qiu', name: { zh: '丘县', en: 'Qiu' }, terrain: 'hill', households: 2500 },
    { id: 'ping', name: { zh: '平县', en: 'Ping' }, terrain: 'plain', households: 3500 },
  ],
};
const SMALL = {
  id: 'sweep-small', title: { zh: '小地区', en: 'Small region' }, seed: 11, startYear: 2013, years: 3, scale: 50, region: REGION,
  interventions: [{ lever: 'teacherPay', from: 2014, to: 2016, counties: 'all', raise: 0.5 }],
};
const BASE = { ...SMALL, id: 'sweep-small-base', interventions: [] };
/** Two factors: teacher pay (A) and transport with water (B), and each arm written out by hand. */
const PAY = { lever: 'teacherPay', from: 2014, to: 2016, counties: 'mountain', raise: 0.5 };
const ROADS = [
  { lever: 'infrastructure', from: 2014, to: 2016, counties: 'mountain', kind: 'transport', yuanPerYear: 60_000_000 },
  { lever: 'infrastructure', from: 2014, to: 2016, counties: 'mountain', kind: 'water', yuanPerYear: 30_000_000 },
];
const BOTH = { ...SMALL, id: 'sweep-both', interventions: [PAY, ...ROADS] };
const SWEEP = {
  id: 'test-grid',
  scenario: 'small.json',
  vary: [{ param: 'talent.teacherPayRatio', values: [0.5, 0.9] }, { lever: { index: 0, param: 'raise' }, min: 0, max: 1, name: 'raise' }],
  design: 'grid', points: 2, repetitions: 2, seed: 7,
  outcome: { indicator: 'povertyRate', unit: 'region', year: 'mean' },
};
const SWEEP_RUNS = 2 * 2 * 2;
const ROWS_PER_RUN = (SMALL.years + 1) * 4 * INDICATORS.length;

let dir: string;
const at = (name: string) => join(dir, name);

type Run = CliRun;
const cli = runCli;
const sim = (args: string[], env?: Record<string, string>) => cli('sim', args, env);
const sweep = (args: string[], env?: Record<string, string>) => cli('sweep', args, env);
const merge = (args: string[]) => cli('merge', args);

function ok(r: Run): Run {
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** Shard files for n shards, the i-th computed with workers[i % workers.length] threads. */
function shardArgs(n: number, out: (k: number) => string, workers: number[]): [number, string[]][] {
  return Array.from({ length: n }, (_, i) => [i + 1, ['--shard', `${i + 1}/${n}`, '--workers', String(workers[i % workers.length]), '--out', out(i + 1), '--quiet']]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'poverty-loop-sweep-'));
  await writeFile(at('small.json'), JSON.stringify(SMALL));
  await writeFile(at('base.json'), JSON.stringify(BASE));
  await writeFile(at('grid.json'), JSON.stringify(SWEEP));
  await writeFile(at('both.json'), JSON.stringify(BOTH));
  await writeFile(at('pay.json'), JSON.stringify({ ...BOTH, interventions: [PAY] }));
  await writeFile(at('roads.json'), JSON.stringify({ ...BOTH, interventions: ROADS }));
  await writeFile(at('neither.json'), JSON.stringify({ ...BOTH, interventions: [] }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.concurrent('sharding and merging: identical bytes', () => {
  it('sim: 1 and 2 workers, and 1, 2 and 3 shards merged, give the same CSV', async () => {
    const s = at('small.json');
    const plan: Promise<Run>[] = [
      sim([s, '--runs', '5', '--workers', '1', '--out', at('sim-w1.csv')]),
      sim([s, '--runs', '5', '--workers', '2', '--out', at('sim-w2.csv')]),
    ];
    for (const n of [1, 2, 3]) for (const [, args] of shardArgs(n, (k) => at(`sim-${n}-${k}.csv`), [1, 2])) plan.push(sim([s, '--runs', '5', ...args]));
    (await Promise.all(plan)).forEach(ok);
    const full = await readFile(at('sim-w1.csv'), 'utf8');
    expect(full.split('\n').length - 2).toBe(5 * ROWS_PER_RUN);
    expect(await readFile(at('sim-w2.csv'), 'utf8')).toBe(full);

    const part = await readFile(at('sim-3-2.csv'), 'utf8');
    const meta = JSON.parse(part.split('\n')[0].slice(SHARD_MARK.length));
    expect(meta).toMatchObject({ kind: 'sim', shard: 2, of: 3, total: 5, runs: 2, rowsPerRun: ROWS_PER_RUN, assignment: 'round-robin', scenarioId: 'sweep-small' });
    expect(part.split('\n')[1]).toBe('run,year,county,indicator,value');
    expect(new Set(part.trimEnd().split('\n').slice(2).map((l) => l.split(',')[0]))).toEqual(new Set(['2', '5']));

    const merged = await Promise.all([1, 2, 3].map((n) => merge([...Array.from({ length: n }, (_, i) => at(`sim-${n}-${n - i}.csv`)), '--out', at(`sim-merged-${n}.csv`)])));
    merged.forEach(ok);
    for (const n of [1, 2, 3]) expect(await readFile(at(`sim-merged-${n}.csv`), 'utf8'), `${n} shards`).toBe(full);
  });

  it('sweep: 1 and 2 workers, and 1, 2 and 3 shards merged, give the same CSV, summary and chart', async () => {
    const g = at('grid.json');
    const reports = (name: string) => ['--summary', at(`${name}.summary.csv`), '--chart', at(`${name}.svg`)];
    const plan: Promise<Run>[] = [
      sweep([g, '--workers', '1', '--out', at('sw-w1.csv'), ...reports('sw-w1')]),
      sweep([g, '--workers', '2', '--out', at('sw-w2.csv'), '--quiet']),
    ];
    for (const n of [1, 2, 3]) for (const [, args] of shardArgs(n, (k) => at(`sw-${n}-${k}.csv`), [2, 1])) plan.push(sweep([g, ...args]));
    const [w1] = (await Promise.all(plan)).map(ok);
    const full = await readFile(at('sw-w1.csv'), 'utf8');
    const lines = full.trimEnd().split('\n');
    expect(lines[0]).toBe('point,run,year,county,indicator,value,talent.teacherPayRatio,raise');
    expect(lines).toHaveLength(1 + SWEEP_RUNS * ROWS_PER_RUN);
    expect(lines[1]).toMatch(/^1,1,2013,shan,population,\d+,0\.5,0$/);
    expect(lines.at(-1)).toMatch(/^4,2,2016,region,netFactorFlow,[-\d.]+,0\.9,1$/);
    expect(await readFile(at('sw-w2.csv'), 'utf8')).toBe(full);
    expect(w1.stdout).toContain('Outcome: povertyRate, region, mean of 2014-2016');
    expect(w1.stdout).toMatch(/point\s+talent\.teacherPayRatio\s+raise\s+median\s+5%\s+95%/);
    expect((await readFile(at('sw-w1.summary.csv'), 'utf8')).split('\n')[0]).toBe('point,talent.teacherPayRatio,raise,runs,median,p5,p95,mean');
    expect(await readFile(at('sw-w1.svg'), 'utf8')).toMatch(/^<svg[^>]*>[\s\S]*<circle[\s\S]*<\/svg>\n$/);

    const merged = await Promise.all([1, 2, 3].map((n) => merge([...Array.from({ length: n }, (_, i) => at(`sw-${n}-${i + 1}.csv`)), '--out', at(`sw-merged-${n}.csv`), ...reports(`sw-merged-${n}`)])));
    merged.forEach(ok);
    for (const n of [1, 2, 3]) {
      expect(await readFile(at(`sw-merged-${n}.csv`), 'utf8'), `${n} shards`).toBe(full);
      expect(merged[n - 1].stdout).toBe(w1.stdout);
      expect(await readFile(at(`sw-merged-${n}.summary.csv`), 'utf8')).toBe(await readFile(at('sw-w1.summary.csv'), 'utf8'));
      expect(await readFile(at(`sw-merged-${n}.svg`), 'utf8')).toBe(await readFile(at('sw-w1.svg'), 'utf8'));
    }
  });
});

describe('merge verification', () => {
  let parts: string[];
  beforeAll(async () => {
    const s = at('small.json');
    const runs = await Promise.all([
      ...shardArgs(3, (k) => at(`v-${k}.csv`), [1]).map(([, args]) => sim([s, '--runs', '4', '--years', '2', ...args])),
      sim([s, '--runs', '4', '--years', '2', '--seed', '99', '--shard', '3/3', '--workers', '1', '--out', at('v-other-seed.csv')]),
    ]);
    runs.forEach(ok);
    parts = [1, 2, 3].map((k) => at(`v-${k}.csv`));
  });

  const mergeError = async (files: string[]) => {
    try {
      await mergeShards(files, () => undefined);
    } catch (e) {
      expect(e).toBeInstanceOf(MergeError);
      return (e as Error).message;
    }
    return 'merged';
  };

  it('names a missing shard, with exit status 2 and nothing written', async () => {
    expect(await mergeError([parts[0], parts[2]])).toMatch(/incomplete: shard 2\/3 of sim sweep-small .* is missing; given: 1\/3, 3\/3/);
    const r = await merge([parts[0], parts[1], '--out', at('never.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('shard 3/3');
    expect(existsSync(at('never.csv'))).toBe(false);
  });

  it('refuses shards of different scenarios or options, repeated shards and cut files', async () => {
    expect(await mergeError([parts[0], parts[1], at('v-other-seed.csv')])).toMatch(/shards of different jobs cannot be merged: .*v-1\.csv .* and .*v-other-seed\.csv .* differ in scenario, options or sweep/);
    expect(await mergeError([parts[0], parts[1], parts[1]])).toMatch(/shard 2\/3 given twice/);
    const text = await readFile(parts[1], 'utf8');
    await writeFile(at('v-cut.csv'), text.slice(0, text.length - 2000));
    expect(await mergeError([parts[0], at('v-cut.csv'), parts[2]])).toMatch(/v-cut\.csv: shard 2\/3 is incomplete: it ends after 0 of its 1 runs/);
    await writeFile(at('v-plain.csv'), 'run,year,county,indicator,value\n');
    expect(await mergeError([parts[0], at('v-plain.csv')])).toMatch(/v-plain\.csv: expected a shard file written by `sim --shard`/);
    expect(await mergeError([at('v-none.csv')])).toMatch(/v-none\.csv: expected a readable shard file, got no such file/);
    const chunks: string[] = [];
    await mergeShards([parts[2], parts[0], parts[1]], (c) => void chunks.push(c));
    expect(chunks.join('').split('\n').length - 2).toBe(4 * 3 * 4 * INDICATORS.length);
  });

  it('assigns runs round-robin', () => {
    expect(shardIndexes(10, { k: 2, n: 3 })).toEqual([1, 4, 7]);
    expect(shardIndexes(2, { k: 3, n: 3 })).toEqual([]);
  });
});

describe.concurrent('npm run sweep: input errors, resume and cancel', () => {
  it('exits 2 on a bad sweep file or option, naming the file and the JSON path', async () => {
    await writeFile(at('bad.json'), JSON.stringify({ ...SWEEP, vary: [{ param: 'talent.teacherPay', values: [1] }] }));
    const [bad, option, missing] = await Promise.all([
      sweep([at('bad.json')]),
      sweep([at('grid.json'), '--shard', '4/3']),
      sweep([at('grid.json'), '--shard', '1/2']),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${at('bad.json')}: $.vary[0].param: expected a known parameter path`);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--shard: expected k/n with 1 <= k <= n');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--shard: expected an --out FILE.csv');
  });

  it('resumes from the checkpoint of a failed sweep to the same bytes', async () => {
    const out = at('resume.csv');
    // Repetition 2 of every point fails: with one worker, point 1 run 1 completes first.
    const failed = await sweep([at('grid.json'), '--workers', '1', '--out', out], { [FAIL_RUN_ENV]: '2' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('point 1 run 2 failed');
    expect(existsSync(out)).toBe(false);
    const checkpoint = (await readFile(`${out}.checkpoint`, 'utf8')).trimEnd().split('\n');
    expect(checkpoint).toHaveLength(2);
    const again = await sweep([at('grid.json'), '--workers', '1', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('add --resume to continue it');
    const resumed = ok(await sweep([at('grid.json'), '--workers', '2', '--out', out, '--resume']));
    expect(existsSync(`${out}.checkpoint`)).toBe(false);
    const full = ok(await sweep([at('grid.json'), '--workers', '1', '--out', at('resume-full.csv'), '--quiet']));
    expect(await readFile(out, 'utf8')).toBe(await readFile(at('resume-full.csv'), 'utf8'));
    expect(resumed.stdout).toBe(full.stdout);
  });

  it('cancels on Ctrl-C with exit status 130, no output file and a checkpoint to resume from', async () => {
    await writeFile(at('long.json'), JSON.stringify({ ...SWEEP, repetitions: 200 }));
    const out = at('cancelled.csv');
    const r = await cli('sweep', [at('long.json'), '--workers', '1', '--out', out], {}, (kill) => {
      const poll = setInterval(() => {
        void readFile(`${out}.checkpoint`, 'utf8').then((t) => {
          if (t.split('\n').length > 3) {
            clearInterval(poll);
            kill();
          }
        }, () => undefined);
      }, 50);
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/cancelled after \d+ of 800 runs/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.checkpoint`)).toBe(true);
  });
});

describe.concurrent('npm run sim --baseline and --bands', () => {
  it('prints the paired difference with its band and the cost-effectiveness', async () => {
    const r = ok(await sim([at('small.json'), '--baseline', at('base.json'), '--runs', '3', '--workers', '1']));
    expect(r.stdout).toContain('Small region · 小地区 (sweep-small) against Small region · 小地区 (sweep-small-base)');
    expect(r.stdout).toMatch(/2016 baseline\s+alternative\s+difference\s+5-95%/);
    expect(r.stdout).toContain('Yuan per person-year out of poverty');
    expect(r.stdout).toContain('Extra yuan spent: ');
  });

  it('writes paired differences as tidy CSV and the bands over runs', async () => {
    const [diff, alt, base] = await Promise.all([
      sim([at('small.json'), '--baseline', at('base.json'), '--runs', '2', '--workers', '1', '--out', at('diff.csv'), '--bands', at('bands.csv')]),
      sim([at('small.json'), '--runs', '2', '--workers', '1', '--out', '-']),
      sim([at('base.json'), '--seed', '11', '--runs', '2', '--workers', '1', '--out', '-']),
    ]);
    [diff, alt, base].forEach(ok);
    const d = (await readFile(at('diff.csv'), 'utf8')).trimEnd().split('\n');
    const a = alt.stdout.trimEnd().split('\n');
    const b = base.stdout.trimEnd().split('\n');
    expect(d[0]).toBe('run,year,county,indicator,value');
    expect(d).toHaveLength(a.length);
    const i = a.findIndex((l) => l.startsWith('2,2016,region,interventionCost,'));
    expect(Number(d[i].split(',')[4])).toBeCloseTo(Number(a[i].split(',')[4]) - Number(b[i].split(',')[4]), 0);
    const bands = (await readFile(at('bands.csv'), 'utf8')).trimEnd().split('\n');
    expect(bands[0]).toBe('year,county,indicator,median,p5,p95,mean');
    expect(bands).toHaveLength(1 + ROWS_PER_RUN);
  });

  it('--baseline none compares with the scenario itself without its interventions: the same differences as that file', async () => {
    const [none, file] = await Promise.all([
      sim([at('small.json'), '--baseline', 'none', '--runs', '2', '--workers', '1', '--out', '-']),
      sim([at('small.json'), '--baseline', at('base.json'), '--runs', '2', '--workers', '1', '--out', '-']),
    ]);
    expect(ok(none).stdout).toBe(ok(file).stdout);
    const summary = ok(await sim([at('small.json'), '--baseline', 'none', '--runs', '2', '--workers', '1']));
    expect(summary.stdout).toContain('against Small region (without interventions) · 小地区（不加干预） (sweep-small-without-interventions)');
    const nothing = await sim([at('base.json'), '--baseline', 'none']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('base.json: $.interventions: expected at least one intervention for --baseline none to leave out');
  });

  it('refuses a baseline of other counties (exit 2)', async () => {
    await writeFile(at('other.json'), JSON.stringify({ ...BASE, id: 'other', region: { counties: REGION.counties.slice(0, 2) } }));
    const r = await sim([at('small.json'), '--baseline', at('other.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('other.json: $.region: expected the counties of the alternative scenario (shan, qiu, ping)');
  });
});

describe.concurrent('npm run sim --interaction', () => {
  /** value column of a tidy CSV, keyed by run,year,county,indicator. */
  const values = (csv: string) => new Map(csv.trimEnd().split('\n').slice(1).map((l) => {
    const cut = l.lastIndexOf(',');
    return [l.slice(0, cut), Number(l.slice(cut + 1))] as const;
  }));

  it('writes (both - B only) - (A only - neither), run by run, as the four scenarios written out give it', async () => {
    const args = ['--runs', '2', '--workers', '1', '--seed', '11', '--out', '-'];
    const [x, both, pay, roads, neither] = await Promise.all([
      sim([at('both.json'), '--interaction', 'teacherPay', ...args]),
      ...['both.json', 'pay.json', 'roads.json', 'neither.json'].map((f) => sim([at(f), ...args])),
    ]);
    [x, both, pay, roads, neither].forEach(ok);
    const got = values(x.stdout);
    const [b, a, r, n] = [both, pay, roads, neither].map((run) => values(run.stdout));
    expect(got.size).toBe(2 * ROWS_PER_RUN);
    let nonZero = 0;
    for (const [key, v] of got) {
      const arms = [b, r, a, n].map((m) => m.get(key)!);
      const want = (arms[0] - arms[1]) - (arms[2] - arms[3]);
      // The CSV prints 10 significant digits: the four values are each exact to 1e-9 of their size.
      expect(Math.abs(v - want), key).toBeLessThanOrEqual(4e-9 * Math.max(1, ...arms.map(Math.abs)));
      if (Math.abs(want) > 1e-9) nonZero++;
    }
    // The interaction is not 0 everywhere: the test compares numbers, not zeros.
    expect(nonZero).toBeGreaterThan(100);
  });

  it('prints both effects of A and the interaction with its band, and the same CSV from 1 or 2 shards', async () => {
    const r = ok(await sim([at('both.json'), '--interaction', 'teacherPay', '--runs', '3', '--workers', '2']));
    expect(r.stdout).toContain('Interaction in Small region · 小地区 (sweep-both)');
    expect(r.stdout).toContain('A = teacherPay; B = infrastructure');
    expect(r.stdout).toContain('3 runs of each of 4 arms (neither, A only, B only, both) on the same seeds');
    expect(r.stdout).toMatch(/A without B\s+A with B\s+interaction\s+5-95%/);
    expect(r.stdout).toMatch(/\nTeachers \/ 1,000 pupils +[±+-][\d.,]+ +[±+-][\d.,]+ +[±+-][\d.,]+ +[±+-][\d.,]+ to [±+-][\d.,]+ +(A does (more|less) with B|above 0|below 0|band holds 0)\n/);
    const whole = sim([at('both.json'), '--interaction', 'teacherPay', '--runs', '3', '--workers', '1', '--out', at('x-all.csv')]);
    const parts = [1, 2].map((k) => sim([at('both.json'), '--interaction', 'teacherPay', '--runs', '3', '--shard', `${k}/2`, '--out', at(`x-${k}.csv`)]));
    [await whole, ...(await Promise.all(parts))].forEach(ok);
    ok(await merge([at('x-1.csv'), at('x-2.csv'), '--out', at('x-merged.csv')]));
    expect(await readFile(at('x-merged.csv'), 'utf8')).toBe(await readFile(at('x-all.csv'), 'utf8'));
  });

  it('names the option and the scenario\'s levers when a factor cannot be built (exit 2, nothing written)', async () => {
    const out = at('x-never.csv');
    const cases: [string[], string][] = [
      [['--interaction', 'teacherPey'], '--interaction: expected lever names of the scenario\'s interventions (teacherPay, infrastructure), got "teacherPey"'],
      [['--interaction', 'doctorPay'], '--interaction: expected lever names of the scenario\'s interventions (teacherPay, infrastructure), got "doctorPay"'],
      [['--interaction', 'teacherPay,infrastructure'], '--interaction: expected a factor B: the scenario needs interventions of other levers than teacherPay, infrastructure'],
      [['--interaction', 'teacher pay'], '--interaction: expected lever names separated by commas, e.g. --interaction teacherPay, got "teacher pay"'],
      [['--interaction', 'teacherPay', '--baseline', 'none'], '--interaction: expected no --baseline with it'],
    ];
    const runs = await Promise.all(cases.map(([args]) => sim([at('both.json'), ...args, '--out', out])));
    runs.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(cases[i][1]);
    });
    expect(existsSync(out)).toBe(false);
  });
});

describe('sweep files and options', () => {
  it('every example in scenarios/sweeps is a valid sweep', async () => {
    const files = (await readdir(join(ROOT, 'scenarios/sweeps'))).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const designs = new Set<string>();
    for (const f of files) {
      const b = await loadSweep(join(ROOT, 'scenarios/sweeps', f));
      expect(b.runs, f).toBeGreaterThan(0);
      designs.add(b.design.kind);
    }
    expect([...designs].sort()).toEqual(['grid', 'lhs', 'morris']);
  });

  it('parses the options of npm run sweep', () => {
    expect(parseSweepArgs(['s.json', '--workers=3', '--out', 'o.csv', '--shard', '2/5', '--resume', '-q'], 8)).toEqual({
      help: false,
      options: { sweepFile: 's.json', workers: 3, out: 'o.csv', shard: { k: 2, n: 5 }, resume: true, quiet: true },
    });
    expect(parseSweepArgs(['s.json'], 6)).toMatchObject({ options: { workers: 6, resume: false, quiet: false } });
    expect(() => parseSweepArgs(['s.json', '--chart', 'c.png'])).toThrow('--chart: expected a file name ending in .svg');
    expect(() => parseSweepArgs(['s.json', '--wokers', '2'])).toThrow('did you mean --workers?');
    expect(() => parseSweepArgs([])).toThrow('command line: expected exactly one sweep file');
  });
});
