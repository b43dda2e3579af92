/**
 * Messages a contributor reads first: a trailing comma is shown where the comma is, the real
 * error comes before any note about it, an unreadable layer does not make passages "unlinked",
 * and an unknown passage id gets the id it most likely meant.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../scripts/validate/cli.ts';
import { passageHint } from '../../../src/validate/diagnostic.ts';
import {
  coverageCounts,
  formatCoverage,
  validateLayer,
  validateProject,
  type ProjectFile,
} from '../../../src/validate/index.ts';

const VALID = fileURLToPath(new URL('../../fixtures/validate/valid/', import.meta.url));
const project = () => loadProject(VALID).files;
const withFile = (files: ProjectFile[], path: string, edit: (text: string) => string) =>
  files.map((f) => (f.path === path ? { ...f, text: edit(f.text) } : f));

describe('a trailing comma', () => {
  it('is pointed at where the comma is, in an array', () => {
    const text = '{\n  "type": "Point",\n  "coordinates": [1, 2,\n  ]\n}';
    const [d] = validateLayer('geo/a.geojson', text);
    expect([d.code, d.line, d.column]).toEqual(['json-syntax', 3, 23]);
    expect(d.message).toBe(
      'expected no comma after the last item of an array (JSON allows none), found ","',
    );
  });

  it('is pointed at where the comma is, in an object, lines above the brace', () => {
    const text = '{\n  "type": "Point",\n  "coordinates": [1, 2],\n\n\n}';
    const [d] = validateLayer('geo/a.geojson', text);
    expect([d.line, d.column]).toEqual([3, 24]);
    expect(d.message).toContain('last property of an object');
  });

  it('leaves other syntax errors where the parser found them', () => {
    const [d] = validateLayer('geo/a.geojson', '{"type": "Point" "coordinates": []}');
    expect([d.line, d.column]).toEqual([1, 18]);
    expect(d.message).toMatch(/^expected a comma between values/);
  });
});

describe('a layer that cannot be read', () => {
  const broken = () =>
    withFile(project(), 'geo/places.geojson', (t) => t.replace(/\}\s*\]\s*\}\s*$/, '},\n]\n}\n'));

  it('gives its real error first, with no warning at 1:1 ahead of it', () => {
    const result = validateProject(broken());
    const own = result.diagnostics.filter((d) => d.file === 'geo/places.geojson');
    expect(own[0].severity).toBe('error');
    expect(own[0].code).toBe('json-syntax');
    expect(own.some((d) => d.line === 1 && d.column === 1)).toBe(false);
  });

  it('does not report passages as unlinked while a layer is unreadable', () => {
    const result = validateProject(broken());
    expect(result.diagnostics.map((d) => d.code)).not.toContain('unlinked-passage');
    expect(coverageCounts(result.coverage).unlinked).toBe(0);
    expect(coverageCounts(result.coverage).unknown).toBe(1);
    expect(formatCoverage(result.coverage).join('\n')).not.toContain('unlinked');
  });

  it('still reports an unlinked passage once every layer parses', () => {
    const files = withFile(project(), 'geo/places.geojson', (t) =>
      t.replace('"passages": ["p01"]', '"passages": []').replace('["p01", "p02"]', '["p02"]'),
    );
    const result = validateProject(files);
    expect(result.diagnostics.map((d) => d.code)).toContain('unlinked-passage');
  });
});

describe('an unknown passage id', () => {
  it('suggests the id it most likely meant: p6 → p06', () => {
    expect(passageHint('p6', ['p05', 'p06', 'p60'])).toBe(' (did you mean "p06"?)');
    expect(passageHint('P01', ['p01'])).toBe(' (did you mean "p01"?)');
    expect(passageHint('p007', ['p07'])).toBe(' (did you mean "p07"?)');
  });

  it('suggests nothing that is only similar: p99 is not p09', () => {
    expect(passageHint('p99', ['p09', 'p19', 'p90'])).toBe('');
  });

  it('says so in the layer report', () => {
    const files = withFile(project(), 'geo/places.geojson', (t) =>
      t.replace('"passages": ["p01"]', '"passages": ["p1"]'),
    );
    const messages = validateProject(files).diagnostics.filter((d) => d.code === 'unknown-passage');
    expect(messages.map((d) => d.message)).toEqual([
      'expected the id of a passage in story/article.json, found "p1", which it does not have (did you mean "p01"?)',
    ]);
  });
});
