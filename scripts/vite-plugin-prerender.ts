/**
 * The first screen without waiting for JavaScript.
 *
 * - `virtual:story-index`: every story layer of geo/ as the app loads it (src/app/load.ts
 *   `parseLayer`), with the properties the first screen needs (INDEXED) and no geometry. The app's panels
 *   compile their entity model from it at once (src/app/state/data.svelte.ts), so the article's chips
 *   exist in the first render, before any layer file has loaded; the geometry still comes from
 *   the layer files.
 * - `prerender()`: at build time, renders src/App.svelte with Svelte's server renderer (a Vite SSR
 *   build of src/prerender.ts, MapLibre replaced by a stub that is never called) and writes the
 *   result into index.html's `<div id="app">`. The article, its chips, the header and the panel's
 *   tabs are in the HTML: readable with JavaScript off and painted before any script has run.
 *   src/main.ts then hydrates that markup (nothing is re-created, nothing moves). The page's
 *   script stays a file: the Content-Security-Policy's `script-src 'self'` holds.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'vite';
import { parseLayer } from '../src/app/load.ts';
import { darkTheme, pageTokens, theme, type Theme } from '../src/style/theme.ts';
import { compiledBasemap } from './vite-plugin-basemap.ts';
import { compiledLayers } from './vite-plugin-story.ts';

export const INDEX_ID = 'virtual:story-index';
const RESOLVED_INDEX_ID = `\0${INDEX_ID}`;

/**
 * What of a feature the first screen needs: names for the chips and the name links, passages,
 * kinds, and the dates a standing is read from. Summaries and sources (most of the bytes) come
 * with the layer files, which every card is read from once they are in.
 */
const INDEXED = new Set([
  'id',
  'name',
  'aliases',
  'kind',
  'passages',
  'iso_a3',
  'status',
  'periods',
  'start',
  'end',
  'after_article',
  'route',
  'from',
  'to',
  'mode',
  'branch',
]);

/** The layers of geo/ without geometry, in file order; a file that does not parse is left out. */
export function storyIndexOf(root: string): unknown[] {
  const dir = join(root, 'geo');
  const out: unknown[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()) {
    const r = parseLayer(`geo/${name}`, readFileSync(join(dir, name), 'utf8'));
    if (!r.ok) continue;
    out.push({
      ...r.layer,
      features: r.layer.features.map((f) => ({
        type: 'Feature',
        properties: Object.fromEntries(
          Object.entries(f.properties).filter(([key]) => INDEXED.has(key)),
        ),
        geometry: null,
      })),
    });
  }
  return out;
}

export function storyIndex(root: string): Plugin {
  return {
    name: 'story-index',
    resolveId: (id) => (id === INDEX_ID ? RESOLVED_INDEX_ID : null),
    load(id) {
      if (id !== RESOLVED_INDEX_ID) return null;
      for (const f of readdirSync(join(root, 'geo')))
        if (f.endsWith('.geojson')) this.addWatchFile(join(root, 'geo', f));
      // JSON.parse of a string literal is faster to start than the same object as code.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(storyIndexOf(root)))});`;
    },
  };
}

const STUB_ID = '\0maplibre-gl-stub';

/** Server-side, MapLibre is imported (MapView's module) but never called: a stub stands in. */
function maplibreStub(): Plugin {
  return {
    name: 'prerender:maplibre-stub',
    enforce: 'pre',
    resolveId: (id) => (id === 'maplibre-gl' ? STUB_ID : null),
    load: (id) =>
      id === STUB_ID
        ? `const no = () => { throw new Error('MapLibre does not run in the prerender'); };
export const setWorkerUrl = () => {};
export const importScriptInWorkers = () => Promise.resolve();
export class Map { constructor() { no(); } }
export class NavigationControl {}
export class ScaleControl {}
export class AttributionControl {}
export class Popup {}
export class Marker {}
export class LngLatBounds {}
export default { Map, setWorkerUrl };`
        : null,
  };
}

