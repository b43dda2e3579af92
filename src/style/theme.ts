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
