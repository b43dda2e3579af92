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
  it('keeps the step being presented, so a teacher can reopen the tour at step 7', () => {
    const s = { view: { zoom: 3.1, lat: 44, lng: 55 }, step: 7 };
    expect(formatHash(s)).toBe('#map=3.10/44.0000/55.0000&step=7');
    expect(parseHash(formatHash(s))).toEqual(s);
  });
  it.each(['#step=0', '#step=-2', '#step=7.5', '#step=x', '#step=1234'])(
    'ignores a step that is not a step number: %s',
    (hash) => expect(parseHash(hash).step).toBeUndefined(),
  );
  it('reads links made before steps were kept as before', () => {
    expect(parseHash('#map=4.25/41.3000/62.5000&layers=csto,eaeu&sel=csto-arm&t=2012')).toEqual({
      view: { zoom: 4.25, lat: 41.3, lng: 62.5 },
      layers: ['csto', 'eaeu'],
      sel: 'csto-arm',
      time: '2012',
    });
  });
});