/** Renders the app once, server-side, and returns its markup. */
export async function renderApp(root: string): Promise<{ head: string; body: string }> {
  const out = mkdtempSync(join(tmpdir(), 'prerender-'));
  try {
    await build({
      configFile: false,
      root,
      mode: 'production',
      logLevel: 'error',
      base: './',
      plugins: [
        maplibreStub(),
        svelte(),
        storyIndex(root),
        compiledLayers(root),
        compiledBasemap(root),
      ],
      build: {
        ssr: join(root, 'src/prerender.ts'),
        outDir: out,
        emptyOutDir: true,
        target: 'node20',
        // One ES module file (.mjs: a temporary folder has no package.json saying "type": "module").
        rollupOptions: {
          output: {
            entryFileNames: 'prerender.mjs',
            chunkFileNames: '[name]-[hash].mjs',
            codeSplitting: false,
          },
        },
      },
      ssr: { noExternal: true },
    });
    const mod = (await import(pathToFileURL(join(out, 'prerender.mjs')).href)) as {
      prerender(): { head: string; body: string };
    };
    return mod.prerender();
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const SLOT = '<div id="app"></div>';

/** Writes the server-rendered app into index.html (only a page with an empty `#app`). */
export function prerender(root: string): Plugin {
  let rendered: Promise<{ head: string; body: string }> | null = null;
  return {
    name: 'prerender',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        if (!html.includes(SLOT)) return html;
        rendered ??= renderApp(root);
        const { head, body } = await rendered;
        return html
          .replace('</head>', `${head}</head>`)
          .replace(SLOT, `<div id="app" data-prerendered="">${body}</div>`);
      },
    },
  };
}

/**
 * `<link rel="preload">` for the page's two Noto Sans WOFF2 files (400 and 600, Latin), so they
 * download beside the stylesheet instead of after it: the prerendered text swaps to them early, or
 * is first painted in them. The one-file build inlines its fonts and gets no links.
 */
export function preloadFonts(): Plugin {
  let base = './';
  return {
    name: 'preload-fonts',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!html.includes('data-prerendered') || !ctx.bundle) return html;
        const fonts = Object.keys(ctx.bundle)
          // The first-screen faces (scripts/vite-plugin-fonts.ts), else the whole ones (one file).
          .filter((f) => /noto-sans-latin-(400|600)-first-[^/]*\.woff2$/.test(f))
          .sort();
        return {
          html,
          tags: fonts.map((f) => ({
            tag: 'link',
            attrs: {
              rel: 'preload',
              as: 'font',
              type: 'font/woff2',
              crossorigin: '',
              href: `${base}${f}`,
            },
            injectTo: 'head' as const,
          })),
        };
      },
    },
  };
}

const THEME_ID = 'virtual:theme.css';

/**
 * `import 'virtual:theme.css'`: the page's colour tokens (`--water`, `--ink`, …) from
 * src/style/theme.ts, the map style's own colours, as a stylesheet. Set from a stylesheet and not
 * from script, the prerendered page has its colours and borders before any script has run, and
 * they do not change (nor move anything) when the app starts. (Read when Vite loads its config:
 * a dev server needs a restart to see a change of theme.ts.)
 */
export function themeCss(): Plugin {
  return {
    name: 'theme-css',
    // The .css suffix makes Vite treat it as a stylesheet.
    resolveId: (id) => (id === THEME_ID ? `\0${THEME_ID}` : null),
    load(id) {
      if (id !== `\0${THEME_ID}`) return null;
      const block = (selector: string, t: Theme, indent = '') =>
        `${indent}${selector} {\n${Object.entries(pageTokens(t))
          .map(([k, v]) => `${indent}  --${k}: ${v};`)
          .join('\n')}\n${indent}}\n`;
      // Light by default; dark when the reader chose it (data-scheme, set by
      // src/app/scheme.svelte.ts) or, before any script and unless light was chosen, when the
      // system asks for it.
      return [
        block(':root', theme),
        ':root { color-scheme: light; }\n',
        block(':root[data-scheme="dark"]', darkTheme),
        ':root[data-scheme="dark"] { color-scheme: dark; }\n',
        '@media (prefers-color-scheme: dark) {\n',
        block(':root:not([data-scheme="light"])', darkTheme, '  '),
        '  :root:not([data-scheme="light"]) { color-scheme: dark; }\n',
        '}\n',
      ].join('');
    },
  };
}
