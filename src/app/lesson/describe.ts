import { INDICATORS, type IndicatorName, type RunMeta } from '../../model';
import type { CheckOutcome, LessonCheck, LessonMeasure, LessonOp, LessonQuestion, LessonStep } from '../../lesson';
import { fmtIndicator, fmtNumber, fmtPercent, fmtYear } from '../i18n/format';
import { bi, lang } from '../i18n/i18n';
import { lt } from './strings';
import { indicatorLabel } from '../i18n/labels';

const SPEC = new Map(INDICATORS.map((i) => [i.name as string, i]));

/** Shares are entered and shown as percentages. */
export function isShare(name: IndicatorName): boolean {
  const unit = SPEC.get(name)?.unit ?? '';
  return unit.startsWith('share') || name === 'growthMomentum';
}

/** A lesson unit (`region`, a terrain, a county id) in words. */
export function unitLabel(unit: string, counties: RunMeta['counties'] | readonly { id: string; name: { zh: string; en: string } }[]): string {
  if (unit === 'region' || unit === 'mountain' || unit === 'hill' || unit === 'plain') return lt(`unit.${unit}`);
  const c = counties.find((x) => x.id === unit);
  return c ? bi(c.name) : unit;
}

/** When a measure is taken, in words ("2020", "mean 2016–2018"). */
export function whenLabel(m: LessonMeasure): string {
  const from = fmtYear(m.from);
  const to = fmtYear(m.to);
  if (m.from === m.to) return lang() === 'zh' ? `${to}年` : to;
  return lt(`stat.${m.stat}`, { from, to });
}

/** A measured number: relative changes as percentages, shares as percentages, the rest by indicator. */
export function measureText(m: LessonMeasure, v: number): string {
  if (m.stat === 'pctChange') return signed(fmtPercent(v, 1), v);
  if (m.stat === 'change') return signed(diffText(m.indicator, v), v);
  return fmtIndicator(m.indicator, v);
}

function signed(s: string, v: number): string {
  return v > 0 && !s.startsWith('+') ? `+${s}` : s;
}

/** A difference of an indicator: percentage points for shares. */
export function diffText(indicator: IndicatorName, v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (isShare(indicator)) return lt('points', { n: fmtNumber(v * 100, 1) });
  return fmtIndicator(indicator, v);
}

const OP_TEXT: Record<LessonOp, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/** The rule a check states, e.g. "claim: < −2 pts" or "claim: > 60.0%". */
export function ruleText(check: LessonCheck): string {
  const ind = check.measure.indicator;
  let value: string;
  if (check.relative) value = fmtPercent(check.value, 0);
  else if (check.against) value = check.measure.stat === 'pctChange' ? fmtPercent(check.value, 0) : diffText(ind, check.value);
  else value = measureText(check.measure, check.value);
  return lt('claim.rule', { op: OP_TEXT[check.op], value });
}

export function opText(op: LessonOp): string {
  return OP_TEXT[op];
}

/** A check's measured numbers in words: the measure, what it is compared with, the difference. */
export function outcomeLines(check: LessonCheck, outcome: CheckOutcome, counties: RunMeta['counties']): string[] {
  const m = check.measure;
  const lines = [lt('claim.measure', { unit: unitLabel(m.unit, counties), indicator: indicatorLabel(m.indicator), when: whenLabel(m), value: measureText(m, outcome.left) })];
  if (check.against && outcome.right !== null) {
    const a = check.against.measure;
    const right = measureText(a, outcome.right);
    lines.push(check.against.run === 'compare' && a.unit === m.unit && a.from === m.from && a.to === m.to
      ? lt('claim.against.compare', { value: right })
      : lt('claim.against.this', { unit: `${check.against.run === 'compare' ? `${lt('pr.compareRun')} · ` : ''}${unitLabel(a.unit, counties)}`, when: whenLabel(a), value: right }));
    lines.push(lt('claim.diff', { value: check.relative ? signed(fmtPercent(outcome.compared, 1), outcome.compared) : signed(m.stat === 'pctChange' ? fmtPercent(outcome.compared, 1) : diffText(m.indicator, outcome.compared), outcome.compared) }));
  }
  return lines;
}

/** The top of an index whose unit reads '0..top' (carrying capacity 0..1, school quality 0..1.25), else null. */
export function indexTop(name: IndicatorName): number | null {
  const range = /^0\.\.(\d+(?:\.\d+)?)$/.exec(SPEC.get(name)?.unit ?? '');
  return range ? Number(range[1]) : null;
}

/**
 * The value the class typed for an estimate, in the indicator's own units: shares are typed in
 * percent; an index typed as a percentage (45 for 0.45; above the index's top, 1 or 1.25, and at
 * most 100 times it) is read as one.
 */
export function estimateFromInput(indicator: IndicatorName, text: string): number | null {
  const cleaned = text.replace(/[,，\s%％]/g, '').replace('。', '.');
  if (!cleaned) return null;
  const v = Number(cleaned);
  if (!Number.isFinite(v)) return null;
  if (isShare(indicator)) return v / 100;
  const top = indexTop(indicator);
  if (top !== null && v > top && v <= 100 * top) return v / 100;
  return v;
}

/** The estimate as the input shows it (share → percent number). */
export function estimateToInput(indicator: IndicatorName, v: number): string {
  return isShare(indicator) ? String(Math.round(v * 1000) / 10) : String(v);
}

/** The chart's title for a step: unit and indicator. */
export function chartTitle(step: LessonStep, counties: RunMeta['counties']): string {
  const u = unitLabel(step.focus.unit, counties);
  const i = indicatorLabel(step.focus.indicator);
  return lang() === 'zh' ? `${u} · ${i}` : `${i} · ${u}`;
}

/** Letters for choices (A, B, C…) with the key that picks them (1, 2, 3…). */
export function choiceLetter(i: number): string {
  return String.fromCharCode(65 + i);
}

/** The class's prediction in words, or null if none was recorded. */
export function predictionText(q: LessonQuestion, p: { choice?: number; value?: number; text?: string } | undefined): string | null {
  if (!p) return null;
  if (q.kind === 'choice' && p.choice !== undefined && q.choices[p.choice]) return `${choiceLetter(p.choice)}. ${bi(q.choices[p.choice])}`;
  if (q.kind === 'estimate' && p.value !== undefined && q.estimate) return fmtIndicator(q.estimate.indicator, p.value);
  if (q.kind === 'free' && p.text) return p.text;
  return null;
}
