import type { FeatureCollection } from 'geojson';
import type { Diagnostic } from '../validate/index.ts';

/** Files larger than this are refused before they are read: the map would choke on them. */
export const MAX_OPEN_BYTES = 20 * 1024 * 1024;

export type Opened =
  | {
      ok: true;
      name: string;
      data: FeatureCollection;
      diagnostics: Diagnostic[];
      /**
       * What the file lacks to become a story layer, counted ("3 features lack an id"); absent
       * when the diagnostics' story tier says it all (a FeatureCollection).
       */
      needs?: string[];
    }
  | { ok: false; name: string; message: string; diagnostics: Diagnostic[] };

export const tooLarge = (name: string, size: number): Opened => ({
  ok: false,
  name,
  message: `“${name}” is ${(size / 1024 / 1024).toFixed(1)} MB; files over 20 MB cannot be opened here.`,
  diagnostics: [],
});

/** Diagnostics grouped by the feature they name, file-level ones first under "". */
export function byFeature(diagnostics: readonly Diagnostic[]): [string, Diagnostic[]][] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = d.feature ?? '';
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.entries()];
}
