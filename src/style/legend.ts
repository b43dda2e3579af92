import type { LayerStyle } from './story.ts';

/** One row of the legend, drawn by the layer panel as a small SVG. */
export type LegendItem =
  | { kind: 'area'; label: string; color: string }
  | { kind: 'line'; label: string; color: string; width: number; dash?: [number, number] }
  | { kind: 'point'; label: string; color: string; hollow?: boolean };

/**
 * Legend rows for a layer, from the same style entry the map layers come from.
 * Geometry types present in the data decide which rows a layer gets.
 */
export function legendItems(s: LayerStyle, geometry: Set<string>): LegendItem[] {
  const items: LegendItem[] = [];
  if (geometry.has('Polygon') || geometry.has('MultiPolygon'))
    items.push({ kind: 'area', label: s.legend, color: s.color });
  if (geometry.has('LineString') || geometry.has('MultiLineString')) {
    if (s.lines)
      for (const v of s.lines)
        items.push({ kind: 'line', label: v.label, color: s.color, width: v.width, dash: v.dash });
    else items.push({ kind: 'line', label: s.legend, color: s.color, width: 3 });
  }
  if (geometry.has('Point') || geometry.has('MultiPoint')) {
    items.push({ kind: 'point', label: s.pointLegend ?? s.legend, color: s.color });
  }
  return items;
}

/** SVG stroke-dasharray for a MapLibre dash, which counts in line widths. */
export const svgDash = (width: number, dash?: [number, number]): string | undefined =>
  dash ? dash.map((d) => d * width).join(' ') : undefined;
