/**
 * Checks story/article.json, story/events.json and geo/*.geojson: JSON syntax, RFC 7946, the JSON
 * Schemas, geometry rules and links between files; then reports which passages the map covers.
 *   npm run validate                          the whole project
 *   npm run validate -- geo/csto.geojson      only what concerns these files
 *   npm run validate -- --root test/fixtures/validate/valid
 */
import { fileURLToPath } from 'node:url';
import { run } from './validate/cli.ts';

const repository = fileURLToPath(new URL('..', import.meta.url));

// `npm run validate | head` closes the pipe early; that is not a failure of the data.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = run(process.argv.slice(2), (line) => console.log(line), {
  cwd: process.cwd(),
  defaultRoot: repository,
});
