/**
 * Shared by the property tests of the input parsers: arbitraries that take a valid file apart
 * (drop keys, wrong types, non-finite and huge numbers, deep nesting, prototype keys, long and
 * markup strings, cut or corrupted text) and the checks every outcome must pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { parseScenario, type Scenario, ScenarioError } from '../../../src/model/index';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const SCENARIOS_DIR = join(ROOT, 'scenarios');

/** Fixed seed of every property test here (a failure prints the path to replay). */
export const SEED = 20261129;

/** Text spliced into the JSON as it is (numbers JSON.stringify cannot write, raw tokens). */
const RAW = '@@RAW@@';
export const raw = (text: string): string => `${RAW}${text}${RAW}`;

export const MARKUP = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  '<b>bold</b> & <i>x</i>',
  'javascript:alert(1)',
];

/** Values that are wrong somewhere: wrong types, non-finite or huge numbers, nasty strings, big or deep structures. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 53 + 1, 1e20, -1e20, 1e308, -1e308, 5e-324, '', ' ', 'NaN', 'Infinity', '-Infinity', '1e999', '0x10', '2016x', '１２', [], {}, [1, 2], { zh: 1 }),
  fc.constantFrom(raw('1e400'), raw('-1e400'), raw('-0'), raw('1e-400'), raw('NaN'), raw('Infinity'), raw('undefined'), raw('01'), raw('.5')),
  fc.constantFrom(raw('{"__proto__": {"polluted": "yes"}}'), raw('{"constructor": {"prototype": {"polluted": "yes"}}}'),
    raw('{"prototype": {"polluted": "yes"}}'), raw('[{"__proto__": null}]'), raw('{"zh": "x", "__proto__": {"en": "y"}}')),
  fc.constantFrom(...MARKUP),
  fc.integer({ min: 1, max: 40 }).map((n) => raw(`${'['.repeat(n * 5)}1${']'.repeat(n * 5)}`)),
  fc.integer({ min: 1, max: 40 }).map((n) => raw(`${'{"a":'.repeat(n * 5)}1${'}'.repeat(n * 5)}`)),
  fc.constantFrom(1999, 2001, 2100, 10_000, 100_001, 2_000_001).map((n) => 'x'.repeat(n)),
  fc.constantFrom(10, 1000, 20_000).map((n) => new Array(n).fill(1)),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);

/** Keys that are unknown or have a meaning for JavaScript objects. */
export const nastyKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '', ' ', 'polluted', '$schema', 'id', 'zh', 'en', 'lever', 'counties'),
  fc.string({ maxLength: 12 }),
);

type Op =
  | { op: 'drop'; at: number }
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'addKey'; at: number; key: string; value: unknown }
  | { op: 'repeat'; at: number; times: number }
  | { op: 'wrap'; at: number; depth: number };

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  { arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: badValue }), weight: 3 },
  fc.record({ op: fc.constant('addKey' as const), at: fc.nat(), key: nastyKey, value: badValue }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), times: fc.constantFrom(2, 7, 201, 600, 3000) }),
  fc.record({ op: fc.constant('wrap' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 60 }) }),
);

type Node = Record<string, unknown> | unknown[];
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

/** Every place in the document: its container and key (the root has none). */
function places(doc: unknown): { parent: Node; key: string | number }[] {
  const out: { parent: Node; key: string | number }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach((x, i) => (out.push({ parent: v, key: i }), walk(x)));
    else if (isNode(v)) for (const k of Object.keys(v)) (out.push({ parent: v, key: k }), walk((v as Record<string, unknown>)[k]));
  };
  walk(doc);
  return out;
}

/** Sets an own, enumerable property whatever its name (`__proto__` included), as JSON.parse would. */
function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies the operations to a copy of `doc` and writes the result as JSON text. */
export function mutate(doc: unknown, ops: readonly Op[]): string {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  let root: unknown = copy;
  for (const o of ops) {
    if ((JSON.stringify(root)?.length ?? 0) > 3_000_000) break;
    const all = places(root);
    if (all.length === 0) {
      if (o.op === 'replace') root = o.value;
      continue;
    }
    const { parent, key } = all[o.at % all.length];
    const cur = (parent as Record<string | number, unknown>)[key];
    switch (o.op) {
      case 'drop':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Record<string, unknown>)[key as string];
        break;
      case 'replace':
        if (Array.isArray(parent)) parent[key as number] = o.value;
        else setOwn(parent, key as string, o.value);
        break;
      case 'addKey': {
        const target = isNode(cur) && !Array.isArray(cur) ? cur : Array.isArray(parent) ? null : parent;
        if (target) setOwn(target as Record<string, unknown>, o.key, o.value);
        break;
      }
      case 'repeat': {
        // the document stays under a few megabytes (the parsers' limits are tested on their own)
        const item = Array.isArray(parent) ? cur : Array.isArray(cur) && cur.length > 0 ? cur[0] : undefined;
        if (item === undefined || (JSON.stringify(item)?.length ?? 0) * o.times > 2_000_000) break;
        const copies = Array.from({ length: o.times }, () => structuredClone(item));
        if (Array.isArray(parent)) parent.splice(key as number, 0, ...copies);
        else (cur as unknown[]).push(...copies);
        break;
      }
      case 'wrap': {
        let v: unknown = cur;
        for (let d = 0; d < o.depth; d++) v = d % 2 ? [v] : { v };
        if (Array.isArray(parent)) parent[key as number] = v;
        else setOwn(parent, key as string, v);
        break;
      }
    }
  }
  return JSON.stringify(root).replace(new RegExp(`"${RAW}(.*?)${RAW}"`, 'g'), (_, text: string) => text.replace(/\\"/g, '"'));
}

/** Whole-text damage: cut, a byte changed, random text, random JSON. */
export function textDamage(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
    fc.tuple(fc.nat({ max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 3 })).map(([i, s]) => valid.slice(0, i) + s + valid.slice(i + 1)),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json({ maxDepth: 4 }),
    fc.constantFrom('', ' ', 'null', '[]', '{}', '"x"', '1', '\uFEFF{}', '{"id": "x", "title": {"en": "t"}}', '['.repeat(100_000), `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`),
  );
}

