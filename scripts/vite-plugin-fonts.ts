import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import type { Plugin } from 'vite';
import { firstScreenChars, restOfLatin, unicodeRange } from './fonts/unicode-range.ts';
import { isSingleFile } from './single-file.ts';

/** The self-hosted faces, as @fontsource/noto-sans's CSS has Vite emit them. */
const FACE = /^(.*\/)?noto-sans-latin-(400|600)-normal-[^/]*\.woff2$/;

/** Every text the page can show at first: the story, the layers, the app's own strings. */
function firstScreenTexts(root: string): string[] {
  const files = [
    `${root}index.html`,
    ...['story', 'geo', 'src'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(json|geojson|svelte|ts|css)$/.test(f))
        .map((f) => join(root, dir, f)),
    ),
  ];
  return files.map((f) => readFileSync(f, 'utf8'));
}

/**
 * Noto Sans in two faces per weight, as Google Fonts serves its fonts: the characters the site's
 * own text uses (ASCII and the story's dashes, quotes, accents: 8 KB a weight instead of 13), which
 * the page preloads, and the whole latin file, with `unicode-range` on both, which a browser
 * fetches only if it must set a character the first lacks (a teacher's tour, an opened file). The
 * subsetting is harfbuzz's (subset-font); this plugin only picks the characters and writes the CSS.
 * Not in the one-file build: everything there is inlined, so a second face would only add bytes.
 */
export function subsetFonts(root: string): Plugin {
  let singleFile = false;
  return {
    name: 'subset-fonts',
    apply: 'build',
    configResolved(config) {
      singleFile = isSingleFile(config);
    },
    generateBundle: {
      order: 'pre',
      async handler(_options, bundle) {
        if (singleFile) return;
        const core = firstScreenChars(firstScreenTexts(root));
        const text = String.fromCodePoint(...core);
        const coreRange = unicodeRange(core);
        const restRange = unicodeRange(restOfLatin(core));
        for (const asset of Object.values(bundle)) {
          const m = asset.type === 'asset' ? FACE.exec(asset.fileName) : null;
          if (!m || asset.type !== 'asset') continue;
          const full = asset.fileName.slice(asset.fileName.lastIndexOf('/') + 1);
          const subset = await subsetFont(Buffer.from(asset.source), text, {
            targetFormat: 'woff2',
          });
          const ref = this.emitFile({
            type: 'asset',
            name: `noto-sans-latin-${m[2]}-first.woff2`,
            source: subset,
          });
          const first = this.getFileName(ref);
          const firstName = first.slice(first.lastIndexOf('/') + 1);
          // Each stylesheet's @font-face naming the full file: a first-screen face before it, and
          // the full face narrowed to the rest.
          for (const css of Object.values(bundle)) {
            if (css.type !== 'asset' || !css.fileName.endsWith('.css')) continue;
            const source = String(css.source);
            if (!source.includes(full)) continue;
            css.source = source.replace(
              new RegExp(`@font-face\\s*\\{([^}]*${full.replace(/[.-]/g, '\\$&')}[^}]*)\\}`, 'g'),
              (_block, body: string) => {
                const firstBody = body.replace(
                  /src\s*:[^;}]*/,
                  `src:url(./${firstName}) format("woff2")`,
                );
                return (
                  `@font-face{${firstBody};unicode-range:${coreRange}}` +
                  `@font-face{${body};unicode-range:${restRange}}`
                );
              },
            );
          }
        }
      },
    },
  };
}
