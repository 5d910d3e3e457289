import { type ArmResults, type CostEffectiveness, costEffectiveness, type Factorial, interactionContrasts, interactionVerdict, pairedDifferences, type RatioSummary } from '../analysis/index';
import { type IndicatorName, resultValue, type RunMeta, type RunResult, type Scenario } from '../model/index';

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
  median: number;
  p5: number;
  p95: number;
}

function stats(values: number[]): Stats {
  const sorted = values.slice().sort((a, b) => a - b);
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, median: quantile(sorted, 0.5), p5: quantile(sorted, 0.05), p95: quantile(sorted, 0.95) };
}

/** Lays out rows: first column left-aligned, the others right-aligned, two spaces apart. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n');
}

/** The blocks of a summary: the region (unit index = county count), then each county. */
function tableUnits(counties: RunMeta['counties']): { title: string; unit: number }[] {
  return [{ title: `Region (all ${counties.length} counties)`, unit: counties.length }].concat(
    counties.map((c, u) => ({ title: `${c.name.en}${c.name.zh && c.name.zh !== c.name.en ? ` ${c.name.zh}` : ''} (${c.id}, ${c.terrain})`, unit: u })),
  );
}

/**
 * The default output of `npm run sim`: for the region and each county, the start and end
 * values of the key indicators; for an ensemble, the median over runs and the 5-95% band.
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
    `${counties.length} ${counties.length === 1 ? 'county' : 'counties'} (${byTerrain.join(', ')}) · ${meta.startYear}-${endYear} · scale ${meta.scale} · seed ${meta.seed} · ${runs} ${runs === 1 ? 'run' : `runs (median and 5-95% band over runs)`}`,
  ];

  const units = tableUnits(counties);
  const header = runs === 1
    ? ['', String(meta.startYear), String(endYear), 'change']
    : ['', `${meta.startYear} median`, '5-95%', `${endYear} median`, '5-95%'];

  for (const { title, unit } of units) {
    const rows = [header];
    for (const ind of SUMMARY_INDICATORS) {
      const at = (yearIndex: number) => stats(results.map((r) => resultValue(r, yearIndex, unit, ind.name)));
      const start = at(0);
      const end = at(meta.years);
      const f = (x: number) => formatValue(x, ind.format);
      rows.push(runs === 1
        ? [ind.label, f(start.mean), f(end.mean), formatChange(start.mean, end.mean, ind.format)]
        : [ind.label, f(start.median), `${f(start.p5)} - ${f(start.p95)}`, f(end.median), `${f(end.p5)} - ${f(end.p95)}`]);
    }
    lines.push('', title, table(rows));
  }
  return lines.join('\n') + '\n';
}

function formatDifference(x: number, format: Format): string {
  const magnitude = format === 'percent' ? `${Math.abs(x * 100).toFixed(1)} pp` : formatValue(Math.abs(x), format);
  // A difference that rounds to zero is shown as ±0, whatever its sign.
  const sign = /[1-9]/.test(magnitude) ? (x > 0 ? '+' : '-') : '±';
  return `${sign}${magnitude}`;
}

function title(s: Scenario): string {
  return `${s.title.en}${s.title.zh && s.title.zh !== s.title.en ? ` · ${s.title.zh}` : ''} (${s.id})`;
}

const yuan = (x: number) => `${x < 0 ? '-' : ''}${grouped.format(Math.abs(Math.round(x)))}`;

function ratioLine(name: string, r: RatioSummary, runs: number): string {
  if (r.band.n === 0) return `${name}: n/a (no run with a positive effect)`;
  const band = r.band.n > 1 ? ` (5-95%: ${yuan(r.band.lo)} - ${yuan(r.band.hi)})` : '';
  const undef = r.undefinedRuns ? `; ${r.undefinedRuns} of ${runs} runs without a positive effect left out` : '';
  const pooled = r.pooled === null ? 'n/a' : yuan(r.pooled);
  return `${name}: median ${yuan(r.band.median)}${band}; pooled (mean yuan / mean effect) ${pooled}${undef}`;
}

/** The cost-effectiveness block of a comparison (yuan at 2010 prices). */
export function costEffectivenessText(ce: CostEffectiveness): string {
  const runs = ce.runs.length;
  const b = (x: { median: number; lo: number; hi: number }, f: (v: number) => string) => `${f(x.median)}${runs > 1 ? ` (5-95%: ${f(x.lo)} - ${f(x.hi)})` : ''}`;
  const count = (x: number) => grouped.format(Math.round(x) || 0);
  return [
    'Cost-effectiveness against the baseline (yuan at 2010 prices; docs/sweeps.md, "Cost-effectiveness")',
    `Extra yuan spent: ${b(ce.yuan, yuan)}`,
    `Person-years out of poverty: ${b(ce.personYears, count)}`,
    `Extra household exits lasting ${ce.followUpYears} years: ${b(ce.lastingExits, count)}`,
    ratioLine('Yuan per person-year out of poverty', ce.yuanPerPersonYear, runs),
    ratioLine(`Yuan per exit lasting ${ce.followUpYears} years`, ce.yuanPerLastingExit, runs),
  ].join('\n');
}

