/**
 * public/early.js, the page's first script, decides "embedded" as src/app/embed.ts does: run here
 * with a stand-in `location` and root element for each query.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEmbedded } from '../../../src/app/embed.ts';

const source = readFileSync(new URL('../../../public/early.js', import.meta.url), 'utf8');

function early(search: string): boolean {
  const classes = new Set<string>();
  const root = {
    classList: {
      toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)),
    },
  };
  new Function('location', 'document', source)({ search }, { documentElement: root });
  return classes.has('embed');
}

describe('public/early.js', () => {
  it.each([
    '',
    '?embed',
    '?embed=1',
    '?x=1&embed',
    '?embedded',
    '?x=embed',
    '?%65mbed',
    '?%E0%A4%A=1&embed',
    '?%E0%A4%A=1',
    '?notembed&y',
  ])('agrees with isEmbedded for %j', (search) => {
    expect(early(search)).toBe(isEmbedded(search));
  });

  it('is referenced by index.html as a plain async script, not bundled', () => {
    const html = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8');
    expect(html).toMatch(/<script async src="\/early\.js"><\/script>/);
    expect(early('?embed')).toBe(true);
  });
});
