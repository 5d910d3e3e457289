import { describe, expect, it } from 'vitest';
import { addLever, openApp, pickScenario, playTo, useHarness } from './support/harness';
import { textOverlaps } from './support/layout';

/**
 * Labels that run into each other are unreadable on a projector. In each view a user reaches,
 * in both languages and at a projector's and a laptop's size, no SVG text overlaps another text
 * or a dot by more than 2 pixels each way (textOverlaps). `npm run screenshots` prints the same
 * check next to each picture, for the research views too.
 */
describe('chart layout', () => {
  const h = useHarness();

  // a narrow loop panel (a 1200 px window): the legend note does not fit and goes whole; the
  // explanation keeps its first words (at this size it is not cut; its cut, wrapText's ellipsis,
  // is tested in text-wrap.test.ts)
  it('the loop panel drops the legend note whole and keeps the explanation from its first words (en-GB, 1200×740)', async () => {
    const { page, context, errors } = await openApp(h, { locale: 'en-GB', viewport: { width: 1200, height: 740 } });
    // heavy assessment: the mountain loop gain falls below 1 (the "broken" explanation)
    await pickScenario(page, 'assessment-burden');
    await playTo(page, 22);
    await page.click('.hex-map g.county[data-county="yunling"]');
    await page.waitForTimeout(600);
    expect(Number(await page.getAttribute('#loop g[data-gain]', 'data-gain'))).toBeLessThan(1);
    const texts = await page.$$eval('#loop g[data-gain] text', (ts) => ts.map((x) => x.textContent ?? ''));
    const all = texts.join(' | ');
    // the explanation from its first words on
    const at = texts.findIndex((x) => x.startsWith('A shock fades'));
    expect(at, all).toBeGreaterThanOrEqual(0);
    const explanation = 'A shock fades as it goes around: no spiral. Whether the county climbs out shows in its poverty and outflow.';
    const shown = texts.slice(at, texts.findIndex((x, i) => i > at && !explanation.includes(x.replace(/…$/, '')))).join(' ').replace(/…$/, '');
    expect(explanation.startsWith(shown), all).toBe(true);
    // the legend note whole or not at all
    expect(all.includes('stronger link') === all.includes('Thicker arrow'), all).toBe(true);
    expect((await textOverlaps(page)).filter((o) => o.startsWith('loop |')), 'the loop panel').toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const locale of ['zh-CN', 'en-GB']) {
    // a projector, a 1366×768 screen, and the same laptop's browser with its toolbars (650 px)
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }, { width: 1366, height: 650 }]) {
      it(`overview and comparison, ${locale}, ${viewport.width}×${viewport.height}: no text overlaps`, async () => {
        const { page, context, errors } = await openApp(h, { locale, viewport });
        expect(await textOverlaps(page), 'start').toEqual([]);
        await playTo(page, 20);
        await page.waitForTimeout(600); // transitions settle
        expect(await textOverlaps(page), 'played to 2033').toEqual([]);
        await page.click('.hex-map g.county[data-county="yunling"]');
        await page.waitForTimeout(600);
        expect(await textOverlaps(page), 'a county selected').toEqual([]);
        await addLever(page, 'teacherPay');
        await page.waitForSelector('#comparison-view:not([hidden])');
        await page.waitForTimeout(600);
        expect(await textOverlaps(page), 'comparison view').toEqual([]);
        // the three plots stay level although the difference's note (one run: includes chance) is longer
        const tops = await page.$$eval('#comparison-view .cmp-chart svg g.plot rect.bg', (rs) => rs.map((r) => Math.round(r.getBoundingClientRect().top)));
        expect(tops.length).toBe(3);
        expect(new Set(tops).size, `plot tops ${tops.join(', ')}`).toBe(1);
        // against the library scenario with the longest name: titles and legends end in "…"
        await page.selectOption('#cmp-reference', 'file:scenarios/assessment-burden.json');
        await page.waitForFunction(() => (window as any).povertyLoop.ctx.reference?.scenario?.id === 'assessment-burden');
        await page.waitForTimeout(600);
        expect(await textOverlaps(page), 'comparison with a library scenario').toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }

    // a tablet or small laptop, and a phone
    for (const viewport of [{ width: 800, height: 1000 }, { width: 375, height: 800 }]) {
      it(`narrow screen, ${locale}, ${viewport.width}×${viewport.height}: the run bar keeps play and the year on one line, nothing scrolls sideways, the comparison's charts are readable`, async () => {
        const { page, context, errors } = await openApp(h, { locale, viewport });
        const box = async (sel: string) => (await page.locator(sel).boundingBox())!;
        const play = await box('#play');
        const year = await box('#year');
        const speed = await box('#speed');
        const scrubber = await box('#scrubber');
        const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
        expect(Math.abs(middle(year) - middle(play)), 'year beside play').toBeLessThan(play.height / 2);
        if (viewport.width >= 800) expect(Math.abs(middle(speed) - middle(play)), 'speed beside play').toBeLessThan(play.height / 2);
        expect(scrubber.y, 'scrubber below the buttons').toBeGreaterThan(play.y + play.height - 1);
        expect(scrubber.width, 'scrubber across the bar').toBeGreaterThan(0.8 * viewport.width);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'sideways scroll').toBeLessThanOrEqual(0);
        expect(await textOverlaps(page), 'start').toEqual([]);
        // the comparison's three charts, one under another, each tall enough to read
        await addLever(page, 'teacherPay');
        await page.waitForSelector('#comparison-view:not([hidden])');
        const heights = await page.$$eval('#comparison-view .cmp-chart', (els) => els.map((e) => e.getBoundingClientRect().height));
        expect(heights.length).toBe(3);
        for (const hgt of heights) expect(hgt, `comparison chart heights ${heights.join(', ')}`).toBeGreaterThanOrEqual(200);
        expect(await textOverlaps(page), 'comparison view').toEqual([]);
        await page.selectOption('#cmp-reference', 'file:scenarios/assessment-burden.json');
        await page.waitForFunction(() => (window as any).povertyLoop.ctx.reference?.scenario?.id === 'assessment-burden');
        await page.waitForTimeout(300);
        expect(await textOverlaps(page), 'comparison with a library scenario').toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'sideways scroll').toBeLessThanOrEqual(0);
        expect(errors).toEqual([]);
        await context.close();
      });
    }

    // a projector's full HD and the 1280×720 many classroom projectors run at
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
      it(`a lesson in the presenter and its debrief, ${locale}, ${viewport.width}×${viewport.height}: no text overlaps`, async () => {
        const { page, context, errors } = await openApp(h, { locale, viewport });
        await page.click('#lessons-button');
        // this lesson's first chart counts teachers leaving, with a long unit over its top label
        await page.click('[data-present="teacher-pay-slow"]');
        await page.waitForSelector('#presenter[data-step="0"][data-phase="ask"]');
        for (let i = 0; i < 6; i++) await page.keyboard.press('+');
        await page.keyboard.press('1');
        await page.keyboard.press('ArrowRight');
        await page.waitForSelector('#presenter[data-step="0"][data-phase="reveal"]', { timeout: 60_000 });
        await page.waitForTimeout(400);
        expect(await textOverlaps(page), 'presenter, step 1 revealed').toEqual([]);
        await page.keyboard.press('d');
        await page.waitForSelector('#debrief[data-ready="true"]', { timeout: 120_000 });
        expect(await textOverlaps(page), 'debrief').toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }

    // a student going through a lesson alone, on a phone or a tablet held upright
    for (const viewport of [{ width: 375, height: 800 }, { width: 768, height: 1024 }]) {
      it(`a lesson in the presenter on a phone or tablet, ${locale}, ${viewport.width}×${viewport.height}: one column, nothing cut off, no text overlaps`, async () => {
        const { page, context, errors } = await openApp(h, { locale, viewport });
        await page.click('#lessons-button');
        await page.click('[data-present="teacher-pay-slow"]');
        await page.waitForSelector('#presenter[data-step="0"][data-phase="ask"]');
        const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
        // the text, then the chart below it, each the width of the screen
        const text = await box('.pr-text');
        const visual = await box('.pr-visual');
        expect(visual.y, 'chart below the text').toBeGreaterThanOrEqual(text.y + text.height - 1);
        for (const b of [text, visual]) expect(b.x + b.width, 'inside the screen').toBeLessThanOrEqual(viewport.width);
        expect(visual.height, 'chart tall enough to read').toBeGreaterThanOrEqual(240);
        // the header's parts (lesson and progress, phases, year, buttons) do not run into each other
        const parts = await page.$$eval('.pr-head > *', (els) => els.map((e) => { const r = e.getBoundingClientRect(); return { l: r.left, r: r.right, t: r.top, b: r.bottom }; }));
        for (let i = 0; i < parts.length; i++) {
          for (let j = i + 1; j < parts.length; j++) {
            const [a, c] = [parts[i], parts[j]];
            const overlap = Math.min(a.r, c.r) - Math.max(a.l, c.l) > 1 && Math.min(a.b, c.b) - Math.max(a.t, c.t) > 1;
            expect(overlap, `header parts ${i} and ${j} overlap`).toBe(false);
          }
          expect(parts[i].r, `header part ${i} inside the screen`).toBeLessThanOrEqual(viewport.width);
        }
        // the buttons to go on stay on the screen
        const next = await box('#pr-next');
        expect(next.x + next.width).toBeLessThanOrEqual(viewport.width);
        expect(next.y + next.height).toBeLessThanOrEqual(viewport.height);
        expect(await page.evaluate(() => document.querySelector('#presenter')!.scrollWidth - window.innerWidth), 'sideways scroll').toBeLessThanOrEqual(0);
        await page.click('.pr-choice >> nth=0');
        await page.click('#pr-next');
        await page.waitForSelector('#presenter[data-step="0"][data-phase="reveal"]', { timeout: 60_000 });
        await page.waitForTimeout(400);
        expect(await textOverlaps(page), 'presenter on a phone, step 1 revealed').toEqual([]);
        // the debrief fits the screen's width too
        await page.click('#pr-debrief');
        await page.waitForSelector('#debrief[data-ready="true"]', { timeout: 120_000 });
        expect(await page.evaluate(() => document.querySelector('#debrief')!.scrollWidth - window.innerWidth), 'debrief sideways scroll').toBeLessThanOrEqual(0);
        // its charts are drawn at about their shown size: labels keep their size (at least 0.9 of it)
        const scale = await page.$eval('#debrief .db-chart', (svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width);
        expect(scale, 'debrief chart: shown width over drawn width').toBeGreaterThanOrEqual(0.9);
        expect(await textOverlaps(page), 'debrief').toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});
