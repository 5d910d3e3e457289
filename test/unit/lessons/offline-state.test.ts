/**
 * The lesson picker's line about offline use tells the truth about where the page runs: under
 * the development server (npm start; no sw.js, __POVERTY_LOOP_SW__ undefined, as here) it says
 * that server never caches and how to get a cached copy, instead of advising an address the
 * user is already on.
 */
import { describe, expect, it } from 'vitest';
import { offlineState } from '../../../src/app/lesson/offline/register';
import { LESSON_STRINGS } from '../../../src/app/lesson/strings';

describe('offline state outside a build', () => {
  it('is "dev", with a message in both languages that names the build and serve steps', () => {
    expect(offlineState()).toBe('dev');
    const text = LESSON_STRINGS['lessons.offline.dev'];
    for (const lang of ['zh', 'en'] as const) {
      expect(text[lang]).toContain('npm run build');
      expect(text[lang]).toContain('node serve.mjs');
    }
  });
});
