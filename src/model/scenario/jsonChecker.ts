import type { Bilingual } from '../i18n';
import { describeValue, ScenarioError } from './errors';
import { INPUT_LIMITS, MAX_TEXT_LENGTH } from './limits';

/** A value read from JSON. */
export type Json = unknown;
export const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const own = (o: Record<string, Json>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export { MAX_TEXT_LENGTH };

/**
 * Checks of values read from a JSON input file (scenario, sweep, lesson). Each failure throws a
 * ScenarioError naming the file, the JSON path and what was expected.
 */
export class JsonChecker {
  constructor(readonly file: string) {}

  /**
   * The JSON path of `key` under `path`: `$.a.b` for a plain name, `$.a["odd key"]` (a JSON
   * string, cut to 60 characters) for anything else, so an empty, dotted or quoted key still
   * gives a readable, unambiguous path.
   */
  static child(path: string, key: string): string {
    if (/^[A-Za-z_$][\w$]{0,59}$/.test(key)) return `${path}.${key}`;
    return `${path}[${JSON.stringify(key.length > 60 ? `${key.slice(0, 57)}...` : key)}]`;
  }

  fail(path: string, expected: string, got?: Json): never {
    throw new ScenarioError(this.file, path, expected, got === undefined ? undefined : describeValue(got));
  }

  /** An object whose keys are all in `allowed` (`$schema` is tolerated where listed). */
  object(v: Json, path: string, allowed: readonly string[]): Record<string, Json> {
    if (!isObject(v)) this.fail(path, 'an object', v);
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k)) this.fail(JsonChecker.child(path, k), `one of the keys ${allowed.filter((a) => a !== '$schema').join(', ')} (unknown key)`, k);
    }
    return v;
  }

  string(v: Json, path: string, pattern?: RegExp, what = 'a string'): string {
    if (typeof v !== 'string') this.fail(path, what, v);
    if (v.length > MAX_TEXT_LENGTH) this.fail(path, `at most ${MAX_TEXT_LENGTH} characters`, `${v.length} characters`);
    if (pattern && !pattern.test(v)) this.fail(path, what, v);
    return v;
  }

  number(v: Json, path: string, min: number, max: number, integer: boolean, what?: string): number {
    const expected = what ?? `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(path, expected, v);
    if (integer && !Number.isInteger(v)) this.fail(path, expected, v);
    if (v < min || v > max) this.fail(path, expected, v);
    return v;
  }

  int(v: Json, path: string, min: number, max: number): number {
    return this.number(v, path, min, max, true);
  }

  /** Any finite number. */
  num(v: Json, path: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(path, 'a number', v);
    return v;
  }

  /** A {zh, en} text; a missing language takes the other's text. */
  bilingual(v: Json, path: string, required: boolean): Bilingual {
    if (v === undefined && !required) return { zh: '', en: '' };
    const o = this.object(v, path, ['zh', 'en']);
    if (typeof o.zh !== 'string' && typeof o.en !== 'string') this.fail(path, 'an object with a "zh" and/or "en" string', v);
    const zh = o.zh === undefined ? '' : this.string(o.zh, `${path}.zh`);
    const en = o.en === undefined ? '' : this.string(o.en, `${path}.en`);
    return { zh: zh || en, en: en || zh };
  }
}

/**
 * Parses JSON text (a leading byte-order mark is ignored); a syntax error becomes a ScenarioError
 * at path `$` naming the line and column. Text longer than `maxChars` or nested deeper than
 * INPUT_LIMITS.maxDepth is refused before parsing, so a small file cannot cost a lot of memory or
 * a deep recursion.
 */
export function parseJsonText(text: string, file: string, maxChars: number = INPUT_LIMITS.maxScenarioBytes): Json {
  if (typeof text !== 'string') throw new ScenarioError(file, '$', 'JSON text', typeof text);
  if (text.length > maxChars) throw new ScenarioError(file, '$', `a file of at most ${maxChars} bytes (limit)`, `${text.length} characters`);
  const depth = nestingDepth(text, INPUT_LIMITS.maxDepth);
  if (depth !== null) {
    throw new ScenarioError(file, '$', `arrays and objects nested at most ${INPUT_LIMITS.maxDepth} deep (limit)`, `deeper nesting at ${lineColumn(text, depth)}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const where = pos ? ` at ${lineColumn(text, Number(pos[1]))}` : '';
    throw new ScenarioError(file, '$', `valid JSON (${msg.length > 120 ? `${msg.slice(0, 117)}...` : msg}${where})`);
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Offset where brackets outside strings first nest deeper than `max`, or null. */
function nestingDepth(text: string, max: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}
