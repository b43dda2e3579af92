/** The command line: arguments, clickable paths, the coverage report, the exit code. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  loadProject,
  parseArgs,
  run,
  STORY_HEADING,
  tierLines,
  USAGE,
} from '../../../scripts/validate/cli.ts';
import { validateProject } from '../../../src/validate/index.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = 'test/fixtures/validate';

function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = run(argv, (line) => lines.push(line), { cwd: REPO, defaultRoot: REPO });
  return { code, lines };
}

describe('npm run validate', () => {
  it('passes the valid fixture, with its coverage report and a summary', () => {
    const { code, lines } = cli('--root', `${FIXTURES}/valid`);
    expect(code).toBe(0);
    expect(lines).toContain('Coverage: 3 passages, 2 linked, 1 not geographic, 0 unlinked');
    expect(lines).toContain('  p01  Kabul is the capital of Afghanistan.  afghanistan, kabul');
    expect(lines).toContain('  h01  A heading with no place in…           — not geographic');
    expect(lines.at(-1)).toMatch(
      /^OK: 0 errors, 0 warnings — 4 files, 2 layers, 4 features, 3 passages \(\d+\.\d\d s\)$/,
    );
  });

  it('prints paths relative to the working directory, so the location opens from the terminal', () => {
    const { code, lines } = cli('--root', `${FIXTURES}/unknown-passage`);
    expect(code).toBe(1);
    // An unknown passage is a story-layer fault, printed apart from GeoJSON faults.
    expect(lines[0]).toBe(STORY_HEADING);
    expect(lines[1]).toBe(
      `${FIXTURES}/unknown-passage/geo/places.geojson:40:29  kabul  /features/1/properties/passages/1  expected the id of a passage in story/article.json, found "p99", which it does not have`,
    );
    expect(lines).toContain('  p01  Kabul is the capital of Afghanistan.  afghanistan, kabul');
    expect(lines.at(-1)).toMatch(/^FAILED: 1 error \(0 GeoJSON, 1 story layer\), 0 warnings/);
  });

  it('reports only on the files named, and leaves the coverage report out', () => {
    const root = `${FIXTURES}/duplicate-id`;
    const { code, lines } = cli('--root', root, 'geo/routes.geojson');
    expect(code).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(STORY_HEADING);
    expect(lines[1]).toMatch(new RegExp(`^${root}/geo/routes.geojson:37:15  kabul  `));
    expect(lines[2]).toMatch(/^FAILED: 1 error/);
  });

  it('reports a ring wound the wrong way as a GeoJSON warning, and as what a story layer must fix', () => {
    const { code, lines } = cli('--root', `${FIXTURES}/wrong-winding`);
    expect(code).toBe(1);
    const heading = lines.indexOf(STORY_HEADING);
    expect(heading).toBeGreaterThan(0);
    expect(lines.slice(0, heading).filter((l) => /wrong-winding|clockwise/.test(l))).toEqual([
      expect.stringMatching(/:24:11 {2}warning {2}afghanistan .*counterclockwise/),
      expect.stringMatching(/:31:11 {2}warning {2}afghanistan .*clockwise/),
    ]);
    expect(lines[heading + 1]).toMatch(/places\.geojson: 2 rings wound the wrong way/);
    expect(lines.at(-1)).toMatch(/^FAILED: 2 errors \(0 GeoJSON, 2 story layer\), 2 warnings/);
  });

  it('gives the dev server’s overlay the same lines, counts included', () => {
    const root = `${REPO}${FIXTURES}/schema-missing-required/`;
    const { files, problems } = loadProject(root);
    const errors = [...problems, ...validateProject(files).diagnostics].filter(
      (d) => d.severity === 'error',
    );
    const lines = tierLines(errors);
    expect(lines).toContain(STORY_HEADING);
    expect(lines.some((l) => /^ {2}geo\/\S+\.geojson: .*lacks? "/.test(l))).toBe(true);
  });

  it('takes --root=DIR, answers --help, and refuses unknown flags', () => {
    expect(parseArgs(['--root=x'], '/repo')).toMatchObject({ only: [] });
    expect(parseArgs(['--help'], '/repo')).toBe(USAGE);
    expect(parseArgs(['--fix'], '/repo')).toBe('expected --root or file paths, found --fix');
    expect(cli('--fix').code).toBe(2);
    expect(cli('--root').lines).toEqual(['expected a directory after --root, found nothing']);
  });
});
