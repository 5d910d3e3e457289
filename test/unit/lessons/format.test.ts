/**
 * The lesson format: the shipped lessons parse, are bilingual (Chinese first) and cover the
 * issue's six topics; the validator names the file, the JSON path and what was expected, as the
 * scenario validator does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../../src/model/index';
import { parseLesson, validateLesson } from '../../../src/lesson/index';
import { lessonFiles, LESSONS_DIR, lookup, readLesson, ROOT } from './support';

const HAN = /\p{Script=Han}/u;

/** A small valid lesson to break in each test. */
function minimal(): Record<string, any> {
  return {
    id: 'mini',
    title: { zh: '小课', en: 'Mini' },
    scenario: 'baseline',
    steps: [
      {
        id: 'a', title: { zh: '一', en: 'One' }, text: { zh: '文字', en: 'Text' }, runTo: 2016,
        question: { prompt: { zh: '问', en: 'Ask' }, choices: [{ zh: '是', en: 'Yes' }, { zh: '否', en: 'No' }], answer: 0 },
        check: { indicator: 'povertyRate', unit: 'mountain', year: 2016, op: '>', value: 0.3 },
      },
      {
        id: 'b', title: { zh: '二', en: 'Two' }, text: { zh: '文字', en: 'Text' }, runTo: 2018,
        apply: { interventions: [{ lever: 'teacherPay', from: 2015, counties: 'mountain', raise: 0.5 }] },
        check: { indicator: 'teacherOutflow', unit: 'mountain', years: [2016, 2018], op: '<', value: 0, against: 'compare' },
      },
    ],
  };
}

