/**
 * The manifest chunk of exported PNG figures (src/app/export/pngText.ts): a UTF-8 iTXt chunk
 * right after IHDR, with a correct CRC, that readers find and `readPngText` reads back.
 */
import { describe, expect, it } from 'vitest';
import { crc32, readPngText, withPngText } from '../../../src/app/export/pngText';

/** A PNG's bytes: signature, IHDR (1×1, 8-bit grey), IDAT, IEND; only the chunk structure matters here. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: number[]) => {
    const body = new Uint8Array([...type].map((c) => c.charCodeAt(0)).concat(data));
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(body, 4);
    v.setUint32(8 + data.length, crc32(body));
    return [...out];
  };
  return new Uint8Array([
    137, 80, 78, 71, 13, 10, 26, 10,
    ...chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]),
    ...chunk('IDAT', [120, 156, 99, 96, 0, 0, 0, 2, 0, 1]),
    ...chunk('IEND', []),
  ]);
}

describe('PNG text chunk', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('inserts an iTXt chunk after IHDR that reads back, Chinese included', () => {
    const png = tinyPng();
    const text = JSON.stringify({ manifest: { scenario: { id: 'baseline', title: { zh: '基线：不加干预' } }, seed: 42 } });
    const out = withPngText(png, 'poverty-loop', text);
    expect(out.length).toBeGreaterThan(png.length);
    // signature and IHDR unchanged, then the new chunk's type
    expect(out.subarray(0, 33)).toEqual(png.subarray(0, 33));
    expect(new TextDecoder().decode(out.subarray(37, 41))).toBe('iTXt');
    // the rest of the file follows unchanged
    expect(out.subarray(out.length - (png.length - 33))).toEqual(png.subarray(33));
    expect(readPngText(out).get('poverty-loop')).toBe(text);
    expect(readPngText(png).size).toBe(0);
  });

  it('skips a chunk whose CRC does not match, and rejects what is not a PNG', () => {
    const out = withPngText(tinyPng(), 'poverty-loop', '{"a":1}');
    out[45] ^= 0xff; // a byte of the chunk's data
    expect(readPngText(out).has('poverty-loop')).toBe(false);
    expect(() => withPngText(new TextEncoder().encode('GIF89a not a png at all, no'), 'k', 'v')).toThrow('not a PNG');
    expect(() => withPngText(tinyPng(), '', 'v')).toThrow('keyword');
  });
});
