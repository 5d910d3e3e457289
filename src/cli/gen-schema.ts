/**
 * `npm run schema`: writes the JSON Schema of scenario files, generated from the parameter and
 * lever registries, to `scenarios/schema.json` (CONTRACT.md, "Scenario files"). With `--check`
 * it writes nothing and exits 1 if the file differs from what it would write.
 */
import { scenarioJsonSchema } from '../model/scenario/jsonSchema';
import { isMain, ROOT, runGenerator, type GeneratedFile } from './docsLib';

export const SCHEMA_FILE = 'scenarios/schema.json';

const USAGE = 'usage: npm run schema [-- --check]';

/** The exact text of scenarios/schema.json. */
export function renderSchema(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}

/** The file this generator owns, with its content. */
export function schemaOutputs(): GeneratedFile[] {
  return [{ file: SCHEMA_FILE, content: renderSchema(), command: 'npm run schema' }];
}

if (isMain(import.meta.url)) {
  process.exitCode = runGenerator(ROOT, process.argv.slice(2), USAGE, schemaOutputs);
}
