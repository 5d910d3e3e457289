import { defineConfig } from 'vite';
import { offlinePlugin } from './src/app/lesson/offline/vitePlugin.js';

/**
 * The browser app. `base: './'` makes every asset URL relative, so `dist/` works from any static
 * host and from a subfolder; the simulation worker is an ES module.
 */
export default defineConfig({
  root: '.',
  base: './',
  worker: { format: 'es' },
  build: { outDir: 'dist', target: 'es2022' },
  // dist/sw.js: the service worker that caches the built site for offline use (teaching mode)
  plugins: [offlinePlugin()],
});
