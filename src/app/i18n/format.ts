import { INDICATORS, type IndicatorName } from '../../model';
import { lang, locale } from './i18n';

const cache = new Map<string, Intl.NumberFormat>();
function nf(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale() + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(), options);
    cache.set(key, f);
  }
  return f;
}

/** A number with grouping, up to `digits` decimals. */
export function fmtNumber(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  return nf({ maximumFractionDigits: digits }).format(x);
}

/** A number with exactly `digits` decimals (1.60, not 1.6): for values read side by side. */
export function fmtFixed(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  return nf({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** A share (0.123) as a percentage (12.3%). */
export function fmtPercent(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return '–';
  return nf({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** Large numbers short: 1.2万 / 3.4亿 in Chinese, 12K / 340M in English. */
export function fmtCompact(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return '–';
  if (Math.abs(x) < 10000) return fmtNumber(x, Math.abs(x) < 10 ? 2 : 0);
  return nf({ notation: 'compact', maximumFractionDigits: digits }).format(x);
}

/** Yuan, short, with the unit word of the language. */
export function fmtYuan(x: number): string {
  return lang() === 'zh' ? `${fmtCompact(x)}元` : `¥${fmtCompact(x)}`;
}

/** A calendar year, never grouped (2020, not 2,020). */
export function fmtYear(y: number): string {
  return String(Math.round(y));
}

const UNIT_OF = new Map<string, string>(INDICATORS.map((i) => [i.name, i.unit]));

/** How an indicator's value reads best: percentages for shares, short forms for counts and yuan. */
export function fmtIndicator(name: IndicatorName | string, value: number): string {
  const unit = UNIT_OF.get(name) ?? '';
  if (unit.startsWith('share') || name === 'growthMomentum') return fmtPercent(value, Math.abs(value) < 0.1 ? 1 : 0);
  if (unit.startsWith('yuan')) return fmtYuan(value);
  if (/people|professionals|teachers\/year|doctors\/year|households\/year/.test(unit)) return fmtCompact(value, 1);
  if (/per 1000|\/1000/.test(unit)) return fmtNumber(value, 1);
  return fmtNumber(value, 2);
}
