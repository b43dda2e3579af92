import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { outlinesByIso, stripOutlines } from '../src/model/outlines.ts';
import { validateProject } from '../src/validate/index.ts';
import { loadProject, tierLines } from './validate/cli.ts';
import { isSingleFile } from './single-file.ts';

/**
 * During `npm run dev`: validates geo/ and story/ on start and on every save,
 * prints errors in the terminal and shows them in Vite's error overlay, and
 * reloads the page once the data is valid again (the URL hash keeps the
 * reader's selection across the reload).
 */
export function storyData(root: string): Plugin {
  let last = '';
  const report = (server: ViteDevServer): number => {
    const { files, problems } = loadProject(root);
    const errors = [...problems, ...validateProject(files).diagnostics].filter(
      (d) => d.severity === 'error',
    );
    // As `npm run validate` prints them: GeoJSON faults first, then apart what the story needs
    // of its layers, counted per file (both are errors here).
    const text = tierLines(errors).join('\n');
    if (text !== last) {
      if (errors.length)
        server.config.logger.error(`\nstory data:\n${text}\n`, { timestamp: true });
      else if (last) server.config.logger.info('story data is valid again', { timestamp: true });
    }
    last = text;
    if (errors.length)
      server.ws.send({
        type: 'error',
        err: {
          message: `The story data has ${errors.length} error${errors.length > 1 ? 's' : ''}:\n\n${text}`,
          stack: '',
          plugin: 'story-data',
        },
      });
    return errors.length;
  };

  return {
    name: 'story-data',
    apply: 'serve',
    configureServer(server) {
      const data = /[\\/](geo|story)[\\/][^\\/]+\.(geojson|json)$/;
      server.watcher.add([`${root}geo`, `${root}story`]);
      server.watcher.on('change', (file) => {
        if (!data.test(file)) return;
        if (report(server) === 0) server.ws.send({ type: 'full-reload', path: '*' });
      });
      // A page opened while the data is broken is told at once.
      server.ws.on('connection', () => report(server));
      report(server);
    },
  };
}

const STORY_QUERY = '?story';

/**
 * `import url from '../geo/csto.geojson?story'`: the layer as the app loads it, with each country
 * outline replaced by a reference to the basemap's (src/model/outlines.ts), minified. The build
 * emits it as an asset (`assets/csto-[hash].json`, fetched on its own, so one broken file costs
 * only itself); the one-file build and the dev server inline it as a data: URL. The files in geo/
 * stay as contributors edit them.
 */
export function compiledLayers(root: string): Plugin {
  let inline = false;
  const basemapPath = `${root}geo/basemap/countries.geojson`;
  return {
    name: 'story-compiled-layers',
    enforce: 'pre',
    configResolved(config) {
      inline = config.command === 'serve' || isSingleFile(config);
    },
    async resolveId(source, importer) {
      if (!source.endsWith(`.geojson${STORY_QUERY}`)) return null;
      const resolved = await this.resolve(source.slice(0, -STORY_QUERY.length), importer, {
        skipSelf: true,
      });
      return resolved ? `${resolved.id}${STORY_QUERY}` : null;
    },
    load(id) {
      if (!id.endsWith(STORY_QUERY)) return null;
      const file = id.slice(0, -STORY_QUERY.length);
      this.addWatchFile(file);
      this.addWatchFile(basemapPath);
      const text = readFileSync(file, 'utf8');
      let source: string;
      try {
        const basemap = outlinesByIso(JSON.parse(readFileSync(basemapPath, 'utf8')));
        source = JSON.stringify(stripOutlines(JSON.parse(text), basemap));
      } catch {
        // Broken JSON is shipped as it is: the page names the file, and the validator says why.
        source = text;
      }
      const name = basename(file).replace(/\.geojson$/, '.json');
      if (inline) {
        const url = `data:application/json;base64,${Buffer.from(source).toString('base64')}`;
        return `export default ${JSON.stringify(url)};`;
      }
      const ref = this.emitFile({ type: 'asset', name, source });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
