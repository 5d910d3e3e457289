import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { readPngText } from '../../../src/app/export/pngText';

/** The manifest an exported figure carries: SVG <metadata>, PNG text chunk `poverty-loop`. */
export type Manifest = Record<string, any>;

/**
 * Clicks a chart's SVG and PNG buttons (under `scope`) and checks both files: an SVG with the
 * footer line `footer` and its manifest in <metadata>, a PNG with the same manifest in its text
 * chunk. Returns the manifest (from the SVG; the PNG's must be equal).
 */
export async function exportedFigure(page: Page, scope: string, footer: RegExp): Promise<Manifest> {
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click(`${scope} button[data-export="svg"]`)]);
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const text = readFileSync((await svg.path())!, 'utf8');
  expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
  // the footer's lines (tspans), joined at the spaces where it was wrapped (it has " · " in
  // both languages, so it wraps at spaces)
  const foot = /<text class="provenance"[^>]*>(.*?)<\/text>/.exec(text);
  const joined = [...(foot?.[1] ?? '').matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(' ');
  expect(joined, 'the footer under the figure').toMatch(footer);
  const meta = /<metadata id="poverty-loop-manifest">([^<]*)<\/metadata>/.exec(text);
  expect(meta, 'the manifest in <metadata>').not.toBeNull();
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const fromSvg = JSON.parse(unescape(meta![1])) as Manifest;

  const [png] = await Promise.all([page.waitForEvent('download'), page.click(`${scope} button[data-export="png"]`)]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const chunks = readPngText(new Uint8Array(readFileSync((await png.path())!)));
  const fromPng = JSON.parse(chunks.get('poverty-loop') ?? 'null') as Manifest;
  // the date is taken at each click
  const undated = (m: Manifest) => ({ ...m, manifest: { ...m.manifest, date: undefined } });
  expect(undated(fromPng)).toEqual(undated(fromSvg));
  return fromSvg;
}
