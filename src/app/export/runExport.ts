import { resultsJson, type RunResult, type Scenario, tidyCsv } from '../../model';
import { version } from '../../../package.json';

/** The run as tidy CSV: the same function, so the same bytes, as `npm run sim -- file --out x.csv`. */
export function runCsv(result: RunResult): string {
  return tidyCsv([result]);
}

/** What produced a file: app, version, scenario (in full), seed and date. */
export function manifest(scenario: Scenario, seed: number): Record<string, unknown> {
  return {
    manifest: {
      app: 'poverty-loop (browser)',
      version,
      scenario,
      seed,
      runs: 1,
      date: new Date().toISOString(),
    },
  };
}

/** The run as JSON with its manifest. */
export function runJson(result: RunResult, scenario: Scenario): string {
  return resultsJson([result], manifest(scenario, result.meta.seed));
}
