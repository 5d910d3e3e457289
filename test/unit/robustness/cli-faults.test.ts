/**
 * Faults on the command line (issue #8, CONTRACT.md): a run that fails mid-way exits 1 with its
 * cause on stderr and leaves no --out file and no temporary file; bad input exits 2 naming the
 * file and the JSON path, before any run, and writes nothing.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAIL_RUN_ENV } from '../../../src/cli/runTask';
import { INPUT_LIMITS } from '../../../src/model/scenario/limits';
import { type CliRun, runCli } from '../../helpers/cli';
import { SMALL } from './fuzz';

let dir: string;

const cli = (script: 'sim' | 'sweep', args: string[], env: Record<string, string> = {}): Promise<CliRun> => runCli(script, args, env);

/** Each test works in a folder of its own, so leftovers are its own. */
let folder = '';
async function fresh(): Promise<void> {
  folder = await mkdtemp(join(dir, 't-'));
}

async function write(name: string, content: unknown): Promise<string> {
  const file = join(folder, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** Files in the folder besides the inputs: must be none after a failure. */
async function leftovers(inputs: string[]): Promise<string[]> {
  return (await readdir(folder)).filter((f) => !inputs.includes(f));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'poverty-loop-faults-'));
});
beforeEach(fresh);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sim: a run failing mid-way', () => {
  it('in a worker thread: exit 1, the cause on stderr, no --out file and no temporary file', async () => {
    const scenario = await write('small.json', SMALL);
    const r = await cli('sim', [scenario, '--runs', '3', '--workers', '2', '--quiet', '--out', join(folder, 'out.csv')], { [FAIL_RUN_ENV]: '2' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('run 2 failed: injected failure in run 2');
    expect(r.stderr).toContain('no output written');
    expect(await leftovers(['small.json'])).toEqual([]);
  });

  it('in the main thread, with --bands and JSON output: exit 1, nothing written', async () => {
    const scenario = await write('small.json', SMALL);
    const r = await cli('sim', [scenario, '--runs', '2', '--workers', '1', '--quiet', '--out', join(folder, 'out.json'), '--bands', join(folder, 'bands.csv')], { [FAIL_RUN_ENV]: '2' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('injected failure in run 2');
    expect(await leftovers(['small.json'])).toEqual([]);
  });
});

describe('sim: bad input exits 2 naming the file and the JSON path, writing nothing', () => {
  const cases: [string, string | unknown, RegExp][] = [
    ['too-big.json', JSON.stringify({ ...SMALL, description: { en: 'x'.repeat(INPUT_LIMITS.maxScenarioBytes) } }), /too-big\.json: \$: expected a scenario file of at most 1048576 bytes \(limit\), got \d+ bytes/],
    ['deep.json', `{"id": "d", "title": {"en": "t"}, "params": ${'['.repeat(5000)}${']'.repeat(5000)}}`, /deep\.json: \$: expected arrays and objects nested at most 32 deep \(limit\)/],
    ['proto.json', '{"id": "p", "title": {"en": "t"}, "__proto__": {"polluted": 1}}', /proto\.json: \$\.__proto__: expected one of the keys/],
    ['infinite.json', JSON.stringify(SMALL).replace('"years":3', '"years":1e400'), /infinite\.json: \$\.years: expected an integer from 1 to 100, got Infinity/],
    ['agents.json', { ...SMALL, scale: 1, interventions: [], region: { counties: [{ id: 'h', name: { en: 'H' }, terrain: 'hill', households: 1e8 }, { id: 'g', name: { en: 'G' }, terrain: 'hill', households: 1e8 }] } }, /agents\.json: \$\.scale: expected a scale large enough for at most 20000000 household agents/],
    ['empty.json', '', /empty\.json: \$: expected valid JSON/],
  ];
  for (const [name, content, message] of cases) {
    it(name, async () => {
      const file = await write(name, content);
      const r = await cli('sim', [file, '--quiet', '--out', join(folder, 'never.csv')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(await leftovers([name])).toEqual([]);
    });
  }
});

describe('sweep: faults and bad input', () => {
  const SWEEP = {
    id: 'faults', scenario: { ...SMALL, years: 2 }, vary: [{ param: 'talent.teacherPayRatio', values: [0.5, 0.8] }], repetitions: 2,
  };

  it('a failing run: exit 1 with the cause, no --out, no --summary, no temporary file', async () => {
    const file = await write('sweep.json', SWEEP);
    const r = await cli('sweep', [file, '--workers', '1', '--quiet', '--out', join(folder, 'sweep-out.csv'), '--summary', join(folder, 'summary.csv'), '--checkpoint', join(folder, 'ck')], { [FAIL_RUN_ENV]: '2' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('injected failure in run 2');
    // the checkpoint keeps the runs that completed (for --resume); no output, no temporary file
    expect(await leftovers(['sweep.json', 'ck'])).toEqual([]);
  });

  it('--resume drops checkpoint records that are not what this sweep wrote (foreign rows, wrong run, cut), and recomputes them', async () => {
    const file = await write('sweep.json', SWEEP);
    const ck = join(folder, 'ck');
    const failed = await cli('sweep', [file, '--workers', '1', '--quiet', '--out', join(folder, 'out.csv'), '--checkpoint', ck], { [FAIL_RUN_ENV]: '2' });
    expect(failed.code).toBe(1);
    const lines = (await readFile(ck, 'utf8')).split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    // a forged record: rows of another point, with markup, for run index 3
    const forged = JSON.stringify({ t: 3, outcome: 0, csv: '9,9,2013,<script>,povertyRate,1,0.5\n' });
    await writeFile(ck, [...lines, forged, '{"t": 2, "outc'].join('\n') + '\n');
    const resumed = await cli('sweep', [file, '--workers', '1', '--quiet', '--out', join(folder, 'out.csv'), '--checkpoint', ck, '--resume']);
    expect(resumed.code).toBe(0);
    const full = await cli('sweep', [file, '--workers', '1', '--quiet', '--out', join(folder, 'full.csv')]);
    expect(full.code).toBe(0);
    const out = await readFile(join(folder, 'out.csv'), 'utf8');
    expect(out).toBe(await readFile(join(folder, 'full.csv'), 'utf8'));
    expect(out).not.toContain('<script>');
    expect(await leftovers(['sweep.json', 'out.csv', 'full.csv'])).toEqual([]);
  });

  it('a sweep file over the size limit or with a bad factor exits 2 naming the path', async () => {
    const big = await write('big-sweep.json', { ...SWEEP, description: 'x'.repeat(INPUT_LIMITS.maxSweepBytes) });
    const r1 = await cli('sweep', [big, '--quiet']);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/big-sweep\.json: \$: expected a sweep file of at most 2097152 bytes \(limit\)/);
    const bad = await write('bad-sweep.json', { ...SWEEP, vary: [{ param: 'constructor', values: [1] }] });
    const r2 = await cli('sweep', [bad, '--quiet', '--out', join(folder, 'x.csv')]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/bad-sweep\.json: \$\.vary\[0\]\.param: expected a known parameter path/);
    expect(await leftovers(['big-sweep.json', 'bad-sweep.json'])).toEqual([]);
  });
});

describe('merge: a shard file from another machine is validated again', () => {
  it('a tampered sweep spec or scenario in a shard header is refused with the path, before anything is allocated', async () => {
    const { sweepFromShardMeta } = await import('../../../src/cli/sweep');
    const { ScenarioError } = await import('../../../src/model/index');
    const spec = {
      id: 'sh', description: '', scenario: { inline: {} }, vary: [{ param: 'talent.teacherPayRatio', min: 0.5, max: 1 }], design: 'lhs', points: 4,
      levels: 4, repetitions: 1, outcome: { indicator: 'povertyRate', unit: 'region', year: 'end' },
    };
    const meta = (sweep: unknown) => ({ format: 1, kind: 'sweep', sweep }) as never;
    expect(sweepFromShardMeta(meta({ file: 's.json', spec, scenario: SMALL })).runs).toBe(4);
    const cases: [unknown, string][] = [
      [{ file: 's.json', spec: { ...spec, points: 1e9 }, scenario: SMALL }, '$.sweep.points'],
      [{ file: 's.json', spec: { ...spec, repetitions: 1e7 }, scenario: SMALL }, '$.sweep.repetitions'],
      [{ file: 's.json', spec, scenario: { ...SMALL, scale: 1, interventions: [], region: { counties: [{ id: 'h', name: { en: 'H' }, terrain: 'hill', households: 1e8 }] } } }, '$.sweep.scenario.scale'],
      [{ file: 's.json', spec: { ...spec, vary: [{ param: '__proto__', min: 0, max: 1 }] }, scenario: SMALL }, '$.sweep.vary[0].param'],
      [{ file: 's.json', spec: 'x', scenario: SMALL }, '$.sweep'],
      [undefined, '$.sweep'],
    ];
    for (const [sweep, path] of cases) {
      let error: unknown;
      try {
        sweepFromShardMeta(meta(sweep));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as InstanceType<typeof ScenarioError>).path).toBe(path);
    }
  });
});
