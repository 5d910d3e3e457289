import { describe, expect, it } from 'vitest';
import { parseScenario, resultValue, runScenario } from '../../src/model/index';
import { exportedFigure } from './support/figures';
import { appEval, openApp, playTo, useHarness } from './support/harness';

/**
 * The app as students and trainers use it: loads clean, plays, stays responsive while the
 * worker simulates, and speaks both languages.
 */
describe('browser app', () => {
  const h = useHarness();

  it('loads the baseline with no console errors', async () => {
    const { page, context, errors } = await openApp(h);
    expect(await appEval(page, 'sim.scenario.id')).toBe('baseline');
    expect(await page.locator('.hex-map g.county').count()).toBe(12);
    expect(await page.locator('.loop-diagram g.stage').count()).toBe(5);
    expect(await page.locator('.loop-diagram g.link').count()).toBe(6);
    expect(await page.locator('.small-multiples g.multiple').count()).toBe(6);
    expect(await page.locator('.income-distribution .bars rect').count()).toBeGreaterThan(0);
    expect(await page.textContent('#year')).toBe('2013');
    // before any year is simulated the status gives the time to build the world, not a step time
    expect(await page.textContent('#run-status')).toMatch(/^已模拟到 2013 年（共到 2035 年）· 初始化 [\d,]+ 毫秒$/);
    // no value axis repeats a label (in the start year talent outflow spans only 0 to 1)
    const axes = await page.$$eval('.small-multiples g.y-axis', (gs) => gs.map((g) => [...g.querySelectorAll('.tick text')].map((t) => t.textContent)));
    for (const labels of axes) expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
    // nothing overflows the viewport: the page fits a 1920×1080 projector without scrolling
    const overflow = await page.evaluate(() => [document.documentElement.scrollWidth > innerWidth, document.documentElement.scrollHeight > innerHeight]);
    expect(overflow).toEqual([false, false]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('play advances the years and the charts change', async () => {
    const { page, context, errors } = await openApp(h);
    const before = await page.evaluate(() => ({
      fill: document.querySelector('.hex-map g.county path.cell')!.getAttribute('fill'),
      line: document.querySelector('.small-multiples g.lines path')!.getAttribute('d'),
      dist: document.querySelector('.income-distribution')!.getAttribute('data-year'),
      gain: document.querySelector('.loop-diagram g.gain')!.getAttribute('data-gain'),
    }));
    await playTo(page, 4);
    await page.waitForTimeout(500); // let the map's colour transition finish
    const year = Number(await page.textContent('#year'));
    expect(year).toBeGreaterThanOrEqual(2017);
    const after = await page.evaluate(() => ({
      fill: document.querySelector('.hex-map g.county path.cell')!.getAttribute('fill'),
      line: document.querySelector('.small-multiples g.lines path')!.getAttribute('d'),
      dist: document.querySelector('.income-distribution')!.getAttribute('data-year'),
      gain: document.querySelector('.loop-diagram g.gain')!.getAttribute('data-gain'),
    }));
    expect(after.line).not.toBe(before.line);
    expect(after.dist).toBe(String(year));
    expect(before.gain).toBe('');
    expect(Number(after.gain)).toBeGreaterThan(0);
    // then the engine's time per simulated year
    const status = await page.textContent('#run-status');
    expect(status).toMatch(/· 上一步 [\d,]+ 毫秒$/);
    expect(status).toContain(`上一步 ${Math.round(await appEval(page, 'sim.lastStepMs')).toLocaleString('zh-CN')} 毫秒`);
    // the scrubber goes back to any simulated year, and the charts follow
    await page.locator('#scrubber').fill('1');
    expect(await page.textContent('#year')).toBe('2014');
    await page.waitForFunction(() => document.querySelector('.income-distribution')!.getAttribute('data-year') === '2014');
    // the open-ended first and last bins say so above their bars, exactly when they hold households
    const bins = await page.evaluate(() => {
      const { sim } = (window as any).povertyLoop.ctx;
      const d: Float64Array = sim.distributions[1];
      const categories = 3;
      const nBins = (d.length - (sim.meta.counties.length + 1) * 3) / ((sim.meta.counties.length + 1) * categories);
      const region = sim.meta.counties.length * categories * nBins;
      const total = (b: number) => [0, 1, 2].reduce((s, c) => s + d[region + c * nBins + b], 0);
      const label = (b: number) => document.querySelector(`.income-distribution .open-bins text[data-bin="${b}"]`)?.textContent ?? null;
      return { first: total(0), last: total(nBins - 1), firstLabel: label(0), lastLabel: label(nBins - 1) };
    });
    expect(bins.first).toBeGreaterThan(0);
    expect(bins.firstLabel).toBe('≤250（含亏损）');
    expect(bins.lastLabel === null).toBe(bins.last === 0);
    // a county selected on the map drives the loop diagram and the distribution
    await page.click('.hex-map g.county[data-county="yunling"]');
    expect(await appEval(page, 'store.state.selected')).toBe(0);
    await page.waitForFunction(() => document.querySelector('#loop .panel-subtitle')!.textContent!.includes('云岭县'));
    expect(before.fill).toBeTruthy();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a 1366×768 laptop in both languages, and exports each chart as SVG and PNG', async () => {
    for (const locale of ['zh-CN', 'en-GB']) {
      const { page, context, errors } = await openApp(h, { locale, viewport: { width: 1366, height: 768 } });
      await playTo(page, 2);
      const fits = await page.evaluate(() => {
        const doc = document.documentElement;
        const panels = [...document.querySelectorAll('.panel, .sidebar, .runbar, .topbar')].map((n) => n.getBoundingClientRect());
        return {
          page: doc.scrollWidth <= innerWidth && doc.scrollHeight <= innerHeight,
          panels: panels.every((r) => r.left >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5 && r.height > 40),
          // every chart's SVG fills its panel body
          charts: [...document.querySelectorAll('.panel-body > svg')].every((svg) => {
            const b = svg.getBoundingClientRect();
            const p = svg.parentElement!.getBoundingClientRect();
            return b.width > 100 && b.height > 100 && b.right <= p.right + 0.5 && b.bottom <= p.bottom + 0.5;
          }),
        };
      });
      expect(fits).toEqual({ page: true, panels: true, charts: true });
      if (locale === 'en-GB') {
        // each figure carries what made it: a line under it, and the scenario and seed inside
        const manifests = [];
        for (const id of ['map', 'loop', 'multiples', 'distribution']) {
          const m = await exportedFigure(page, `#${id}`, /^Poverty Loop \S+ · scenario baseline · seed 42 · 1 run · \d{4}-\d\d-\d\d · /);
          expect(m.manifest.seed).toBe(42);
          expect(m.manifest.runs).toBe(1);
          expect(m.manifest.scenario.id).toBe('baseline');
          expect(m.manifest.scenario.interventions).toEqual([]);
          manifests.push(m);
        }
        // the scenario inside (the map's), saved as a file, runs in Node to the numbers shown (to
        // the last bits of Chromium's and Node's Math.exp and friends)
        const m = manifests[0];
        const file = parseScenario(JSON.stringify(m.manifest.scenario), 'figure.json');
        const node = runScenario({ ...file, years: 2 }, 1, m.manifest.seed);
        const shown = await appEval<number[]>(page, "[0,1,2].map((y) => sim.value(y, sim.regionUnit, 'povertyRate'))");
        const units = node.meta.counties.length;
        [0, 1, 2].forEach((y) => expect(resultValue(node, y, units, 'povertyRate')).toBeCloseTo(shown[y], 12));
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('stays responsive while the worker simulates (frame gaps and input delay)', async () => {
    const { page, context, errors } = await openApp(h);
    await page.selectOption('#speed', 'Infinity');
    await page.evaluate(() => {
      const w = window as any;
      w.__frames = [] as number[];
      w.__inputDelays = [] as number[];
      let last = performance.now();
      const tick = (t: number) => {
        w.__frames.push(t - last);
        last = t;
        if (!w.__stopFrames) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      // input delay: from the event's timestamp to its handler running
      document.addEventListener('pointerdown', (e) => w.__inputDelays.push(performance.now() - e.timeStamp), true);
    });
    await page.click('#play');
    const t0 = Date.now();
    while (Date.now() - t0 < 4000) {
      await page.mouse.move(10, 700);
      await page.mouse.down();
      await page.mouse.up();
      await page.waitForTimeout(100);
    }
    const stats = await page.evaluate(() => {
      const w = window as any;
      w.__stopFrames = true;
      const frames = (w.__frames as number[]).slice(2).sort((a, b) => a - b);
      const delays = (w.__inputDelays as number[]).sort((a, b) => a - b);
      const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))];
      const renders = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('render:')).map((m) => m.duration).sort((a, b) => a - b);
      return {
        renders: renders.length, renderP50: q(renders, 0.5), renderMax: renders[renders.length - 1],
        frames: frames.length, frameP50: q(frames, 0.5), frameP95: q(frames, 0.95), frameMax: frames[frames.length - 1],
        clicks: delays.length, inputP95: q(delays, 0.95), inputMax: delays[delays.length - 1],
        years: w.povertyLoop.ctx.sim.yearsRecorded - 1,
      };
    });
    await page.click('#play');
    console.log(`responsiveness while playing at full speed for 4 s (${stats.years} years simulated): ` +
      `rAF frames ${stats.frames}, gap p50 ${stats.frameP50.toFixed(1)} ms, p95 ${stats.frameP95.toFixed(1)} ms, max ${stats.frameMax.toFixed(1)} ms; ` +
      `pointer input delay over ${stats.clicks} clicks p95 ${stats.inputP95.toFixed(1)} ms, max ${stats.inputMax.toFixed(1)} ms; ` +
      `chart redraws ${stats.renders}, p50 ${stats.renderP50.toFixed(1)} ms, max ${stats.renderMax.toFixed(1)} ms each`);
    expect(stats.years).toBeGreaterThan(3);
    expect(stats.clicks).toBeGreaterThan(10);
    expect(stats.inputMax).toBeLessThan(250);
    expect(stats.frameP95).toBeLessThan(250);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the language toggle switches every visible label', async () => {
    const { page, context, errors } = await openApp(h, { locale: 'zh-CN' });
    await playTo(page, 2);
    expect(await page.textContent('#play')).toContain('播放');
    // an intervention listed and another being edited, so the policy panel shows all it can
    await page.selectOption('#add-lever', 'relocation');
    await page.click('#add-intervention');
    await page.click('#apply-intervention');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.scenario.interventions.length === 1);
    await page.selectOption('#add-lever', 'industrySupport');
    await page.click('#add-intervention');
    await page.click('#lang-toggle');
    await page.waitForTimeout(300);
    await page.selectOption('#add-lever', 'infrastructure');
    await page.click('#add-intervention');
    // every visible text node, SVG text included, outside elements marked lang="zh"
    const visibleCjk = () => page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        if (!/[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/.test(text)) continue;
        const parent = n.parentElement!;
        if (parent.closest('[lang^="zh"]') || parent.closest('option, title, script, style')) continue;
        if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
        if (parent.closest('[hidden]')) continue;
        found.push(text.trim());
      }
      // selects show their chosen option only
      for (const s of document.querySelectorAll('select')) {
        const o = s.selectedOptions[0];
        if (o && s.checkVisibility() && /[\u3400-\u9fff]/.test(o.textContent ?? '')) found.push(o.textContent!.trim());
      }
      return found;
    });
    expect(await visibleCjk()).toEqual([]);
    expect(await page.textContent('#play')).toContain('Play');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
    // the tabs hidden at first are translated too
    await page.click('#tab-params');
    expect(await page.textContent('#tabpanel-params h2')).toBe('Model parameters');
    expect(await visibleCjk()).toEqual([]);
    await page.click('#about-button');
    expect(await visibleCjk()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.click('#lang-toggle');
    expect(await page.textContent('#tabpanel-params h2')).toBe('模型参数');
    expect(errors).toEqual([]);
    await context.close();
  });
});
