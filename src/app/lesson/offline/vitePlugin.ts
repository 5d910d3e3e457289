import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** Files of the built folder the browser never needs (the USB-stick servers and their note). */
const NOT_CACHED = new Set(['sw.js', 'serve.mjs', 'serve.py', 'OFFLINE-README.txt']);

function walk(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full, root));
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

/**
 * Writes `sw.js` into the built site once everything else is written: the service worker of
 * src/app/lesson/offline/sw.js with the list of files to cache and a version that is a hash of
 * their contents (so a new build is picked up, and an unchanged one is not downloaded again).
 */
export function offlinePlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'poverty-loop:offline',
    apply: 'build',
    // tells register.ts that this build has a service worker (import.meta.env.PROD is no guide:
    // it follows NODE_ENV, which test runners set to "test")
    config: () => ({ define: { __POVERTY_LOOP_SW__: 'true' } }),
    configResolved(c) {
      config = c;
    },
    closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      const files = walk(outDir).filter((f) => !NOT_CACHED.has(f));
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)));
      const version = hash.digest('hex').slice(0, 16);
      const template = readFileSync(join(config.root, 'src/app/lesson/offline/sw.js'), 'utf8');
      const precache = JSON.stringify(['./', ...files], null, 1);
      const VERSION_LINE = "const VERSION = '__VERSION__';";
      const PRECACHE_LINE = 'const PRECACHE = __PRECACHE__;';
      if (!template.includes(VERSION_LINE) || !template.includes(PRECACHE_LINE)) throw new Error('sw.js: the VERSION or PRECACHE line is missing');
      const sw = template.replace(VERSION_LINE, `const VERSION = ${JSON.stringify(version)};`).replace(PRECACHE_LINE, `const PRECACHE = ${precache};`);
      writeFileSync(join(outDir, 'sw.js'), sw);
    },
  };
}
