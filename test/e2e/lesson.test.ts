import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useHarness, waitReady } from './support/harness';

/**
 * Teaching mode as a trainer uses it: a lesson presented from start to end with the keyboard
 * alone, the class's predictions recorded and shown against the run and in the debrief (which
 * prints to PDF), and the whole site working with the network cut after one visit.
 */
describe('teaching mode', () => {
  const h = useHarness();

  const presenter = (page: Page) => page.locator('#presenter');
  /** Waits for the presenter to settle on a step and phase. */
  const at = (page: Page, step: number, phase: string) =>
    page.waitForSelector(`#presenter[data-step="${step}"][data-phase="${phase}"]`, { timeout: 60_000 });

  it('plays a lesson from start to end with the keyboard; predictions show against the run and in the debrief', async () => {
    const { page, context, errors } = await openApp(h, { locale: 'zh-CN' });
    // open the picker from the keyboard and present the lesson on the cliff at exit
    await page.focus('#lessons-button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#lesson-picker').isVisible()).toBe(true);
    expect(await page.locator('#lesson-picker .lp-item').count()).toBeGreaterThanOrEqual(6);
    await page.focus('[data-present="exit-cliff"]');
    await page.keyboard.press('Enter');
    await at(page, 0, 'ask');
    expect(await presenter(page).isVisible()).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('#lesson=exit-cliff');
    expect(await page.textContent('#pr-step-title')).toBe('帮扶和兜底');
    // the app underneath is out of reach while presenting
    expect(await page.evaluate(() => (document.getElementById('app') as HTMLElement).inert)).toBe(true);
    for (let i = 0; i < 6; i++) await page.keyboard.press('+'); // fastest, to keep the test short

    // step 1: an estimate, typed straight in; Enter runs; the prediction shows against the run
    await page.keyboard.type('10');
    expect(await page.inputValue('#pr-estimate')).toBe('10');
    await page.keyboard.press('Enter');
    await at(page, 0, 'reveal');
    expect(await page.textContent('#pr-said')).toBe('10%');
    expect(await page.textContent('#pr-actual')).toMatch(/^\d+(\.\d)?%$/);
    expect(await page.locator('#pr-checks li[data-ok="true"]').count()).toBe(2);
    expect(await page.locator('#pr-chart-title').textContent()).toContain('山区县');
    expect(await page.locator('.pr-chart path.estimate').count()).toBe(1);
    expect(await page.textContent('#pr-year')).toBe('2018');

    // step 2: a choice by number key; Space runs, Space pauses, Space resumes, → finishes the run
    await page.keyboard.press('ArrowRight');
    await at(page, 1, 'ask');
    await page.keyboard.press('3');
    expect(await page.getAttribute('.pr-choice[data-index="2"]', 'aria-checked')).toBe('true');
    await page.keyboard.press('-'); // slow enough to catch it mid-run
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await page.keyboard.press(' ');
    await page.waitForSelector('#presenter[data-phase="run"][data-playing="true"]');
    await page.keyboard.press(' ');
    await page.waitForSelector('#presenter[data-phase="run"][data-playing="false"]');
    await page.keyboard.press(' ');
    await page.waitForSelector('#presenter[data-playing="true"]');
    await page.keyboard.press('ArrowRight');
    await at(page, 1, 'reveal');
    expect(await page.textContent('#pr-year')).toBe('2021');
    expect(await page.getAttribute('#pr-verdict', 'class')).toContain('is-right');
    expect(await page.locator('#pr-checks li[data-ok="true"]').count()).toBe(3);
    // the runs' end values and the claim's threshold share the right-hand column: none overlaps
    const boxes = await page.evaluate(() => [...document.querySelectorAll('.pr-chart text.end-label, .pr-chart text.threshold-label')]
      .map((n) => { const r = n.getBoundingClientRect(); return { text: n.textContent, top: r.top, bottom: r.bottom }; }));
    expect(boxes.map((b) => b.text)).toContain('> 50%');
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    boxes.sort((a, b) => a.top - b.top);
    // (a text's box includes its line's leading, about a fifth of its height: that much may touch)
    for (let i = 1; i < boxes.length; i++) {
      const leading = 0.2 * Math.min(boxes[i].bottom - boxes[i].top, boxes[i - 1].bottom - boxes[i - 1].top);
      expect(boxes[i].top, `${boxes[i - 1].text} / ${boxes[i].text}`).toBeGreaterThanOrEqual(boxes[i - 1].bottom - leading);
    }

    // step 3: a wrong choice; back goes to the question again; forward runs and reveals
    await page.keyboard.press('PageDown');
    await at(page, 2, 'ask');
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    await page.keyboard.press('2');
    await page.keyboard.press('ArrowRight');
    await at(page, 2, 'reveal');
    expect(await page.getAttribute('#pr-verdict', 'class')).toContain('is-wrong');
    await page.keyboard.press('ArrowLeft');
    await at(page, 2, 'ask');
    expect(await page.getAttribute('.pr-choice[data-index="1"]', 'aria-checked')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await at(page, 2, 'reveal');
    expect(await page.textContent('#pr-year')).toBe('2026');
    expect(await page.locator('#pr-checks li[data-ok="false"]').count()).toBe(0);
    // English at a key press, and back
    await page.keyboard.press('l');
    expect(await page.textContent('#pr-step-title')).toBe('A gradual exit');
    await page.keyboard.press('l');

    // past the last step: the debrief, with every prediction and every step's chart
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#debrief[data-ready="true"]', { timeout: 60_000 });
    expect(await presenter(page).isVisible()).toBe(false);
    expect(await page.evaluate(() => location.hash)).toBe('#lesson=exit-cliff&view=debrief');
    const predictions = await page.locator('#debrief .db-prediction').allTextContents();
    expect(predictions).toEqual(['10%', 'C. 大批返贫，回到原来的水平', 'B. 一样']);
    expect(await page.locator('#debrief .db-step').count()).toBe(3);
    expect(await page.locator('#debrief svg.db-chart').count()).toBe(3);
    expect(await page.locator('#debrief .db-checks li[data-ok="false"]').count()).toBe(0);
    expect(await page.locator('#debrief .db-checks li[data-ok="true"]').count()).toBe(7);
    expect(await page.textContent('#db-summary')).toBe('3 个问题中记录了 3 个预测，其中 1 个与运行结果一致。');
    await page.fill('#db-class', '乡镇干部培训班');

    // it prints (to PDF here), the debrief alone
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#app').isVisible()).toBe(false);
    expect(await page.locator('#debrief .db-actions').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.emulateMedia({ media: 'screen' });

    // predictions and the class name survive a reload (localStorage), the address reopens the debrief
    await page.reload();
    await waitReady(page);
    await page.waitForSelector('#debrief[data-ready="true"]', { timeout: 60_000 });
    expect(await page.locator('#debrief .db-prediction').allTextContents()).toEqual(predictions);
    expect(await page.inputValue('#db-class')).toBe('乡镇干部培训班');
    // Esc leaves teaching mode; the app is usable again
    await page.keyboard.press('Escape');
    expect(await page.locator('#debrief').isVisible()).toBe(false);
    expect(await page.evaluate(() => (document.getElementById('app') as HTMLElement).inert)).toBe(false);
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reloads and runs a lesson with the network cut after one visit', async () => {
    const { page, context, errors } = await openApp(h, { locale: 'en-GB' });
    // the service worker has cached the built site and controls the page
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await context.setOffline(true);
    expect(await page.evaluate(() => fetch('./nothing-here.txt').then(() => 'online', () => 'offline'))).toBe('offline');
    errors.length = 0; // that failed fetch was logged; what follows must log nothing
    errors.length = 0; // that failed fetch was logged; what follows must log nothing
    await page.reload();
    await waitReady(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // the app runs: a year simulated in its worker
    await page.click('#step');
    await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.yearsRecorded >= 2);
    // and a lesson plays
    await page.click('#lessons-button');
    expect(await page.textContent('#lesson-offline')).toContain('Cached on this computer');
    await page.click('[data-present="vicious-circle"]');
    await at(page, 0, 'ask');
    expect(await page.locator('#pr-cover').isVisible()).toBe(true); // the map would give the answer away
    await page.keyboard.press('ArrowRight');
    await at(page, 0, 'reveal');
    expect(await page.locator('#pr-checks li[data-ok="true"]').count()).toBe(2);
    await page.keyboard.press('ArrowRight');
    await at(page, 1, 'ask');
    await page.keyboard.press('3');
    for (let i = 0; i < 6; i++) await page.keyboard.press('+');
    await page.keyboard.press('ArrowRight');
    await at(page, 1, 'reveal');
    expect(await page.textContent('#pr-year')).toBe('2017');
    expect(await page.locator('#pr-checks li[data-ok="true"]').count()).toBe(3);
    expect(await page.locator('#pr-view .small-multiples g.multiple').count()).toBe(6);
    expect(errors).toEqual([]);
    await context.setOffline(false);
    await context.close();
  });
});
