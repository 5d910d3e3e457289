import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ARMS, bandAt, bindSweep, compareEnsembles, costEffectiveness, ensembleBands, factorialArms, inlineScenario, interactionContrasts, interactionVerdict, sweepHeader, sweepRows,
  sweepScenarios, sweepTask, validateSweep,
} from '../../src/analysis/index';
import { parseScenario, runScenario, tidyRows, type Json, type Scenario } from '../../src/model/index';
import { STRINGS } from '../../src/app/i18n/strings';
import { encodeScenario } from '../../src/app/scenario/shareLink';
import { exportedFigure } from './support/figures';
import { addLever, appEval, openApp, pickScenario, ROOT, useHarness } from './support/harness';

/**
 * The browser half of issue #5: ensembles on a pool of Web Workers (equal to the Node engine,
 * whatever the number of workers), bands on the trajectories, the comparison view with
 * cost-effectiveness, the sweep form with pause/resume/cancel, and the Morris ranking.
 * Scenarios are the default region cut to a few years at a coarse scale, so runs take a moment.
 */
const BASELINE = parseScenario(readFileSync(join(ROOT, 'scenarios/baseline.json'), 'utf8'), 'baseline.json');
const SMALL: Scenario = { ...BASELINE, years: 4, scale: 200 };
const WITH_LEVER: Scenario = {
  ...SMALL,
  id: 'small-teacher-pay',
  interventions: [{ lever: 'teacherPay', from: 2014, to: 2017, counties: 'all', raise: 0.5 }],
};
/** Teacher pay and infrastructure in the mountain counties: the 2×2 of the interaction box. */
const TWO_LEVERS: Scenario = {
  ...SMALL,
  id: 'small-pay-and-roads',
  years: 6,
  interventions: [
    { lever: 'teacherPay', from: 2014, to: 2019, counties: 'mountain', raise: 0.5 },
    { lever: 'infrastructure', from: 2014, to: 2019, counties: 'mountain', kind: 'transport', yuanPerYear: 60_000_000 },
  ],
};
const hashOf = (s: Scenario) => `#scenario=${encodeScenario(s)}`;

/**
 * Largest relative difference between two lists of values. The browser's engine is Chromium's
 * V8, whose Math.exp, log, pow, sin... differ from Node's in the last bit (measured: every
 * transcendental function but sqrt and hypot), so a browser run equals the Node run to about
 * 1e-15, not bit for bit; the tidy CSV (10 significant digits) is the same text.
 */
function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.max(1e-300, Math.abs(a[i]), Math.abs(b[i]));
    if (a[i] !== b[i]) worst = Math.max(worst, d);
  }
  return worst;
}

/** Values of every run held by the page's latest ensemble, as plain arrays. */
const ensembleValues = (page: Page) => appEval<number[][]>(page, 'app.research.state.ensemble.results.map((r) => Array.from(r.values))');
const liveWorkers = (page: Page) => appEval<number>(page, 'app.research.liveWorkers()');

async function openResearch(page: Page): Promise<void> {
  await page.click('#view-research');
  await page.waitForSelector('#research-view:not([hidden])');
}

