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

/**
 * Short, safe rendering of a bad value for an error message: bounded in length and work whatever
 * the value (deeply nested, huge, with odd keys), and never throws.
 */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = render(v, 2);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** JSON-like text of a value, at most `depth` levels and a few items deep (so the work is bounded). */
function render(v: unknown, depth: number): string {
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}...` : v);
  if (Array.isArray(v)) {
    if (depth === 0) return v.length ? '[...]' : '[]';
    const items = v.slice(0, 8).map((x) => render(x, depth - 1));
    return `[${items.join(',')}${v.length > 8 ? ',...' : ''}]`;
  }
  if (typeof v === 'object') {
    const keys = Object.keys(v as object);
    if (depth === 0) return keys.length ? '{...}' : '{}';
    const items = keys.slice(0, 8).map((k) => `${JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}...` : k)}:${render((v as Record<string, unknown>)[k], depth - 1)}`);
    return `{${items.join(',')}${keys.length > 8 ? ',...' : ''}}`;
  }
  return typeof v;
}
