/**
 * The characters a page's first screen sets, and CSS `unicode-range` values for them. Pure helpers
 * of scripts/vite-plugin-fonts.ts, tested on their own (test/unit/fonts.test.ts).
 */

/**
 * What @fontsource/noto-sans's "latin" files cover (its CSS for the unicode-range build): the
 * range split between the first-screen face and the rest.
 */
export const LATIN: readonly [number, number][] = [
  [0x0000, 0x00ff],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0304, 0x0304],
  [0x0308, 0x0308],
  [0x0329, 0x0329],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
];

const inLatin = (c: number) => LATIN.some(([a, b]) => c >= a && c <= b);

/**
 * Spaces that code writes rather than the texts: MapLibre's scale ("500&nbsp;km"), Intl's dates
 * and numbers (thin and narrow no-break spaces).
 */
const GENERATED = [0xa0, 0x2009, 0x202f];

/**
 * Printable ASCII, generated spaces, and every character of `texts` the latin files cover, in
 * both cases. Sorted.
 */
export function firstScreenChars(texts: Iterable<string>): number[] {
  const set = new Set<number>(GENERATED);
  for (let c = 0x20; c < 0x7f; c++) set.add(c);
  // Each in both cases: the map's country names and some headings are set in capitals
  // (`text-transform`), so "Türkiye" is drawn with a "Ü".
  for (const text of texts)
    for (const ch of [...text, ...text.toUpperCase(), ...text.toLowerCase()]) {
      const c = ch.codePointAt(0) as number;
      if (c >= 0x20 && inLatin(c)) set.add(c);
    }
  return [...set].sort((a, b) => a - b);
}

/** Code points as a CSS unicode-range: runs joined (`U+20-7E, U+A7`). */
export function unicodeRange(codes: readonly number[]): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (c: number) => c.toString(16).toUpperCase();
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i];
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++;
    parts.push(start === sorted[i] ? `U+${hex(start)}` : `U+${hex(start)}-${hex(sorted[i])}`);
  }
  return parts.join(', ');
}

/** C0 and C1 controls: no glyph is drawn for them (a newline in a text node among them). */
const isControl = (c: number) => c < 0x20 || (c >= 0x7f && c < 0xa0);

/**
 * The latin files' code points that `core` leaves out, controls apart: the second face's range.
 * With the controls in it, Chromium fetched the whole face for the page's newlines.
 */
export function restOfLatin(core: readonly number[]): number[] {
  const taken = new Set(core);
  const rest: number[] = [];
  for (const [a, b] of LATIN)
    for (let c = a; c <= b; c++) if (!taken.has(c) && !isControl(c)) rest.push(c);
  return rest;
}
