import type { StyleSpecification } from 'maplibre-gl';
import { basemapLayers, basemapSources, type BasemapUrls } from './basemap.ts';
import type { Theme } from './theme.ts';

/**
 * The whole style. No `glyphs` and no `sprite`: nothing is fetched from a
 * server the page does not own.
 */
export function buildStyle(t: Theme, urls: BasemapUrls): StyleSpecification {
  return {
    version: 8,
    name: 'Russia and the Taliban',
    sources: basemapSources(urls),
    layers: basemapLayers(t),
  };
}
