/**
 * Every colour the map and the page use, as named tokens. The basemap is quiet
 * (paper land, pale water, soft borders) so the thematic layers, drawn from the
 * Okabe–Ito palette that colour-blind readers can tell apart, stand out.
 * Rule tests check each value is a hex colour and that text meets WCAG AA.
 */
export type Hex = `#${string}`;

export interface Theme {
  water: Hex;
  coast: Hex;
  land: Hex;
  border: Hex;
  label: Hex;
  labelHalo: Hex;
  /** Page chrome around the map. */
  ink: Hex;
  paper: Hex;
  muted: Hex;
  focus: Hex;
  /** A problem the page reports: its rule and its background. */
  error: Hex;
  errorWash: Hex;
  /** Something that went right (a file the validator accepts). */
  ok: Hex;
  /** A quiet background for cards and choosers. */
  wash: Hex;
  /** The background of a passage the reader jumped to. */
  focusWash: Hex;
  /** "After the article" notes: their text and background. */
  warn: Hex;
  warnWash: Hex;
  /** Okabe & Ito (2008), "Color Universal Design", for thematic layers. */
  accent: {
    orange: Hex;
    sky: Hex;
    green: Hex;
    yellow: Hex;
    blue: Hex;
    vermillion: Hex;
    purple: Hex;
  };
}

export const theme: Theme = {
  water: '#d5e3ec',
  coast: '#93aec0',
  land: '#f4f1ea',
  border: '#a39c90',
  label: '#4a463f',
  labelHalo: '#f4f1ea',
  ink: '#1d1d1b',
  paper: '#ffffff',
  muted: '#5b5750',
  focus: '#0b5cad',
  error: '#b00020',
  errorWash: '#fdecee',
  ok: '#1b6e1b',
  wash: '#fbfaf7',
  focusWash: '#f1f5fa',
  warn: '#7a3d00',
  warnWash: '#fff4d6',
  accent: {
    orange: '#e69f00',
    sky: '#56b4e9',
    green: '#009e73',
    yellow: '#f0e442',
    blue: '#0072b2',
    vermillion: '#d55e00',
    purple: '#cc79a7',
  },
};

/**
 * The dark theme, for readers whose system asks for it (or who choose it): the same roles, the
 * same contrast rules (test/unit/style/style.test.ts checks both themes).
 */
export const darkTheme: Theme = {
  water: '#132430',
  coast: '#56788f',
  land: '#33312b',
  border: '#77705f',
  label: '#dcd8cf',
  labelHalo: '#33312b',
  ink: '#eceae4',
  paper: '#1a1a18',
  muted: '#b8b2a6',
  focus: '#8cc4ff',
  error: '#ff8f8a',
  errorWash: '#3b2020',
  ok: '#8fd68f',
  wash: '#22221f',
  focusWash: '#1f2a36',
  warn: '#ffc27a',
  warnWash: '#3a2c14',
  accent: theme.accent,
};

/** Page tokens (CSS custom properties) of a theme: the names components use. */
export function pageTokens(t: Theme): Record<string, Hex> {
  return {
    water: t.water,
    land: t.land,
    ink: t.ink,
    paper: t.paper,
    muted: t.muted,
    focus: t.focus,
    error: t.error,
    'error-wash': t.errorWash,
    ok: t.ok,
    wash: t.wash,
    'focus-wash': t.focusWash,
    warn: t.warn,
    'warn-wash': t.warnWash,
    rule: t.border,
  };
}