function errorOf(data: unknown): ScenarioError {
  try {
    validateLesson(data, 'lessons/mini.json', lookup);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected the lesson to be rejected');
}

describe('the shipped lessons', () => {
  const files = lessonFiles();

  it('cover the six topics of the issue', () => {
    for (const id of ['vicious-circle', 'teacher-pay-slow', 'exit-cliff', 'herding', 'relocation-host', 'short-term-target']) {
      expect(files).toContain(`${id}.json`);
    }
  });

  describe.each(files)('%s', (file) => {
    const { text, lesson } = readLesson(file);
    const raw = JSON.parse(text);

    it('has id = file name, a summary, an audience and a length', () => {
      expect(lesson.id).toBe(file.replace(/\.json$/, ''));
      expect(lesson.summary.en.length).toBeGreaterThan(40);
      expect(lesson.audience.zh).toMatch(HAN);
      expect(lesson.minutes).toBeGreaterThanOrEqual(10);
    });

    it('says everything in Chinese first, then English', () => {
      const texts: { path: string; zh: string; en: string; keys: string[] }[] = [];
      const walk = (v: unknown, path: string) => {
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
        else if (v && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          if (typeof o.zh === 'string' || typeof o.en === 'string') texts.push({ path, zh: String(o.zh ?? ''), en: String(o.en ?? ''), keys: Object.keys(o) });
          else for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`);
        }
      };
      walk(raw, '$');
      expect(texts.length).toBeGreaterThan(10);
      for (const t of texts) {
        expect(t.keys, t.path).toEqual(['zh', 'en']);
        expect(t.zh, `${t.path}.zh`).toMatch(HAN);
        expect(t.en.trim().length, `${t.path}.en`).toBeGreaterThan(0);
        expect(t.en, `${t.path}.en is English`).not.toMatch(HAN);
      }
    });

    it('predicts, then runs, then explains: every step but reading steps asks, and every question is settled by the run', () => {
      const asking = lesson.steps.filter((s) => s.question);
      expect(asking.length).toBeGreaterThanOrEqual(3);
      for (const s of lesson.steps) {
        expect(s.text.zh.length, `${s.id} text fits a projector`).toBeLessThan(140);
        if (!s.question) continue;
        expect(s.reveal.zh, `${s.id} reveal`).toMatch(HAN);
        expect(s.checks.length, `${s.id} has checks`).toBeGreaterThan(0);
        if (s.question.kind === 'choice') expect(s.question.answer, `${s.id} answer`).not.toBeNull();
      }
    });

    it('uses a fixed seed on every run', () => {
      for (const s of lesson.steps) {
        expect(Number.isInteger(s.scenario.seed)).toBe(true);
        if (s.compare) expect(s.compare.seed).toBe(s.scenario.seed);
      }
    });
  });
});

describe('the lesson format', () => {
  it('resolves steps: apply adds to the previous scenario, compare defaults to the scenario before the change', () => {
    const lesson = validateLesson(minimal(), 'mini.json', lookup);
    const [a, b] = lesson.steps;
    expect(a.scenario.id).toBe('baseline');
    expect(a.compare).toBeNull();
    expect(a.restarts).toBe(true);
    expect(b.scenario.interventions).toHaveLength(1);
    expect(b.scenario.interventions[0]).toMatchObject({ lever: 'teacherPay', from: 2015, to: 2035, raise: 0.5 });
    expect(b.scenario.title.en).toBe('Baseline: no interventions + Raise rural teacher pay');
    expect(b.compare?.id).toBe('baseline');
    expect(b.restarts).toBe(true);
    expect(b.focus).toEqual({ county: null, view: null, indicator: 'teacherOutflow', unit: 'mountain', axis: 'zero' });
    expect(b.checks[0].measure).toEqual({ indicator: 'teacherOutflow', unit: 'mountain', from: 2016, to: 2018, stat: 'mean' });
    expect(b.checks[0].against?.run).toBe('compare');
    expect(lesson.speed).toBe(2);
  });

  it('a step without apply continues the run and keeps the comparison', () => {
    const data = minimal();
    data.steps.push({ id: 'c', title: { zh: '三', en: 'Three' }, text: { zh: '文字', en: 'Text' }, runTo: 2020 });
    const c = validateLesson(data, 'mini.json', lookup).steps[2];
    expect(c.restarts).toBe(false);
    expect(c.compare?.id).toBe('baseline');
    expect(c.runTo).toBe(2020);
  });

  it('a lesson seed overrides every scenario\'s seed', () => {
    const lesson = validateLesson({ ...minimal(), seed: 7 }, 'mini.json', lookup);
    expect(lesson.steps.map((s) => s.scenario.seed)).toEqual([7, 7]);
    expect(lesson.steps[1].compare?.seed).toBe(7);
  });

  it('accepts an inline scenario', () => {
    const data = minimal();
    data.scenario = { id: 'own', title: { zh: '自己的', en: 'Own' }, seed: 3, years: 10, region: { counties: [
      { id: 'hilltop', name: { zh: '山顶县', en: 'Hilltop' }, terrain: 'mountain', households: 20000 },
      { id: 'riverside', name: { zh: '河边县', en: 'Riverside' }, terrain: 'plain', households: 30000 },
    ] } };
    const lesson = validateLesson(data, 'mini.json', lookup);
    expect(lesson.steps[0].scenario.id).toBe('own');
  });

  it.each([
    ['an unknown top-level key', (d: any) => { d.colour = 'red'; }, '$.colour'],
    ['a missing title', (d: any) => { delete d.title; }, '$.title'],
    ['a bad id', (d: any) => { d.id = 'a b'; }, '$.id'],
    ['an unknown scenario id', (d: any) => { d.scenario = 'nope'; }, '$.scenario'],
    ['a bad inline scenario', (d: any) => { d.scenario = { id: 'x', title: { en: 'x' }, years: 0 }; }, '$.scenario.years'],
    ['no steps', (d: any) => { d.steps = []; }, '$.steps'],
    ['a step without text', (d: any) => { delete d.steps[0].text; }, '$.steps[0].text'],
    ['an unknown step key', (d: any) => { d.steps[1].runto = 2020; }, '$.steps[1].runto'],
    ['a duplicate step id', (d: any) => { d.steps[1].id = 'a'; }, '$.steps[1].id'],
    ['runTo beyond the horizon', (d: any) => { d.steps[0].runTo = 2040; }, '$.steps[0].runTo'],
    ['an unknown lever in apply', (d: any) => { d.steps[1].apply.interventions[0].lever = 'magic'; }, '$.steps[1].apply.interventions[0].lever'],
    ['a bad lever parameter in apply', (d: any) => { d.steps[1].apply.interventions[0].raise = 9; }, '$.steps[1].apply.interventions[0].raise'],
    ['an unknown parameter in apply', (d: any) => { d.steps[1].apply.params = { 'no.such': 1 }; }, '$.steps[1].apply.params["no.such"]'],
    ['an unknown indicator', (d: any) => { d.steps[0].check.indicator = 'happiness'; }, '$.steps[0].check.indicator'],
    ['an unknown unit', (d: any) => { d.steps[0].check.unit = 'atlantis'; }, '$.steps[0].check.unit'],
    ['a claim about a year not yet run', (d: any) => { d.steps[0].check.year = 2017; }, '$.steps[0].check.year'],
    ['year and years together', (d: any) => { d.steps[0].check.years = [2014, 2015]; }, '$.steps[0].check'],
    ['a bad stat', (d: any) => { d.steps[1].check.stat = 'median'; }, '$.steps[1].check.stat'],
    ['a bad op', (d: any) => { d.steps[0].check.op = '=='; }, '$.steps[0].check.op'],
    ['no value and no against', (d: any) => { delete d.steps[0].check.value; }, '$.steps[0].check.value'],
    ['against compare without a comparison run', (d: any) => { d.steps[0].check.against = 'compare'; }, '$.steps[0].check.against'],
    ['an answer out of range', (d: any) => { d.steps[0].question.answer = 2; }, '$.steps[0].question.answer'],
    ['an answer with no check', (d: any) => { delete d.steps[0].check; }, '$.steps[0].check'],
    ['one choice only', (d: any) => { d.steps[0].question.choices = [{ zh: '是', en: 'Yes' }]; }, '$.steps[0].question.choices'],
    ['two kinds of question', (d: any) => { d.steps[0].question.free = true; }, '$.steps[0].question'],
    ['an estimate over a range', (d: any) => { d.steps[0].question = { prompt: { en: 'How much?' }, estimate: { indicator: 'povertyRate', unit: 'region', years: [2014, 2015] } }; }, '$.steps[0].question.estimate.years'],
    ['a bad focus view', (d: any) => { d.steps[0].focus = { view: 'globe' }; }, '$.steps[0].focus.view'],
    ['a bad axis', (d: any) => { d.steps[0].focus = { axis: 'log' }; }, '$.steps[0].focus.axis'],
    ['a focus county not in the region', (d: any) => { d.steps[0].focus = { county: 'mountain' }; }, '$.steps[0].focus.county'],
    ['a comparison with another region', (d: any) => { d.steps[1].compare = 'campaign-china'; }, '$.steps[1].compare'],
  ])('rejects %s', (_what, change, path) => {
    const data = minimal();
    change(data);
    const e = errorOf(data);
    expect(e.path).toBe(path);
    expect(e.message.startsWith(`lessons/mini.json: ${path}: expected `)).toBe(true);
  });

  it('reports bad JSON with its line', () => {
    expect(() => parseLesson('{\n  "id": "x",\n  oops\n}', 'bad.json', lookup)).toThrow(/bad\.json: \$: expected valid JSON .*line 3/);
  });

  it('the example in docs/teaching.md is a valid lesson', () => {
    const doc = readFileSync(join(ROOT, 'docs/teaching.md'), 'utf8');
    const block = /```json lesson\n([\s\S]*?)```/.exec(doc);
    expect(block, 'a ```json lesson block').not.toBeNull();
    const lesson = parseLesson(block![1], 'docs/teaching.md', lookup);
    expect(lesson.steps.length).toBeGreaterThan(0);
  });

  it('every shipped lesson is listed in docs/teaching.md', () => {
    const doc = readFileSync(join(ROOT, 'docs/teaching.md'), 'utf8');
    for (const f of lessonFiles()) expect(doc, f).toContain(f);
  });

  it('reads the files in scenarios/lessons only', () => {
    expect(LESSONS_DIR.endsWith(join('scenarios', 'lessons'))).toBe(true);
  });
});
