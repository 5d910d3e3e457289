import { INDICATORS, type IndicatorName, parseScenario, type Scenario, ScenarioError } from '../model';
import { createHexMap } from './charts/hexMap';
import { createIncomeDistribution } from './charts/incomeDistribution';
import { createLoopDiagram } from './charts/loopDiagram';
import { createSmallMultiples } from './charts/smallMultiples';
import { TERRAIN_COLOUR } from './charts/palette';
import { Tooltip } from './charts/tooltip';
import { type AppContext, viewUnit } from './context';
import { el } from './dom/el';
import { downloadText, slug } from './export/download';
import { runCsv, runJson, runProvenance } from './export/runExport';
import { fmtYear } from './i18n/format';
import { bi, initialLanguage, lang, onLangChange, setLang, t } from './i18n/i18n';
import { createAboutDialog } from './panels/aboutDialog';
import { createChartPanel } from './panels/chartPanel';
import { Notices } from './panels/notices';
import { createParamPanel } from './panels/paramPanel';
import { createPolicyPanel, type ScenarioSink } from './panels/policyPanel';
import { createRunControls } from './panels/runControls';
import { createScenarioBar } from './panels/scenarioBar';
import { type LibraryEntry, loadLibrary } from './scenario/library';
import { ReferenceChoice } from './research/reference';
import { decodeScenario, scenarioInHash, shareUrl } from './scenario/shareLink';
import { checkBrowserLimits } from './scenario/browserLimits';
import { INPUT_LIMITS } from '../model/scenario/limits';
import { Autosave } from './state/autosave';
import { Player } from './state/player';
import { Store } from './state/store';
import { SimClient, WorkerFault } from './worker/simClient';
import { createComparisonView } from './research/comparisonView';
import { createResearchView } from './research/researchView';
import { liveWorkerCount, setWorkerOverride } from './research/runPool';
import { ensembleFor, research } from './research/state';
import { unitName } from './i18n/labels';

/** What the test harness and the screenshots script may read (no control, no secrets). */
export interface AppHandle {
  ctx: AppContext;
  player: Player;
  ready: Promise<void>;
  /** Research views (ensembles, comparison, sweeps): state and hooks for the tests. */
  research: {
    state: typeof research;
    liveWorkers: () => number;
    /** Pins the ensemble pool's size (null: min(cores, runs)). */
    setWorkers: (n: number | null) => void;
    view: () => string;
  };
}

/**
 * Builds the page and loads the first scenario: the one in the address's hash if there is one
 * (a shared link), otherwise the library's baseline.
 */
