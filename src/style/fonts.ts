/**
 * The one label face. There is no glyph server: with `glyphs` left out of the
 * style MapLibre draws text with the web font of this CSS family name, which
 * the page self-hosts through @fontsource/noto-sans.
 */
export const LABEL_FONT = 'Noto Sans';
