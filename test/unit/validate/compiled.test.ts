import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPILED_PATH, compiledSchemas } from '../../../scripts/schemas/compile.ts';

describe('compiled schemas', () => {
  it('are exactly what `npm run schemas` makes from schema/ (run it after editing a schema)', () => {
    const committed = readFileSync(new URL(`../../../${COMPILED_PATH}`, import.meta.url), 'utf8');
    expect(committed === compiledSchemas(), `${COMPILED_PATH} is stale: run npm run schemas`).toBe(
      true,
    );
  });
  it('need no eval and no require at run time', () => {
    const code = compiledSchemas();
    expect(code).not.toMatch(/\brequire\(|new Function|\beval\(/);
  });
});
