import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { LABEL_FONT } from './fonts.ts';
import type { Theme } from './theme.ts';

/** Source ids of the basemap, one per file in geo/basemap/. */
export const BASEMAP_SOURCES = {
  countries: 'basemap-countries',
  boundaries: 'basemap-boundaries',
  labels: 'basemap-labels',
} as const;

export interface BasemapUrls {
  countries: string;
  boundaries: string;
  labels: string;
}

export function basemapSources(urls: BasemapUrls): Record<string, SourceSpecification> {
  return {
    [BASEMAP_SOURCES.countries]: {
      type: 'geojson',
      data: urls.countries,
      // Features are addressed by ISO code in queries and, later, feature-state.
      promoteId: 'iso_a3',
    },
    [BASEMAP_SOURCES.boundaries]: { type: 'geojson', data: urls.boundaries },
    [BASEMAP_SOURCES.labels]: { type: 'geojson', data: urls.labels },
  };
}

/**
 * The basemap as typed data; the water is the background, land and lines go on top. `scale`
 * enlarges the country names and thickens the lines (for a projector, see src/style/look.ts).
 */
export function basemapLayers(t: Theme, scale = 1): LayerSpecification[] {
  const k = (n: number) => Math.round(n * scale * 100) / 100;
  return [
    { id: 'water', type: 'background', paint: { 'background-color': t.water } },
    {
      id: 'land',
      type: 'fill',
      source: BASEMAP_SOURCES.countries,
      paint: { 'fill-color': t.land, 'fill-antialias': true },
    },
    {
      id: 'coast',
      type: 'line',
      source: BASEMAP_SOURCES.boundaries,
      filter: ['==', ['get', 'kind'], 'coast'],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': t.coast,
        'line-width': ['interpolate', ['linear'], ['zoom'], 2, k(0.4), 8, k(1.2)],
      },
    },
    {
      id: 'borders',
      type: 'line',
      source: BASEMAP_SOURCES.boundaries,
      filter: ['==', ['get', 'kind'], 'border'],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': t.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 2, k(0.6), 8, k(1.6)],
      },
    },
    {
      id: 'country-labels',
      type: 'symbol',
      source: BASEMAP_SOURCES.labels,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, k(10), 5, k(13), 8, k(16)],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.08,
        'text-max-width': 7,
        'text-padding': 4,
        // Larger countries win when labels collide.
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: {
        'text-color': t.label,
        'text-halo-color': t.labelHalo,
        'text-halo-width': k(1.5),
      },
    },
  ];
}
