import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../../src/model/indicators';
import { formatNumber, resultsJson, TIDY_HEADER, tidyCsv, tidyRows } from '../../../src/model/output/tidy';
import { type RunResult, runScenario } from '../../../src/model/simulation';
import { tinyScenario } from '../../helpers/world';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [1, '1'],
    [2.5, '2.5'],
    [-2.5, '-2.5'],
    [1.5e-7, '0.00000015'],
    [1e-7, '0.0000001'],
    [123456789.123, '123456789.1'],
    [1e15, '1000000000000000'],
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.3333333333'],
    [2 / 3, '0.6666666667'],
    [1e-13, '0'],
    [-1e-13, '0'],
    [0.99999999999, '1'],
    [12345.678901234, '12345.6789'],
  ])('%s -> %s', (x, s) => {
    expect(formatNumber(x)).toBe(s);
  });

  it('never writes an exponent, -0 or a trailing zero over 2000 values spanning 1e-11 to 1e20', () => {
    for (let e = -11; e <= 20; e += 0.0155) {
      for (const sign of [1, -1]) {
        const s = formatNumber(sign * 10 ** e * 1.2345);
        expect(s, `${sign * 10 ** e}`).toMatch(/^-?\d+(\.\d*[1-9])?$/);
        expect(s).not.toBe('-0');
      }
    }
  });

  it('keeps about 10 significant digits: the relative error is below 1e-9', () => {
    for (const x of [Math.PI * 1e-2, Math.E * 1e3, 98765.4321987, 7.123456789e8]) {
      expect(Math.abs(Number(formatNumber(x)) / x - 1)).toBeLessThan(1e-9);
    }
  });

  it('refuses NaN and infinities', () => {
    expect(() => formatNumber(NaN)).toThrow(RangeError);
    expect(() => formatNumber(Infinity)).toThrow(RangeError);
  });

  // Was a known bug (toFixed switches to exponents at 1e21, giving "1e+21"); fixed with BigInt digits.
  it('no exponent even at 1e21 and above', () => {
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(-1e21)).toBe('-1000000000000000000000');
    expect(formatNumber(2.5e21)).toBe('2500000000000000000000');
    expect(formatNumber(2 ** 80)).toBe('1208925819614629174706176');
  });

  it('from 1e21 to 1e308: plain digits that read back as the same number', () => {
    for (let e = 21; e <= 308; e += 0.37) {
      for (const sign of [1, -1]) {
        const x = sign * 10 ** e * 1.2345;
        if (!Number.isFinite(x)) continue;
        const s = formatNumber(x);
        expect(s, `${x}`).toMatch(/^-?[1-9]\d*$/);
        expect(Number(s), `${x}`).toBe(x);
      }
    }
    expect(formatNumber(Number.MAX_VALUE)).toMatch(/^\d{309}$/);
  });

  it('just below 1e21 the decimal path still gives plain digits', () => {
    expect(formatNumber(999999999999999900000)).toBe('999999999999999868928');
  });
});

describe('tidy CSV', () => {
  // A real one-year result of a one-county region (run 2), its values overwritten with chosen numbers.
  const r: RunResult = runScenario(tinyScenario({ years: 1, counties: [{ id: 'a', terrain: 'hill' }] }), 2, 1);
  const K = INDICATORS.length;
  r.values.fill(0);
  r.values[0] = 1000; // 2013, a, population
  r.values[K + 1] = 0.25; // 2013, region, povertyRate
  r.values[2 * K] = -0; // 2014, a, population

  it('header exactly run,year,county,indicator,value', () => {
    expect(TIDY_HEADER).toBe('run,year,county,indicator,value');
    expect(tidyCsv([r]).split('\n')[0]).toBe(TIDY_HEADER);
  });

  it('one row per year, unit (counties then region) and indicator, in that order', () => {
    const rows = tidyRows(r).trimEnd().split('\n');
    expect(rows.length).toBe(2 * 2 * K);
    expect(rows[0]).toBe('2,2013,a,population,1000');
    expect(rows[K + 1]).toBe('2,2013,region,povertyRate,0.25');
    expect(rows[2 * K]).toBe('2,2014,a,population,0');
    expect(rows[rows.length - 1]).toBe(`2,2014,region,${INDICATORS[K - 1].name},0`);
    for (const row of rows) expect(row.split(',').length).toBe(5);
  });

  it('an ensemble is the header then each run in the order given', () => {
    const lines = tidyCsv([r, r]).trimEnd().split('\n');
    expect(lines.length).toBe(1 + 2 * 2 * 2 * K);
  });

  it('JSON output: series by unit and indicator, years listed', () => {
    const j = JSON.parse(resultsJson([r], { tool: 'test' }));
    expect(j.tool).toBe('test');
    expect(j.runs[0].yearsList).toEqual([2013, 2014]);
    expect(j.runs[0].series.a.population).toEqual([1000, 0]);
    expect(j.runs[0].series.region.povertyRate).toEqual([0.25, 0]);
  });
});
