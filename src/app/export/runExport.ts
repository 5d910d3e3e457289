import { resultsJson, type RunResult, type Scenario, tidyCsv } from '../../model';
import { version } from '../../../package.json';
import { t } from '../i18n/i18n';
import type { Provenance } from './chartExport';

/** The run as tidy CSV: the same function, so the same bytes, as `npm run sim -- file --out x.csv`. */
export function runCsv(result: RunResult): string {
  return tidyCsv([result]);
}

/**
 * A manifest: what produced a file (app, version, date) and what reproduces it (`what`: the
 * scenario and seed, both scenarios, or the sweep file).
 */
function stamped(what: Record<string, unknown>, date: Date): Record<string, unknown> {
  return { manifest: { app: 'poverty-loop (browser)', version, ...what, date: date.toISOString() } };
}

/** What produced a file: app, version, scenario (in full), seed, runs and date. */
export function manifest(scenario: Scenario, seed: number, runs = 1, date = new Date()): Record<string, unknown> {
  return stamped({ scenario, seed, runs }, date);
}

/** The run as JSON with its manifest. */
export function runJson(result: RunResult, scenario: Scenario): string {
  return resultsJson([result], manifest(scenario, result.meta.seed));
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** "1 run" or "n runs (median, 5-95% band)". */
function runsText(runs: number): string {
  return runs > 1 ? t('export.runs.many', { n: runs }) : t('export.runs.one');
}

/**
 * Provenance of a figure of the loaded run (map, loop, distribution), or of its ensemble of
 * `runs` runs 1..runs of the same seed (the trajectories with a band).
 */
export function runProvenance(scenario: Scenario, seed: number, runs = 1, date = new Date()): Provenance {
  return {
    footer: t('export.footer', { version, scenario: scenario.id, seed, runs: runsText(runs), date: day(date) }),
    manifest: manifest(scenario, seed, runs, date),
  };
}

/** Provenance of a comparison figure: both scenarios and their names, `runs` pairs on common seeds. */
export function comparisonProvenance(baseline: Scenario, alternative: Scenario, seed: number, runs: number,
  names: { alt: string; ref: string }, date = new Date()): Provenance {
  const pairs = runs > 1 ? t('export.runs.pairs', { n: runs }) : t('export.runs.one');
  return {
    footer: t('export.footer.compare', { version, scenario: alternative.id, ...names, seed, runs: pairs, date: day(date) }),
    manifest: stamped({ baseline, alternative, seed, runs }, date),
  };
}

/** Provenance of a sweep figure: the sweep file itself (scenario inline), for `npm run sweep`. */
export function sweepProvenance(sweep: Record<string, unknown>, scenarioId: string, seed: number, runs: number, date = new Date()): Provenance {
  return {
    footer: t('export.footer.sweep', { version, scenario: scenarioId, seed, runs, date: day(date) }),
    manifest: stamped({ sweep, runs }, date),
  };
}
