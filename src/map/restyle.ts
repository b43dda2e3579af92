import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';

type PaintKey = Parameters<MapLibreMap['setPaintProperty']>[1];
type LayoutKey = Parameters<MapLibreMap['setLayoutProperty']>[1];

/**
 * Gives layers already on the map the paint and layout of their specs (a palette or a scale
 * changed). Visibility stays the layer toggles' and filters stay the date's.
 */
export function restyle(map: MapLibreMap, specs: LayerSpecification[]): void {
  for (const spec of specs) {
    if (!map.getLayer(spec.id)) continue;
    for (const [k, v] of Object.entries(spec.paint ?? {}))
      map.setPaintProperty(spec.id, k as PaintKey, v, { validate: false });
    for (const [k, v] of Object.entries(spec.layout ?? {}))
      if (k !== 'visibility')
        map.setLayoutProperty(spec.id, k as LayoutKey, v, { validate: false });
  }
}