/**
 * The summary of `sim --baseline`: for the region and each county, the end-year medians of the
 * baseline and the alternative and their paired difference with its 5-95% band, then the
 * cost-effectiveness.
 */
export function comparisonTable(baseline: readonly RunResult[], alternative: readonly RunResult[], baseScenario: Scenario, altScenario: Scenario): string {
  const diffs = pairedDifferences(baseline, alternative);
  const { meta } = alternative[0];
  const endYear = meta.startYear + meta.years;
  const runs = alternative.length;
  const lines = [
    `${title(altScenario)} against ${title(baseScenario)}`,
    `${meta.counties.length} ${meta.counties.length === 1 ? 'county' : 'counties'} · ${meta.startYear}-${endYear} · scale ${meta.scale} · seed ${meta.seed} · ${runs} ${runs === 1 ? 'run' : 'runs'} of each on the same seeds (medians; difference = alternative - baseline, paired by run)`,
  ];
  const units = tableUnits(meta.counties);
  const header = ['', `${endYear} baseline`, 'alternative', 'difference', ...(runs > 1 ? ['5-95%'] : [])];
  for (const { title: t, unit } of units) {
    const rows = [header];
    for (const ind of SUMMARY_INDICATORS) {
      const at = (rs: readonly RunResult[]) => stats(rs.map((r) => resultValue(r, meta.years, unit, ind.name)));
      const base = at(baseline);
      const alt = at(alternative);
      const d = at(diffs);
      const f = (x: number) => formatValue(x, ind.format);
      const fd = (x: number) => formatDifference(x, ind.format);
      rows.push([ind.label, f(base.median), f(alt.median), fd(d.median), ...(runs > 1 ? [`${fd(d.p5)} to ${fd(d.p95)}`] : [])]);
    }
    lines.push('', t, table(rows));
  }
  lines.push('', costEffectivenessText(costEffectiveness(baseline, alternative)));
  return lines.join('\n') + '\n';
}

const VERDICT_TEXT = {
  more: 'A does more with B',
  less: 'A does less with B',
  above: 'above 0',
  below: 'below 0',
  unclear: 'band holds 0',
} as const;

/**
 * The summary of `sim --interaction`: for the region and each county, the end-year medians of A's
 * effect without B and with B (paired run by run) and of the interaction, with its 5-95% band and
 * what it says.
 */
export function interactionTable(results: ArmResults, factorial: Factorial, scenario: Scenario): string {
  const c = interactionContrasts(results);
  const { meta } = results.both[0];
  const endYear = meta.startYear + meta.years;
  const runs = results.both.length;
  const lines = [
    `Interaction in ${title(scenario)}`,
    `A = ${factorial.a.join(', ')}; B = ${factorial.b.join(', ')} (the scenario's other interventions)`,
    `${meta.counties.length} ${meta.counties.length === 1 ? 'county' : 'counties'} · ${meta.startYear}-${endYear} · scale ${meta.scale} · seed ${meta.seed} · ${runs} ${runs === 1 ? 'run' : 'runs'} of each of 4 arms (neither, A only, B only, both) on the same seeds`,
    `Medians at ${endYear} over runs: A without B = A only - neither; A with B = both - B only; interaction = (A with B) - (A without B), paired by run. "A does more (less) with B": the 5-95% bands of A's effect and of the interaction both exclude 0, with the same (opposite) sign (docs/sweeps.md, "Interaction")`,
  ];
  const units = tableUnits(meta.counties);
  const header = ['', 'A without B', 'A with B', 'interaction', ...(runs > 1 ? ['5-95%', ''] : [])];
  for (const { title: t, unit } of units) {
    const rows = [header];
    for (const ind of SUMMARY_INDICATORS) {
      const at = (rs: readonly RunResult[]) => stats(rs.map((r) => resultValue(r, meta.years, unit, ind.name)));
      const alone = at(c.aWithoutB);
      const withB = at(c.aWithB);
      const x = at(c.interaction);
      const fd = (v: number) => formatDifference(v, ind.format);
      rows.push([ind.label, fd(alone.median), fd(withB.median), fd(x.median), ...(runs > 1 ? [`${fd(x.p5)} to ${fd(x.p95)}`, VERDICT_TEXT[interactionVerdict({ lo: alone.p5, hi: alone.p95 }, { lo: x.p5, hi: x.p95 })]] : [])]);
    }
    lines.push('', t, table(rows));
  }
  if (runs === 1) lines.push('', 'One run: the interaction includes chance. Use --runs 12 or more to see its band.');
  return lines.join('\n') + '\n';
}
