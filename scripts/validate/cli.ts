/** `npm run validate`: reads the project from disk, runs src/validate, prints and sets the exit code. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  ARTICLE_PATH,
  COUNTRIES_PATH,
  EVENTS_PATH,
  TOUR_PATH,
  coverageCounts,
  formatCoverage,
  formatDiagnostic,
  forProject,
  storyNeeds,
  validateProject,
  type Diagnostic,
  type ProjectFile,
  type Result,
} from '../../src/validate/index.ts';

export const USAGE = `usage: npm run validate -- [--root DIR] [FILE ...]
  --root DIR  the project to check (default: this repository)
  FILE        report only on these files (checked against the whole project)`;

export interface Options {
  root: string;
  only: string[];
}

/** Options, or a message saying what is wrong with the arguments. */
export function parseArgs(argv: readonly string[], defaultRoot: string): Options | string {
  const options: Options = { root: defaultRoot, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--root') {
      const dir = argv[++i];
      if (!dir) return 'expected a directory after --root, found nothing';
      options.root = resolve(dir);
    } else if (arg.startsWith('--root=')) options.root = resolve(arg.slice('--root='.length));
    else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg.startsWith('-')) return `expected --root or file paths, found ${arg}`;
    else options.only.push(arg);
  }
  return options;
}

const posix = (path: string) => path.split(sep).join('/');

/** A file named on the command line: where it is, and its project-relative path for reports. */
export interface NamedFile {
  path: string;
  absolute: string;
}

/**
 * Paths are taken relative to the working directory, as a shell completes them, or else relative
 * to --root. A file outside the root is reported under its absolute path.
 */
export function namedFile(root: string, file: string, cwd: string): NamedFile {
  const absolute = resolve(cwd, file);
  if (!existsSync(absolute)) return { path: posix(file), absolute: resolve(root, file) };
  const rel = relative(root, absolute);
  const outside = rel.startsWith('..') || isAbsolute(rel);
  return { path: posix(outside ? absolute : rel), absolute };
}

/** The article, the basemap, story/events.json and every geo/*.geojson; unreadable ones reported. */
export function loadProject(
  root: string,
  named: readonly NamedFile[] = [],
): { files: ProjectFile[]; problems: Diagnostic[] } {
  const files: ProjectFile[] = [];
  const problems: Diagnostic[] = [];
  const load = (path: string, absolute = join(root, path)) => {
    if (files.some((f) => f.path === path)) return;
    try {
      files.push({ path, text: readFileSync(absolute, 'utf8') });
    } catch (error) {
      // A missing article or basemap is reported by the validator, which knows what each is for.
      const asked = named.some((f) => f.path === path);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !asked) return;
      problems.push(readProblem(path, error));
    }
  };
  load(ARTICLE_PATH);
  load(COUNTRIES_PATH);
  load(EVENTS_PATH);
  load(TOUR_PATH);
  for (const name of layerNames(root)) load(`geo/${name}`);
  for (const file of named) load(file.path, file.absolute);
  return { files, problems };
}

function layerNames(root: string): string[] {
  try {
    return readdirSync(join(root, 'geo'), { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.geojson'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function readProblem(path: string, error: unknown): Diagnostic {
  const reason = (error as NodeJS.ErrnoException).code ?? String(error);
  return {
    severity: 'error',
    code: 'missing-file',
    file: path,
    line: 1,
    column: 1,
    pointer: '',
    message: `expected a readable file, found ${reason}`,
  };
}

/** Runs the validator and prints; returns the exit code (1 on any error, 2 on bad arguments). */
export function run(
  argv: readonly string[],
  print: (line: string) => void,
  context: { cwd: string; defaultRoot: string },
): number {
  const started = performance.now();
  const options = parseArgs(argv, context.defaultRoot);
  if (typeof options === 'string') {
    print(options);
    return options === USAGE ? 0 : 2;
  }
  const named = options.only.map((f) => namedFile(options.root, f, context.cwd));
  const only = named.map((f) => f.path);
  const { files, problems } = loadProject(options.root, named);
  const result = validateProject(files);
  const all = [...problems, ...result.diagnostics];
  const shown = only.length ? all.filter((d) => only.includes(d.file)) : all;
  const display = (file: string) => displayPath(options.root, file, context.cwd);
  for (const line of tierLines(shown, display)) print(line);
  if (!only.length) printCoverage(result, print);
  print(summary(shown, result, performance.now() - started));
  return shown.some((d) => d.severity === 'error') ? 1 : 0;
}

export const STORY_HEADING =
  'To be a story layer (every file in geo/ must be one; schema/feature.schema.json):';

/**
 * GeoJSON faults (RFC 7946) first, then apart what the story needs of its layers, with per file
 * counts of what is missing. In geo/ both are errors; an advisory RFC 7946 rule (winding) is a
 * GeoJSON warning there and a story-layer error (see forProject). The CLI and the dev server's
 * overlay print the same lines.
 */
export function tierLines(
  shown: readonly Diagnostic[],
  display: (file: string) => string = (f) => f,
): string[] {
  const { geojson, story } = forProject(shown);
  const lines = geojson.map((d) => formatDiagnostic({ ...d, file: display(d.file) }));
  if (!story.length) return lines;
  if (geojson.length) lines.push('');
  lines.push(STORY_HEADING);
  for (const file of new Set(story.map((d) => d.file))) {
    const needs = storyNeeds(story.filter((d) => d.file === file));
    if (needs.length > 1 || !needs[0]?.includes('other problem')) {
      lines.push(`  ${display(file)}: ${needs.join('; ')}`);
    }
  }
  for (const d of story) lines.push(formatDiagnostic({ ...d, file: display(d.file) }));
  return lines;
}

/** Relative to where the command runs, so the printed location opens from the terminal. */
function displayPath(root: string, file: string, cwd: string): string {
  if (!file || isAbsolute(file)) return file;
  const path = posix(relative(cwd, join(root, file)));
  return file.endsWith('/') ? `${path}/` : path;
}

function printCoverage(result: Result, print: (line: string) => void): void {
  const c = coverageCounts(result.coverage);
  print('');
  print(
    `Coverage: ${c.passages} passages, ${c.linked} linked, ${c.notGeographic} not geographic, ${c.unlinked} unlinked${c.unknown ? `, ${c.unknown} not known (a layer could not be read)` : ''}`,
  );
  for (const line of formatCoverage(result.coverage)) print(`  ${line}`);
  print('');
}

function summary(shown: readonly Diagnostic[], result: Result, ms: number): string {
  const tiers = forProject(shown);
  const all = [...tiers.geojson, ...tiers.story];
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const { files, layers, features, passages } = result.stats;
  const verdict = errors ? 'FAILED' : 'OK';
  const story = tiers.story.filter((d) => d.severity === 'error').length;
  const split = errors ? ` (${errors - story} GeoJSON, ${story} story layer)` : '';
  return `${verdict}: ${errors} error${errors === 1 ? '' : 's'}${split}, ${warnings} warning${warnings === 1 ? '' : 's'} — ${files} files, ${layers} layers, ${features} features, ${passages} passages (${(ms / 1000).toFixed(2)} s)`;
}
