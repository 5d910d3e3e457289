/**
 * Robustness in the browser (issue #8): a tampered share link, a killed worker, a broken model
 * state and a reload mid-edit each end with the user's work intact; markup in a scenario stays
 * text; the built site's Content-Security-Policy holds with no violation through a session.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeScenario } from '../../src/app/scenario/shareLink';
import { DRAFT_KEY } from '../../src/app/state/autosave';
import { parseScenario } from '../../src/model';
import { addLever, appEval, openApp, playTo, ROOT, setSeed, useHarness, waitReady } from './support/harness';

const BASELINE_TEXT = readFileSync(join(ROOT, 'scenarios/baseline.json'), 'utf8');
const MARKUP = '<img src=x onerror="window.__xss=1"><b id="injected">x</b>';

/** Changes the seed in the parameters panel and waits for the rerun. */

describe('robustness in the browser', () => {
  const h = useHarness();

  it('a tampered share link shows what is wrong and opens nothing half-way; a good link still opens', async () => {
    const { page, context, errors } = await openApp(h);
    const s = parseScenario(BASELINE_TEXT, 'baseline.json');
    const good = encodeScenario({ ...s, id: 'shared', interventions: [{ lever: 'teacherPay', from: 2015, to: 2035, counties: 'all', raise: 0.5 }] });
    // a field changed by hand: the years set to a string, re-encoded (a forged link)
    const forged = encodeScenario({ ...s, id: 'forged', years: '22x' as unknown as number, interventions: [{ lever: 'teacherPay', from: 2015, to: 2035, counties: 'all', raise: 0.5 }] });
    const cut = good.slice(0, Math.floor(good.length / 2));
    const flipped = `${good.slice(0, 40)}$${good.slice(41)}`;
    for (const [hash, says] of [[forged, '$.years'], [cut, 'link'], [flipped, 'base64url characters']] as const) {
      const other = await context.newPage();
      await other.goto(`${h.url}#scenario=${hash}`);
      await waitReady(other);
      const alert = (await other.textContent('#alerts')) ?? '';
      expect(alert).toContain('链接中的场景无法使用');
      expect(alert).toContain(says);
      // the library's baseline, untouched: nothing of the link was applied
      expect(await appEval(other, 'sim.scenario.id')).toBe('baseline');
      expect(await appEval(other, 'sim.scenario.interventions.length')).toBe(0);
      expect(await other.locator('#intervention-list li.intervention').count()).toBe(0);
      await other.close();
    }
    // a tampered link pasted into a running tab leaves the run as it was
    await playTo(page, 2);
    const recorded = await appEval<number>(page, 'sim.yearsRecorded');
    await page.evaluate((hash) => { location.hash = `scenario=${hash}`; }, forged);
    await page.waitForFunction(() => document.querySelector('#alerts')!.textContent!.includes('$.years'));
    expect(await appEval(page, 'sim.scenario.id')).toBe('baseline');
    expect(await appEval(page, 'sim.yearsRecorded')).toBe(recorded);
    expect(await appEval(page, 'store.state.yearIndex')).toBe(2);
    // and the untampered link opens
    const ok = await context.newPage();
    await ok.goto(`${h.url}#scenario=${good}`);
    await waitReady(ok);
    expect(await appEval(ok, 'sim.scenario.id')).toBe('shared');
    expect(await ok.locator('#alerts .notice-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a worker killed mid-run is reported; restart keeps the edits and gives back the same results', async () => {
    const { page, context, errors } = await openApp(h);
    await addLever(page, 'teacherPay');
    await setSeed(page, 7);
    await playTo(page, 4);
    const shown = await appEval<number[]>(page, "[0,1,2,3,4].map((y) => sim.value(y, sim.regionUnit, 'povertyRate'))");
    const scenarioBefore = await appEval<unknown>(page, 'sim.scenario');
    // play on and kill the worker while a year is being simulated
    await page.selectOption('#speed', 'Infinity');
    await page.click('#play');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.yearsRecorded >= 7);
    const [rejected, playingAfterKill] = await page.evaluate(() => {
      const { sim, store } = (window as any).povertyLoop.ctx;
      const pending = sim.step(1);
      sim.kill('killed by the test');
      // checked before any promise settles: the player may sit between two years, not in a step
      const playing = store.state.playing;
      return pending.then(() => ['resolved', playing], (e: Error) => [e.name, playing]);
    });
    expect(rejected).toBe('WorkerFault');
    expect(playingAfterKill).toBe(false);
    await page.waitForSelector('#restart-sim');
    const alert = (await page.textContent('#alerts')) ?? '';
    expect(alert).toContain('模拟线程停止了');
    expect(alert).toContain('killed by the test');
    expect(alert).toContain('场景和你的修改都还在');
    expect(await appEval(page, 'store.state.playing')).toBe(false);
    // nothing lost meanwhile: the scenario with its edits, and the years drawn
    expect(await appEval(page, 'sim.scenario')).toEqual(scenarioBefore);
    expect(await appEval<number[]>(page, "[0,1,2,3,4].map((y) => sim.value(y, sim.regionUnit, 'povertyRate'))")).toEqual(shown);
    expect(await page.locator('#intervention-list li.intervention').count()).toBe(1);
    // a dead worker fails calls at once instead of hanging
    expect(await page.evaluate(() => (window as any).povertyLoop.ctx.sim.step(1).then(() => 'resolved', (e: Error) => e.name))).toBe('WorkerFault');
    const yearShown = await appEval<number>(page, 'store.state.yearIndex');
    await page.click('#restart-sim');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.fault === null);
    await waitReady(page);
    await page.waitForFunction((y) => (window as any).povertyLoop.ctx.sim.frontier >= y, yearShown);
    expect(await appEval(page, 'sim.scenario')).toEqual(scenarioBefore);
    expect(await appEval(page, 'store.state.yearIndex')).toBe(yearShown);
    expect(await appEval<number[]>(page, "[0,1,2,3,4].map((y) => sim.value(y, sim.regionUnit, 'povertyRate'))")).toEqual(shown);
    expect(await page.locator('#alerts .notice-error').count()).toBe(0);
    // and the run goes on
    await page.click('#step');
    await page.waitForFunction((y) => (window as any).povertyLoop.ctx.sim.frontier > y, yearShown);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a broken model state in the worker stops the run with the county, year and field named', async () => {
    const { page, context, errors } = await openApp(h);
    await playTo(page, 2);
    const county = await appEval<string>(page, 'sim.meta.counties[0].id');
    // show the last simulated year, so that the next step simulates one
    await page.evaluate(() => { const { store, sim } = (window as any).povertyLoop.ctx; store.set({ yearIndex: sim.frontier }); });
    const recorded = await appEval<number>(page, 'sim.yearsRecorded');
    const year = 2013 + recorded;
    await page.evaluate(() => (window as any).povertyLoop.ctx.sim.injectFault(0, 'capital'));
    await page.click('#step');
    await page.waitForSelector('#alerts .notice-error');
    const alert = (await page.textContent('#alerts')) ?? '';
    expect(alert).toContain('模拟出错');
    expect(alert).toContain(`model state broke in ${year}`);
    expect(alert).toContain(`county ${county}`);
    expect(alert).toMatch(/field \w+ = NaN/);
    expect(alert).toContain('模型状态出现了无效数值');
    // the years drawn before stay
    expect(await appEval(page, 'sim.yearsRecorded')).toBe(recorded);
    expect(await appEval<boolean>(page, `[...Array(${recorded}).keys()].every((y) => Number.isFinite(sim.value(y, sim.regionUnit, 'povertyRate')))`)).toBe(true);
    // the run stays stopped: a second step gives the same message, not a run on broken state
    await page.click('#alerts .notice-error button');
    await page.click('#step');
    await page.waitForSelector('#alerts .notice-error');
    expect(await page.textContent('#alerts')).toContain(`model state broke in ${year}`);
    expect(await appEval(page, 'sim.yearsRecorded')).toBe(recorded);
    // exports refuse the broken run rather than write part of it
    await page.click('#export-csv');
    await page.waitForFunction(() => document.querySelector('#alerts')!.textContent!.includes('model state broke'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a reload mid-edit offers the unsaved changes back; restoring brings them, discarding forgets them', async () => {
    const { page, context, errors } = await openApp(h);
    await addLever(page, 'doctorPay');
    await setSeed(page, 13);
    await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('"seed":13'), DRAFT_KEY);
    const edited = await appEval<unknown>(page, 'sim.scenario');
    await page.reload();
    await waitReady(page);
    await page.waitForSelector('#draft-offer');
    expect(await page.textContent('#draft-offer')).toContain('恢复未保存的修改');
    // nothing applied before the user says so
    expect(await appEval(page, 'sim.scenario.id')).toBe('baseline');
    expect(await appEval(page, 'sim.scenario.interventions.length')).toBe(0);
    await page.click('#draft-restore');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.scenario.seed === 13);
    await waitReady(page);
    expect(await appEval(page, 'sim.scenario')).toEqual(edited);
    expect(await page.locator('#intervention-list li.intervention').count()).toBe(1);
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.includes('已恢复未保存的修改'));
    // the comparison with the unmodified scenario comes back too
    await playTo(page, 2);
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.reference !== null);

    // declining: the draft is dropped, and the next visit offers nothing
    await page.reload();
    await waitReady(page);
    await page.click('#draft-discard');
    expect(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBeNull();
    expect(await appEval(page, 'sim.scenario.id')).toBe('baseline');
    await page.reload();
    await waitReady(page);
    expect(await page.locator('#draft-offer').count()).toBe(0);

    // a corrupted draft is dropped without a word to the user and without an error
    await page.evaluate((key) => localStorage.setItem(key, '{"version": 1, "scenario": {"id": "<b>x</b>"}}'), DRAFT_KEY);
    await page.reload();
    await waitReady(page);
    expect(await page.locator('#draft-offer').count()).toBe(0);
    expect(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('markup in a scenario title, description and county names is shown as text; no element is created', async () => {
    const { page, context, errors } = await openApp(h);
    const s = JSON.parse(BASELINE_TEXT);
    s.id = 'markup';
    s.title = { zh: MARKUP, en: MARKUP };
    s.description = { zh: MARKUP, en: MARKUP };
    s.region = {
      counties: [
        { id: 'a', name: { zh: MARKUP, en: MARKUP }, terrain: 'mountain', households: 3000 },
        { id: 'b', name: { zh: '<script>window.__xss=1</script>', en: 'B' }, terrain: 'plain', households: 3000 },
      ],
    };
    await page.setInputFiles('#import-file', { name: '<i>markup</i>.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.scenario.id === 'markup');
    await waitReady(page);
    await playTo(page, 1);
    expect(await page.evaluate(() => document.querySelectorAll('#injected, img[src="x"], #app script').length)).toBe(0);
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
    // the text itself is there, as text
    expect(await page.evaluate((m) => document.body.textContent!.includes(m), MARKUP)).toBe(true);
    // a bad file with markup in its name and values: the message shows them as text too
    await page.setInputFiles('#import-file', { name: '<img src=x onerror=window.__xss=1>.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "<b id=\\"injected\\">", "title": {}}') });
    await page.waitForSelector('#alerts .notice-error');
    expect(await page.textContent('#alerts')).toContain('<img src=x onerror=window.__xss=1>.json');
    expect(await page.evaluate(() => document.querySelectorAll('#injected, img[src="x"]').length)).toBe(0);
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();

    // a file over the size limit is refused before it is read; a scenario too large for the browser is refused by name
    await page.click('#alerts .notice-error button');
    await page.setInputFiles('#import-file', { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(1024 * 1024 + 1, 32) });
    await page.waitForFunction(() => document.querySelector('#alerts')!.textContent!.includes('huge.json'));
    expect(await page.textContent('#alerts')).toContain('at most 1048576 bytes (limit)');
    const big = { ...JSON.parse(BASELINE_TEXT), id: 'big', scale: 1, region: { counties: [{ id: 'a', name: { en: 'A' }, terrain: 'hill', households: 3_000_000 }] } };
    await page.setInputFiles('#import-file', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
    await page.waitForFunction(() => document.querySelector('#alerts')!.textContent!.includes('big.json'));
    expect(await page.textContent('#alerts')).toContain('at most 2000000 household agents in the browser');
    expect(await appEval(page, 'sim.scenario.id')).toBe('markup');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the built page carries a strict CSP; load, a run, a lesson and exports raise no violation; the service worker registers', async () => {
    const context = await h.browser.newContext({ locale: 'en-GB', acceptDownloads: true, viewport: { width: 1600, height: 1000 } });
    await context.addInitScript(() => {
      (window as any).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(h.url);
    await waitReady(page);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length)).toBe(0);
    // the policy is enforced: an inline script added to the page does not run, and is reported
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.append(s);
    });
    await page.waitForFunction(() => (window as any).__csp.length > 0);
    expect(await page.evaluate(() => (window as any).__inline)).toBeUndefined();
    expect(await page.evaluate(() => (window as any).__csp[0])).toMatch(/^script-src/);
    await page.evaluate(() => ((window as any).__csp.length = 0));
    errors.length = 0; // Chromium logs the refused script as a console error
    // a run, a lever, the exports (CSV, chart SVG and PNG through a blob image)
    await addLever(page, 'teacherPay');
    await playTo(page, 3);
    await page.click('#view-overview'); // adding a lever opened the comparison; the map is on the overview
    const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('#export-csv')]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#map button[data-export="png"]')]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    // the comparison and research views render under the policy too
    await page.click('#view-comparison');
    await page.click('#view-research');
    await page.click('#view-overview');
    // lesson mode
    await page.click('#lessons-button');
    await page.click('[data-present="vicious-circle"]');
    await page.waitForSelector('#presenter[data-step="0"][data-phase="ask"]', { timeout: 60_000 });
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#presenter[data-step="0"][data-phase="reveal"]', { timeout: 60_000 });
    // the offline cache still registers under the policy
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