export function startApp(mount: HTMLElement): AppHandle {
  setLang(initialLanguage(), false);
  const store = new Store({ yearIndex: 0, selected: null, mapIndicator: 'povertyRate', playing: false, speed: 2, busy: false });
  const sim = new SimClient();
  const tooltip = new Tooltip();
  const ctx: AppContext = { store, sim, tooltip, reference: null };
  const notices = new Notices();
  const autosave = new Autosave();
  /** A failed run: a dead worker offers a restart, a broken model state says so; nothing is lost. */
  const reportRunError = (e: unknown): void => {
    if (e instanceof WorkerFault) {
      notices.error(t('error.workerTitle'), e, [{ label: t('error.restart'), id: 'restart-sim', run: () => void restartSim() }], t('error.workerHint'));
    } else if (e instanceof Error && e.name === 'ModelHealthError') {
      notices.error(t('error.runTitle'), e, [], t('error.healthHint'));
    } else {
      notices.error(t('error.runTitle'), e);
    }
  };
  const player = new Player(ctx, reportRunError);
  sim.onFault(reportRunError);
  const about = createAboutDialog();
  const library = loadLibrary((file, e) => console.warn(`${file} skipped:`, e));

  /** Where the loaded scenario came from, for the picker. */
  let origin: { file: string | null; modified: boolean; lastGood: Scenario | null; original: Scenario | null } = {
    file: null, modified: false, lastGood: null, original: null,
  };

  // ---- the reference (before the change, without interventions, or a library scenario), run
  // alongside in a second worker for the comparison view and the overview's grey runs ----------
  const referenceChoice = new ReferenceChoice(library);
  const loaded = () => ({ current: sim.scenario, modified: origin.modified, original: origin.original });
  const referenceScenario = () => referenceChoice.resolve(loaded())?.scenario ?? null;
  let refSim: SimClient | null = null;
  let pumping = false;
  /** A reference the engine refused: not tried again until the choice or the scenario changes. */
  let refused: Scenario | null = null;
  /** Loads the reference in force and runs it up to the main run's year, until both settle. */
  async function pumpReference(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      // the choice, the scenario or the main run may move on while a year is computed
      for (let want = referenceScenario(); ; want = referenceScenario()) {
        if (!want || want === refused) {
          ctx.reference = null;
          return;
        }
        const before = refSim?.scenario === want ? refSim.frontier : -1;
        if (!(await followReference(want))) continue;
        const behind = refSim !== null && refSim.frontier < sim.frontier && !refSim.done;
        // settled, or no progress this round (the next year of the main run pumps again)
        if (referenceScenario() === want && (!behind || refSim!.frontier === before)) return;
      }
    } finally {
      pumping = false;
    }
  }

  /** One round for `want`: false if the choice changed meanwhile. */
  async function followReference(want: Scenario): Promise<boolean> {
    try {
      if (refSim?.fault) refSim = null;
      refSim ??= new SimClient();
      refSim.onData(scheduleRender);
      if (refSim.scenario !== want) {
        ctx.reference = null;
        await refSim.load(want);
      }
      if (referenceScenario() !== want) return false;
      ctx.reference = refSim;
      scheduleRender();
      while (referenceScenario() === want && refSim.frontier < sim.frontier && !refSim.done) {
        if (!(await refSim.step(1))) break;
      }
      return true;
    } catch (e) {
      console.warn('comparison run stopped:', e);
      refused = want;
      ctx.reference = null;
      return false;
    }
  }

  // ---- loading and rerunning ----------------------------------------------------------------
  let loadToken = 0;
  async function loadScenario(s: Scenario, opts: { keepYear: boolean; file: string | null; modified: boolean; original?: Scenario | null }): Promise<void> {
    const token = ++loadToken;
    const wasPlaying = store.state.playing;
    const target = opts.keepYear ? store.state.yearIndex : 0;
    try {
      checkBrowserLimits(s, opts.file ?? s.id);
    } catch (e) {
      // too large for this page: the running scenario stays as it is
      notices.error(t('error.title'), e, [], t('error.browserLimit'));
      return;
    }
    player.pause();
    // another scenario: the reference goes back to its default (a pick made while it loads stays)
    if (!opts.modified) referenceChoice.key = 'auto';
    store.set({ busy: true });
    try {
      try {
        await sim.load(s);
      } catch (e) {
        if (e instanceof WorkerFault) {
          reportRunError(e);
          return;
        }
        // the engine refused the scenario: say so, and go back to the one that was running
        notices.error(t('error.runTitle'), e);
        const previous = origin.lastGood;
        if (previous && token === loadToken) await sim.load(previous).catch(() => undefined);
        return;
      }
      if (token !== loadToken) return;
      origin = { file: opts.file, modified: opts.modified, lastGood: s, original: opts.modified ? opts.original ?? origin.original : s };
      if (opts.modified) {
        dropDraftOffer();
        autosave.schedule({ file: opts.file, scenario: s, original: origin.original });
      }
      if (!opts.modified) {
        // another scenario: the reference follows the new run
        ctx.reference = null;
        void pumpReference();
      }
      bar.setCurrent(s, opts.file, opts.modified);
      const counties = sim.meta!.counties.length;
      const sel = store.state.selected;
      store.set({ yearIndex: 0, selected: sel !== null && sel < counties ? sel : null });
      policy.refresh();
      params.refresh();
      if (target > 0) {
        await sim.runTo(Math.min(target, sim.years), () => {
          if (token === loadToken) store.set({ yearIndex: sim.frontier });
        });
      }
    } catch (e) {
      reportRunError(e);
    } finally {
      if (token === loadToken) store.set({ busy: false });
    }
    if (token === loadToken && wasPlaying) player.play();
  }

  const sink: ScenarioSink = {
    applyScenario: async (s) => {
      notices.clearErrors();
      // a lever added to a baseline: the comparison becomes the view
      const added = s.interventions.length > (sim.scenario?.interventions.length ?? 0);
      await loadScenario(s, { keepYear: true, file: origin.file, modified: true });
      if (added && origin.modified && sim.scenario === s) setView('comparison');
    },
    reportError: (e) => notices.error(t('error.title'), e),
  };

  async function importText(text: string, fileName: string): Promise<void> {
    let s: Scenario;
    try {
      s = checkBrowserLimits(parseScenario(text, fileName), fileName);
    } catch (e) {
      notices.error(t('error.importTitle', { file: fileName }), e);
      return;
    }
    notices.clearErrors();
    await loadScenario(s, { keepYear: false, file: null, modified: false });
    notices.info(t('notice.imported', { title: bi(s.title) }));
  }

  /** Reads a scenario file from the user, refusing an oversized one before reading it. */
  function importFile(file: File): void {
    if (file.size > INPUT_LIMITS.maxScenarioBytes) {
      notices.error(t('error.importTitle', { file: file.name }),
        new ScenarioError(file.name, '$', `a file of at most ${INPUT_LIMITS.maxScenarioBytes} bytes (limit)`, `${file.size} bytes`));
      return;
    }
    void file.text().then((text) => importText(text, file.name), (e: unknown) => notices.error(t('error.importTitle', { file: file.name }), e));
  }

  /** After a worker fault: a fresh worker, the same scenario (edits included), back to the year shown. */
  async function restartSim(): Promise<void> {
    const s = sim.scenario;
    sim.restart();
    notices.clearErrors();
    if (s) await loadScenario(s, { keepYear: true, file: origin.file, modified: origin.modified, original: origin.original });
  }

  // ---- unsaved edits from an earlier visit -------------------------------------------------
  // The last edits stay saved until new edits replace them or the user discards them: loading
  // another scenario does not forget them, so a slip in the picker loses nothing either.
  let draftOffer: HTMLElement | null = null;
  function dropDraftOffer(): void {
    draftOffer?.remove();
    draftOffer = null;
  }
  function offerDraft(): void {
    const draft = autosave.read();
    if (!draft) return;
    const time = draft.savedAt ? new Date(draft.savedAt).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB') : '';
    draftOffer = notices.ask(t('draft.offer', { title: bi(draft.scenario.title), time }), [
      {
        label: t('draft.restore'), id: 'draft-restore',
        run: () => {
          draftOffer = null;
          notices.clearErrors();
          void loadScenario(draft.scenario, { keepYear: false, file: draft.file, modified: true, original: draft.original }).then(() => {
            if (sim.scenario === draft.scenario) notices.info(t('draft.restored'));
          });
        },
      },
      {
        label: t('draft.discard'), id: 'draft-discard',
        run: () => {
          draftOffer = null;
          autosave.clear();
        },
      },
    ], 'draft-offer');
  }
  // keep the last edits however the page goes away
  window.addEventListener('pagehide', () => autosave.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') autosave.flush();
  });

  async function withBusy(job: () => Promise<void>): Promise<void> {
    player.pause();
    store.set({ busy: true });
    try {
      await job();
    } catch (e) {
      notices.error(t('error.runTitle'), e);
    } finally {
      store.set({ busy: false });
    }
  }

  // ---- top bar -------------------------------------------------------------------------------
  const bar = createScenarioBar(library, {
    pick: (entry: LibraryEntry) => {
      history.replaceState(null, '', location.pathname + location.search);
      notices.clearErrors();
      void loadScenario(entry.scenario, { keepYear: false, file: entry.file, modified: false });
    },
    importFile,
    exportScenario: () => {
      const s = sim.scenario;
      if (s) downloadText(`${slug(s.id)}.json`, `${JSON.stringify(s, null, 2)}\n`, 'application/json');
    },
    share: () => {
      const s = sim.scenario;
      if (!s) return;
      const url = shareUrl(s);
      history.replaceState(null, '', url);
      const field = el('input', { type: 'text', readonly: true, value: url, class: 'share-field', id: 'share-url', 'aria-label': t('notice.linkLabel') });
      field.addEventListener('focus', () => field.select());
      const copied = navigator.clipboard?.writeText(url).then(() => true, () => false) ?? Promise.resolve(false);
      void copied.then((ok) => notices.info(ok ? t('notice.linkCopied') : t('notice.linkReady'), field, 20000));
    },
    exportCsv: () =>
      void withBusy(async () => {
        const r = await sim.result();
        downloadText(`${slug(r.meta.scenarioId)}-seed${r.meta.seed}.csv`, runCsv(r), 'text/csv');
      }),
    exportJson: () =>
      void withBusy(async () => {
        const r = await sim.result();
        downloadText(`${slug(r.meta.scenarioId)}-seed${r.meta.seed}.json`, runJson(r, sim.scenario!), 'application/json');
      }),
    about: () => about.open(),
    toggleLanguage: () => setLang(lang() === 'zh' ? 'en' : 'zh'),
  });

  // ---- charts --------------------------------------------------------------------------------
  const unitAndYear = () => {
    const meta = sim.meta;
    if (!meta) return '';
    const u = viewUnit(ctx);
    return `${unitName(meta.counties, u)} · ${fmtYear(meta.startYear + store.state.yearIndex)}`;
  };
  // what made a figure of the loaded run (with the ensemble's runs where its band is drawn)
  const provenance = (withBand = false) => () => {
    if (!sim.scenario || !sim.meta) return undefined;
    const ens = withBand ? ensembleFor(sim.scenario) : null;
    return runProvenance(sim.scenario, sim.meta.seed, ens ? ens.results.length : 1);
  };
  const fileBase = (chart: string) => `${slug(sim.scenario?.id ?? 'run')}-${chart}-${fmtYear((sim.meta?.startYear ?? 0) + store.state.yearIndex)}`;

  const indicatorSelect = el('select', { id: 'map-indicator', class: 'select' });
  const indicatorLabel = el('label', { for: 'map-indicator', class: 'inline-label' });
  indicatorSelect.addEventListener('change', () => store.set({ mapIndicator: indicatorSelect.value as IndicatorName }));
  const fillIndicators = () => {
    indicatorLabel.textContent = t('map.colourBy');
    indicatorSelect.replaceChildren(...INDICATORS.map((i) => el('option', { value: i.name, text: bi(i.label) })));
    indicatorSelect.value = store.state.mapIndicator;
  };
  fillIndicators();
  onLangChange(fillIndicators);

  const terrainLegend = el('span', { class: 'terrain-legend', 'aria-hidden': 'true' });
  const fillTerrainLegend = () => {
    terrainLegend.replaceChildren(
      ...(['mountain', 'hill', 'plain'] as const).map((k) => {
        const sw = el('span', { class: 'swatch' });
        sw.style.background = TERRAIN_COLOUR[k];
        return el('span', { class: 'legend-item' }, sw, el('span', { text: t(`terrain.${k}`) }));
      }),
      el('span', { class: 'legend-item' }, el('span', { class: 'swatch swatch-dashed' }), el('span', { text: t('region') })),
    );
    // with an ensemble of the loaded scenario, the trajectories carry its median and band
    const ens = ensembleFor(sim.scenario);
    if (ens) {
      terrainLegend.append(el('span', { class: 'legend-item', id: 'band-legend' }, el('span', { class: 'swatch swatch-band' }),
        el('span', { text: t('band.legend', { n: ens.results.length }) })));
    }
  };
  fillTerrainLegend();
  onLangChange(fillTerrainLegend);
  research.onChange(fillTerrainLegend);
  sim.onData(() => {
    if (Boolean(terrainLegend.querySelector('#band-legend')) !== Boolean(ensembleFor(sim.scenario))) fillTerrainLegend();
  });

  const map = createChartPanel(ctx, {
    id: 'map', title: 'panel.map', subtitle: () => (sim.meta ? fmtYear(sim.meta.startYear + store.state.yearIndex) : ''),
    controls: [indicatorLabel, indicatorSelect], fileName: () => fileBase('map'), provenance: provenance(), create: createHexMap,
  });
  const loop = createChartPanel(ctx, {
    id: 'loop', title: 'panel.loop', subtitle: unitAndYear, fileName: () => fileBase('loop'), provenance: provenance(), create: createLoopDiagram,
  });
  const multiples = createChartPanel(ctx, {
    id: 'multiples', title: 'panel.multiples',
    subtitle: () => {
      const ens = ensembleFor(sim.scenario);
      return `${store.state.selected === null ? t('multiples.hint') : unitAndYear()}${ctx.reference ? ` · ${t('multiples.reference', { ref: referenceChoice.resolve(loaded())?.label() ?? '' })}` : ''}${ens ? ` · ${t('multiples.bandUnit')}` : ''}`;
    },
    controls: [terrainLegend], fileName: () => fileBase('trajectories'), provenance: provenance(true), create: createSmallMultiples,
  });
  const dist = createChartPanel(ctx, {
    id: 'distribution', title: 'panel.distribution', subtitle: unitAndYear, fileName: () => fileBase('income'), provenance: provenance(), create: createIncomeDistribution,
  });
  const panels = [map, loop, multiples, dist];

  let queued = false;
  function scheduleRender(): void {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      for (const p of panels) p.render();
      comparisonView.render();
      researchView.render();
    });
  }
  store.subscribe((_s, changed) => {
    if (changed.has('yearIndex') || changed.has('selected') || changed.has('mapIndicator')) scheduleRender();
  });
  sim.onData(scheduleRender);
  sim.onData(() => void pumpReference());
  onLangChange(scheduleRender);
  research.onChange(scheduleRender);

  // ---- sidebar -------------------------------------------------------------------------------
  const policy = createPolicyPanel(ctx, sink);
  // Play, Step and Space first apply a lever left open in the policy editor
  player.beforeRun = policy.applyPending;
  const params = createParamPanel(ctx, sink);
  const tabPolicy = el('button', { type: 'button', role: 'tab', id: 'tab-policy', 'aria-controls': 'tabpanel-policy', 'aria-selected': 'true', class: 'tab' });
  const tabParams = el('button', { type: 'button', role: 'tab', id: 'tab-params', 'aria-controls': 'tabpanel-params', 'aria-selected': 'false', class: 'tab', tabindex: -1 });
  const panePolicy = el('div', { role: 'tabpanel', id: 'tabpanel-policy', 'aria-labelledby': 'tab-policy', class: 'tabpanel' }, policy.root);
  const paneParams = el('div', { role: 'tabpanel', id: 'tabpanel-params', 'aria-labelledby': 'tab-params', class: 'tabpanel', hidden: true }, params.root);
  const selectTab = (which: 'policy' | 'params', focus = false) => {
    const isPolicy = which === 'policy';
    tabPolicy.setAttribute('aria-selected', String(isPolicy));
    tabParams.setAttribute('aria-selected', String(!isPolicy));
    tabPolicy.tabIndex = isPolicy ? 0 : -1;
    tabParams.tabIndex = isPolicy ? -1 : 0;
    panePolicy.hidden = !isPolicy;
    paneParams.hidden = isPolicy;
    if (focus) (isPolicy ? tabPolicy : tabParams).focus();
  };
  tabPolicy.addEventListener('click', () => selectTab('policy'));
  tabParams.addEventListener('click', () => selectTab('params'));
  for (const tab of [tabPolicy, tabParams]) {
    tab.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') selectTab(tab === tabPolicy ? 'params' : 'policy', true);
    });
  }
  const tabLabels = () => {
    tabPolicy.textContent = t('tab.policy');
    tabParams.textContent = t('tab.params');
  };
  tabLabels();
  onLangChange(tabLabels);
  const tablist = el('div', { role: 'tablist', class: 'tabs' }, tabPolicy, tabParams);
  const sidebar = el('aside', { class: 'sidebar', id: 'sidebar' }, tablist, panePolicy, paneParams);

  // ---- page ----------------------------------------------------------------------------------
  const skip = el('a', { class: 'skip-link', href: '#map' });
  const dropHint = el('div', { class: 'drop-overlay', hidden: true });
  // ---- views: overview (the four charts), comparison, research -----------------------------
  const comparisonView = createComparisonView(ctx, {
    options: () => referenceChoice.options(loaded()),
    resolve: () => referenceChoice.resolve(loaded()),
    choose: (key) => {
      referenceChoice.key = key;
      refused = null; // the user asks again: try again
      ctx.reference = null;
      void pumpReference();
      scheduleRender();
    },
  });
  const researchView = createResearchView(ctx);
  type View = 'overview' | 'comparison' | 'research';
  let view: View = 'overview';
  const viewButtons = (['overview', 'comparison', 'research'] as const).map((v) =>
    el('button', { type: 'button', role: 'tab', class: 'view-tab', id: `view-${v}`, 'data-view': v, 'aria-selected': String(v === view) }));
  const viewTabs = el('div', { role: 'tablist', class: 'view-tabs', id: 'view-tabs' }, ...viewButtons);
  function setView(v: View): void {
    view = v;
    for (const b of viewButtons) b.setAttribute('aria-selected', String(b.dataset.view === v));
    mainEl.dataset.view = v;
    comparisonView.root.hidden = v !== 'comparison';
    researchView.root.hidden = v !== 'research';
    for (const p of panels) p.section.hidden = v !== 'overview';
    scheduleRender();
  }
  for (const b of viewButtons) b.addEventListener('click', () => setView(b.dataset.view as View));
  const viewLabels = () => {
    viewTabs.setAttribute('aria-label', t('view.tabs'));
    for (const b of viewButtons) b.textContent = t(`view.${b.dataset.view as View}`);
  };
  viewLabels();
  onLangChange(viewLabels);
  bar.root.insertBefore(viewTabs, bar.root.querySelector('.bar-actions'));
  comparisonView.root.hidden = true;
  researchView.root.hidden = true;
  const mainEl = el('main', { class: 'layout', id: 'main', 'data-view': 'overview' }, sidebar, map.section, loop.section, multiples.section, dist.section,
    comparisonView.root, researchView.root);
  const runbar = createRunControls(ctx, player);
  const pageLabels = () => {
    skip.textContent = t('a11y.skip');
    dropHint.textContent = t('bar.drop');
    document.title = `${t('app.name')} · ${t('app.tagline')}`;
    sidebar.setAttribute('aria-label', t('a11y.sidebar'));
    tablist.setAttribute('aria-label', t('a11y.sidebar'));
    runbar.setAttribute('aria-label', t('a11y.runbar'));
  };
  pageLabels();
  onLangChange(pageLabels);
  mount.replaceChildren(skip, bar.root, runbar, notices.root, mainEl, about.dialog, dropHint);

  // drag and drop a scenario file anywhere on the page
  let dragDepth = 0;
  window.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    dragDepth++;
    dropHint.hidden = false;
  });
  window.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) dropHint.hidden = true;
  });
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    dragDepth = 0;
    dropHint.hidden = true;
    const file = e.dataTransfer?.files?.[0];
    if (file) importFile(file);
  });

  // keyboard: Space plays or pauses, arrows move the year (when no control has focus)
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea, button, summary, dialog, [role="button"], [contenteditable]')) return;
    if (e.key === ' ') {
      e.preventDefault();
      player.toggle();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const y = store.state.yearIndex + (e.key === 'ArrowRight' ? 1 : -1);
      store.set({ yearIndex: Math.max(0, Math.min(sim.frontier, y)) });
    }
  });

  // a link pasted into this tab
  window.addEventListener('hashchange', () => {
    const encoded = scenarioInHash();
    if (!encoded) return;
    try {
      const s = decodeScenario(encoded);
      void loadScenario(s, { keepYear: false, file: null, modified: false });
    } catch (e) {
      notices.error(t('error.linkTitle'), e);
    }
  });

  // ---- first scenario ------------------------------------------------------------------------
  let first: Scenario | null = library[0]?.scenario ?? null;
  let firstFile: string | null = library[0]?.file ?? null;
  const encoded = scenarioInHash();
  if (encoded) {
    try {
      first = decodeScenario(encoded);
      firstFile = null;
    } catch (e) {
      notices.error(t('error.linkTitle'), e);
    }
  }
  const ready = first
    ? loadScenario(first, { keepYear: false, file: firstFile, modified: false }).then(offerDraft)
    : Promise.reject(new Error('the scenario library is empty'));
  return {
    ctx, player, ready,
    research: { state: research, liveWorkers: liveWorkerCount, setWorkers: setWorkerOverride, view: () => view },
  };
}

