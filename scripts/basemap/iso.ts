import countries from 'i18n-iso-countries';

/**
 * ISO 3166-1 numeric → alpha-3, through i18n-iso-countries (maintained, tracks
 * the ISO list). Natural Earth leaves some units without a numeric code
 * (Kosovo, N. Cyprus, Somaliland, Siachen Glacier): those get null rather
 * than a made-up code.
 */
export function alpha3FromNumeric(id: string | number | undefined | null): string | null {
  if (id === undefined || id === null || id === '') return null;
  const code = countries.numericToAlpha3(String(id).padStart(3, '0'));
  return code ?? null;
}
