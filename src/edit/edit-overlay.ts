/**
 * While a feature is edited, terra-draw draws its geometry; the story layer would still draw the
 * feature where it was, label and all. These helpers make the story layer's own drawing of that
 * one feature transparent (paint only: the story layer's filters, which follow the date, are
 * left alone) and draw its label at the edited geometry instead, in the story layer's own style.
 */
import type { Geometry } from 'geojson';
import type {
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
  SymbolLayerSpecification,
} from 'maplibre-gl';

type PaintName = Parameters<MapLibreMap['getPaintProperty']>[1];

const OPACITY: Record<string, PaintName[]> = {
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity', 'icon-opacity'],
  line: ['line-opacity'],
  fill: ['fill-opacity'],
};

export const LABEL_SOURCE = 'edit-label';
export const LABEL_LAYER = 'edit-label';

const layersOf = (map: MapLibreMap, source: string) =>
  map
    .getStyle()
    .layers.filter(
      (l): l is LayerSpecification & { source: string } =>
        'source' in l && l.source === source && l.type in OPACITY,
    );

/** A zoom curve must stay at the top of an expression: such a value is left as it is. */
const usesZoom = (value: unknown): boolean => JSON.stringify(value ?? null).includes('"zoom"');

/** Hides one feature of a story layer (by its properties.id); returns the undo. */
export function hideFeature(map: MapLibreMap, source: string, id: string): () => void {
  const undo: (() => void)[] = [];
  for (const layer of layersOf(map, source)) {
    for (const property of OPACITY[layer.type]) {
      const before: unknown = map.getPaintProperty(layer.id, property);
      if (usesZoom(before)) continue;
      const hidden = ['case', ['==', ['get', 'id'], id], 0, before ?? 1];
      map.setPaintProperty(layer.id, property, hidden as never);
      undo.push(() => {
        if (map.getLayer(layer.id)) map.setPaintProperty(layer.id, property, before as never);
      });
    }
  }
  return () => undo.forEach((f) => f());
}

/** Draws `name` at a point geometry in the look of the story layer's labels; returns the undo. */
export function showLabel(
  map: MapLibreMap,
  source: string,
): {
  update(geometry: Geometry | null, name: string): void;
  remove(): void;
} {
  const label = layersOf(map, source).find((l) => l.type === 'symbol') as
    SymbolLayerSpecification | undefined;
  const empty = { type: 'FeatureCollection' as const, features: [] };
  if (label) {
    map.addSource(LABEL_SOURCE, { type: 'geojson', data: empty });
    const look: SymbolLayerSpecification = { ...label, id: LABEL_LAYER, source: LABEL_SOURCE };
    delete look.filter;
    map.addLayer(look);
  }
  return {
    update(geometry, name) {
      const src = map.getSource(LABEL_SOURCE) as GeoJSONSource | undefined;
      if (!src) return;
      const point = geometry?.type === 'Point' ? geometry : null;
      src.setData(
        point
          ? { type: 'Feature', properties: { name }, geometry: point }
          : { type: 'FeatureCollection', features: [] },
      );
    },
    remove() {
      if (map.getLayer(LABEL_LAYER)) map.removeLayer(LABEL_LAYER);
      if (map.getSource(LABEL_SOURCE)) map.removeSource(LABEL_SOURCE);
    },
  };
}
