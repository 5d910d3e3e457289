/**
 * Every limit on input that arrives from outside (scenario, sweep and lesson files, share links,
 * the browser's saved drafts), declared once. The parsers enforce them with an error that names
 * the JSON path and the limit; the command line and the app check the size of a file before they
 * read or parse it. docs/robustness.md lists them with the reasons for each value.
 *
 * Values are generous for real use (the command line runs 10 million household agents for 30
 * years) and small enough that a small file cannot ask for a huge allocation: every array the
 * engine allocates is bounded by counties x households / scale x years, all capped here.
 */

/** Longest text field accepted in an input file (titles, descriptions, notes, ids are shorter). */
export const MAX_TEXT_LENGTH = 2000;

/** Bounds of a scenario, shared by validation, the JSON schema and the docs. */
export const SCENARIO_LIMITS = {
  minYear: 1990,
  maxYear: 2100,
  maxYears: 100,
  maxScale: 100000,
  maxCounties: 200,
  maxHouseholdsPerCounty: 1e8,
  /** Household agents in one run (households / scale summed over counties). */
  maxAgents: 20_000_000,
  maxInterventions: 500,
  maxTextLength: MAX_TEXT_LENGTH,
  maxSeed: 2 ** 31 - 1,
} as const;

/** Limits on the raw input, before and during JSON parsing. */
export const INPUT_LIMITS = {
  /** A scenario file (200 counties with every attribute and 500 interventions fit in ~300 kB). */
  maxScenarioBytes: 1024 * 1024,
  /** A sweep file (an inline scenario plus up to 20 factors of 1,000 values). */
  maxSweepBytes: 2 * 1024 * 1024,
  /** A lesson file (60 steps, each possibly with its own inline scenario). */
  maxLessonBytes: 4 * 1024 * 1024,
  /** The `#scenario=` part of a share link, in characters (base64url of a scenario file). */
  maxLinkChars: 256 * 1024,
  /** Nesting of arrays and objects in any input file (real files nest 5 deep at most). */
  maxDepth: 32,
} as const;

/**
 * What the browser will run: a page shares memory with the user's other tabs, so it runs at
 * most this many household agents (the baseline, 12 counties at scale 10, is about 79,000).
 * Larger scenarios are refused with a message to raise `scale` or use the command line.
 */
export const BROWSER_LIMITS = {
  maxAgents: 2_000_000,
} as const;

/** Household agents of a run: households / scale (at least one) summed over the counties. */
export function agentCount(households: readonly number[], scale: number): number {
  return households.reduce((a, h) => a + Math.max(1, Math.round(h / scale)), 0);
}
