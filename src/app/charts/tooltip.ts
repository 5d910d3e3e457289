import { el } from '../dom/el';

/**
 * One floating tooltip for the whole page. Content is a list of lines set with textContent; it
 * follows the pointer, or sits next to a focused element for keyboard users.
 */
export class Tooltip {
  readonly node: HTMLDivElement;

  constructor() {
    this.node = el('div', { class: 'tooltip', role: 'tooltip', id: 'tooltip', hidden: true });
    document.body.append(this.node);
  }

  /** Shows lines (the first is the heading) near page coordinates (x, y). */
  show(lines: string[], x: number, y: number): void {
    this.node.replaceChildren(...lines.map((l, i) => el(i === 0 ? 'strong' : 'div', { text: l })));
    this.node.hidden = false;
    const pad = 14;
    const { width, height } = this.node.getBoundingClientRect();
    let left = x + pad;
    let top = y + pad;
    if (left + width > window.innerWidth - 4) left = Math.max(4, x - width - pad);
    if (top + height > window.innerHeight - 4) top = Math.max(4, y - height - pad);
    this.node.style.left = `${left}px`;
    this.node.style.top = `${top}px`;
  }

  /** Shows lines next to an element (for focus). */
  showAt(lines: string[], target: Element): void {
    const r = target.getBoundingClientRect();
    this.show(lines, r.right, r.top + r.height / 2);
  }

  hide(): void {
    this.node.hidden = true;
  }
}
