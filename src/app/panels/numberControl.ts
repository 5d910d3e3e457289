import { el, uid } from '../dom/el';
import { fmtNumber } from '../i18n/format';

export interface NumberSpec {
  min: number;
  max: number;
  integer?: boolean;
}

const STEPS = 1000;

/** Wide ranges (several orders of magnitude) get a logarithmic slider. */
function isLog(spec: NumberSpec): boolean {
  return spec.min >= 0 && spec.max / Math.max(spec.min, 1e-9) >= 1000 && spec.max >= 1000;
}

function toSlider(spec: NumberSpec, v: number): number {
  if (!isLog(spec)) return ((v - spec.min) / (spec.max - spec.min)) * STEPS;
  const lo = Math.max(spec.min, spec.max / 1e5);
  if (v <= spec.min) return 0;
  return Math.max(1, (Math.log(Math.max(v, lo) / lo) / Math.log(spec.max / lo)) * STEPS);
}

function fromSlider(spec: NumberSpec, p: number): number {
  let v: number;
  if (!isLog(spec)) v = spec.min + (p / STEPS) * (spec.max - spec.min);
  else {
    const lo = Math.max(spec.min, spec.max / 1e5);
    v = p <= 0 ? spec.min : lo * (spec.max / lo) ** (p / STEPS);
    // two significant digits read better than 123456789 on a log slider
    if (v > 0) {
      const mag = 10 ** (Math.floor(Math.log10(v)) - 1);
      v = Math.round(v / mag) * mag;
    }
  }
  if (spec.integer) v = Math.round(v);
  else if (!isLog(spec)) {
    const span = spec.max - spec.min;
    const q = 10 ** (Math.floor(Math.log10(span)) - 3);
    v = Math.round(v / q) * q;
    v = Number(v.toPrecision(12));
  }
  return Math.min(spec.max, Math.max(spec.min, v));
}

/**
 * A slider and a number box kept in step. `onChange` fires when the user commits a value
 * (slider released, number box changed), not on every pixel of a drag.
 */
export function numberControl(
  spec: NumberSpec,
  value: number,
  labelText: string,
  onChange: (v: number) => void,
  onInput?: (v: number) => void,
): { root: HTMLElement; slider: HTMLInputElement; box: HTMLInputElement; set(v: number): void; labelId: string } {
  const id = uid('num');
  const labelId = `${id}-label`;
  const slider = el('input', {
    type: 'range', min: 0, max: STEPS, step: 1, value: toSlider(spec, value), class: 'slider',
    'aria-labelledby': labelId, 'aria-valuetext': fmtNumber(value, 4),
  });
  const box = el('input', {
    type: 'number', min: spec.min, max: spec.max, step: spec.integer ? 1 : 'any', value: String(value), class: 'number-box', 'aria-label': labelText,
  });
  const set = (v: number) => {
    slider.value = String(toSlider(spec, v));
    slider.setAttribute('aria-valuetext', fmtNumber(v, 4));
    box.value = String(v);
  };
  slider.addEventListener('input', () => {
    const v = fromSlider(spec, Number(slider.value));
    box.value = String(v);
    slider.setAttribute('aria-valuetext', fmtNumber(v, 4));
    onInput?.(v);
  });
  slider.addEventListener('change', () => onChange(fromSlider(spec, Number(slider.value))));
  box.addEventListener('change', () => {
    let v = Number(box.value);
    if (!Number.isFinite(v)) v = value;
    v = Math.min(spec.max, Math.max(spec.min, spec.integer ? Math.round(v) : v));
    set(v);
    onChange(v);
  });
  return { root: el('div', { class: 'number-control' }, slider, box), slider, box, set, labelId };
}
