/**
 * Screenshots of the main views in Chinese and English at 1920×1080 (and the laptop and phone
 * sizes), saved to docs/screenshots/. Run with `npm run screenshots`; `npm run screenshots --
 * --only=research` takes only the research views (comparison, bands, sweep, sensitivity),
 * `--only=phone` only the phone.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addLever, type Harness, openApp, playTo, ROOT, startHarness } from './support/harness';
import { textOverlaps } from './support/layout';

const OUT = join(ROOT, 'docs/screenshots');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? null;

const done = (page: Page, id: string) => page.waitForSelector(`#${id}-controls[data-state="done"]`, { timeout: 0 });

/**
 * The research views on the default region: a lever added (the comparison view, run as an
 * ensemble of 10 pairs), the trajectories with the ensemble's band, a sweep, and a Morris ranking.
 */
async function researchShots(h: Harness, lang: 'zh' | 'en'): Promise<void> {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const { page, context } = await openApp(h, { locale });
  await playTo(page, 7);
  await addLever(page, 'teacherPay');
  await page.waitForSelector('#comparison-view:not([hidden])');
  await page.fill('#cmp-runs', '10');
  await page.click('#cmp-run');
  await done(page, 'cmp');
  await page.mouse.move(0, 0);
  await shoot(page, `comparison-${lang}`);

  await page.click('#view-overview');
  await page.click('.hex-map g.county[data-county="yunling"]');
  await page.mouse.move(0, 0);
  await shoot(page, `bands-${lang}`);

  await page.click('#view-research');
  await page.selectOption('#sweep-param', 'talent.teacherPayRatio');
  await page.click('#sweep-add-param');
  await page.selectOption('#sweep-lever', '0:raise');
  await page.click('#sweep-add-lever');
  await page.fill('[data-factor="talent.teacherPayRatio"] input[data-role="min"]', '0.4');
  await page.fill('[data-factor="talent.teacherPayRatio"] input[data-role="max"]', '1.2');
  await page.fill('[data-factor="interventions[0].raise"] input[data-role="max"]', '1');
  await page.fill('#sweep-points', '3');
  await page.fill('#sweep-reps', '1');
  await page.selectOption('#sweep-outcome', 'teachersPer1000Pupils');
  await page.click('#sweep-run');
  await done(page, 'sweep');
  await page.mouse.move(0, 0);
  await shoot(page, `research-${lang}`);
  await context.close();

  const morris = await openApp(h, { locale });
  const mp = morris.page;
  await mp.click('#view-research');
  for (const key of ['policy.povertyLine', 'talent.teacherPayRatio', 'talent.payWeight', 'talent.outsidePay']) {
    await mp.selectOption('#sweep-param', key);
    await mp.click('#sweep-add-param');
  }
  await mp.selectOption('#sweep-design', 'morris');
  await mp.fill('#sweep-points', '2');
  await mp.fill('#sweep-reps', '1');
  await mp.selectOption('#sweep-outcome', 'povertyRate');
  await mp.click('#sweep-run');
  await done(mp, 'sweep');
  await mp.mouse.move(0, 0);
  await shoot(mp, `sensitivity-${lang}`);
  await morris.context.close();
}

/** A phone (390×844): the run bar and the loop diagram, played to the campaign's target year. */
async function phoneShot(h: Harness, locale: string, lang: 'zh' | 'en'): Promise<void> {
  const phone = await openApp(h, { locale, viewport: { width: 390, height: 844 } });
  await playTo(phone.page, 7);
  await phone.page.mouse.move(0, 0);
  await shoot(phone.page, `phone-${lang}`);
  await phone.context.close();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600); // transitions settle
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
  // labels that collide are a defect: say so next to the picture
  for (const o of await textOverlaps(page)) console.log(`  overlapping text: ${o}`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const h = await startHarness();
  try {
    for (const lang of ['zh', 'en'] as const) {
      const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
      if (ONLY === 'phone') {
        await phoneShot(h, locale, lang);
        continue;
      }
      await researchShots(h, lang);
      if (ONLY === 'research') continue;
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
      await addLever(page, 'teacherPay');
      await page.click('#view-overview'); // adding a lever opened the comparison view
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
      await phoneShot(h, locale, lang);

      // teaching mode: a lesson in the presenter (question, then outcome), and its debrief
      const lesson = await openApp(h, { locale });
      const lp = lesson.page;
      await lp.click('#lessons-button');
      await shoot(lp, `lessons-${lang}`);
      await lp.click('[data-present="teacher-pay-slow"]');
      await lp.waitForSelector('#presenter[data-step="0"][data-phase="ask"]');
      await lp.keyboard.press('1');
      await lp.mouse.move(0, 0);
      await shoot(lp, `presenter-ask-${lang}`);
      for (let i = 0; i < 6; i++) await lp.keyboard.press('+');
      await lp.keyboard.press('ArrowRight');
      await lp.waitForSelector('#presenter[data-step="0"][data-phase="reveal"]', { timeout: 60_000 });
      await lp.keyboard.press('ArrowRight');
      await lp.waitForSelector('#presenter[data-step="1"][data-phase="ask"]');
      await lp.keyboard.press('2');
      await lp.keyboard.press('ArrowRight');
      await lp.waitForSelector('#presenter[data-step="1"][data-phase="reveal"]', { timeout: 60_000 });
      await shoot(lp, `presenter-reveal-${lang}`);
      await lp.keyboard.press('d');
      await lp.waitForSelector('#debrief[data-ready="true"]', { timeout: 120_000 });
      await lp.fill('#db-class', lang === 'zh' ? '乡镇干部培训班' : 'Township cadre course');
      await shoot(lp, `debrief-${lang}`);
      await lesson.context.close();
    }
  } finally {
    await h.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
