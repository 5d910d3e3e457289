import { type IndicatorName, resultValue, type RunResult, type Scenario } from '../model/index';

type Format = 'count' | 'yuan' | 'percent' | 'number';

/** The indicators of the summary table, in order, with how to print them. */
export const SUMMARY_INDICATORS: readonly { name: IndicatorName; label: string; format: Format }[] = [
  { name: 'population', label: 'Population', format: 'count' },
  { name: 'povertyRate', label: 'Poverty rate', format: 'percent' },
  { name: 'registeredPoorRate', label: 'Registered poor rate', format: 'percent' },
  { name: 'returnToPovertyRate', label: 'Return to poverty', format: 'percent' },
  { name: 'meanIncome', label: 'Mean income (yuan, 2010)', format: 'yuan' },
  { name: 'gini', label: 'Gini', format: 'number' },
  { name: 'youthShare', label: 'Youth share (18-35)', format: 'percent' },
  { name: 'teachersPer1000Pupils', label: 'Teachers / 1,000 pupils', format: 'number' },
  { name: 'doctorsPer1000', label: 'Doctors / 1,000 residents', format: 'number' },
  { name: 'talentOutflow', label: 'Talent outflow (/year)', format: 'count' },
  { name: 'growthMomentum', label: 'Growth momentum', format: 'percent' },
  { name: 'ecoCapacity', label: 'Ecological capacity', format: 'number' },
  { name: 'loopGain', label: 'Loop gain', format: 'number' },
];

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function formatValue(x: number, format: Format): string {
  switch (format) {
    case 'count':
    case 'yuan':
      return grouped.format(Math.round(x) || 0);
    case 'percent':
      return `${(x * 100).toFixed(1)}%`;
    case 'number':
      return Math.abs(x) >= 100 ? grouped.format(x) : x.toFixed(Math.abs(x) >= 10 ? 1 : 3);
  }
}

function formatChange(start: number, end: number, format: Format): string {
  const sign = (d: number) => (d > 0 ? '+' : d < 0 ? '-' : '±');
  if (format === 'percent') {
    const pp = (end - start) * 100;
    return `${sign(pp)}${Math.abs(pp).toFixed(1)} pp`;
  }
  if (start === 0) return end === 0 ? '±0' : 'n/a';
  const rel = ((end - start) / Math.abs(start)) * 100;
  return `${sign(rel)}${Math.abs(rel).toFixed(1)}%`;
}

/** Quantile of sorted values, linear between order statistics (R type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 1) return sorted[0];
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
}

interface Stats {
  mean: number;
  p5: number;
  p95: number;
}

function stats(values: number[]): Stats {
  const sorted = values.slice().sort((a, b) => a - b);
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, p5: quantile(sorted, 0.05), p95: quantile(sorted, 0.95) };
}

/** Lays out rows: first column left-aligned, the others right-aligned, two spaces apart. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n');
}

/**
 * The default output of `npm run sim`: for the region and each county, the start and end
 * values of the key indicators; for an ensemble, the mean over runs and the 5-95% range.
 */
export function summaryTable(results: readonly RunResult[], scenario: Scenario): string {
  const { meta } = results[0];
  const endYear = meta.startYear + meta.years;
  const counties = meta.counties;
  const byTerrain = (['mountain', 'hill', 'plain'] as const)
    .map((t) => [t, counties.filter((c) => c.terrain === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${n} ${t}`);
  const runs = results.length;
  const lines = [
    `${scenario.title.en}${scenario.title.zh && scenario.title.zh !== scenario.title.en ? ` · ${scenario.title.zh}` : ''} (${scenario.id})`,
    `${counties.length} ${counties.length === 1 ? 'county' : 'counties'} (${byTerrain.join(', ')}) · ${meta.startYear}-${endYear} · scale ${meta.scale} · seed ${meta.seed} · ${runs} ${runs === 1 ? 'run' : `runs (mean and 5-95% range over runs)`}`,
  ];

  const units = [{ title: `Region (all ${counties.length} counties)`, unit: counties.length }].concat(
    counties.map((c, u) => ({ title: `${c.name.en}${c.name.zh && c.name.zh !== c.name.en ? ` ${c.name.zh}` : ''} (${c.id}, ${c.terrain})`, unit: u })),
  );
  const header = runs === 1
    ? ['', String(meta.startYear), String(endYear), 'change']
    : ['', `${meta.startYear} mean`, '5-95%', `${endYear} mean`, '5-95%'];

  for (const { title, unit } of units) {
    const rows = [header];
    for (const ind of SUMMARY_INDICATORS) {
      const at = (yearIndex: number) => stats(results.map((r) => resultValue(r, yearIndex, unit, ind.name)));
      const start = at(0);
      const end = at(meta.years);
      const f = (x: number) => formatValue(x, ind.format);
      rows.push(runs === 1
        ? [ind.label, f(start.mean), f(end.mean), formatChange(start.mean, end.mean, ind.format)]
        : [ind.label, f(start.mean), `${f(start.p5)} - ${f(start.p95)}`, f(end.mean), `${f(end.p5)} - ${f(end.p95)}`]);
    }
    lines.push('', title, table(rows));
  }
  return lines.join('\n') + '\n';
}
