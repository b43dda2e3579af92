/**
 * Country names the map shows where Natural Earth's (as world-atlas ships them) are out of date,
 * by ISO 3166-1 alpha-3. The data and the tour use the same names, so a label and a caption never
 * spell one country two ways.
 */
export const CURRENT_NAMES: Readonly<Record<string, string>> = {
  // Renamed in February 2019 under the Prespa agreement.
  MKD: 'North Macedonia',
  // The name the UN has used for the country since June 2022; "Turkey" is still common in English.
  TUR: 'Türkiye',
};

/** The name to show for a country: the current one where Natural Earth's is out of date. */
export function displayName(iso_a3: string | null, naturalEarthName: string): string {
  return (iso_a3 !== null && CURRENT_NAMES[iso_a3]) || naturalEarthName;
}
