/**
 * The browser ensemble's speed: builds the app, opens it in headless Chromium, and times an
 * ensemble of the default region (scenarios/baseline.json, 100 runs unless told) on the page's
 * Web Worker pool with one worker and with all of them, through the Research view's controls.
 * Checks the two ensembles are identical, and prints the times, the speed-up, the load, and how
 * many runs were computing at once on average (time inside the workers / wall time): on a machine
 * whose cores other processes hold, that shows whether the workers ran at once but shared a core.
 *
 *   npx tsx bench/browserEnsemble.ts                 100 runs
 *   npx tsx bench/browserEnsemble.ts --runs=20       fewer runs
 */
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { openApp, startHarness } from '../test/e2e/support/harness';

const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = runsArg ? Number(runsArg.slice(7)) : 100;
if (!Number.isInteger(RUNS) || RUNS < 2) throw new Error(`--runs must be an integer of at least 2, got ${runsArg}`);

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

interface Timing {
  workers: number;
  ms: number;
  runs: number;
  busyMs: number;
}

async function ensemble(page: Page, workers: string): Promise<Timing> {
  await page.selectOption('#ens-workers', workers);
  await page.fill('#ens-runs', String(RUNS));
  await page.click('#ens-run');
  await page.waitForSelector('#ens-controls[data-state="done"], #ens-controls[data-state="failed"]', { timeout: 0 });
  if ((await page.getAttribute('#ens-controls', 'data-state')) === 'failed') throw new Error(String(await page.textContent('#ens-status')));
  return page.evaluate(() => {
    const e = (window as any).povertyLoop.research.state.ensemble;
    return { workers: e.workers, ms: e.ms, runs: e.results.length, busyMs: e.busyMs };
  });
}

/** A digest of every value of the page's latest ensemble (to check 1 and N workers agree). */
const digest = (page: Page) => page.evaluate(() => {
  let h = 0;
  for (const r of (window as any).povertyLoop.research.state.ensemble.results) {
    const u = new Uint32Array(r.values.buffer);
    for (let i = 0; i < u.length; i++) h = (Math.imul(h, 31) + u[i]) | 0;
  }
  return h;
});

async function main(): Promise<void> {
  const h = await startHarness();
  try {
    const { page, context } = await openApp(h, { locale: 'en-GB' });
    const scenario = await page.evaluate(() => (window as any).povertyLoop.ctx.sim.scenario.id);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.click('#view-research');
    console.log(`browser ensemble: ${RUNS} runs of ${scenario} (default region), Chromium, navigator.hardwareConcurrency ${cores}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'})`);
    console.log(`load average before: ${load()}`);
    const one = await ensemble(page, '1');
    const d1 = await digest(page);
    const line = (t: Timing) => `${(t.ms / 1000).toFixed(1)} s wall, ${(t.busyMs / t.runs).toFixed(0)} ms per run inside a worker, ` +
      `${(t.busyMs / t.ms).toFixed(2)} runs computing at once on average · load ${load()}`;
    console.log(`1 worker:  ${line(one)}`);
    const all = await ensemble(page, '');
    const dn = await digest(page);
    console.log(`${all.workers} workers: ${line(all)}`);
    console.log(`speed-up: ${(one.ms / all.ms).toFixed(2)}x on ${all.workers} workers; results identical: ${d1 === dn ? 'yes' : 'NO'}`);
    await context.close();
    if (d1 !== dn) process.exitCode = 1;
  } finally {
    await h.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
