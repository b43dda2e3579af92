import { describe, expect, it } from 'vitest';
import {
  firstScreenChars,
  LATIN,
  restOfLatin,
  unicodeRange,
} from '../../scripts/fonts/unicode-range.ts';

describe('the first-screen face of Noto Sans', () => {
  it('holds printable ASCII and the latin characters the texts use, nothing else', () => {
    const core = firstScreenChars(['Türkiye – “Kabul”', 'Кабул', '😀', 'tab\there']);
    const extra = core.filter((c) => c > 0x7e).map((c) => String.fromCodePoint(c));
    // With the no-break and thin spaces code writes (MapLibre's scale, Intl).
    expect(extra).toEqual(['\u00a0', 'Ü', 'ü', '\u2009', '–', '“', '”', '\u202f']);
    for (let c = 0x20; c < 0x7f; c++) expect(core).toContain(c);
    expect(core).not.toContain(0x09);
  });

  it('writes code points as CSS unicode-range runs', () => {
    expect(unicodeRange([0x7e, 0x20, 0x21, 0x22, 0xfc, 0x2013, 0x2014])).toBe(
      'U+20-22, U+7E, U+FC, U+2013-2014',
    );
    expect(unicodeRange([])).toBe('');
  });

  it('leaves the rest of the latin files to the second face, with no overlap and no gap', () => {
    const core = firstScreenChars(['Türkiye – “Kabul”']);
    const rest = restOfLatin(core);
    expect(rest.filter((c) => core.includes(c))).toEqual([]);
    const all = LATIN.reduce((n, [a, b]) => n + b - a + 1, 0);
    const controls = 0x20 + 0x21; // C0 and C1: no glyph, in neither face
    expect(core.length + rest.length).toBe(all - controls);
    expect(rest).not.toContain(0x0a);
    expect(rest).toContain(0xdf); // ß: in the latin files, not in the texts
    expect(rest).not.toContain(0xfc);
    expect(rest).not.toContain(0xdc); // Ü: TÜRKIYE, as the map sets country names
  });
});
