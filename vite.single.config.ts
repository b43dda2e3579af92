/**
 * `npm run build:single`: the whole site as one HTML file, dist-single/index.html,
 * for a classroom machine with no network and no web server (opened from file://).
 *
 * It is the main config plus:
 * - vite-plugin-singlefile, which turns off code splitting and writes the script
 *   and the stylesheet into the HTML;
 * - every asset inlined as a data: URL (the plugin sets assetsInlineLimit so), so
 *   the `?url` imports of the GeoJSON layers and of MapLibre's worker become
 *   data: URLs. `fetch` reads data: URLs from a file:// page, and MapLibre, on a
 *   page whose origin is "null" (file://), fetches the worker URL it is given and
 *   starts the worker from a data: URL of its text, so MapView needs no change;
 * - the fonts' WOFF fallbacks dropped: every browser that runs MapLibre 6 reads
 *   WOFF2, and each face would otherwise be inlined twice;
 * - without the main config's `offline` plugins (service worker, manifest, icons):
 *   a page opened from file:// cannot have a service worker, and needs none;
 * - without public/early.js (the embedded layout's early switch; nothing embeds a file).
 */
import { defineConfig, mergeConfig, type CSSOptions, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import base, { offline } from './vite.config.ts';

// PostCSS comes with Vite; its plugin type is reached through Vite's own, not a dependency of ours.
type PostcssPlugin = NonNullable<
  Exclude<CSSOptions['postcss'], string | undefined>['plugins']
>[number];

/** Removes `url(…) format('woff')` entries from @font-face `src` lists that also offer WOFF2. */
const dropWoffFallback: PostcssPlugin = {
  postcssPlugin: 'drop-woff-fallback',
  Declaration: {
    src(decl) {
      if (!/format\(\s*['"]?woff2['"]?\s*\)/.test(decl.value)) return;
      const kept = decl.value
        .split(/,(?![^(]*\))/)
        .filter((part) => !/format\(\s*['"]?woff['"]?\s*\)/.test(part));
      decl.value = kept.map((part) => part.trim()).join(', ');
    },
  },
};

/**
 * public/early.js sets the embedded layout before the app's code arrives; a single file is not
 * embedded in another site's frame, and has no files beside it: its tag goes.
 */
const noEarlyScript: Plugin = {
  name: 'single:no-early-script',
  transformIndexHtml: (html) => html.replace(/\s*<script async src="\/early\.js"><\/script>/, ''),
};

// The base config's `test` block is left in: `vite build` ignores it.
export default mergeConfig(
  { ...base, plugins: base.plugins?.filter((p) => p !== offline) },
  defineConfig({
    plugins: [noEarlyScript, viteSingleFile({ removeViteModuleLoader: true })],
    css: { postcss: { plugins: [dropWoffFallback] } },
    // robots.txt and the like are for a web host; the single file must stay single.
    publicDir: false,
    build: {
      outDir: 'dist-single',
      emptyOutDir: true,
      // Nothing is split out, so the size warning would only be noise.
      chunkSizeWarningLimit: Infinity,
    },
  }),
);
