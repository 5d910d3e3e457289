/**
 * What the class types for an estimate in the presenter, read in the indicator's own units:
 * shares in percent, an index (carrying capacity 0..1, school quality 0..1.25) as a decimal or as
 * a percentage.
 */
import { describe, expect, it } from 'vitest';
import { estimateFromInput, indexTop } from '../../../src/app/lesson/describe';

describe('estimateFromInput', () => {
  it('reads a share typed in percent, with Chinese or Latin marks', () => {
    expect(estimateFromInput('povertyRate', '45')).toBeCloseTo(0.45, 12);
    expect(estimateFromInput('povertyRate', '12.5％')).toBeCloseTo(0.125, 12);
    expect(estimateFromInput('povertyRate', '12。5')).toBeCloseTo(0.125, 12);
  });

  it('knows the top of each index', () => {
    expect(indexTop('ecoCapacity')).toBe(1);
    expect(indexTop('schoolQuality')).toBe(1.25);
    expect(indexTop('meanIncome')).toBeNull();
  });

  it('keeps school quality above 1 as typed (it reaches 1.25), and reads 110 as 1.1', () => {
    expect(estimateFromInput('schoolQuality', '1.1')).toBeCloseTo(1.1, 12);
    expect(estimateFromInput('schoolQuality', '1.25')).toBeCloseTo(1.25, 12);
    expect(estimateFromInput('schoolQuality', '110')).toBeCloseTo(1.1, 12);
    expect(estimateFromInput('schoolQuality', '0.8')).toBeCloseTo(0.8, 12);
  });

  it('reads a 0..1 index typed as a percentage as one', () => {
    expect(estimateFromInput('ecoCapacity', '45')).toBeCloseTo(0.45, 12);
    expect(estimateFromInput('ecoCapacity', '0.45')).toBeCloseTo(0.45, 12);
  });

  it('keeps other values as typed and rejects what is not a number', () => {
    expect(estimateFromInput('meanIncome', '3,500')).toBe(3500);
    expect(estimateFromInput('meanIncome', '')).toBeNull();
    expect(estimateFromInput('meanIncome', 'abc')).toBeNull();
  });
});
