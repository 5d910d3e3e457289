import type { Scenario } from '../../model';
import { clear, el } from '../dom/el';
import { bi, lang, onLangChange, t } from '../i18n/i18n';
import type { LibraryEntry } from '../scenario/library';

export interface ScenarioBarActions {
  pick(entry: LibraryEntry): void;
  importFile(file: File): void;
  exportScenario(): void;
  share(): void;
  exportCsv(): void;
  exportJson(): void;
  about(): void;
  toggleLanguage(): void;
}

/**
 * The top bar: app name, the scenario library picker with the current scenario's title,
 * import / export / share, run data downloads, "About the model" and the language toggle.
 */
export function createScenarioBar(library: LibraryEntry[], actions: ScenarioBarActions) {
  const brand = el('h1', { class: 'brand' });
  const pickLabel = el('label', { for: 'scenario-picker', class: 'inline-label' });
  const picker = el('select', { id: 'scenario-picker', class: 'select select-wide' });
  const title = el('span', { class: 'scenario-description', id: 'scenario-description' });
  const fileInput = el('input', { type: 'file', accept: '.json,application/json', id: 'import-file', class: 'visually-hidden', tabindex: -1 });
  const importBtn = el('button', { type: 'button', class: 'btn', id: 'import' });
  const exportBtn = el('button', { type: 'button', class: 'btn', id: 'export-scenario' });
  const shareBtn = el('button', { type: 'button', class: 'btn', id: 'share' });
  const csvBtn = el('button', { type: 'button', class: 'btn', id: 'export-csv' });
  const jsonBtn = el('button', { type: 'button', class: 'btn', id: 'export-json' });
  const aboutBtn = el('button', { type: 'button', class: 'btn', id: 'about-button' });
  const langBtn = el('button', { type: 'button', class: 'btn btn-lang', id: 'lang-toggle' });

  picker.addEventListener('change', () => {
    const entry = library.find((e) => e.file === picker.value);
    if (entry) actions.pick(entry);
  });
  importBtn.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) actions.importFile(f);
    fileInput.value = '';
  });
  exportBtn.addEventListener('click', actions.exportScenario);
  shareBtn.addEventListener('click', actions.share);
  csvBtn.addEventListener('click', actions.exportCsv);
  jsonBtn.addEventListener('click', actions.exportJson);
  aboutBtn.addEventListener('click', actions.about);
  langBtn.addEventListener('click', actions.toggleLanguage);

  let current: { scenario: Scenario; file: string | null; modified: boolean } | null = null;

  function render(): void {
    clear(brand);
    if (lang() === 'zh') brand.append(el('span', { text: t('app.name') }), el('small', { text: 'Poverty Loop', lang: 'en' }));
    else brand.append(el('span', { text: t('app.name') }));
    pickLabel.textContent = t('bar.scenario');
    importBtn.textContent = t('bar.import');
    importBtn.title = t('bar.importHint');
    exportBtn.textContent = t('bar.exportScenario');
    shareBtn.textContent = t('bar.share');
    csvBtn.textContent = t('bar.csv');
    csvBtn.title = t('bar.csvHint');
    jsonBtn.textContent = t('bar.json');
    aboutBtn.textContent = t('bar.about');
    // the toggle names the other language in that language
    langBtn.textContent = lang() === 'zh' ? 'English' : '中文';
    langBtn.setAttribute('lang', lang() === 'zh' ? 'en' : 'zh');
    langBtn.setAttribute('aria-label', lang() === 'zh' ? 'Switch to English' : '切换到中文');
    clear(picker);
    const inLibrary = current && current.file && !current.modified;
    if (current && !inLibrary) {
      picker.append(el('option', { value: '', text: `${bi(current.scenario.title)} (${current.modified ? t('bar.modified') : t('bar.custom')})` }));
    }
    for (const e of library) picker.append(el('option', { value: e.file, text: bi(e.scenario.title) }));
    picker.value = inLibrary ? current!.file! : '';
    if (current) {
      title.textContent = bi(current.scenario.description) || '';
      title.title = title.textContent;
    }
  }

  onLangChange(render);
  render();

  return {
    root: el('header', { class: 'topbar' },
      brand,
      el('div', { class: 'scenario-pick' }, pickLabel, picker, title),
      el('div', { class: 'bar-actions', role: 'toolbar', 'aria-label': t('bar.toolbar') }, importBtn, fileInput, exportBtn, shareBtn, csvBtn, jsonBtn, aboutBtn, langBtn)),
    /** Shows the scenario now loaded: its library file (if any) and whether it was edited. */
    setCurrent(scenario: Scenario, file: string | null, modified: boolean) {
      current = { scenario, file, modified };
      render();
    },
  };
}
