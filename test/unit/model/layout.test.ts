/**
 * The household fields share one buffer with staggered starts (src/model/state/layout.ts): no
 * two fields overlap, every field is zeroed and as long as asked, and element i of the fields
 * falls at a different offset within its 4 KiB page (different L1 sets).
 */
import { describe, expect, it } from 'vitest';
import { allocateHouseholds } from '../../../src/model/state/households';
import { packFields } from '../../../src/model/state/layout';

describe('packFields', () => {
  it('gives each field its own zeroed range of one buffer, in order', () => {
    const f = packFields(1000, { a: Uint8Array, b: Float32Array, c: Int16Array, d: Float64Array });
    const all = [f.a, f.b, f.c, f.d];
    expect(all.map((x) => x.length)).toEqual([1000, 1000, 1000, 1000]);
    expect(new Set(all.map((x) => x.buffer)).size).toBe(1);
    for (let k = 1; k < all.length; k++) expect(all[k].byteOffset).toBeGreaterThanOrEqual(all[k - 1].byteOffset + all[k - 1].byteLength);
    for (const x of all) expect(Array.from(x).every((v) => v === 0)).toBe(true);
    f.b.fill(7);
    expect(Array.from(f.a).every((v) => v === 0) && Array.from(f.c).every((v) => v === 0)).toBe(true);
    expect(f.d.byteOffset % 8).toBe(0);
  });

  it('the households\' fields start at distinct cache lines of their pages, with under 4 KiB of padding each', () => {
    const h = allocateHouseholds(100_000);
    const fields = Object.values(h).filter((v): v is Uint8Array => ArrayBuffer.isView(v));
    expect(fields.length).toBeGreaterThan(25);
    const lines = fields.map((x) => (x.byteOffset % 4096) / 64);
    expect(new Set(lines).size).toBe(fields.length);
    const used = fields.reduce((s, x) => s + x.byteLength, 0);
    expect(fields[0].buffer.byteLength - used).toBeLessThan(4096 * fields.length);
    expect(Array.from(h.exitYear.subarray(0, 10))).toEqual(new Array(10).fill(-1));
  });
});
