import { FONT } from './chart';

/**
 * Rough width of a string in em (no canvas): CJK characters are square, and so are the curly
 * quotes (a Chinese font draws them full width); Latin letters about half.
 */
function estimateEm(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F\u2018-\u201D]/.test(ch) ? 1 : /[A-Z0-9]/.test(ch) ? 0.62 : 0.52;
  return w;
}

let canvas: CanvasRenderingContext2D | null | undefined;

/** Width in pixels of `text` in the chart font, measured on a canvas (estimated if there is none). */
export function textWidth(text: string, size: number, weight = 400): number {
  if (canvas === undefined) canvas = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!canvas) return estimateEm(text) * size;
  canvas.font = `${weight} ${size}px ${FONT}`;
  return canvas.measureText(text).width;
}

export interface FontSpec {
  size: number;
  weight?: number;
}

/** Marks that may not start a line (closing) or end one (opening). */
const CLOSING = /^[，。、：；！？）」』”’》〉】,.;:!?)]/;
const OPENING = /^[（「『“‘《〈【(]/;

/**
 * `text` on one line no wider than `maxWidth`: itself if it fits, else cut at a character and
 * ended with an ellipsis (a title whose whole text is also the chart's accessible name).
 */
export function fitLine(text: string, maxWidth: number, font: FontSpec): string {
  const width = (x: string) => textWidth(x, font.size, font.weight);
  if (width(text) <= maxWidth) return text;
  const chars = Array.from(text.trim());
  let lo = 0;
  let hi = chars.length;
  // the longest prefix that fits with its ellipsis (width grows with the prefix)
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (width(`${chars.slice(0, mid).join('').trimEnd()}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/**
 * Characters of a full line `chars` to keep when the rest moves to the next line: the character
 * a closing mark clings to goes with it (`closing`: the next token is one; closing marks already
 * at the end go too), and opening marks never stay at the end. 0: nothing to move, or nothing
 * would be left.
 */
function cutBeforeMarks(chars: string[], closing: boolean): number {
  let k = chars.length;
  if (closing) {
    k--;
    while (k > 0 && CLOSING.test(chars[k])) k--;
  }
  while (k > 0 && OPENING.test(chars[k - 1])) k--;
  return k > 0 && k < chars.length ? k : 0;
}

/** Preferred break points inside Chinese text (zero-width space). */
export const BREAK = '\u200b';

function tokenize(text: string): { tokens: string[]; joiner: string } {
  const clean = text.trim();
  if (clean.includes(BREAK)) return { tokens: clean.split(BREAK).filter(Boolean), joiner: '' };
  if (/\s/.test(clean)) return { tokens: clean.split(/\s+/), joiner: ' ' };
  return { tokens: Array.from(clean), joiner: '' };
}

/**
 * Splits text into lines no wider than `maxWidth` pixels in `font`: at spaces for Latin text, at zero-width spaces
 * (preferred phrase breaks) or between any two characters for Chinese. Two lines are balanced
 * (the break that makes the longer line shortest); more lines fill greedily; the last line
 * allowed ends in an ellipsis, within the width, if text remains.
 */
export function wrapText(text: string, maxWidth: number, font: FontSpec, maxLines = 3): string[] {
  const emWidth = (x: string) => textWidth(x, font.size, font.weight);
  const maxEm = maxWidth;
  const { tokens, joiner } = tokenize(text);
  const whole = tokens.join(joiner);
  if (emWidth(whole) <= maxEm || tokens.length < 2) return [whole];
  if (maxLines >= 2) {
    let best: [string, string] | null = null;
    let bestWidth = Infinity;
    for (let i = 1; i < tokens.length; i++) {
      const a = tokens.slice(0, i).join(joiner);
      const b = tokens.slice(i).join(joiner);
      if (CLOSING.test(b) || OPENING.test(a.slice(-1))) continue;
      const w = Math.max(emWidth(a), emWidth(b));
      if (w < bestWidth) {
        bestWidth = w;
        best = [a, b];
      }
    }
    if (best && bestWidth <= maxEm) return best;
  }
  const lines: string[] = [];
  let cur = '';
  const pieces = joiner === '' && tokens.some((x) => emWidth(x) > maxEm) ? Array.from(whole) : tokens;
  for (const tok of pieces) {
    const next = cur ? cur + joiner + tok : tok;
    if (!cur || emWidth(next) <= maxEm) {
      cur = next;
      continue;
    }
    // Chinese line-breaking rules (禁则): a closing mark never starts a line and an opening mark
    // never ends one. The characters they cling to move to the next line with them, instead of
    // the marks hanging past the edge (at the loop diagram's width "”。" ran out of the chart).
    const closing = CLOSING.test(tok);
    const chars = joiner === '' ? Array.from(cur) : [];
    const keep = cutBeforeMarks(chars, closing);
    if (keep > 0) {
      lines.push(chars.slice(0, keep).join(''));
      cur = chars.slice(keep).join('') + tok;
    } else if (closing) {
      cur = next; // nothing to carry (a Latin word, or a line of marks): the mark stays on its line
    } else {
      lines.push(cur);
      cur = tok;
    }
  }
  if (cur) lines.push(cur);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    // the ellipsis is cut to the width too (appended, it ran past it)
    kept[maxLines - 1] = fitLine(`${kept[maxLines - 1]}…`, maxWidth, font);
    return kept;
  }
  return lines;
}
