import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../../src/app/hash.ts';

describe('URL hash', () => {
  it('round-trips view, layers and selection', () => {
    const s = {
      view: { zoom: 4.25, lat: 41.3, lng: 62.5 },
      layers: ['csto', 'eaeu'],
      sel: 'csto-arm',
    };
    expect(formatHash(s)).toBe('#map=4.25/41.3000/62.5000&layers=csto,eaeu&sel=csto-arm');
    expect(parseHash(formatHash(s))).toEqual(s);
  });
  it('reads an empty layer list as "no layers", an absent one as "all"', () => {
    expect(parseHash('#layers=').layers).toEqual([]);
    expect(parseHash('#sel=kabul').layers).toBeUndefined();
  });
  it.each([
    '#map=abc/1/2',
    '#map=4/95/10',
    '#map=4/10',
    '#sel=<img src=x onerror=alert(1)>',
    '#%E0%A4%A',
    '#layers=,,,&sel=',
    '####',
  ])('ignores malformed parts of %s without throwing', (hash) => {
    const s = parseHash(hash);
    expect(s.view).toBeUndefined();
    expect(s.sel).toBeUndefined();
  });
});
