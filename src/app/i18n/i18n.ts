import type { Bilingual } from '../../model';
import { STRINGS, type StringId } from './strings';

/** The two languages of the app. Chinese is the source language and comes first. */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'povertyLoop.lang';
const listeners = new Set<(lang: Lang) => void>();
let current: Lang = 'zh';

/**
 * Language at start: `?lang=` in the address, then the user's last choice, then the browser's
 * preferred languages (Chinese if any of them is Chinese, English otherwise).
 */
export function initialLanguage(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    // storage can be blocked (private mode, file://); fall through to the browser's languages
  }
  const prefs = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const p of prefs) {
    const l = p.toLowerCase();
    if (l.startsWith('zh')) return 'zh';
    if (l.startsWith('en')) return 'en';
  }
  return 'zh';
}

export function lang(): Lang {
  return current;
}

/** BCP 47 tag for Intl and the document's `lang`. */
export function locale(l: Lang = current): string {
  return l === 'zh' ? 'zh-CN' : 'en-GB';
}

export function setLang(l: Lang, persist = true): void {
  current = l;
  document.documentElement.lang = locale(l);
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not fatal: the choice just will not survive a reload
    }
  }
  for (const cb of listeners) cb(l);
}

/** Calls `cb` whenever the language changes; returns an unsubscribe function. */
export function onLangChange(cb: (lang: Lang) => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** A UI string in the current language, with `{name}` placeholders filled in. */
export function t(id: StringId, vars?: Record<string, string | number>): string {
  let s: string = STRINGS[id][current];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** A bilingual text from the engine (labels, county names, scenario titles) in the current language. */
export function bi(text: Bilingual | undefined): string {
  if (!text) return '';
  return text[current] || text.zh || text.en;
}
