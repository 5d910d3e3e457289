/**
 * Line breaking of chart labels (src/app/charts/textWrap.ts). In Node there is no canvas, so
 * widths are the estimate: a Chinese character, full-width mark or curly quote is 1 em (as a
 * Chinese font draws them), Latin letters about half. The rules are the ones a reader of
 * Chinese expects (禁则): a closing mark never starts a line, an opening mark never ends one,
 * and no line is wider than asked unless a single character with its marks is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLine, textWidth, wrapText } from '../../../src/app/charts/textWrap';

const CLOSING = /^[，。、：；！？）」』”’》〉】,.;:!?)]/;
const OPENING = /[（「『“‘《〈【(]$/;
const SIZE = 10;

describe('wrapText', () => {
  it('keeps "”。" with the character before it instead of letting them run past the edge', () => {
    // the loop diagram's note before the first year, at the laptop's width (it overflowed by 15 px)
    const text = '各环节的强度从模拟的第一年起测算：请按“播放”或“下一年”。';
    const max = 14.2 * SIZE;
    const lines = wrapText(text, max, { size: SIZE }, 5);
    expect(lines.join('')).toBe(text);
    for (const l of lines) expect(textWidth(l, SIZE), l).toBeLessThanOrEqual(max);
    expect(lines.at(-1)).toMatch(/^年”。$|[^”。]年”。$/);
  });

  it('never ends a line with an opening mark', () => {
    // the balanced split "甲乙丙“ | 丁戊己”" fits the width but leaves "“" at a line's end
    const text = '甲乙丙“丁戊己”';
    const lines = wrapText(text, 4 * SIZE, { size: SIZE }, 5);
    expect(lines).toEqual(['甲乙丙', '“丁戊', '己”']);
    expect(lines.join('')).toBe(text);
    for (const l of lines.slice(0, -1)) expect(l).not.toMatch(OPENING);
  });

  it('breaks Latin text at spaces and balances two lines', () => {
    const text = 'Link strengths are measured from the first year on';
    const max = 16 * SIZE;
    const lines = wrapText(text, max, { size: SIZE }, 2);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(text);
    for (const l of lines) expect(textWidth(l, SIZE)).toBeLessThanOrEqual(max);
    // balanced: the two lines differ by less than the longest word
    expect(Math.abs(textWidth(lines[0], SIZE) - textWidth(lines[1], SIZE))).toBeLessThan(textWidth('strengths', SIZE));
  });

  it('ends the last allowed line with an ellipsis when text remains', () => {
    const lines = wrapText('一二三四五六七八九十一二三四五六七八九十', 5 * SIZE, { size: SIZE }, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    // the ellipsis within the width too: a full last line used to get it appended past the edge
    for (const l of lines) expect(textWidth(l, SIZE), l).toBeLessThanOrEqual(5 * SIZE);
    const latin = wrapText('Difference: this scenario against relocation with employment support', 200, { size: 15, weight: 700 }, 1);
    expect(latin[0].endsWith('…')).toBe(true);
    expect(textWidth(latin[0], 15, 700), latin[0]).toBeLessThanOrEqual(200);
  });

  it('property: Chinese text with marks loses nothing, keeps the rules and the width', () => {
    const char = fc.constantFrom(...'贫困恶性循环人才流出积累发展动力生态', ...'，。：；）”」', ...'（“「');
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 60 }), fc.integer({ min: 3, max: 20 }), (chars, em) => {
        const text = chars.join('').trim();
        if (text === '') return;
        const max = em * SIZE;
        const lines = wrapText(text, max, { size: SIZE }, 100);
        expect(lines.join('')).toBe(text);
        lines.forEach((l, i) => {
          // a mark may start or end a line only where nothing could be carried (a line of marks)
          const letters = Array.from(l).filter((c) => !CLOSING.test(c) && !OPENING.test(c)).length;
          if (i > 0 && letters > 0 && /[^，。：；）”」（“「]/.test(lines[i - 1])) expect(l, lines.join('|')).not.toMatch(CLOSING);
          if (textWidth(l, SIZE) > max) expect(letters, `${l} in ${lines.join('|')}`).toBeLessThanOrEqual(1);
        });
      }),
      { seed: 7, numRuns: 400 },
    );
  });
});

describe('fitLine', () => {
  it('keeps a line that fits, and cuts one that does not to the longest prefix that fits with its ellipsis', () => {
    expect(fitLine('Short', 100, { size: SIZE })).toBe('Short');
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.integer({ min: 20, max: 300 }), fc.boolean(), (text, max, bold) => {
      const font = { size: SIZE, weight: bold ? 700 : 400 };
      const line = fitLine(text, max, font);
      if (textWidth(text, font.size, font.weight) <= max) return line === text;
      const kept = line.slice(0, -1);
      // ends in an ellipsis, fits, and is a prefix of the text; one more character would not fit
      const next = Array.from(text.trim()).slice(0, Array.from(kept).length + 1).join('').trimEnd();
      return line.endsWith('…') && textWidth(line, font.size, font.weight) <= max + 1e-9 && text.trim().startsWith(kept) &&
        (next === kept || textWidth(`${next}…`, font.size, font.weight) > max);
    }));
  });

  it('cuts a library scenario\'s long name in a chart title (Chinese and English)', () => {
    const zh = fitLine('差值：本场景 − 易地扶贫搬迁（有就业扶持）', 14 * SIZE, { size: SIZE, weight: 700 });
    expect(zh).toMatch(/^差值：本场景 − 易地扶贫.*…$/);
    expect(textWidth(zh, SIZE, 700)).toBeLessThanOrEqual(14 * SIZE);
  });
});
