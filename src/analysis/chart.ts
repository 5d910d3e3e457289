/**
 * A self-contained SVG chart of a sweep's outcome against each varied value: one panel per
 * factor, a dot per run, and the median over runs at each distinct value joined by a line.
 * Pure string building (no DOM), so the command line writes it and the browser can show it.
 */
import type { FactorValue } from './design';
import { quantile } from './stats';
import type { BoundSweep } from './sweepFile';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r2 = (x: number) => Math.round(x * 100) / 100;

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function label(x: number): string {
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return x.toExponential(1);
  return String(Number(x.toPrecision(4)));
}

export interface ChartOptions {
  panelWidth?: number;
  panelHeight?: number;
  columns?: number;
}

/** The SVG document (UTF-8 text). `outcomes[t]` is the outcome of run t of the sweep. */
export function sweepChartSvg(b: BoundSweep, outcomes: readonly number[], options: ChartOptions = {}): string {
  const pw = options.panelWidth ?? 320;
  const ph = options.panelHeight ?? 240;
  const cols = Math.min(options.columns ?? 3, b.factors.length);
  const rows = Math.ceil(b.factors.length / cols);
  const top = 36;
  const W = cols * pw;
  const H = top + rows * ph;
  const m = { l: 58, r: 14, t: 26, b: 40 };
  const finite = outcomes.filter(Number.isFinite);
  let yLo = Math.min(...finite);
  let yHi = Math.max(...finite);
  if (!(yHi > yLo)) {
    yLo -= Math.abs(yLo) * 0.05 || 1;
    yHi += Math.abs(yHi) * 0.05 || 1;
  }
  const pad = (yHi - yLo) * 0.05;
  yLo -= pad;
  yHi += pad;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${esc(`${b.outcome.label} against the varied values (${b.spec.id}, ${b.runs} runs)`)}</text>`,
  ];
  b.factors.forEach((f, j) => {
    const ox = (j % cols) * pw;
    const oy = top + Math.floor(j / cols) * ph;
    const iw = pw - m.l - m.r;
    const ih = ph - m.t - m.b;
    const vals: FactorValue[] = b.design.points.map((p) => p[j]);
    const numeric = vals.every((v) => typeof v === 'number');
    const distinct = [...new Set(vals)];
    if (numeric) (distinct as number[]).sort((a, c) => a - c);
    let xOf: (v: FactorValue) => number;
    let xTicks: { at: number; text: string }[];
    if (numeric) {
      const lo = Math.min(...(distinct as number[]));
      const hi = Math.max(...(distinct as number[]));
      const span = hi > lo ? hi - lo : 1;
      xOf = (v) => (hi > lo ? 0.05 + (0.9 * ((v as number) - lo)) / span : 0.5) * iw;
      xTicks = (hi > lo ? niceTicks(lo, hi, 4) : [lo]).map((t) => ({ at: xOf(t), text: label(t) }));
    } else {
      xOf = (v) => ((distinct.indexOf(v) + 0.5) / distinct.length) * iw;
      xTicks = distinct.map((v) => ({ at: xOf(v), text: String(v) }));
    }
    const yOf = (v: number) => ih - ((v - yLo) / (yHi - yLo)) * ih;
    parts.push(`<g transform="translate(${ox + m.l},${oy + m.t})">`);
    parts.push(`<rect width="${iw}" height="${ih}" fill="none" stroke="#ccc"/>`);
    for (const t of niceTicks(yLo, yHi, 4)) {
      if (t < yLo || t > yHi) continue;
      parts.push(`<line x1="0" x2="${iw}" y1="${r2(yOf(t))}" y2="${r2(yOf(t))}" stroke="#eee"/><text x="-4" y="${r2(yOf(t) + 4)}" text-anchor="end">${esc(label(t))}</text>`);
    }
    for (const t of xTicks) parts.push(`<text x="${r2(t.at)}" y="${ih + 14}" text-anchor="middle">${esc(t.text)}</text>`);
    parts.push(`<text x="${iw / 2}" y="${ih + 30}" text-anchor="middle">${esc(f.name)}</text>`);
    for (let t = 0; t < outcomes.length; t++) {
      const v = vals[Math.floor(t / b.repetitions)];
      if (!Number.isFinite(outcomes[t])) continue;
      parts.push(`<circle cx="${r2(xOf(v))}" cy="${r2(yOf(outcomes[t]))}" r="2.5" fill="#1f77b4" fill-opacity="0.45"/>`);
    }
    // Median over every run at each distinct value (marginal over the other factors).
    if (distinct.length <= 60) {
      const med = distinct.map((v) => {
        const ys: number[] = [];
        for (let t = 0; t < outcomes.length; t++) if (vals[Math.floor(t / b.repetitions)] === v && Number.isFinite(outcomes[t])) ys.push(outcomes[t]);
        return [xOf(v), yOf(quantile(ys, 0.5))] as const;
      });
      parts.push(`<polyline points="${med.map(([x, y]) => `${r2(x)},${r2(y)}`).join(' ')}" fill="none" stroke="#d62728" stroke-width="1.5"/>`);
    }
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
