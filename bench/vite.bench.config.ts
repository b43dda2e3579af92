/**
 * The build `npm run bench` measures, written to dist-bench/ (git-ignored). It is
 * the app's own config (vite.config.ts) plus:
 * - a second entry, bench/bare.html, the bare MapLibre baseline;
 * - (MapLibre is in a chunk of its own, maplibre-gl-[hash].js, in the app's own
 *   build too: vite.config.ts. The bench tells MapLibre's bytes from the app's by it.)
 * The app's build (`npm run build`, dist/) is not changed by this file.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import base from '../vite.config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

// The base config's `test` block is left in: `vite build` ignores it.
export default mergeConfig(
  base,
  defineConfig({
    root,
    build: {
      outDir: 'dist-bench',
      emptyOutDir: true,
      // MapLibre alone is over the default warning size; the bench reports sizes itself.
      chunkSizeWarningLimit: Infinity,
      rollupOptions: {
        input: {
          index: `${root}index.html`,
          bare: `${root}bench/bare.html`,
        },
      },
    },
  }),
);