describe('browser research: ensembles, comparison, sweeps, sensitivity', () => {
  const h = useHarness();

  it('adding a lever makes the comparison the view: before, after, difference with its band, cost-effectiveness', async () => {
    const { page, context, errors } = await openApp(h, { hash: hashOf(SMALL) });
    expect(await appEval(page, 'app.research.view()')).toBe('overview');
    await addLever(page, 'teacherPay');
    await page.waitForSelector('#comparison-view:not([hidden])');
    expect(await appEval(page, 'app.research.view()')).toBe('comparison');
    expect(await page.isVisible('#map')).toBe(false);
    // before an ensemble: the two live runs (same seed), their difference, no band yet
    await page.waitForFunction(() => document.querySelector('#comparison-view')!.getAttribute('data-mode') === 'single');
    for (const id of ['baseline', 'alternative', 'difference']) expect(await page.locator(`#cmp-${id} svg path.median`).count()).toBe(1);
    expect(await page.getAttribute('#cmp-ce', 'data-ready')).toBe('false');
    // a single pair's difference says on the chart itself that it includes chance
    const diffNote = () => page.$eval('#cmp-difference svg text.note', (n) => n.textContent);
    expect(await diffNote()).toContain('一次运行：差值含随机波动');

    await page.fill('#cmp-runs', '4');
    await page.click('#cmp-run');
    await page.waitForSelector('#cmp-controls[data-state="done"]', { timeout: 120_000 });
    await page.waitForFunction(() => document.querySelector('#comparison-view')!.getAttribute('data-mode') === 'ensemble');
    // every chart draws its band; the difference's band is a real area
    for (const id of ['baseline', 'alternative', 'difference']) {
      expect(await page.getAttribute(`#cmp-${id} svg`, 'data-bands')).toBe('1');
      expect((await page.getAttribute(`#cmp-${id} svg path.band`, 'd'))!.length).toBeGreaterThan(20);
    }
    expect(await page.getAttribute('#cmp-ce', 'data-ready')).toBe('true');
    expect(await diffNote()).not.toContain('随机波动');
    for (const m of ['yuanPerPersonYear', 'yuanPerLastingExit', 'yuan', 'personYears', 'lastingExits']) {
      expect(await page.locator(`#cmp-ce tr[data-measure="${m}"]`).count()).toBe(1);
    }
    expect(await page.textContent('#cmp-ce')).toContain('每脱贫人年花费');
    // each chart exports with both scenarios and the runs inside the file
    const fig = await exportedFigure(page, '.cmp-cell:has(#cmp-difference)', /^贫困循环 \S+ · 场景 \S+：修改后对比修改前 · 种子 \d+ · 4 对运行/);
    expect(fig.manifest.runs).toBe(4);
    expect(fig.manifest.baseline.interventions).toEqual(SMALL.interventions);
    expect(fig.manifest.alternative.interventions.map((iv: { lever: string }) => iv.lever)).toEqual([...SMALL.interventions.map((iv) => iv.lever), 'teacherPay']);

    // the same comparison computed by the Node engine and src/analysis: same numbers
    const alt = await appEval<Scenario>(page, 'sim.scenario');
    const base = SMALL;
    const runs = [1, 2, 3, 4];
    const baseRuns = runs.map((r) => runScenario(base, r, alt.seed));
    const altRuns = runs.map((r) => runScenario(alt, r, alt.seed));
    const expected = costEffectiveness(baseRuns, altRuns);
    const got = await appEval<{ yuan: number; py: number }>(page, '({ yuan: app.research.state.comparison.costEffectiveness.yuan.median, py: app.research.state.comparison.costEffectiveness.personYears.median })');
    expect(maxRelDiff([got.yuan, got.py], [expected.yuan.median, expected.personYears.median])).toBeLessThan(1e-9);
    const diff = compareEnsembles(baseRuns, altRuns).difference;
    const gotDiff = await appEval<number[]>(page, 'Array.from(app.research.state.comparison.comparison.difference.median)');
    // a difference of two nearly equal values: compare on the scale of the values differenced
    const scale = compareEnsembles(baseRuns, altRuns).alternative.median;
    for (let i = 0; i < gotDiff.length; i++) expect(Math.abs(gotDiff[i] - diff.median[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(scale[i])));

    // the alternative's runs are the loaded scenario's ensemble: the trajectories show its band
    await page.click('#view-overview');
    await page.waitForFunction(() => document.querySelector('.small-multiples')!.getAttribute('data-band-runs') === '4');
    expect(await page.textContent('#band-legend')).toBe('4 次运行的中位数，5–95% 区间');
    expect(await liveWorkers(page)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('compare with: a scenario with levers against itself without them, equal to the Node engine; a library scenario on the same seeds', async () => {
    const { page, context, errors } = await openApp(h, { hash: hashOf(WITH_LEVER) });
    await page.click('#view-comparison');
    await page.waitForSelector('#comparison-view:not([hidden])');
    // by default, the loaded scenario without its interventions; the library's files run 22
    // years, not 4, so none of them can be compared with this one
    expect(await page.inputValue('#cmp-reference')).toBe('without');
    expect(await page.$$eval('#cmp-reference option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['without']);
    await page.waitForFunction(() => document.querySelector('#comparison-view')!.getAttribute('data-mode') === 'single');
    for (const id of ['baseline', 'alternative', 'difference']) expect(await page.locator(`#cmp-${id} svg path.median`).count()).toBe(1);
    expect(await page.textContent('#cmp-baseline')).toContain('对照：不加干预');
    expect(await page.textContent('#cmp-difference')).toContain('差值：本场景 − 不加干预');

    await page.fill('#cmp-runs', '3');
    await page.click('#cmp-run');
    await page.waitForSelector('#cmp-controls[data-state="done"]', { timeout: 120_000 });
    const base: Scenario = { ...WITH_LEVER, interventions: [] };
    const runs = [1, 2, 3];
    const diff = compareEnsembles(runs.map((r) => runScenario(base, r, WITH_LEVER.seed)), runs.map((r) => runScenario(WITH_LEVER, r, WITH_LEVER.seed)));
    const got = await appEval<number[]>(page, 'Array.from(app.research.state.comparison.comparison.difference.median)');
    for (let i = 0; i < got.length; i++) expect(Math.abs(got[i] - diff.difference.median[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(diff.alternative.median[i])));
    const fig = await exportedFigure(page, '.cmp-cell:has(#cmp-difference)', /^贫困循环 \S+ · 场景 small-teacher-pay：本场景对比不加干预 · 种子 \d+ · 3 对运行/);
    expect(fig.manifest.baseline.interventions).toEqual([]);
    expect(fig.manifest.alternative.interventions).toEqual(WITH_LEVER.interventions);

    // a library scenario: teacher pay against infrastructure, both on teacher pay's seed
    await pickScenario(page, 'teacher-pay');
    await page.waitForFunction(() => document.querySelectorAll('#cmp-reference option').length > 1);
    expect(await page.inputValue('#cmp-reference')).toBe('without');
    const options = await page.$$eval('#cmp-reference option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toContain('file:scenarios/infrastructure.json');
    expect(options).toContain('file:scenarios/baseline.json');
    expect(options).not.toContain('file:scenarios/teacher-pay.json');
    expect(options).not.toContain('file:scenarios/campaign-china.json');
    await page.selectOption('#cmp-reference', 'file:scenarios/infrastructure.json');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.reference?.scenario?.id === 'infrastructure');
    await page.click('#step');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.reference?.frontier >= 1);
    expect(await page.textContent('#cmp-difference')).toContain('差值：本场景 − 山区基础设施建设');
    await exportedFigure(page, '.cmp-cell:has(#cmp-baseline)', /^贫困循环 \S+ · 场景 teacher-pay：本场景对比山区基础设施建设 · 种子 42 · 1 次运行/);
    // the overview draws the same reference and names it
    await page.click('#view-overview');
    await page.waitForFunction(() => document.querySelector('#multiples')!.textContent!.includes('灰色点线 = 山区基础设施建设'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the interaction box runs the 2×2 of one lever against the others, equal to npm run sim --interaction, and says what the bands show', async () => {
    // one lever: the box says what it needs and offers nothing to run
    const one = await openApp(h, { hash: hashOf(WITH_LEVER) });
    await one.page.click('#view-comparison');
    await one.page.waitForSelector('#comparison-view:not([hidden])');
    expect(await one.page.isVisible('#ix-need')).toBe(true);
    expect(await one.page.isVisible('#ix-run')).toBe(false);
    await one.context.close();

    const { page, context, errors } = await openApp(h, { hash: hashOf(TWO_LEVERS) });
    await page.click('#view-comparison');
    await page.waitForSelector('#comparison-view:not([hidden])');
    expect(await page.isVisible('#ix-need')).toBe(false);
    expect(await page.$$eval('#ix-lever option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['teacherPay', 'infrastructure']);
    expect(await page.getAttribute('#ix-box', 'data-ready')).toBe('false');
    await page.fill('#cmp-runs', '3');
    await page.selectOption('#cmp-indicator', 'teachersPer1000Pupils');
    await page.click('#ix-run');
    await page.waitForSelector('#ix-box[data-ready="true"]', { timeout: 120_000 });
    expect(await page.textContent('#ix-status')).toMatch(/^12 次运行，\d 个线程，用时 [\d.]+ 秒。$/);

    // the same four arms and contrasts computed by the Node engine and src/analysis
    const f = factorialArms(TWO_LEVERS, ['teacherPay']);
    const [neither, aOnly, bOnly, both] = ARMS.map((a) => [1, 2, 3].map((r) => runScenario(f.arms[a], r, TWO_LEVERS.seed)));
    const arms = { neither, aOnly, bOnly, both };
    const c = interactionContrasts(arms);
    const want = ensembleBands(c.interaction);
    const got = await appEval<number[]>(page, 'Array.from(app.research.state.interaction.interaction.median)');
    const scale = ensembleBands(arms.both).median;
    expect(got.length).toBe(want.median.length);
    for (let i = 0; i < got.length; i++) expect(Math.abs(got[i] - want.median[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(scale[i])));

    // the table: A's effect without B, with B and the interaction, for the view's indicator and place
    expect(await page.textContent('#ix-caption')).toBe('每千名学生教师数 · 全区 · 2019年 · 每组 3 次运行');
    const rows = await page.$$eval('#ix-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-measure')));
    expect(rows).toEqual(['aWithoutB', 'aWithB', 'interaction']);
    const region = want.meta.counties.length; // the region's unit index
    const x = bandAt(want, TWO_LEVERS.years, region, 'teachersPer1000Pupils');
    const cell = (await page.textContent('#ix-table tr[data-measure="interaction"] td'))!;
    // the cell shows the Node median rounded to the digits it prints
    const digits = cell.split('.')[1]?.length ?? 0;
    expect(Math.abs(Number(cell.replace(/[+,]/g, '')) - x.median)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-9);
    // the verdict is the one the Node bands give, in its words, naming A and B
    const alone = bandAt(ensembleBands(c.aWithoutB), TWO_LEVERS.years, region, 'teachersPer1000Pupils');
    const v = interactionVerdict(alone, x);
    expect(await page.getAttribute('#ix-verdict', 'data-verdict')).toBe(v);
    expect(await page.textContent('#ix-verdict')).toBe(STRINGS[`ix.verdict.${v}`].zh.replace('{a}', '提高乡村教师待遇').replace('{b}', '基础设施建设'));
    // another lever as A: the result belongs to teacherPay and is hidden
    await page.selectOption('#ix-lever', 'infrastructure');
    expect(await page.getAttribute('#ix-box', 'data-ready')).toBe('false');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an ensemble equals the Node engine run for run, with 1 and with 2 workers, and draws a band on every trajectory chart', async () => {
    const { page, context, errors } = await openApp(h, { hash: hashOf(SMALL), locale: 'en-GB' });
    await openResearch(page);
    const runs = 3;
    const node = Array.from({ length: runs }, (_, i) => runScenario(SMALL, i + 1, SMALL.seed));

    await page.selectOption('#ens-workers', '1');
    await page.fill('#ens-runs', String(runs));
    await page.click('#ens-run');
    await page.waitForSelector('#ens-controls[data-state="done"]', { timeout: 120_000 });
    expect(await page.textContent('#ens-status')).toContain('on 1 workers');
    const one = await ensembleValues(page);
    // the same runs as the Node engine (npm run sim --runs 3): same tidy CSV, values to 1e-9
    expect(one).toHaveLength(runs);
    one.forEach((values, i) => expect(maxRelDiff(values, node[i].values)).toBeLessThan(1e-9));
    expect(await appEval(page, 'app.research.state.ensemble.results.map((r) => r.meta)')).toEqual(node.map((r) => r.meta));
    const browserTidy = one.map((values, i) => tidyRows({ ...node[i], values: Float64Array.from(values) })).join('');
    expect(browserTidy).toBe(node.map((r) => tidyRows(r)).join(''));

    await page.evaluate(() => (window as any).povertyLoop.research.setWorkers(2));
    await page.selectOption('#ens-workers', '');
    await page.click('#ens-run');
    await page.waitForSelector('#ens-controls[data-state="done"]', { timeout: 120_000 });
    expect(await page.textContent('#ens-status')).toContain('on 2 workers');
    const two = await ensembleValues(page);
    // bit for bit the same as with one worker
    expect(two).toEqual(one);
    // and with all the browser's workers (min(hardwareConcurrency, runs))
    await page.evaluate(() => (window as any).povertyLoop.research.setWorkers(null));
    await page.click('#ens-run');
    await page.waitForSelector('#ens-controls[data-state="done"]', { timeout: 120_000 });
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(await page.textContent('#ens-status')).toContain(`on ${Math.min(cores, runs)} workers`);
    expect(await ensembleValues(page)).toEqual(one);
    expect(await liveWorkers(page)).toBe(0);

    await page.click('#view-overview');
    await page.waitForFunction(() => document.querySelector('.small-multiples')!.getAttribute('data-band-runs') === '3');
    const bands = await page.$$eval('.small-multiples g.multiple path.band', (ps) => ps.map((p) => (p.getAttribute('d') ?? '').length));
    expect(bands).toHaveLength(6);
    for (const d of bands) expect(d).toBeGreaterThan(20);
    expect(await page.locator('.small-multiples g.multiple path.median').count()).toBe(6);
    expect(await page.textContent('#band-legend')).toBe('median of 3 runs, 5–95% band');
    expect(await page.textContent('#multiples .panel-subtitle')).toContain('band for the selected county or the region');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the sweep form gives the tidy table of npm run sweep with a column per varied value, and a chart; pause and resume', async () => {
    const { page, context, errors } = await openApp(h, { hash: hashOf(WITH_LEVER), locale: 'en-GB' });
    await page.evaluate(() => (window as any).povertyLoop.research.setWorkers(1));
    await openResearch(page);
    await page.selectOption('#sweep-param', 'talent.teacherPayRatio');
    await page.click('#sweep-add-param');
    await page.selectOption('#sweep-lever', '0:raise');
    await page.click('#sweep-add-lever');
    // ranges come from the registries
    expect(await page.inputValue('[data-factor="talent.teacherPayRatio"] input[data-role="min"]')).toBe('0.2');
    expect(await page.inputValue('[data-factor="talent.teacherPayRatio"] input[data-role="max"]')).toBe('2');
    await page.fill('[data-factor="talent.teacherPayRatio"] input[data-role="min"]', '0.5');
    await page.fill('[data-factor="talent.teacherPayRatio"] input[data-role="max"]', '1');
    await page.fill('[data-factor="interventions[0].raise"] input[data-role="max"]', '1');
    await page.selectOption('#sweep-design', 'grid');
    await page.fill('#sweep-points', '2');
    await page.fill('#sweep-reps', '2');
    await page.selectOption('#sweep-outcome', 'povertyRate');
    // before a sweep the results column explains itself; after, the results replace the hint
    expect(await page.isVisible('#sweep-empty')).toBe(true);
    await page.click('#sweep-run');
    // pause: no new run starts; the one in progress may finish
    await page.click('#sweep-pause');
    await page.waitForSelector('#sweep-controls[data-state="paused"]');
    await page.waitForTimeout(1500);
    const held = Number(await page.getAttribute('#sweep-progress', 'value'));
    await page.waitForTimeout(1500);
    expect(Number(await page.getAttribute('#sweep-progress', 'value'))).toBe(held);
    expect(held).toBeLessThan(8);
    expect(await liveWorkers(page)).toBe(1);
    await page.click('#sweep-pause'); // resume
    await page.waitForSelector('#sweep-controls[data-state="done"]', { timeout: 120_000 });
    expect(await liveWorkers(page)).toBe(0);
    expect(await page.isVisible('#sweep-empty')).toBe(false);

    const header = await page.$$eval('#sweep-table thead th', (ths) => ths.map((t) => t.textContent));
    expect(header).toEqual(['point', 'run', 'year', 'county', 'indicator', 'value', 'talent.teacherPayRatio', 'interventions[0].raise']);
    const rows = await page.$$eval('#sweep-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(rows).toHaveLength(8 * (SMALL.years + 1));
    expect(rows[0].slice(0, 5)).toEqual(['1', '1', '2013', 'region', 'povertyRate']);
    expect(new Set(rows.map((r) => r[6]))).toEqual(new Set(['0.5', '1']));
    expect(await page.locator('#sweep-chart svg g.factor').count()).toBe(2);
    expect(await page.locator('#sweep-chart svg g.factor').first().locator('circle').count()).toBe(8);
    expect(await page.getAttribute('#sweep-chart svg g.factor path.median', 'data-points')).toBe('2');

    // the downloaded CSV is exactly what npm run sweep writes for the same sweep
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sweep-csv')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const spec = validateSweep({
      id: 'browser-sweep', scenario: JSON.parse(JSON.stringify(await appEval<Scenario>(page, 'sim.scenario'))) as Json,
      vary: [{ param: 'talent.teacherPayRatio', min: 0.5, max: 1 }, { lever: { index: 0, param: 'raise' }, min: 0, max: 1 }],
      design: 'grid', points: 2, repetitions: 2, outcome: { indicator: 'povertyRate', unit: 'region', year: 'end' },
    } as unknown as Json, 'form');
    const b = bindSweep(spec, inlineScenario(spec, 'form'), 'form');
    const scenarios = sweepScenarios(b);
    let expected = `${sweepHeader(b)}\n`;
    for (let t = 0; t < b.runs; t++) {
      const task = sweepTask(b, t);
      expected += sweepRows(b, task, runScenario(scenarios[task.point - 1], task.run, b.seed));
    }
    expect(csv).toBe(expected);
    // the chart exports with the sweep file inside: npm run sweep's parser reads it to the same design
    const fig = await exportedFigure(page, '#sweep-results', /^Poverty Loop \S+ · sweep of scenario \S+ · seed \d+ · 8 runs · .* the sweep file \(for npm run sweep\) is inside this file$/);
    const again = validateSweep(fig.manifest.sweep as Json, 'figure');
    const rebound = bindSweep(again, inlineScenario(again, 'figure'), 'figure');
    expect(rebound.design).toEqual(b.design);
    expect(rebound.runs).toBe(8);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cancel stops every worker at once and the page stays usable', async () => {
    const { page, context, errors } = await openApp(h, { hash: hashOf(SMALL) });
    await page.evaluate(() => (window as any).povertyLoop.research.setWorkers(2));
    await openResearch(page);
    await page.fill('#ens-runs', '200');
    await page.click('#ens-run');
    await page.waitForFunction(() => (window as any).povertyLoop.research.liveWorkers() === 2);
    await page.click('#ens-cancel');
    await page.waitForSelector('#ens-controls[data-state="cancelled"]');
    expect(await liveWorkers(page)).toBe(0);
    expect(await page.textContent('#ens-status')).toBe('已取消，所有线程已停止。');
    expect(await appEval(page, 'app.research.state.ensemble')).toBeNull();
    // the page still works: a new ensemble, and the player
    await page.fill('#ens-runs', '2');
    await page.click('#ens-run');
    await page.waitForSelector('#ens-controls[data-state="done"]', { timeout: 120_000 });
    expect(await appEval(page, 'app.research.state.ensemble.results.length')).toBe(2);
    expect(await liveWorkers(page)).toBe(0);
    await page.click('#view-overview');
    await page.click('#step');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.frontier >= 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a worker that fails rejects the batch with a clear message, stops every worker, and the page stays usable', async () => {
    const { page, context } = await openApp(h, { hash: hashOf(SMALL), locale: 'en-GB' });
    await openResearch(page);
    // the worker's script fails as it starts (as when the site is half-deployed or offline)
    await page.route('**/runWorker*.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("worker script broken");' }));
    await page.fill('#ens-runs', '4');
    await page.click('#ens-run');
    await page.waitForSelector('#ens-controls[data-state="failed"]', { timeout: 60_000 });
    expect(await page.textContent('#ens-status')).toMatch(/^Failed: an ensemble worker stopped: .*worker script broken/);
    expect(await liveWorkers(page)).toBe(0);
    expect(await page.isEnabled('#ens-run')).toBe(true);
    await page.unroute('**/runWorker*.js');
    await page.fill('#ens-runs', '2');
    await page.click('#ens-run');
    await page.waitForSelector('#ens-controls[data-state="done"]', { timeout: 120_000 });
    expect(await liveWorkers(page)).toBe(0);
    await context.close();
  });

  it('Run sweep with nothing added varies the model parameter selected in the picker', async () => {
    const { page, context, errors } = await openApp(h, { hash: hashOf(SMALL), locale: 'en-GB' });
    await openResearch(page);
    await page.selectOption('#sweep-param', 'talent.doctorPayRatio');
    await page.fill('#sweep-points', '2');
    await page.fill('#sweep-reps', '1');
    expect(await page.locator('[data-factor]').count()).toBe(0);
    await page.click('#sweep-run');
    await page.waitForSelector('#sweep-controls[data-state="done"]', { timeout: 120_000 });
    // the picked parameter became the factor, over its registry range, and the sweep ran over it
    expect(await page.locator('[data-factor]').count()).toBe(1);
    expect(await page.inputValue('[data-factor="talent.doctorPayRatio"] input[data-role="min"]')).toBe('0.2');
    const header = await page.$$eval('#sweep-table thead th', (ths) => ths.map((t) => t.textContent));
    expect(header).toEqual(['point', 'run', 'year', 'county', 'indicator', 'value', 'talent.doctorPayRatio']);
    expect(await page.textContent('#sweep-status')).toMatch(/^2 runs \(2 points × 1 repetitions\) on \d workers? in [\d.]+ s\.$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sensitivity (Morris) ranks the parameters by mu* in a bar chart', async () => {
    const { page, context, errors } = await openApp(h, { hash: hashOf(SMALL), locale: 'en-GB' });
    await openResearch(page);
    for (const key of ['talent.teacherPayRatio', 'policy.povertyLine', 'talent.doctorPayRatio']) {
      await page.selectOption('#sweep-param', key);
      await page.click('#sweep-add-param');
    }
    await page.selectOption('#sweep-design', 'morris');
    await page.fill('#sweep-points', '2');
    await page.fill('#sweep-reps', '1');
    await page.selectOption('#sweep-outcome', 'povertyRate');
    await page.click('#sweep-run');
    await page.waitForSelector('#sweep-controls[data-state="done"]', { timeout: 120_000 });
    expect(await page.isVisible('#morris-chart svg')).toBe(true);
    expect(await page.isVisible('#sweep-chart')).toBe(false);
    const bars = await page.$$eval('#morris-chart g.bar', (gs) => gs.map((g) => ({
      factor: g.getAttribute('data-factor'), rank: Number(g.getAttribute('data-rank')), muStar: Number(g.getAttribute('data-mu-star')),
      y: g.getBoundingClientRect().top, label: g.querySelector('text.label')!.textContent,
    })));
    expect(bars).toHaveLength(3);
    const byRank = bars.slice().sort((a, b) => a.rank - b.rank);
    expect(byRank.map((b) => b.rank)).toEqual([1, 2, 3]);
    // ranked: largest mu* on top; the poverty line moves the poverty rate most
    for (let i = 1; i < 3; i++) {
      expect(byRank[i].muStar).toBeLessThanOrEqual(byRank[i - 1].muStar);
      expect(byRank[i].y).toBeGreaterThan(byRank[i - 1].y);
    }
    expect(byRank[0].factor).toBe('policy.povertyLine');
    expect(byRank[0].label).toBe('Poverty line');
    expect(await page.textContent('#sweep-result-title')).toContain('Sensitivity');
    expect(errors).toEqual([]);
    await context.close();
  });
});
