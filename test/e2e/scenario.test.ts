import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, tidyCsv } from '../../src/model';
import { addLever, appEval, openApp, pickScenario, playTo, ROOT, setSeed, useHarness, waitReady } from './support/harness';

const BASELINE_TEXT = readFileSync(join(ROOT, 'scenarios/baseline.json'), 'utf8');

/** Policy, export, sharing and import: the scenario's round trips through the app. */
describe('scenarios in the browser', () => {
  const h = useHarness();

  it('exports a CSV identical to the Node run of the same scenario and seed', async () => {
    const nodeCsv = tidyCsv([runScenario(parseScenario(BASELINE_TEXT, 'scenarios/baseline.json'))]);
    const { page, context, errors } = await openApp(h);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('#export-csv')]);
    expect(download.suggestedFilename()).toBe('baseline-seed42.csv');
    const browserCsv = readFileSync((await download.path())!, 'utf8');
    expect(browserCsv.split('\n')[0]).toBe('run,year,county,indicator,value');
    expect(browserCsv.length).toBe(nodeCsv.length);
    expect(browserCsv === nodeCsv).toBe(true);
    // JSON export carries a manifest
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const parsed = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(parsed.manifest.scenario.id).toBe('baseline');
    expect(parsed.manifest.seed).toBe(42);
    expect(typeof parsed.manifest.version).toBe('string');
    expect(parsed.manifest.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a lever added in the policy panel changes the trajectory compared with the baseline', async () => {
    const { page, context, errors } = await openApp(h);
    await playTo(page, 5);
    const base = await appEval<number[]>(page, "[1,2,3,4,5].map((y) => sim.value(y, sim.regionUnit, 'povertyRate'))");
    const baseCost = await appEval<number>(page, "sim.value(5, sim.regionUnit, 'interventionCost')");
    await page.selectOption('#add-lever', 'registration');
    await page.click('#add-intervention');
    await page.fill('.editor input[name="from"]', '2014');
    await page.dispatchEvent('.editor input[name="from"]', 'change');
    await page.click('#apply-intervention');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.scenario.interventions.length === 1);
    await waitReady(page);
    // the rerun goes back to the year that was shown
    expect(await appEval(page, 'store.state.yearIndex')).toBe(5);
    const withLever = await appEval<number[]>(page, "[1,2,3,4,5].map((y) => sim.value(y, sim.regionUnit, 'povertyRate'))");
    const cost = await appEval<number>(page, "sim.value(5, sim.regionUnit, 'interventionCost')");
    expect(baseCost).toBe(0);
    expect(cost).toBeGreaterThan(0);
    expect(withLever).not.toEqual(base);
    expect(withLever[4]).toBeLessThan(base[4]);
    expect(await page.locator('#intervention-list li.intervention').count()).toBe(1);
    expect(await page.textContent('#cost-total')).not.toContain(' 0元');
    // the card's own cost is the total's (one intervention), and follows the run as it goes on
    const figure = async (sel: string) => /([\d.,]+\s*[万亿]?元)/.exec((await page.textContent(sel)) ?? '')?.[1];
    const cardCost = await figure('#intervention-list .intervention-cost');
    expect(cardCost).toBe(await figure('#cost-total'));
    expect(cardCost).not.toBe('0元');
    await page.click('#step');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.frontier >= 6);
    await expect.poll(() => figure('#intervention-list .intervention-cost')).not.toBe(cardCost);
    expect(await figure('#intervention-list .intervention-cost')).toBe(await figure('#cost-total'));
    await page.locator('#scrubber').fill('5');
    // edit it: a larger benefit costs more
    await page.click('#intervention-list li.intervention button[data-action="edit"]');
    await page.fill('.editor input[name="benefitYuanPerPerson"]', '2000');
    await page.dispatchEvent('.editor input[name="benefitYuanPerPerson"]', 'change');
    await page.click('#apply-intervention');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.scenario.interventions[0]?.benefitYuanPerPerson === 2000);
    await waitReady(page);
    expect(await appEval<number>(page, "sim.value(5, sim.regionUnit, 'interventionCost')")).toBeGreaterThan(cost);
    // removing it brings the baseline back exactly
    await page.click('#intervention-list li.intervention button[data-action="remove"]');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.scenario.interventions.length === 0);
    await waitReady(page);
    expect(await appEval<number[]>(page, "[1,2,3,4,5].map((y) => sim.value(y, sim.regionUnit, 'povertyRate'))")).toEqual(base);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('two clicks break the circle: a lever added and left open in the editor is applied when Play is pressed; a form in error stops Play', async () => {
    const { page, context, errors } = await openApp(h);
    await page.selectOption('#speed', 'Infinity');
    // a form in error: Play shows the error, runs nothing and changes nothing
    await page.selectOption('#add-lever', 'teacherPay');
    await page.click('#add-intervention');
    await page.fill('.editor input[name="from"]', '2030');
    await page.dispatchEvent('.editor input[name="from"]', 'change');
    await page.fill('.editor input[name="to"]', '2020');
    await page.dispatchEvent('.editor input[name="to"]', 'change');
    await page.click('#play');
    await expect.poll(() => page.textContent('.editor .form-error')).toContain('起始年');
    expect(await appEval(page, 'store.state.playing')).toBe(false);
    expect(await appEval(page, 'sim.frontier')).toBe(0);
    expect(await appEval(page, 'sim.scenario.interventions.length')).toBe(0);
    await page.click('.editor .button-row button:not(#apply-intervention)'); // cancel
    // the two clicks: add, play
    await page.click('#add-intervention');
    await page.click('#play');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.done, null, { timeout: 120_000 });
    expect(await appEval(page, 'sim.scenario.interventions.map((i) => i.lever)')).toEqual(['teacherPay']);
    expect(await appEval<number>(page, "sim.value(sim.frontier, sim.regionUnit, 'interventionCost')")).toBeGreaterThan(0);
    expect(await page.locator('.editor').count()).toBe(0);
    expect(await page.locator('#intervention-list li.intervention').count()).toBe(1);
    // Step applies a pending edit too
    await page.click('#reset');
    await page.click('#intervention-list li.intervention button[data-action="edit"]');
    await page.fill('.editor input[name="from"]', '2016');
    await page.dispatchEvent('.editor input[name="from"]', 'change');
    await page.click('#step');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.scenario.interventions[0]?.from === 2016);
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.frontier >= 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a lever set year by year (the campaign) is one folded entry with its years, settings and cost; its yearly cards open and edit as any other', async () => {
    const { page, context, errors } = await openApp(h);
    await pickScenario(page, 'campaign');
    // 27 interventions: registration 2013-2020 and the social floor 2014-2020 are set year by year
    expect(await appEval(page, 'sim.scenario.interventions.length')).toBe(27);
    const groups = page.locator('#intervention-list > li.intervention-group');
    expect(await groups.count()).toBe(2);
    expect(await page.locator('#intervention-list li.intervention').count()).toBe(27);
    expect(await page.locator('#intervention-list > li').count()).toBe(27 - 8 - 7 + 2);
    const first = groups.first();
    expect(await first.locator('summary').textContent()).toMatch(/精准识别建档立卡.*2013–2020年 · 全部县 · 逐年设置 8 项.*人均帮扶 0元–[\d,.]+元/);
    // folded: its cards are not visible until opened
    expect(await first.locator('li.intervention').first().isVisible()).toBe(false);
    await playTo(page, 8);
    // the group's cost line: its cards' costs added up (here: not nothing, by 2021)
    const groupCost = await first.locator('summary .intervention-cost').textContent();
    expect(groupCost).toMatch(/^各年合计成本（已模拟年份）：[\d.,]+[万亿]?元$/);
    expect(groupCost).not.toMatch(/：0元$/);
    await first.locator('summary').click();
    expect(await first.locator('li.intervention').first().isVisible()).toBe(true);
    // editing a year's card keeps the group open while the editor is
    await first.locator('li.intervention').nth(3).locator('button[data-action="edit"]').click();
    expect(await page.locator('.editor').count()).toBe(1);
    expect(await page.inputValue('.editor input[name="from"]')).toBe('2016');
    expect(await first.locator('details').getAttribute('open')).not.toBeNull();
    expect(await first.locator('li.intervention.is-editing').count()).toBe(1);
    // and an opened group stays open when the list is rebuilt (here: the editor cancelled)
    await page.click('.editor .button-row button:not(#apply-intervention)');
    expect(await page.locator('.editor').count()).toBe(0);
    expect(await groups.first().locator('details').getAttribute('open')).not.toBeNull();
    expect(await groups.nth(1).locator('details').getAttribute('open')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a shared link reopens the same scenario and reproduces the run', async () => {
    const { page, context, errors } = await openApp(h);
    // change the seed and add a lever, then share
    await setSeed(page, 7);
    await addLever(page, 'teacherPay');
    await playTo(page, 3);
    const scenario = await appEval<unknown>(page, 'sim.scenario');
    const values = await appEval<number[]>(page, "[0,1,2,3].map((y) => sim.value(y, 0, 'meanIncome'))");
    await page.click('#share');
    const url = await page.inputValue('#share-url');
    expect(url).toContain('#scenario=');
    expect(page.url()).toBe(url);

    const other = await context.newPage();
    await other.goto(url);
    await waitReady(other);
    expect(await appEval(other, 'sim.scenario')).toEqual(scenario);
    await playTo(other, 3);
    expect(await appEval<number[]>(other, "[0,1,2,3].map((y) => sim.value(y, 0, 'meanIncome'))")).toEqual(values);
    expect(await other.locator('#intervention-list li.intervention').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a bad file or link shows a clear message and leaves the current scenario untouched', async () => {
    const { page, context, errors } = await openApp(h);
    await playTo(page, 2);
    const recorded = await appEval<number>(page, 'sim.yearsRecorded');
    const bad = JSON.parse(BASELINE_TEXT);
    bad.id = 'broken';
    bad.interventions = [{ lever: 'teacherPay', from: '2016x', to: 2020, counties: 'all' }];
    await page.setInputFiles('#import-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const alert = page.locator('#alerts .notice-error');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('broken.json');
    expect(text).toContain('$.interventions[0].from');
    expect(text).toContain('当前场景没有改变');
    expect(await appEval(page, 'sim.scenario.id')).toBe('baseline');
    expect(await appEval(page, 'sim.yearsRecorded')).toBe(recorded);
    expect(await appEval(page, 'store.state.yearIndex')).toBe(2);

    // not JSON at all, dropped on the page
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{ "id": "x", '], 'truncated.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => document.querySelector('#alerts')!.textContent!.includes('truncated.json'));
    expect(await page.textContent('#alerts')).toContain('valid JSON');
    expect(await appEval(page, 'sim.scenario.id')).toBe('baseline');

    // a good file dropped on the page loads
    const good = JSON.parse(BASELINE_TEXT);
    good.id = 'dropped';
    good.title = { zh: '拖入的场景', en: 'Dropped scenario' };
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, JSON.stringify(good));
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.scenario.id === 'dropped');
    expect(await page.locator('#alerts .notice-error').count()).toBe(0);

    // a broken link: message, and the library's baseline instead
    const other = await context.newPage();
    await other.goto(`${h.url}#scenario=not-a-scenario`);
    await waitReady(other);
    expect(await other.textContent('#alerts')).toContain('link');
    expect(await appEval(other, 'sim.scenario.id')).toBe('baseline');
    expect(errors).toEqual([]);
    await context.close();
  });
});
