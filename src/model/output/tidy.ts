import type { RunResult } from '../simulation';

export const TIDY_HEADER = 'run,year,county,indicator,value';

/**
 * A number as a plain decimal: no exponent, no thousands separator, at most 10 significant
 * digits, trailing zeros dropped, never `NaN` or `-0`.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const a = Math.abs(x);
  if (a < 1e-12) return '0';
  if (a >= 1e21) return BigInt(Math.round(x)).toString(); // toFixed switches to exponents here
  const digits = Math.min(12, Math.max(0, 9 - Math.floor(Math.log10(a))));
  let s = x.toFixed(digits);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/**
 * Tidy CSV rows of one run (no header): one row per year, county (then `region`) and indicator,
 * in that order. Every driver (CLI, browser export) writes CSV through this function.
 */
export function tidyRows(r: RunResult): string {
  const { meta, values } = r;
  const units = meta.counties.map((c) => c.id).concat('region');
  const k = meta.indicators.length;
  const parts: string[] = [];
  for (let y = 0; y <= meta.years; y++) {
    const year = meta.startYear + y;
    for (let u = 0; u < units.length; u++) {
      const base = (y * units.length + u) * k;
      const prefix = `${meta.run},${year},${units[u]},`;
      for (let i = 0; i < k; i++) parts.push(`${prefix}${meta.indicators[i]},${formatNumber(values[base + i])}\n`);
    }
  }
  return parts.join('');
}

/** Tidy CSV of an ensemble, runs in the order given, header first. */
export function tidyCsv(results: readonly RunResult[]): string {
  return TIDY_HEADER + '\n' + results.map(tidyRows).join('');
}

/** JSON form of an ensemble: the meta of each run and its values as nested arrays. */
export function resultsJson(results: readonly RunResult[], manifest: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      ...manifest,
      runs: results.map((r) => {
        const units = r.meta.counties.map((c) => c.id).concat('region');
        const k = r.meta.indicators.length;
        const series: Record<string, Record<string, number[]>> = {};
        units.forEach((id, u) => {
          const byIndicator: Record<string, number[]> = {};
          r.meta.indicators.forEach((name, i) => {
            const col: number[] = [];
            for (let y = 0; y <= r.meta.years; y++) col.push(Number(formatNumber(r.values[(y * units.length + u) * k + i])));
            byIndicator[name] = col;
          });
          series[id] = byIndicator;
        });
        return { ...r.meta, yearsList: Array.from({ length: r.meta.years + 1 }, (_, y) => r.meta.startYear + y), series };
      }),
    },
    null,
    1,
  );
}
