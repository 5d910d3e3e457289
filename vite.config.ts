import { defineConfig, type Plugin } from 'vite';
import { offlinePlugin } from './src/app/lesson/offline/vitePlugin.js';

/**
 * Content-Security-Policy of the built site (docs/robustness.md): scripts, workers, styles and
 * everything else only from the site's own files; no inline script, no eval, no plugins, no
 * <base> or form targets elsewhere. Images may also be `data:` and `blob:` URLs (the PNG export
 * draws the chart's SVG through a blob URL). Styles need no 'unsafe-inline': the app sets styles
 * through the CSSOM (element.style, d3's .style()), which CSP allows, never style attributes or
 * <style> elements. Only the built site gets it: the dev server injects inline scripts and styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function cspPlugin(): Plugin {
  return {
    name: 'poverty-loop:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) throw new Error('index.html: an inline <script> would be blocked by the Content-Security-Policy');
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }];
      },
    },
  };
}

/**
 * The browser app. `base: './'` makes every asset URL relative, so `dist/` works from any static
 * host and from a subfolder; the simulation worker is an ES module.
 */
export default defineConfig({
  root: '.',
  base: './',
  worker: { format: 'es' },
  build: { outDir: 'dist', target: 'es2022' },
  // dist/sw.js: the service worker that caches the built site for offline use (teaching mode);
  // the Content-Security-Policy meta of the built page
  plugins: [offlinePlugin(), cspPlugin()],
});
