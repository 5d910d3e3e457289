/**
 * No user text can become markup (issue #8): scans every source file of the app and the engine
 * for the DOM APIs that parse HTML (innerHTML, outerHTML, insertAdjacentHTML, document.write,
 * createContextualFragment, DOMParser, d3's .html()) and for code from strings (eval, new
 * Function, string timers). Each use must be on the allow-list below with its reason; the list
 * is empty: the app builds every node with el() / d3 and sets text with textContent.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fuzz';

/** `file:line` of allowed uses, with the reason. None today. */
const ALLOWED: Record<string, string> = {};

const PATTERNS: [string, RegExp][] = [
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(ln)?\s*\(/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['srcdoc', /\bsrcdoc\b/],
  ['d3 .html()', /\.html\s*\(/],
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['string timer', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (/\.(ts|js|mjs|html)$/.test(name)) out.push(full);
  }
  return out;
}

/** The code of a line without // comments and the text of /* *\/ blocks (doc comments may name the APIs). */
function codeLines(text: string): string[] {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).split('\n').map((l) => l.replace(/(^|[^:])\/\/.*$/, '$1'));
}

describe('no HTML injection sinks and no code from strings in src/ and index.html', () => {
  const files = [...sources(join(ROOT, 'src')), join(ROOT, 'index.html')];

  it('scans a real tree (the scan itself is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(50);
    // the patterns do find what they look for
    const probe = codeLines('a.innerHTML = x; // innerHTML\nsel.html(text)\n/* outerHTML */ eval("1")');
    expect(PATTERNS.filter(([, re]) => probe.some((l) => re.test(l))).map(([n]) => n)).toEqual(['innerHTML', 'd3 .html()', 'eval']);
  });

  it('finds no use outside the allow-list', () => {
    const found: string[] = [];
    for (const f of files) {
      codeLines(readFileSync(f, 'utf8')).forEach((line, i) => {
        for (const [name, re] of PATTERNS) {
          const at = `${relative(ROOT, f)}:${i + 1}`;
          if (re.test(line) && !(at in ALLOWED)) found.push(`${at} ${name}: ${line.trim()}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('index.html has no inline script and no inline event handler', () => {
    const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc=/);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<style\b|\sstyle\s*=/i);
  });
});
