/**
 * The scenario library: every scenarios/*.json (but schema.json) is valid against
 * scenarios/schema.json, parses with the engine's parser, has a bilingual title and description,
 * and runs for 2 years at scale 50 without error. Library files (all but the baseline and the
 * generated campaign files) follow the library's conventions: seed 42, 2013 + 22 years,
 * scale 10, the default region, `$schema` pointing at the schema, id = file name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../../src/model/index';
import { scenarioFiles, SCENARIOS_DIR } from '../../helpers/ensemble';

type Json = unknown;
type Schema = Record<string, Json>;

const schema = JSON.parse(readFileSync(join(SCENARIOS_DIR, 'schema.json'), 'utf8')) as Schema;

const typeOf = (v: Json): string =>
  Array.isArray(v) ? 'array' : v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v;

/**
 * The JSON-Schema keywords scenarios/schema.json uses (type, const, enum, minimum, maximum,
 * pattern, required, properties, additionalProperties, items, minItems, maxItems, oneOf, not).
 * Returns the errors, each with its JSON path.
 */
function validate(s: Schema, v: Json, path = '$'): string[] {
  const errs: string[] = [];
  const t = s.type as string | undefined;
  if (t !== undefined) {
    const vt = typeOf(v);
    const ok = t === vt || (t === 'number' && vt === 'integer');
    if (!ok) return [`${path}: expected ${t}, got ${vt}`];
  }
  if ('const' in s && v !== s.const) errs.push(`${path}: expected ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(v)) errs.push(`${path}: expected one of ${JSON.stringify(s.enum)}`);
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum) errs.push(`${path}: below ${s.minimum}`);
    if (typeof s.maximum === 'number' && v > s.maximum) errs.push(`${path}: above ${s.maximum}`);
  }
  if (typeof v === 'string' && typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) errs.push(`${path}: does not match ${s.pattern}`);
  if (typeOf(v) === 'object') {
    const o = v as Record<string, Json>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const k of (s.required ?? []) as string[]) if (!(k in o)) errs.push(`${path}.${k}: required`);
    for (const [k, x] of Object.entries(o)) {
      if (props[k]) errs.push(...validate(props[k], x, `${path}.${k}`));
      else if (s.additionalProperties === false) errs.push(`${path}.${k}: not allowed`);
      else if (typeof s.additionalProperties === 'object') errs.push(...validate(s.additionalProperties as Schema, x, `${path}.${k}`));
    }
  }
  if (Array.isArray(v)) {
    if (typeof s.minItems === 'number' && v.length < s.minItems) errs.push(`${path}: fewer than ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) errs.push(`${path}: more than ${s.maxItems} items`);
    if (s.items) v.forEach((x, i) => errs.push(...validate(s.items as Schema, x, `${path}[${i}]`)));
  }
  if (Array.isArray(s.oneOf)) {
    const results = (s.oneOf as Schema[]).map((sub) => validate(sub, v, path));
    const matching = results.filter((r) => r.length === 0).length;
    if (matching !== 1) {
      // Report the branch that came closest (for interventions: the one whose `lever` matched).
      const best = results.reduce((a, b) => (b.length < a.length ? b : a));
      errs.push(matching === 0 ? `${path}: matches no alternative (closest: ${best.join('; ')})` : `${path}: matches ${matching} alternatives`);
    }
  }
  if (s.not && validate(s.not as Schema, v, path).length === 0) errs.push(`${path}: matches a forbidden form`);
  return errs;
}

const files = scenarioFiles();
/** Files not owned by the library: the baseline and the calibrated campaigns (generated). */
const OUTSIDE_LIBRARY = new Set(['baseline.json', 'campaign.json', 'campaign-china.json']);
const HAN = /\p{Script=Han}/u;

describe('the scenario library', () => {
  it('ships the scenarios of issue 3 (A)', () => {
    for (const id of ['teacher-pay', 'doctor-pay', 'cadre-pay', 'infrastructure', 'earmarked-transfers', 'fund-integration',
      'registration-only', 'big-data-identification', 'assessment-reform', 'relocation-with-jobs', 'relocation-without-jobs',
      'herding', 'herding-insured', 'phase-out-abrupt', 'phase-out-gradual', 'nutrition-schooling', 'package-equal-cost',
      'eco-compensation', 'eco-tourism', 'microcredit', 'labor-export', 'industry-tilt']) {
      expect(files, id).toContain(`${id}.json`);
    }
  });

  describe.each(files)('%s', (file) => {
    const text = readFileSync(join(SCENARIOS_DIR, file), 'utf8');
    const raw = JSON.parse(text) as Record<string, Json>;

    it('is valid against scenarios/schema.json', () => {
      expect(validate(schema, raw)).toEqual([]);
    });

    it('parses, with a zh and an en title and description', () => {
      const s = parseScenario(text, file);
      const title = raw.title as Record<string, string>;
      const description = raw.description as Record<string, string> | undefined;
      expect(title.zh, 'title.zh').toMatch(HAN);
      expect(title.en?.trim().length, 'title.en').toBeGreaterThan(0);
      expect(title.en, 'title.en is English').not.toMatch(HAN);
      expect(description?.zh, 'description.zh').toMatch(HAN);
      expect(description?.en?.trim().length ?? 0, 'description.en').toBeGreaterThan(40);
      expect(description?.en, 'description.en is English').not.toMatch(HAN);
      expect(s.title).toEqual(title);
    });

    if (!OUTSIDE_LIBRARY.has(file)) {
      it('follows the library conventions (id = file name, seed 42, 2013 + 22 years, scale 10, default region)', () => {
        const s = parseScenario(text, file);
        expect(raw.$schema).toBe('./schema.json');
        expect(s.id).toBe(file.replace(/\.json$/, ''));
        expect([s.seed, s.startYear, s.years, s.scale]).toEqual([42, 2013, 22, 10]);
        expect(s.region).toEqual({ preset: 'default' });
        // Chinese first: the zh title is listed before the en title in the file.
        expect(Object.keys(raw.title as object)[0]).toBe('zh');
        expect(s.interventions.length).toBeGreaterThan(0);
      });
    }

    it('runs for 2 years at scale 50 without error', () => {
      const s = { ...parseScenario(text, file), years: 2, scale: 50 };
      const r = runScenario(s, 1);
      expect(r.values.every(Number.isFinite)).toBe(true);
    });
  });
});
