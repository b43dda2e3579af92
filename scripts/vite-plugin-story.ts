import type { Plugin, ViteDevServer } from 'vite';
import { formatDiagnostic, validateProject } from '../src/validate/index.ts';
import { loadProject } from './validate/cli.ts';

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
    const text = errors.map((d) => formatDiagnostic(d)).join('\n');
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
