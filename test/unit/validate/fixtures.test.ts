/**
 * Each folder of test/fixtures/validate/ is a minimal project with one fault (or none), and its
 * expected.txt the diagnostics exactly as printed. UPDATE_FIXTURES=1 rewrites expected.txt from
 * the current output: review the diff before committing it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../scripts/validate/cli.ts';
import {
  formatDiagnostic,
  validateProject,
  type DiagnosticCode,
} from '../../../src/validate/index.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/validate/', import.meta.url));
const UPDATE = process.env.UPDATE_FIXTURES === '1';

/** The error classes each case exists to show; a case that stops showing them is a failure. */
const CASES: Record<string, DiagnosticCode[]> = {
  valid: [],
  // A feature with no passages is allowed (a background record); an unknown id beside it is not.
  'background-record': ['unknown-passage'],
  'json-syntax': ['json-syntax'],
  'duplicate-key': ['duplicate-key'],
  'not-a-feature-collection': ['schema'],
  'features-not-an-array': ['geojson'],
  'rfc7946-structure': ['geojson'],
  'schema-wrong-type': ['schema'],
  'schema-missing-required': ['schema'],
  'schema-unknown-property': ['schema'],
  'schema-bad-date': ['schema'],
  'schema-bad-values': ['schema'],
  'duplicate-id': ['duplicate-id'],
  'unknown-passage': ['unknown-passage'],
  'unknown-event-reference': ['unknown-passage', 'unknown-node'],
  'unknown-tour-reference': ['unknown-passage', 'unknown-node', 'duplicate-id', 'schema'],
  'unclosed-ring': ['unclosed-ring'],
  'wrong-winding': ['wrong-winding'],
  'self-intersection': ['self-intersection'],
  'too-few-positions': ['too-few-positions'],
  'out-of-range': ['out-of-range'],
  'over-precise': ['over-precise'],
  'position-size': ['position-size'],
  'endpoint-far-from-node': ['endpoint-far-from-node'],
  'unknown-node': ['unknown-node'],
  'route-geometry': ['route-geometry'],
  'unknown-country-code': ['unknown-country-code'],
  'layer-name-mismatch': ['layer-name-mismatch'],
  'unlinked-passage': ['unlinked-passage'],
  'linked-non-geographic': ['linked-non-geographic'],
  'duplicate-passage': ['duplicate-passage'],
  'article-structure': ['article'],
  'missing-files': ['missing-file'],
  'garbage-values': ['geojson', 'schema', 'too-few-positions'],
};

const folders = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function printed(folder: string) {
  const { files, problems } = loadProject(FIXTURES + folder);
  const result = validateProject(files);
  const diagnostics = [...problems, ...result.diagnostics];
  const text = diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('');
  return { text, codes: new Set(diagnostics.map((d) => d.code)), result };
}

describe('validator fixtures', () => {
  it('has a folder for every case and a case for every folder', () => {
    expect(folders).toEqual(Object.keys(CASES).sort());
  });

  it.each(folders)('%s prints exactly its expected.txt', (folder) => {
    const expectedFile = `${FIXTURES}${folder}/expected.txt`;
    const { text } = printed(folder);
    if (UPDATE) writeFileSync(expectedFile, text);
    expect(text).toBe(readFileSync(expectedFile, 'utf8'));
  });

  it.each(Object.entries(CASES))('%s shows %j', (folder, codes) => {
    const found = printed(folder).codes;
    for (const code of codes) expect([...found]).toContain(code);
    if (!codes.length) expect([...found]).toEqual([]);
  });

  it('gives every passage of the valid case a feature or "not geographic"', () => {
    const { coverage } = printed('valid').result;
    expect(coverage.map((c) => [c.passage, c.features, c.geographic])).toEqual([
      ['p01', ['afghanistan', 'kabul'], true],
      ['p02', ['kabul', 'termez', 'termez-kabul'], true],
      ['h01', [], false],
    ]);
  });

  it('accepts an empty passages list for a background record and still reports unknown ids', () => {
    const { result } = printed('background-record');
    expect(result.diagnostics.map((d) => [d.code, d.feature, d.pointer])).toEqual([
      ['unknown-passage', 'stale-post', '/features/4/properties/passages/0'],
    ]);
    // The background record is in no passage; the coverage is the valid case's.
    expect(result.coverage.flatMap((c) => c.features)).not.toContain('old-post');
    expect(result.coverage).toEqual(printed('valid').result.coverage);
  });
});
