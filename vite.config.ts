import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './scripts/vite-plugin-csp.ts';
import { preloadFonts, prerender, storyIndex, themeCss } from './scripts/vite-plugin-prerender.ts';
import { compiledLayers, storyData } from './scripts/vite-plugin-story.ts';

const root = fileURLToPath(new URL('./', import.meta.url));

export default defineConfig({
  plugins: [
    svelte(),
    storyData(root),
    compiledLayers(root),
    storyIndex(root),
    themeCss(),
    prerender(root),
    preloadFonts(),
    contentSecurityPolicy(),
  ],
  // Relative asset URLs: dist/ works from any folder of any static server.
  base: './',
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    // MapLibre's own chunk is 1.3 MB; nothing else comes near.
    chunkSizeWarningLimit: 1400,
    rollupOptions: {
      output: {
        // MapLibre in a chunk of its own: the entry imports it statically, so the page preloads it
        // (modulepreload) and it downloads beside the app's own code; the app's changes do not
        // change its hash, so a browser keeps it cached across releases.
        codeSplitting: {
          groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl[\\/]/ }],
        },
        // Data keeps a .json name so servers that compress by type (vite preview among them) compress it.
        assetFileNames: (asset) =>
          asset.names[0]?.endsWith('.geojson')
            ? 'assets/[name]-[hash].json'
            : 'assets/[name]-[hash][extname]',
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        resolve: { conditions: ['browser'] },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time: two cores, and SwiftShader renders on the CPU.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
