import { ScenarioError } from '../../model';
import { el } from '../dom/el';
import { t } from '../i18n/i18n';

/** A button on a notice. */
export interface NoticeAction {
  label: string;
  run: () => void;
  id?: string;
}

/**
 * Messages to the user: errors (role="alert", stay until closed) and short confirmations
 * (role="status", fade after a few seconds). Text only, never markup.
 */
export class Notices {
  readonly root: HTMLElement;
  private readonly alerts: HTMLElement;
  private readonly status: HTMLElement;
  private readonly prompts: HTMLElement;

  constructor() {
    this.alerts = el('div', { class: 'notice-stack', role: 'alert', 'aria-live': 'assertive', id: 'alerts' });
    this.status = el('div', { class: 'notice-stack', role: 'status', 'aria-live': 'polite', id: 'status' });
    this.prompts = el('div', { class: 'notice-stack', id: 'prompts' });
    this.root = el('div', { class: 'notices' }, this.alerts, this.prompts, this.status);
  }

  /**
   * A clear message for anything that stopped a scenario from loading or a run from going on;
   * `actions` adds buttons (e.g. restart the simulation), each closing the message when clicked.
   */
  error(title: string, error: unknown, actions: NoticeAction[] = [], hint = t('error.untouched')): void {
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
    const buttons = actionButtons(actions, 'btn btn-small btn-primary', () => node.remove());
    const node = el('div', { class: 'notice notice-error', 'data-kind': 'error' },
      el('strong', { text: title }),
      el('p', { class: 'notice-message', text: message, lang: 'en' }),
      ...details,
      el('p', { class: 'notice-hint', text: hint }),
      ...buttons,
      close);
    close.addEventListener('click', () => node.remove());
    this.alerts.replaceChildren(node);
    (buttons[0] ?? close).focus({ preventScroll: true });
  }

  /** A question with buttons (e.g. restore unsaved changes?); stays until answered or closed. */
  ask(text: string, actions: NoticeAction[], id?: string): HTMLElement {
    const buttons = actionButtons(actions, 'btn btn-small', () => node.remove());
    const node = el('div', { class: 'notice notice-info notice-ask', role: 'alertdialog', 'aria-label': text, id }, el('span', { text }), ...buttons);
    this.prompts.replaceChildren(node);
    return node;
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

/** A button per action: a click first dismisses the notice, then runs the action. */
function actionButtons(actions: NoticeAction[], className: string, dismiss: () => void): HTMLButtonElement[] {
  return actions.map((a) => {
    const b = el('button', { type: 'button', class: className, id: a.id, text: a.label });
    b.addEventListener('click', () => {
      dismiss();
      a.run();
    });
    return b;
  });
}
