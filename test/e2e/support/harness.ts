/**
 * End-to-end harness: builds the app once per test file with Vite's build() into a temp folder,
 * serves it from a plain static server under a sub-path (so relative asset URLs are checked too)
 * and drives headless Chromium through playwright-core.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];
const BASE = '/poverty-loop/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon',
};

export interface Harness {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds dist into a temp folder and serves it; the caller closes it. */
export async function startHarness(): Promise<Harness> {
  const outDir = mkdtempSync(join(tmpdir(), 'poverty-loop-e2e-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(BASE)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(outDir, path.slice(BASE.length)));
    if (!file.startsWith(outDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    url: `http://127.0.0.1:${port}${BASE}`,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * A test file's harness: started before its tests and closed after them. The object is filled in
 * by beforeAll, so tests use it as they would startHarness()'s result.
 */
export function useHarness(): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness());
  });
  afterAll(async () => {
    await h.close?.();
  });
  return h;
}

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/** Opens the app in a fresh context (language from `locale`) and waits for the first scenario. */
export async function openApp(h: Harness, opts: { locale?: string; hash?: string; viewport?: { width: number; height: number } } = {}): Promise<OpenPage> {
  const context = await h.browser.newContext({
    locale: opts.locale ?? 'zh-CN',
    viewport: opts.viewport ?? { width: 1920, height: 1080 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(h.url + (opts.hash ?? ''));
  await waitReady(page);
  return { page, context, errors };
}

/** Waits until a run is loaded and nothing is rerunning. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const app = (window as any).povertyLoop;
    return app && app.ctx.sim.meta && !app.ctx.store.state.busy;
  }, null, { timeout: 60_000 });
}

/** Sets the scenario's seed in the parameters tab, waits for the rerun, and returns to the policy tab. */
export async function setSeed(page: Page, seed: number): Promise<void> {
  await page.click('#tab-params');
  await page.fill('#tabpanel-params input[name="seed"]', String(seed));
  await page.dispatchEvent('#tabpanel-params input[name="seed"]', 'change');
  await page.waitForFunction((s) => (window as any).povertyLoop.ctx.sim.scenario.seed === s, seed);
  await waitReady(page);
  await page.click('#tab-policy');
}

/** Reads a value from the app's state in the page. */
export function appEval<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { const app = window.povertyLoop; const { store, sim } = app.ctx; return (${fn}); })()`) as Promise<T>;
}

/**
 * Plays at full speed until year index `yearIndex` is reached, pauses, waits for a year asked
 * for before the pause to come back (so the frontier and sim.yearsRecorded are final), and moves
 * the scrubber back to exactly that year.
 */
export async function playTo(page: Page, yearIndex: number): Promise<void> {
  await page.selectOption('#speed', 'Infinity');
  await page.click('#play');
  await page.waitForFunction((y) => (window as any).povertyLoop.ctx.store.state.yearIndex >= y, yearIndex, { timeout: 120_000 });
  await page.click('#play');
  // paused, and a year asked for before the pause has come back (the frontier is final)
  await page.waitForFunction(() => { const { store, sim } = (window as any).povertyLoop.ctx; return !store.state.playing && sim.idle; });
  await page.locator('#scrubber').fill(String(yearIndex));
}

/** Opens scenarios/<id>.json from the scenario picker and waits until it is loaded. */
export async function pickScenario(page: Page, id: string): Promise<void> {
  await page.selectOption('#scenario-picker', `scenarios/${id}.json`);
  await page.waitForFunction((want) => (window as any).povertyLoop.ctx.sim.scenario?.id === want && !(window as any).povertyLoop.ctx.store.state.busy, id);
}

/** Adds a lever in the policy panel and waits for the rerun. */
export async function addLever(page: Page, lever: string): Promise<void> {
  const before = await appEval<number>(page, 'sim.scenario.interventions.length');
  await page.click('#tab-policy');
  await page.selectOption('#add-lever', lever);
  await page.click('#add-intervention');
  await page.click('#apply-intervention');
  await page.waitForFunction((n) => (window as any).povertyLoop.ctx.sim.scenario.interventions.length === n + 1, before);
  await waitReady(page);
}
