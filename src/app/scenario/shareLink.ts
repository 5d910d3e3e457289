import { parseScenario, type Scenario, ScenarioError } from '../../model';
import { INPUT_LIMITS } from '../../model/scenario/limits';
import { checkBrowserLimits } from './browserLimits';

/**
 * Scenario links: the whole scenario (its seed included) as base64url JSON in the address's
 * hash, `#scenario=…`, so a link reproduces the run exactly and nothing is sent to a server.
 */
const KEY = 'scenario';

export function encodeScenario(s: Scenario): string {
  const bytes = new TextEncoder().encode(JSON.stringify(s));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes and validates exactly as a scenario file (same checks, same limits, plus a limit on
 * the link's length before anything is decoded); throws ScenarioError (file "link") on anything
 * unusable, so a broken or tampered link opens nothing.
 */
export function decodeScenario(encoded: string): Scenario {
  if (encoded.length > INPUT_LIMITS.maxLinkChars) {
    throw new ScenarioError('link', '$', `a link of at most ${INPUT_LIMITS.maxLinkChars} characters after "#scenario=" (limit)`, `${encoded.length} characters`);
  }
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(encoded)) {
    const at = encoded.search(/[^A-Za-z0-9_-]/);
    throw new ScenarioError('link', '$', 'base64url characters (A-Z, a-z, 0-9, "-", "_") after "#scenario="', `${JSON.stringify(encoded.slice(at, at + 1))} at character ${at + 1}`);
  }
  let text: string;
  try {
    const b64 = encoded.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    throw new ScenarioError('link', '$', 'a scenario written as base64url-encoded UTF-8 JSON after "#scenario="');
  }
  return checkBrowserLimits(parseScenario(text, 'link'), 'link');
}

/** The link that reopens `s`, based on the current page address. */
export function shareUrl(s: Scenario, base = location.href): string {
  const url = new URL(base);
  url.hash = `${KEY}=${encodeScenario(s)}`;
  return url.toString();
}

/** The encoded scenario in the current hash, if any. */
export function scenarioInHash(hash = location.hash): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(KEY);
}
