import type { Page } from 'playwright-core';

/**
 * Pairs of visible SVG texts, and of texts and circles (the current year's dots), whose boxes
 * overlap by more than `tolerance` pixels both ways, in every chart on the page, as
 * "chart | first × second (w×h)". The default of 2 pixels leaves out the 1-pixel line-height
 * slack between a county's name and its value on the map. A text never overlaps its own tspans,
 * nor a circle it sits inside (a numbered badge); hidden elements (display none, visibility
 * hidden, opacity 0 on them or an ancestor inside the svg) and empty texts are skipped. Labels
 * that collide are unreadable on a projector, so every view should give an empty list.
 */
export function textOverlaps(page: Page, tolerance = 2): Promise<string[]> {
  // A string, not a function: tsx keeps function names with a helper (__name) that the page lacks.
  return page.evaluate(`(${OVERLAPS})(${tolerance})`);
}

const OVERLAPS = `(tol) => {
  const shown = (el, top) => {
    for (let e = el; e && e !== top; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  const txt = (e) => (e.textContent || '').trim().slice(0, 40);
  const out = [];
  for (const svg of document.querySelectorAll('svg')) {
    const r = svg.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || !shown(svg, document.documentElement)) continue;
    const chart = (svg.closest('[id]') || {}).id || svg.getAttribute('class') || 'svg';
    const boxes = [...svg.querySelectorAll('text')]
      .filter((t) => txt(t) !== '' && shown(t, svg))
      .map((t) => ({ t, b: t.getBoundingClientRect() }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const c = boxes[j];
        if (a.t.contains(c.t) || c.t.contains(a.t)) continue;
        const w = Math.min(a.b.right, c.b.right) - Math.max(a.b.left, c.b.left);
        const h = Math.min(a.b.bottom, c.b.bottom) - Math.max(a.b.top, c.b.top);
        if (w > tol && h > tol) out.push(chart + ' | "' + txt(a.t) + '" × "' + txt(c.t) + '" (' + w.toFixed(0) + '×' + h.toFixed(0) + ')');
      }
    }
    // nor leave the chart: the svg clips what is outside it
    for (const a of boxes) {
      const w = Math.max(r.left - a.b.left, a.b.right - r.right, r.top - a.b.top, a.b.bottom - r.bottom);
      if (w > tol) out.push(chart + ' | "' + txt(a.t) + '" clipped at the chart edge (' + w.toFixed(0) + ' px)');
    }
    // markers (the current year's dots) must not cover a label either
    const dots = [...svg.querySelectorAll('circle')].filter((d) => shown(d, svg)).map((d) => d.getBoundingClientRect());
    for (const a of boxes) {
      for (const d of dots) {
        // a number inside its own circle (the loop diagram's stage badges) is meant to be there
        const inside = a.b.left >= d.left - 1 && a.b.right <= d.right + 1 && a.b.top >= d.top - 1 && a.b.bottom <= d.bottom + 1;
        if (inside) continue;
        const w = Math.min(a.b.right, d.right) - Math.max(a.b.left, d.left);
        const h = Math.min(a.b.bottom, d.bottom) - Math.max(a.b.top, d.top);
        if (w > tol && h > tol) out.push(chart + ' | "' + txt(a.t) + '" × a dot (' + w.toFixed(0) + '×' + h.toFixed(0) + ')');
      }
    }
  }
  return out;
}`;
