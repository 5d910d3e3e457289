/**
 * Offline use: registers the service worker that the build writes to `sw.js` (see
 * vitePlugin.ts). After one visit the whole site, lessons included, is cached on the computer and
 * opens without a network. Only in the built site (the dev server serves modules live) and only in
 * a secure context (https, or http://localhost / 127.0.0.1, as `node serve.mjs` gives).
 */
/** `dev`: the development server (npm start), which never caches; `none`: a browser or address without service workers. */
export type OfflineState = 'ready' | 'pending' | 'none' | 'dev';

/** Defined (true) by vitePlugin.ts in builds that write sw.js; absent under the dev server. */
declare const __POVERTY_LOOP_SW__: boolean | undefined;

const BUILT = typeof __POVERTY_LOOP_SW__ !== 'undefined' && __POVERTY_LOOP_SW__;
let state: OfflineState = BUILT ? 'none' : 'dev';
const listeners = new Set<(s: OfflineState) => void>();

function set(next: OfflineState): void {
  if (next === state) return;
  state = next;
  for (const cb of listeners) cb(state);
}

export function offlineState(): OfflineState {
  return state;
}

export function onOfflineStateChange(cb: (s: OfflineState) => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/**
 * Registers the service worker once the page has been quiet for a few seconds: caching the site
 * downloads it once more, and on a slow laptop that should not compete with a simulation the user
 * is watching. `busy` says whether the page is simulating.
 */
export function registerServiceWorker(busy: () => boolean = () => false): void {
  if (!BUILT || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  set(navigator.serviceWorker.controller ? 'ready' : 'pending');
  const register = () =>
    navigator.serviceWorker.register('./sw.js').then(
      () => navigator.serviceWorker.ready.then(() => set('ready')),
      (e: unknown) => {
        // not fatal: the app works online as before
        console.warn('offline cache unavailable:', e);
        set('none');
      },
    );
  let quiet = 0;
  const poll = () => {
    quiet = busy() ? 0 : quiet + 1;
    if (quiet * POLL_MS >= QUIET_MS) void register();
    else setTimeout(poll, POLL_MS);
  };
  if (document.readyState === 'complete') poll();
  else window.addEventListener('load', poll, { once: true });
}

const POLL_MS = 500;
/** How long the page must be quiet (not simulating) before the site is cached. */
const QUIET_MS = 3000;
