import { defineConfig } from 'vite';

/**
 * The browser app. `base: './'` makes every asset URL relative, so `dist/` works from any static
 * host and from a subfolder; the simulation worker is an ES module.
 */
export default defineConfig({
  root: '.',
  base: './',
  worker: { format: 'es' },
  build: { outDir: 'dist', target: 'es2022' },
});
