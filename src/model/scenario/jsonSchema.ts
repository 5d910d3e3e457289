import { LEVERS, type LeverParamSpec } from '../levers/registry';
import { PARAMS } from '../params/registry';
import { REGION_PRESETS } from '../region/presets';
import { COUNTY_NUMBER_FIELDS, SCENARIO_DEFAULTS, SCENARIO_LIMITS } from './parse';
import { TERRAINS } from './types';

const bilingual = (description: string) => ({
  type: 'object',
  description,
  properties: { zh: { type: 'string' }, en: { type: 'string' } },
  additionalProperties: false,
});

function leverParamSchema(p: LeverParamSpec): Record<string, unknown> {
  const description = `${p.label.en} (${p.label.zh})`;
  switch (p.kind) {
    case 'number': return { type: 'number', minimum: p.min, maximum: p.max, default: p.default, description: `${description}, ${p.unit}` };
    case 'boolean': return { type: 'boolean', default: p.default, description };
    case 'enum': return { enum: [...p.options], default: p.default, description };
  }
}

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the parameter and lever
 * registries so that editors can complete and check scenarios. `npm run schema` writes it to
 * `scenarios/schema.json`; a test checks the file is up to date.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const L = SCENARIO_LIMITS;
  const year = { type: 'integer', minimum: L.minYear, maximum: L.maxYear };
  const countyProps: Record<string, unknown> = {
    id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$', not: { const: 'region' } },
    name: bilingual('County name'),
    terrain: { enum: [...TERRAINS] },
    households: { type: 'integer', minimum: 1, maximum: L.maxHouseholdsPerCounty, description: 'Real households in the county' },
    hex: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 100 }, minItems: 2, maxItems: 2 },
  };
  for (const [k, [min, max, int]] of Object.entries(COUNTY_NUMBER_FIELDS)) countyProps[k] = { type: int ? 'integer' : 'number', minimum: min, maximum: max };
  const interventions = LEVERS.map((lever) => {
    const props: Record<string, unknown> = {
      lever: { const: lever.name },
      from: year,
      to: year,
      counties: {
        oneOf: [{ enum: ['all', ...TERRAINS] }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
      },
      note: { type: 'string' },
    };
    for (const p of lever.params) props[p.name] = leverParamSchema(p);
    return {
      type: 'object',
      title: lever.name,
      description: `${lever.label.en} (${lever.label.zh}): ${lever.description.en}`,
      required: ['lever'],
      properties: props,
      additionalProperties: false,
    };
  });
  const params: Record<string, unknown> = {};
  for (const p of PARAMS) {
    params[p.key] = {
      type: p.integer ? 'integer' : 'number', minimum: p.min, maximum: p.max, default: p.default,
      description: `${p.label.en} (${p.label.zh}), ${p.unit}. ${p.description}`,
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'poverty-loop/scenario.schema.json',
    title: 'Poverty Loop scenario',
    type: 'object',
    required: ['id', 'title'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' },
      title: bilingual('Title'),
      description: bilingual('What the scenario shows and what to look for'),
      seed: { type: 'integer', minimum: 0, maximum: L.maxSeed, default: SCENARIO_DEFAULTS.seed },
      startYear: { ...year, default: SCENARIO_DEFAULTS.startYear },
      years: { type: 'integer', minimum: 1, maximum: L.maxYears, default: SCENARIO_DEFAULTS.years },
      scale: { type: 'integer', minimum: 1, maximum: L.maxScale, default: SCENARIO_DEFAULTS.scale, description: 'Real households per household agent' },
      region: {
        oneOf: [
          { type: 'object', required: ['preset'], properties: { preset: { enum: Object.keys(REGION_PRESETS) } }, additionalProperties: false },
          {
            type: 'object', required: ['counties'], additionalProperties: false,
            properties: {
              counties: {
                type: 'array', minItems: 1, maxItems: L.maxCounties,
                items: { type: 'object', required: ['id', 'name', 'terrain', 'households'], properties: countyProps, additionalProperties: false },
              },
            },
          },
        ],
        default: { preset: 'default' },
      },
      params: { type: 'object', properties: params, additionalProperties: false },
      interventions: { type: 'array', maxItems: L.maxInterventions, items: { oneOf: interventions } },
    },
  };
}
