import { el } from '../dom/el';
import { onLangChange, t } from '../i18n/i18n';
import type { StringId } from '../i18n/strings';

const SECTIONS: { title: StringId; paragraphs: StringId[] }[] = [
  { title: 'about.loop.title', paragraphs: ['about.loop.p1', 'about.loop.p2'] },
  { title: 'about.stages.title', paragraphs: ['about.stages.1', 'about.stages.2', 'about.stages.3', 'about.stages.4', 'about.stages.5'] },
  { title: 'about.gain.title', paragraphs: ['about.gain.p1'] },
  { title: 'about.agents.title', paragraphs: ['about.agents.p1', 'about.agents.p2'] },
  { title: 'about.use.title', paragraphs: ['about.use.p1', 'about.use.p2', 'about.use.p3'] },
  { title: 'about.more.title', paragraphs: ['about.more.p1', 'about.more.p2'] },
];

/** "About the model": the loop explained in the current language, with pointers to the docs. */
export function createAboutDialog(): { dialog: HTMLDialogElement; open(): void } {
  const dialog = el('dialog', { class: 'about', id: 'about', 'aria-labelledby': 'about-title' });
  function render(): void {
    const close = el('button', { type: 'button', class: 'btn', text: t('notice.close') });
    close.addEventListener('click', () => dialog.close());
    const body = el('div', { class: 'about-body' });
    for (const s of SECTIONS) {
      body.append(el('h3', { text: t(s.title) }));
      const list = s.title === 'about.stages.title';
      const container = list ? el('ol', { class: 'stage-list' }) : body;
      for (const p of s.paragraphs) container.append(el(list ? 'li' : 'p', { text: t(p) }));
      if (list) body.append(container);
    }
    dialog.replaceChildren(el('div', { class: 'about-head' }, el('h2', { id: 'about-title', text: t('about.title') }), close), body);
  }
  render();
  onLangChange(render);
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  return { dialog, open: () => dialog.showModal() };
}
