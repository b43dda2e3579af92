import { readFileSync } from 'node:fs';
import { build, type Plugin, type Rollup } from 'vite';
import { encodeBasemap } from '../src/geo/basemap/encode.ts';
import { isSingleFile } from './single-file.ts';

const TOPOLOGY = 'virtual:basemap';
const DECODER = 'virtual:basemap-worker';
const LAYERS = ['countries', 'boundaries', 'labels'] as const;

/**
 * MapLibre's worker imports a script `import()`s it when its URL ends in .mjs, and otherwise
 * evaluates its text, which the hosted build's Content-Security-Policy forbids (the one-file
 * build and the dev server have none). So the decoder is bundled on its own into one file with
 * no imports of its own: an asset named .mjs, or a data: URL where everything is inlined.
 * Vite's `?worker&url` cannot: in dev it serves a module importing others, from a blob it cannot.
 */
async function bundleDecoder(root: string): Promise<string> {
  const out = (await build({
    configFile: false,
    root,
    logLevel: 'error',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      rollupOptions: {
        input: `${root}src/map/basemap-worker.ts`,
        output: { format: 'es', codeSplitting: false },
      },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(out) ? out[0] : out).output[0];
  if (chunk.type !== 'chunk') throw new Error('the basemap decoder did not build');
  return chunk.code;
}

/**
 * `import url from 'virtual:basemap'`: the URL of geo/basemap/'s three files compiled into one
 * TopoJSON topology (src/geo/basemap/encode.ts); `virtual:basemap-worker`: the URL of the script
 * that decodes it in MapLibre's worker (src/map/basemap-worker.ts). The build emits both as
 * assets; the one-file build and the dev server inline them as data: URLs. The files in
 * geo/basemap/ stay GeoJSON, as `npm run basemap` writes them.
 */
export function compiledBasemap(root: string): Plugin {
  let inline = false;
  const dataUrl = (type: string, text: string) =>
    `data:${type};base64,${Buffer.from(text).toString('base64')}`;
  return {
    name: 'story-compiled-basemap',
    configResolved(config) {
      inline = config.command === 'serve' || isSingleFile(config);
    },
    resolveId: (source) => (source === TOPOLOGY || source === DECODER ? `\0${source}` : null),
    async load(id) {
      if (id === `\0${DECODER}`) {
        this.addWatchFile(`${root}src/map/basemap-worker.ts`);
        const code = await bundleDecoder(root);
        if (inline) return `export default ${JSON.stringify(dataUrl('text/javascript', code))};`;
        const ref = this.emitFile({ type: 'asset', name: 'basemap-worker.mjs', source: code });
        return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
      }
      if (id !== `\0${TOPOLOGY}`) return null;
      const layers = Object.fromEntries(
        LAYERS.map((name) => {
          const file = `${root}geo/basemap/${name}.geojson`;
          this.addWatchFile(file);
          return [name, JSON.parse(readFileSync(file, 'utf8'))];
        }),
      );
      const source = JSON.stringify(encodeBasemap(layers));
      if (inline) return `export default ${JSON.stringify(dataUrl('application/json', source))};`;
      const ref = this.emitFile({ type: 'asset', name: 'basemap.json', source });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
