import { ScenarioError } from '../../model';
import { el } from '../dom/el';
import { t } from '../i18n/i18n';

/**
 * Messages to the user: errors (role="alert", stay until closed) and short confirmations
 * (role="status", fade after a few seconds). Text only, never markup.
 */
export class Notices {
  readonly root: HTMLElement;
  private readonly alerts: HTMLElement;
  private readonly status: HTMLElement;

  constructor() {
    this.alerts = el('div', { class: 'notice-stack', role: 'alert', 'aria-live': 'assertive', id: 'alerts' });
    this.status = el('div', { class: 'notice-stack', role: 'status', 'aria-live': 'polite', id: 'status' });
    this.root = el('div', { class: 'notices' }, this.alerts, this.status);
  }

  /** A clear message for anything that stopped a scenario from loading. */
  error(title: string, error: unknown): void {
    const details: HTMLElement[] = [];
    if (error instanceof ScenarioError) {
      details.push(
        el('dl', { class: 'error-fields' },
          el('dt', { text: t('error.file') }), el('dd', { text: error.file }),
          el('dt', { text: t('error.path') }), el('dd', { text: error.path }),
          el('dt', { text: t('error.expected') }), el('dd', { text: error.expected, lang: 'en' }),
          error.got !== undefined ? el('dt', { text: t('error.got') }) : null,
          error.got !== undefined ? el('dd', { text: error.got }) : null,
        ),
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    const close = el('button', { type: 'button', class: 'btn btn-small', text: t('notice.close') });
    const node = el('div', { class: 'notice notice-error', 'data-kind': 'error' },
      el('strong', { text: title }),
      el('p', { class: 'notice-message', text: message, lang: 'en' }),
      ...details,
      el('p', { class: 'notice-hint', text: t('error.untouched') }),
      close);
    close.addEventListener('click', () => node.remove());
    this.alerts.replaceChildren(node);
    close.focus({ preventScroll: true });
  }

  /** A confirmation; optional extra content (e.g. a link to copy by hand). */
  info(text: string, extra?: HTMLElement, ms = 6000): void {
    const close = el('button', { type: 'button', class: 'btn btn-small', text: t('notice.close') });
    const node = el('div', { class: 'notice notice-info' }, el('span', { text }), extra ?? null, close);
    close.addEventListener('click', () => node.remove());
    this.status.replaceChildren(node);
    if (ms > 0) setTimeout(() => node.remove(), ms);
  }

  clearErrors(): void {
    this.alerts.replaceChildren();
  }
}
