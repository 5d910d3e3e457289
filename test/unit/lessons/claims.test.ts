/**
 * Each lesson's claims hold: every step's checks, evaluated on the step's run with the lesson's
 * fixed seed (and on its comparison run), come out true. This covers every file in
 * scenarios/lessons/, so a trainer's own lesson is checked the same way as the shipped ones.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCheck, type LessonCheck, RunCache, verifyLesson } from '../../../src/lesson/index';
import { lessonFiles, readLesson } from './support';

const cache = new RunCache();

function describeCheck(c: LessonCheck): string {
  const m = c.measure;
  const span = m.from === m.to ? `${m.from}` : `${m.stat} ${m.from}-${m.to}`;
  const against = c.against ? ` minus ${c.against.run === 'compare' ? 'the comparison run' : 'this run'} at ${c.against.measure.unit} ${c.against.measure.from}-${c.against.measure.to}${c.relative ? ' (relative)' : ''}` : '';
  return `${m.indicator} @ ${m.unit} ${span}${against} ${c.op} ${c.value}${c.claim.en ? ` ("${c.claim.en}")` : ''}`;
}

describe.each(lessonFiles())('lesson %s: the run shows what the text says', (file) => {
  const { lesson } = readLesson(file);
  const steps = lesson.steps.map((step, index) => [`${index + 1} ${step.id}`, index] as const).filter(([, i]) => lesson.steps[i].checks.length > 0);

  it.each(steps)('step %s', (_name, index) => {
    const v = verifyLesson({ ...lesson, steps: [lesson.steps[index]] }, cache)[0];
    for (const { check, outcome } of v.outcomes) {
      const numbers = `measured ${outcome.left}${outcome.right === null ? '' : `, against ${outcome.right}, difference ${outcome.compared}`}`;
      expect(outcome.ok, `${lesson.id} step ${index + 1} (${v.step.id}): ${describeCheck(check)}: ${numbers}`).toBe(true);
    }
  });

  it('every question with an answer, and every estimate, can be read from the run', () => {
    for (const step of lesson.steps) {
      const q = step.question;
      if (!q?.estimate) continue;
      const main = cache.runTo(step.scenario, step.runTo);
      const probe: LessonCheck = { claim: { zh: '', en: '' }, measure: q.estimate, op: '>', value: -Infinity, against: null, relative: false };
      expect(Number.isFinite(evaluateCheck(probe, { main, compare: null }).left), `${step.id} estimate`).toBe(true);
    }
  });
});
