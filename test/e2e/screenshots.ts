/**
 * Screenshots of the main views in Chinese and English at 1920×1080 (and the laptop size),
 * saved to docs/screenshots/. Run with `npm run screenshots`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, playTo, ROOT, startHarness, waitReady } from './support/harness';

const OUT = join(ROOT, 'docs/screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600); // transitions settle
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const h = await startHarness();
  try {
    for (const lang of ['zh', 'en'] as const) {
      const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
      // the region in the campaign's target year
      const { page, context } = await openApp(h, { locale });
      await page.evaluate(() => document.documentElement.style.setProperty('scroll-behavior', 'auto'));
      await playTo(page, 7);
      await page.mouse.move(0, 0);
      await shoot(page, `main-${lang}`);

      // a mountain county selected: its circle, trajectories and households
      await page.click('.hex-map g.county[data-county="yunling"]');
      await page.mouse.move(0, 0);
      await shoot(page, `county-${lang}`);

      // a policy added and being edited
      await page.selectOption('#add-lever', 'teacherPay');
      await page.click('#add-intervention');
      await page.click('#apply-intervention');
      await page.waitForFunction(() => (window as any).povertyLoop.ctx.sim.scenario.interventions.length === 1);
      await waitReady(page);
      await page.selectOption('#add-lever', 'relocation');
      await page.click('#add-intervention');
      await page.mouse.move(0, 0);
      await shoot(page, `policy-${lang}`);

      // parameters, with a tooltip
      await page.click('#tab-params');
      await page.hover('#tabpanel-params .param .info');
      await shoot(page, `parameters-${lang}`);

      // about the model
      await page.click('#about-button');
      await shoot(page, `about-${lang}`);
      await context.close();

      // a 1366×768 laptop
      const laptop = await openApp(h, { locale, viewport: { width: 1366, height: 768 } });
      await playTo(laptop.page, 7);
      await laptop.page.mouse.move(0, 0);
      await shoot(laptop.page, `laptop-${lang}`);
      await laptop.context.close();
    }
  } finally {
    await h.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
