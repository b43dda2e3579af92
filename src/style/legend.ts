import type { Standing } from '../geo/standing.ts';
import type { StoryLayer } from '../geo/types.ts';
import { filtersAt, FORMER_DASH, standingsShown, type DateView, type LayerStyle } from './story.ts';

/**
 * How an area is drawn: the layer's fill, a hatch (a frozen member) or a dashed outline with no
 * fill (a former member or an observer).
 */
export type AreaLook = 'fill' | 'hatch' | 'dashed';

/** One row of the legend, drawn by the layer panel as a small SVG. */
export type LegendItem =
  | {
      kind: 'area';
      label: string;
      color: string;
      look?: AreaLook;
      dash?: [number, number];
      /** Fill opacity of a swatch drawn as dense as the map's (the projector palette). */
      fill?: number;
    }
  | {
      kind: 'line';
      label: string;
      color: string;
      width: number;
      dash?: [number, number];
      opacity?: number;
    }
  | { kind: 'point'; label: string; color: string; hollow?: boolean };

/**
 * Legend rows for a layer, from the same style entry the map layers come from.
 * Geometry types present in the data decide which rows a layer gets.
 */
export function legendItems(
  s: LayerStyle,
  geometry: Set<string>,
  /** For a bloc: the standings its countries have at the date shown (see standingsShown). */
  standings?: ReadonlySet<Standing>,
  /** Line variants to show (by their value); all when absent. */
  variants?: ReadonlySet<string>,
  /** Which kinds of point are drawn: places (filled dots), events (rings); places only when absent. */
  points?: { places: boolean; events: boolean },
): LegendItem[] {
  const items: LegendItem[] = [];
  if (geometry.has('Polygon') || geometry.has('MultiPolygon')) {
    const words = s.standings;
    if (words && standings) {
      // Only the standings the map draws at this date, each in the look the map gives it.
      if (standings.has('member'))
        items.push({ kind: 'area', label: words.member, color: s.color, look: 'fill' });
      if (standings.has('treaty-party'))
        items.push({
          kind: 'area',
          label: words['treaty-party'] ?? words.member,
          color: s.color,
          look: 'fill',
        });
      if (standings.has('frozen'))
        items.push({ kind: 'area', label: words.frozen, color: s.color, look: 'hatch' });
      if (standings.has('former') || standings.has('observer'))
        items.push({
          kind: 'area',
          label: words.former,
          color: s.color,
          look: 'dashed',
          dash: FORMER_DASH,
        });
    } else items.push({ kind: 'area', label: s.legend, color: s.color, look: 'fill' });
  }
  if (geometry.has('LineString') || geometry.has('MultiLineString')) {
    if (s.lines)
      for (const v of s.lines) {
        if (variants && !variants.has(v.match.value)) continue;
        items.push({
          kind: 'line',
          label: v.label,
          color: s.color,
          width: v.width,
          dash: v.dash,
          ...(v.opacity !== undefined ? { opacity: v.opacity } : {}),
        });
      }
    else items.push({ kind: 'line', label: s.legend, color: s.color, width: 3 });
  }
  if (geometry.has('Point') || geometry.has('MultiPoint')) {
    if (!points || points.places)
      items.push({ kind: 'point', label: s.pointLegend ?? s.legend, color: s.color });
    // Events are drawn as hollow rings (storyLayers' circle paint), so the legend shows rings.
    if (points?.events)
      items.push({
        kind: 'point',
        label: s.eventLegend ?? 'event',
        color: s.color,
        hollow: true,
      });
  }
  return items;
}

/**
 * Legend rows whose swatches are filled as densely as the map fills (the projector palette's
 * fills are dense; the screen legend keeps its own light swatch).
 */
export const asDrawn = (items: LegendItem[], s: LayerStyle): LegendItem[] =>
  items.map((it) =>
    it.kind === 'area' && (it.look ?? 'fill') === 'fill' && s.areaOpacity !== undefined
      ? { ...it, fill: Math.max(s.areaOpacity, 0.12) }
      : it,
  );

/** SVG stroke-dasharray for a MapLibre dash, which counts in line widths. */
export const svgDash = (width: number, dash?: [number, number]): string | undefined =>
  dash ? dash.map((d) => d * width).join(' ') : undefined;

/**
 * The legend of one layer as the map draws it at the date shown: rows only for the geometry,
 * standings and line variants that some feature has then, each read from the same filters the
 * map applies (filtersAt), so the legend cannot name what the map does not draw.
 */
export function legendAt(s: LayerStyle, layer: StoryLayer, view: DateView): LegendItem[] {
  const filters = filtersAt(s, layer, view);
  const drawn = (layerId: string) => {
    const filter = filters[layerId];
    const ids = Array.isArray(filter) ? idList(filter) : null;
    return layer.features.filter((f) => ids === null || ids.includes(f.properties.id));
  };
  // Geometry types of what some map layer draws; a bloc's areas always get their rows decided
  // by standing below.
  const geometry = new Set<string>();
  for (const id of Object.keys(filters)) for (const f of drawn(id)) geometry.add(f.geometry.type);
  for (const f of layer.features)
    if (f.geometry.type.includes('Polygon')) geometry.add(f.geometry.type);
  const variants = new Set(
    (s.lines ?? [])
      .filter((v) => {
        const found = drawn(`${s.layer}-line-${v.match.value}`);
        return v.match.property === 'status'
          ? found.length > 0
          : found.some((f) => f.properties[v.match.property] === v.match.value);
      })
      .map((v) => v.match.value),
  );
  const standings = s.standings ? standingsShown(layer, view) : undefined;
  const dots = drawn(`${s.layer}-point`);
  const points = {
    places: dots.some((f) => f.properties.kind !== 'event'),
    events: dots.some((f) => f.properties.kind === 'event'),
  };
  return legendItems(s, geometry, standings, variants, points);
}

/** The literal id list of a filter made by filtersAt, or null for a filter without one. */
function idList(filter: unknown[]): string[] | null {
  for (const part of filter) {
    if (
      Array.isArray(part) &&
      part[0] === 'in' &&
      JSON.stringify(part[1]) === '["get","id"]' &&
      Array.isArray(part[2]) &&
      part[2][0] === 'literal'
    )
      return part[2][1] as string[];
  }
  return null;
}
