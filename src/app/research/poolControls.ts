/**
 * A progress bar with pause, resume and cancel for one batch of runs on the ensemble pool, and
 * a status line that says what happened (done in how long on how many workers, cancelled, or
 * the error). Only one batch per control runs at a time.
 */
import type { RunResult } from '../../model';
import { el } from '../dom/el';
import { fmtNumber } from '../i18n/format';
import { onLangChange, t } from '../i18n/i18n';
import { PoolCancelled, type RunJob, RunPool } from './runPool';

export interface BatchResult {
  results: RunResult[];
  ms: number;
  workers: number;
  /** Sum of the runs' times inside the workers (see RunPool.busyMs). */
  busyMs: number;
}

export interface PoolControls {
  root: HTMLElement;
  readonly running: boolean;
  /** Runs the jobs; null when cancelled or failed (the status line says which). */
  run(jobs: readonly RunJob[], workers?: number): Promise<BatchResult | null>;
  /** Shows a message in the status line (e.g. the batch's outcome). */
  say(text: string): void;
  cancel(): void;
}

export function createPoolControls(id: string, options: { pausable: boolean; onRunningChange?: (running: boolean) => void }): PoolControls {
  const bar = el('progress', { id: `${id}-progress`, class: 'pool-progress', max: 1, value: 0 });
  const pauseBtn = el('button', { type: 'button', class: 'btn btn-small', id: `${id}-pause`, disabled: true, hidden: !options.pausable });
  const cancelBtn = el('button', { type: 'button', class: 'btn btn-small btn-danger', id: `${id}-cancel`, disabled: true });
  const status = el('span', { class: 'pool-status', id: `${id}-status`, role: 'status', 'aria-live': 'polite' });
  const root = el('div', { class: 'pool-controls', id: `${id}-controls`, 'data-state': 'idle' }, bar, pauseBtn, cancelBtn, status);
  let pool: RunPool | null = null;
  let progress = { done: 0, total: 0, workers: 0 };

  const labels = () => {
    pauseBtn.textContent = pool?.isPaused ? t('res.resume') : t('res.pause');
    cancelBtn.textContent = t('res.cancel');
    bar.setAttribute('aria-label', t('res.progress', { done: progress.done, total: progress.total, workers: progress.workers }));
    if (pool) status.textContent = t(pool.isPaused ? 'res.paused' : 'res.progress', progress);
  };
  labels();
  onLangChange(labels);

  const setState = (state: 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed') => root.setAttribute('data-state', state);

  pauseBtn.addEventListener('click', () => {
    if (!pool) return;
    if (pool.isPaused) pool.resume();
    else pool.pause();
    setState(pool.isPaused ? 'paused' : 'running');
    labels();
  });
  cancelBtn.addEventListener('click', () => pool?.cancel());

  return {
    root,
    get running() {
      return pool !== null;
    },
    async run(jobs, workers) {
      if (pool) throw new Error('a batch is already running');
      const p = new RunPool(jobs, (pr) => {
        progress = pr;
        bar.max = Math.max(1, pr.total);
        bar.value = pr.done;
        labels();
      }, workers);
      pool = p;
      progress = { done: 0, total: jobs.length, workers: p.size };
      bar.value = 0;
      setState('running');
      pauseBtn.disabled = false;
      cancelBtn.disabled = false;
      labels();
      options.onRunningChange?.(true);
      const t0 = performance.now();
      try {
        const results = await p.run();
        const ms = performance.now() - t0;
        setState('done');
        status.textContent = t('res.ensembleDone', { n: results.length, workers: p.size, s: fmtNumber(ms / 1000, 1) });
        return { results, ms, workers: p.size, busyMs: p.busyMs };
      } catch (e) {
        if (e instanceof PoolCancelled) {
          setState('cancelled');
          status.textContent = t('res.cancelled');
        } else {
          setState('failed');
          status.textContent = t('res.failed', { message: e instanceof Error ? e.message : String(e) });
        }
        return null;
      } finally {
        pool = null;
        pauseBtn.disabled = true;
        cancelBtn.disabled = true;
        pauseBtn.textContent = t('res.pause');
        options.onRunningChange?.(false);
      }
    },
    say(text) {
      status.textContent = text;
    },
    cancel() {
      pool?.cancel();
    },
  };
}
