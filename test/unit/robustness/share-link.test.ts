/**
 * Property tests of share-link decoding (issue #8): a link is untrusted input like a file. A
 * tampered, cut or forged `#scenario=` part is either a valid scenario (validated exactly as a
 * file, plus the browser's agent cap) or a ScenarioError of file "link" naming a JSON path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario, scenarioInHash } from '../../../src/app/scenario/shareLink';
import { parseScenario, ScenarioError } from '../../../src/model/index';
import { BROWSER_LIMITS, INPUT_LIMITS } from '../../../src/model/scenario/limits';
import { expectCleanOutcome, expectUnpolluted, libraryScenarios, mutate, opArb, prototypeSnapshot, SEED, SMALL } from './fuzz';

const bases: unknown[] = [SMALL, ...libraryScenarios().map((l) => l.data)];
const valid = encodeScenario(parseScenario(JSON.stringify(SMALL), 'small'));

/** base64url of arbitrary text, as a forged link would carry it. */
function b64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The outcome as a comparable value: the scenario, or the error's path and expectation. */
function outcome(job: () => unknown): unknown {
  try {
    return { ok: job() };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return { path: e.path, expected: e.expected };
  }
}

describe('share links under tampering (fast-check, fixed seed)', () => {
  const snapshot = prototypeSnapshot();

  it('a forged link carrying any mutated scenario gets exactly the verdict the same text gets as a file', () => {
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(opArb, { minLength: 1, maxLength: 3 }), (b, ops) => {
        const text = mutate(bases[b], ops);
        const encoded = b64url(text);
        const asLink = expectCleanOutcome('link', () => decodeScenario(encoded));
        if (encoded.length <= INPUT_LIMITS.maxLinkChars) {
          expect(outcome(() => decodeScenario(encoded))).toEqual(outcome(() => parseScenario(text, 'link')));
        } else {
          expect(asLink.ok).toBe(false);
        }
        expectUnpolluted(snapshot);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('a valid link with characters changed, cut, extended or replaced: a scenario or a clear error, nothing half-way', () => {
    const tamper = fc.oneof(
      fc.tuple(fc.nat({ max: valid.length - 1 }), fc.constantFrom(...'AZaz09-_+/=%#&. <"\'\u00e9\u4e2d')).map(([i, c]) => valid.slice(0, i) + c + valid.slice(i + 1)),
      fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
      fc.string({ maxLength: 40 }).map((s) => valid + s),
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('', '=', '==', '===', '%', 'A'.repeat(INPUT_LIMITS.maxLinkChars + 1), b64url('{"__proto__": {"polluted": 1}}'), b64url('\uFEFF{}'), b64url('<script>window.__xss=1</script>')),
    );
    fc.assert(
      fc.property(tamper, (encoded) => {
        const out = expectCleanOutcome('link', () => decodeScenario(encoded));
        // an accepted link round-trips: it is a whole scenario, not a part of one
        if (out.ok) expect(decodeScenario(encodeScenario(out.value))).toEqual(out.value);
        expectUnpolluted(snapshot);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('invalid UTF-8, bad base64, over-long links and scenarios too large for the browser are refused by name', () => {
    const cases: [string, string, RegExp][] = [
      ['_w', '$', /base64url-encoded UTF-8 JSON/],
      ['a', '$', /base64url-encoded UTF-8 JSON/],
      ['ab$c', '$', /base64url characters/],
      ['A'.repeat(INPUT_LIMITS.maxLinkChars + 1), '$', /at most 262144 characters/],
      [b64url('{"id": "x"'), '$', /valid JSON/],
      [b64url(JSON.stringify({ ...SMALL, scale: 1, interventions: [], region: { counties: [{ id: 'h', name: { en: 'H' }, terrain: 'hill', households: BROWSER_LIMITS.maxAgents + 1 }] } })), '$.scale', /at most 2000000 household agents in the browser/],
    ];
    for (const [encoded, path, message] of cases) {
      const out = expectCleanOutcome('link', () => decodeScenario(encoded));
      expect(out.ok ? 'accepted' : out.error.path).toBe(path);
      if (!out.ok) expect(out.error.message).toMatch(message);
    }
    expect(scenarioInHash(`#scenario=${valid}`)).toBe(valid);
    expect(scenarioInHash('#other=1')).toBeNull();
  });
});