/** The state of Object.prototype (and friends) to compare after each case. */
export function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(',')).join('|');
}

/** After any case: nothing added to the built-in prototypes, no markup ran. */
export function expectUnpolluted(snapshot: string): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect((globalThis as Record<string, unknown>).__xss).toBeUndefined();
  expect(prototypeSnapshot()).toBe(snapshot);
}

/** JSON paths as the parsers write them: `$`, then `.key`, `[3]` or `["any key"]` (a JSON string) steps, plus an optional note. */
export const JSON_PATH = /^\$((\.[A-Za-z_$][\w$]*)|(\[\d+\])|(\["(?:[^"\\]|\\.)*"\]))*( \(.*\))?$/;

/** The outcome of a parse: a value, or a ScenarioError naming the file and a JSON path (never anything else). */
export function expectCleanOutcome<T>(file: string, job: () => T): { ok: true; value: T } | { ok: false; error: ScenarioError } {
  try {
    return { ok: true, value: job() };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw new Error(`an exception other than ScenarioError escaped: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    expect(e.file).toBe(file);
    expect(e.path).toMatch(JSON_PATH);
    expect(e.message.startsWith(`${file}: ${e.path}: expected `)).toBe(true);
    // a clear, short message, whatever the input's size
    expect(e.message.length).toBeLessThan(1200);
    return { ok: false, error: e };
  }
}

/**
 * Damaged and random versions of a valid text (textDamage), each parsed: a value (checked by
 * `onValue` if given) or a ScenarioError with a JSON path, never another exception, and the
 * built-in prototypes untouched.
 */
export function checkDamagedText<T>(file: string, validText: string, parse: (text: string) => T, snapshot: string,
  numRuns: number, onValue?: (value: T) => void): void {
  fc.assert(
    fc.property(textDamage(validText), (text) => {
      const out = expectCleanOutcome(file, () => parse(text));
      if (out.ok && onValue) onValue(out.value);
      expectUnpolluted(snapshot);
    }),
    { seed: SEED, numRuns },
  );
}

/** Documents that must be refused at exactly a JSON path with a message matching a pattern ('accepted' as the path: must pass). */
export type LimitCase = readonly [doc: unknown, path: string, message: RegExp];

/** Each case's document, as JSON text, gets exactly its verdict; nothing else escapes, the prototypes stay clean. */
export function checkLimitCases<T>(file: string, parse: (text: string) => T, cases: readonly LimitCase[], snapshot: string): void {
  for (const [doc, path, message] of cases) {
    const out = expectCleanOutcome(file, () => parse(JSON.stringify(doc)));
    expect(out.ok ? 'accepted' : out.error.path).toBe(path);
    if (!out.ok) expect(out.error.message).toMatch(message);
    expectUnpolluted(snapshot);
  }
}

/** Scenario files of the library (but the schema), as text and parsed. */
export function libraryScenarios(): { file: string; text: string; data: unknown; scenario: Scenario }[] {
  return readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.json') && f !== 'schema.json').sort().map((f) => {
    const text = readFileSync(join(SCENARIOS_DIR, f), 'utf8');
    return { file: f, text, data: JSON.parse(text), scenario: parseScenario(text, f) };
  });
}

/** A small custom region: runs in milliseconds. */
export const SMALL = {
  id: 'fuzz-small',
  title: { zh: '小地区', en: 'Small region' },
  description: { zh: '测试', en: 'Test' },
  seed: 11,
  startYear: 2013,
  years: 3,
  scale: 50,
  region: {
    counties: [
      { id: 'shan', name: { zh: '山县', en: 'Shan' }, terrain: 'mountain', households: 3000, villages: 4, hex: [0, 0] },
      { id: 'qiu', name: { zh: '丘县', en: 'Qiu' }, terrain: 'hill', households: 2500, ecoCapacity: 0.6 },
      { id: 'ping', name: { zh: '平县', en: 'Ping' }, terrain: 'plain', households: 3500 },
    ],
  },
  params: { 'talent.teacherPayRatio': 0.8 },
  interventions: [
    { lever: 'teacherPay', from: 2014, to: 2016, counties: 'all', raise: 0.5 },
    { lever: 'infrastructure', from: 2014, to: 2015, counties: ['shan'], kind: 'transport', yuanPerYear: 1e7, note: 'roads' },
    { lever: 'education', counties: 'mountain', years12: true, nutrition: false },
  ],
};
