/**
 * No lost work (issue #8): scenario edits are kept in the browser's storage and read back as
 * untrusted input; lesson predictions are kept on every change. Stored records that are broken,
 * of another version, oversized or hostile are dropped, never half-used.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, DRAFT_KEY, type DraftStorage, parseDraft } from '../../../src/app/state/autosave';
import { parseScenario, ScenarioError } from '../../../src/model/index';
import { expectUnpolluted, mutate, opArb, prototypeSnapshot, SEED, SMALL } from './fuzz';

class MemoryStorage implements DraftStorage {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const scenario = parseScenario(JSON.stringify(SMALL), 'small.json');
const edited = { ...scenario, seed: 99, params: { ...scenario.params, 'talent.teacherPayRatio': 1.1 } };

describe('autosave of scenario edits', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves after a pause (debounced), and reads the edits back exactly', () => {
    const storage = new MemoryStorage();
    const a = new Autosave(storage, 300, () => {});
    a.schedule({ file: 'scenarios/x.json', scenario, original: scenario });
    a.schedule({ file: 'scenarios/x.json', scenario: edited, original: scenario });
    expect(storage.getItem(DRAFT_KEY)).toBeNull();
    vi.advanceTimersByTime(300);
    const d = new Autosave(storage, 300, () => {}).read();
    expect(d?.scenario).toEqual(edited);
    expect(d?.original).toEqual(scenario);
    expect(d?.file).toBe('scenarios/x.json');
  });

  it('flush writes at once (page hidden or closed); clear forgets', () => {
    const storage = new MemoryStorage();
    const a = new Autosave(storage, 300, () => {});
    a.schedule({ file: null, scenario: edited, original: null });
    a.flush();
    expect(a.read()?.scenario.seed).toBe(99);
    a.clear();
    expect(a.read()).toBeNull();
  });

  it('blocked or full storage loses nothing in the page and throws nothing', () => {
    const warnings: string[] = [];
    const full: DraftStorage = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => { throw new Error('blocked'); } };
    const a = new Autosave(full, 300, (m) => warnings.push(m));
    a.schedule({ file: null, scenario: edited, original: null });
    expect(() => a.flush()).not.toThrow();
    expect(a.read()).toBeNull();
    expect(() => a.clear()).not.toThrow();
    expect(warnings.length).toBe(1);
  });

  it('a broken, foreign or hostile stored record is dropped with a warning, never half-used', () => {
    const good = JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00Z', file: null, scenario: edited, original: null });
    const records = [
      'not json', '', 'null', '[]', '{"version": 2}', good.replace('"version":1', '"version":"1"'),
      JSON.stringify({ version: 1, scenario: { ...edited, years: 1e9 } }),
      JSON.stringify({ version: 1, scenario: edited, original: { id: 'x' } }),
      `{"version": 1, "__proto__": {"polluted": 1}, "scenario": ${JSON.stringify(edited)}, "original": {"__proto__": {"polluted": 1}}}`,
      `{"version": 1, "scenario": ${'['.repeat(1000)}${']'.repeat(1000)}}`,
      'x'.repeat(3 * 1024 * 1024),
    ];
    const snapshot = prototypeSnapshot();
    for (const text of records) {
      const storage = new MemoryStorage();
      storage.setItem(DRAFT_KEY, text);
      const warnings: string[] = [];
      expect(new Autosave(storage, 300, (m) => warnings.push(m)).read()).toBeNull();
      expect(warnings.length).toBe(1);
      expect(storage.getItem(DRAFT_KEY)).toBeNull();
      expectUnpolluted(snapshot);
    }
  });

  it('property: any mutated stored draft is a valid draft or a ScenarioError naming a path (fast-check)', () => {
    const snapshot = prototypeSnapshot();
    const base = { version: 1, savedAt: '2026-01-01T00:00:00Z', file: 'scenarios/baseline.json', scenario: edited, original: scenario };
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 3 }), (ops) => {
        const text = mutate(base, ops);
        try {
          const d = parseDraft(text);
          expect(d.version).toBe(1);
          expect(typeof d.scenario.id).toBe('string');
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e;
          expect(e.file).toBe('saved draft');
          expect(e.path.startsWith('$')).toBe(true);
        }
        expectUnpolluted(snapshot);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });
});

describe('lesson predictions are kept on every change (already autosaved; checked here)', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('a prediction, the class name and the position survive a new page (a new store reading the same storage)', async () => {
    const { PredictionStore } = await import('../../../src/app/lesson/predictions');
    const a = new PredictionStore();
    a.setPrediction('lesson-1', 'step-a', { choice: 1 });
    a.setPrediction('lesson-1', 'step-b', { value: 0.35, text: 'about a third' });
    a.setClassName('lesson-1', 'Class <b>3</b>');
    a.setPosition('lesson-1', { step: 2, phase: 'reveal' });
    const b = new PredictionStore().load('lesson-1');
    expect(b.predictions['step-a'].choice).toBe(1);
    expect(b.predictions['step-b'].value).toBe(0.35);
    expect(b.className).toBe('Class <b>3</b>');
    expect(b.position).toEqual({ step: 2, phase: 'reveal' });
  });

  it('a damaged or hostile stored record starts afresh or keeps only clean fields, and pollutes nothing', async () => {
    const { PredictionStore } = await import('../../../src/app/lesson/predictions');
    const snapshot = prototypeSnapshot();
    for (const text of ['{', 'null', '{"predictions": 5}', '{"predictions": {"__proto__": {"polluted": 1}, "s": {"choice": "x", "value": "NaN", "text": 7}}}', `{"predictions": {"s": {"text": "${'y'.repeat(5000)}"}}}`]) {
      storage.setItem('povertyLoop.lesson.l', text);
      const s = new PredictionStore().load('l');
      for (const p of Object.values(s.predictions)) {
        expect(p.choice === undefined || Number.isInteger(p.choice)).toBe(true);
        expect(p.value === undefined || Number.isFinite(p.value)).toBe(true);
        expect((p.text ?? '').length).toBeLessThanOrEqual(2000);
      }
      expectUnpolluted(snapshot);
    }
  });
});
