import { color, interpolateViridis } from 'd3';
import type { Terrain } from '../../model';

/**
 * Okabe-Ito colours (distinguishable with every common colour-vision deficiency) for categories,
 * viridis for sequential scales. Text colours meet WCAG AA on the light background.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export const INK = '#1a1a1a';
export const INK_MUTED = '#4a4a4a';
export const GRID = '#d9d9d9';
export const PAPER = '#ffffff';

/** County line colours by terrain. */
export const TERRAIN_COLOUR: Record<Terrain, string> = {
  mountain: OKABE_ITO.vermillion,
  hill: OKABE_ITO.orange,
  plain: OKABE_ITO.blue,
};

/** Household categories in the income distribution. */
export const CATEGORY_COLOUR = [OKABE_ITO.vermillion, OKABE_ITO.bluishGreen, '#9aa5b1'] as const;

/** Links of the loop: reinforcing the vicious circle / working against it. */
export const REINFORCING = OKABE_ITO.vermillion;
export const DAMPING = OKABE_ITO.blue;

export const sequential = interpolateViridis;

/** Black or white, whichever reads better on `fill` (WCAG relative luminance). */
export function textOn(fill: string): string {
  const c = color(fill)?.rgb();
  if (!c) return INK;
  const lin = (v: number) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  const lum = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  return lum > 0.18 ? INK : PAPER;
}
