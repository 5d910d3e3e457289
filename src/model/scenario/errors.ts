/**
 * A scenario (or other input) that cannot be used. The message names the file, the JSON path
 * and what was expected, e.g.
 * `scenarios/x.json: $.interventions[0].from: expected an integer year from 1990 to 2100, got "2016x"`.
 */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly expected: string,
    readonly got?: string,
  ) {
    super(`${file}: ${path}: expected ${expected}${got === undefined ? '' : `, got ${got}`}`);
    this.name = 'ScenarioError';
  }
}

/** Short, safe rendering of a bad value for an error message. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
