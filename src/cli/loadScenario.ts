import { open } from 'node:fs/promises';
import { PARAM_BY_KEY, parseJsonText, type Scenario, ScenarioError, validateScenario } from '../model/index';
import { INPUT_LIMITS } from '../model/scenario/limits';
import { editDistance, type SimOptions } from './args';

type Overrides = Pick<SimOptions, 'seed' | 'years' | 'scale' | 'sets'>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Up to five known parameter paths close to a mistyped one, closest first. */
export function closeParamPaths(path: string): string[] {
  const lower = path.toLowerCase();
  const leaf = lower.split('.').pop() ?? lower;
  return [...PARAM_BY_KEY.keys()]
    .map((key) => {
      const k = key.toLowerCase();
      const keyLeaf = k.split('.').pop() ?? k;
      // A shared leaf or a substring match counts as close whatever the edit distance.
      const related = keyLeaf === leaf || k.includes(lower) || (leaf.length >= 4 && keyLeaf.includes(leaf)) || (keyLeaf.length >= 4 && leaf.includes(keyLeaf));
      const distance = Math.min(editDistance(lower, k), editDistance(leaf, keyLeaf) + 1);
      return { key, score: related ? Math.min(distance, 2) : distance };
    })
    .filter((c) => c.score <= Math.max(3, Math.floor(path.length / 3)))
    .sort((a, b) => a.score - b.score || a.key.localeCompare(b.key))
    .slice(0, 5)
    .map((c) => c.key);
}

/**
 * Applies the command-line overrides to the raw scenario object (before validation, so that
 * defaults that hang on the horizon, such as an intervention's `to`, follow `--years`).
 * Unknown `--set` paths fail here with the close matches.
 */
function applyOverrides(raw: Record<string, unknown>, o: Overrides): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  if (o.seed !== undefined) out.seed = o.seed;
  if (o.years !== undefined) out.years = o.years;
  if (o.scale !== undefined) out.scale = o.scale;
  if (o.sets.length > 0) {
    for (const { path } of o.sets) {
      if (!PARAM_BY_KEY.has(path)) {
        const near = closeParamPaths(path);
        throw new ScenarioError('--set', path, `a known parameter path${near.length ? ` (close matches: ${near.join(', ')})` : ' (see docs/ODD.md or scenarios/schema.json)'}`, JSON.stringify(path));
      }
    }
    // A params field of the wrong type is left alone: validation reports it against the file.
    if (raw.params === undefined || isObject(raw.params)) {
      const params: Record<string, unknown> = { ...(raw.params as Record<string, unknown> | undefined) };
      for (const { path, value } of o.sets) params[path] = value;
      out.params = params;
    }
  }
  return out;
}

/**
 * Re-attributes a validation error caused by an override to the option that caused it
 * (`--set: talent.teacherPayRatio: expected a number from ...`); other errors name the file,
 * marked as overridden when options changed it.
 */
function attribute(e: ScenarioError, file: string, o: Overrides): ScenarioError {
  const param = /^\$\.params\["(.+)"\]$/.exec(e.path)?.[1];
  if (param !== undefined && o.sets.some((s) => s.path === param)) return new ScenarioError('--set', param, e.expected, e.got);
  if (e.path === '$.years' && o.years !== undefined) return new ScenarioError('--years', e.path, e.expected, e.got);
  if (e.path === '$.scale' && o.scale !== undefined) return new ScenarioError('--scale', e.path, e.expected, e.got);
  if (e.path === '$.seed' && o.seed !== undefined) return new ScenarioError('--seed', e.path, e.expected, e.got);
  const used = [o.years !== undefined && '--years', o.scale !== undefined && '--scale', o.seed !== undefined && '--seed', o.sets.length > 0 && '--set'].filter(Boolean);
  return used.length ? new ScenarioError(`${file} (with ${used.join(', ')})`, e.path, e.expected, e.got) : e;
}

/**
 * Reads, overrides and validates a scenario file. Every failure is a ScenarioError naming the
 * file (or the option), the JSON path and what was expected.
 */
export async function loadScenario(file: string, overrides: Overrides): Promise<Scenario> {
  const text = await readInputFile(file, 'scenario', INPUT_LIMITS.maxScenarioBytes);
  // size, nesting and syntax checked as for every input (errors name the line and column)
  const raw: unknown = parseJsonText(text, file, INPUT_LIMITS.maxScenarioBytes);
  if (!isObject(raw)) return validateScenario(raw, file);
  const data = applyOverrides(raw, overrides);
  try {
    return validateScenario(data, file);
  } catch (e) {
    throw e instanceof ScenarioError ? attribute(e, file, overrides) : e;
  }
}

/**
 * Reads an input file as UTF-8 text, refusing it before reading when it is larger than `maxBytes`
 * (so a huge or endless file, such as /dev/zero, costs nothing). Errors are ScenarioErrors at `$`.
 */
export async function readInputFile(file: string, what: string, maxBytes: number): Promise<string> {
  const unreadable = (e: unknown): never => {
    const err = e as NodeJS.ErrnoException;
    throw new ScenarioError(file, '$', `a readable ${what} file`, err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'a directory' : err.message);
  };
  const handle = await open(file, 'r').catch(unreadable);
  try {
    const info = await handle.stat().catch(unreadable);
    if (info.isDirectory()) unreadable(Object.assign(new Error('a directory'), { code: 'EISDIR' }));
    if (info.size > maxBytes) throw new ScenarioError(file, '$', `a ${what} file of at most ${maxBytes} bytes (limit)`, `${info.size} bytes`);
    // read at most maxBytes + 1 bytes, whatever stat said (pipes and special files report 0)
    let buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(info.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length > maxBytes) throw new ScenarioError(file, '$', `a ${what} file of at most ${maxBytes} bytes (limit)`, `more than ${maxBytes} bytes`);
        const bigger = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null).catch(unreadable);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    let text = buffer.subarray(0, length).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text;
  } finally {
    await handle.close().catch(() => undefined);
  }
}
