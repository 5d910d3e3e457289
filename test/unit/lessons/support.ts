/** Shared by the lesson tests: the scenario library and the lesson files, read from disk. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScenario, type Scenario } from '../../../src/model/index';
import { type Lesson, parseLesson, type ScenarioLookup } from '../../../src/lesson/index';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const SCENARIOS_DIR = join(ROOT, 'scenarios');
export const LESSONS_DIR = join(SCENARIOS_DIR, 'lessons');

let library: Map<string, Scenario> | null = null;

/** Library scenarios by id, as the app bundles them (scenarios/*.json but the schema). */
export const lookup: ScenarioLookup = (id) => {
  if (!library) {
    library = new Map();
    for (const f of readdirSync(SCENARIOS_DIR).filter((x) => x.endsWith('.json') && x !== 'schema.json')) {
      const s = parseScenario(readFileSync(join(SCENARIOS_DIR, f), 'utf8'), `scenarios/${f}`);
      library.set(s.id, s);
    }
  }
  return library.get(id);
};

/** Every lesson file in scenarios/lessons/ (trainers' own included). */
export function lessonFiles(): string[] {
  return readdirSync(LESSONS_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
}

export function readLesson(file: string): { text: string; lesson: Lesson } {
  const text = readFileSync(join(LESSONS_DIR, file), 'utf8');
  return { text, lesson: parseLesson(text, `scenarios/lessons/${file}`, lookup) };
}
