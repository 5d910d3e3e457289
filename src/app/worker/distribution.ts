import { STATUS } from '../../model';

/**
 * The income distribution the app draws, binned in the worker from each year's household
 * snapshot so that every year can be shown again from a few kilobytes.
 *
 * Bins are log-spaced in per-capita income (yuan/person/year, 2010 prices): six per doubling from
 * 250 to 64,000 yuan; incomes below the first edge fall in the first bin, above the last in the
 * last. Layout: `weights[(unit * CATEGORIES + category) * BINS + bin]`, unit a county index or
 * `counties` for the region, weights in real households (agents × scale). After the bins come
 * exact counts per unit: `weights[SUMMARY_OFFSET(counties) + unit * 3 + j]`, j = 0 all households,
 * 1 below the poverty line, 2 from the line up to the top of the monitoring band.
 */
export const DIST_MIN = 250;
export const DIST_MAX = 64000;
export const BINS_PER_DOUBLING = 6;
export const BINS = Math.round(Math.log2(DIST_MAX / DIST_MIN) * BINS_PER_DOUBLING);

/** Registered and not exited / exited (or once registered) / never registered. */
export const CATEGORIES = 3;
export const CATEGORY = { registered: 0, exited: 1, never: 2 } as const;

/** Lower edge of bin b (b = BINS gives the upper edge of the last bin). */
export function binEdge(b: number): number {
  return DIST_MIN * 2 ** (b / BINS_PER_DOUBLING);
}

export function binOf(income: number): number {
  if (!(income > DIST_MIN)) return 0;
  const b = Math.floor(Math.log2(income / DIST_MIN) * BINS_PER_DOUBLING);
  return b >= BINS ? BINS - 1 : b;
}

export function categoryOf(status: number): number {
  if (status & STATUS.registered) return CATEGORY.registered;
  if (status & (STATUS.exited | STATUS.everRegistered)) return CATEGORY.exited;
  return CATEGORY.never;
}

/** Where the exact per-unit counts start. */
export function summaryOffset(counties: number): number {
  return (counties + 1) * CATEGORIES * BINS;
}

/**
 * Bins one snapshot; only households alive (in the model) are counted. `povertyLine` and
 * `bandTop` (yuan/person/year) give the exact counts below the line and in the band.
 */
export function binHouseholds(
  snapshot: { scale: number; income: Float32Array; status: Uint8Array; county: Uint8Array },
  counties: number,
  povertyLine: number,
  bandTop: number,
): Float64Array {
  const units = counties + 1;
  const summary = summaryOffset(counties);
  const w = new Float64Array(summary + units * 3);
  const { income, status, county, scale } = snapshot;
  const regionBase = counties * CATEGORIES * BINS;
  const regionSummary = summary + counties * 3;
  for (let i = 0; i < income.length; i++) {
    const s = status[i];
    if (!(s & STATUS.alive)) continue;
    const x = income[i];
    const off = categoryOf(s) * BINS + binOf(x);
    const c = county[i];
    w[c * CATEGORIES * BINS + off] += scale;
    w[regionBase + off] += scale;
    const j = x < povertyLine ? 1 : x < bandTop ? 2 : 0;
    w[summary + c * 3] += scale;
    w[regionSummary] += scale;
    if (j) {
      w[summary + c * 3 + j] += scale;
      w[regionSummary + j] += scale;
    }
  }
  return w;
}
