import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { LABEL_FONT } from './fonts.ts';
import { theme, type Hex, type Theme } from './theme.ts';

/*
 * How each story layer (a file in geo/) is drawn, as data. Adding a layer to
 * the map means adding its file and one entry here; the legend is drawn from
 * the same entries, so the two cannot disagree.
 */

/** A line look that does not rely on colour: width and dash tell variants apart. */
export interface LineVariant {
  /** Property and value that select the variant, e.g. status = "built". */
  match: { property: 'status' | 'mode'; value: string };
  label: string;
  width: number;
  /** In line widths, as MapLibre's line-dasharray; omitted for a solid line. */
  dash?: [number, number];
}

export interface LayerStyle {
  /** The geo/ file name without .geojson. */
  layer: string;
  color: Hex;
  /** Legend text for the layer's areas, points or lines. */
  legend: string;
  /** Line variants, for route layers. */
  lines?: LineVariant[];
  /** Fill opacity of areas at rest; blocs overlap (Russia is in both), so it stays low. */
  areaOpacity?: number;
  /** Legend text for the layer's points, when it also has areas or lines. */
  pointLegend?: string;
}

const AREA_OPACITY = 0.14;

export const STORY_STYLES: LayerStyle[] = [
  { layer: 'csto', color: '#0072b2', legend: 'CSTO member' },
  { layer: 'eaeu', color: '#009e73', legend: 'Eurasian Economic Union member' },
  {
    layer: 'afghanistan',
    color: '#d55e00',
    legend: 'Afghanistan',
    pointLegend: 'Kabul, the capital',
  },
  {
    layer: 'lapis-lazuli-corridor',
    color: '#882255',
    legend: 'Lapis Lazuli corridor',
    pointLegend: 'port, crossing or city on the corridor',
    lines: [
      { match: { property: 'mode', value: 'rail' }, label: 'by rail', width: 3 },
      { match: { property: 'mode', value: 'road' }, label: 'by road', width: 2.5, dash: [3, 1.5] },
      {
        match: { property: 'mode', value: 'ferry' },
        label: 'by ferry',
        width: 2.5,
        dash: [0.6, 1.6],
      },
      { match: { property: 'mode', value: 'sea' }, label: 'by sea', width: 2, dash: [0.6, 3] },
    ],
  },
  {
    layer: 'uap-railway',
    color: '#b35900',
    legend: 'Uzbekistan–Afghanistan–Pakistan railway',
    pointLegend: 'station or crossing',
    lines: [
      { match: { property: 'status', value: 'built' }, label: 'built (2011)', width: 4.5 },
      {
        match: { property: 'status', value: 'agreed' },
        label: 'route agreed in 2023',
        width: 3.5,
        dash: [2.5, 1.2],
      },
      {
        match: { property: 'status', value: 'concept' },
        label: '2021 concept',
        width: 3,
        dash: [0.5, 1.5],
      },
    ],
  },
  {
    layer: 'places',
    color: '#332288',
    legend: 'state named in the article',
    // Many large states: a wash would bury the blocs beneath, so barely any fill.
    areaOpacity: 0.04,
    pointLegend: 'place or event',
  },
];

/** For a file in geo/ that has no entry yet: drawn plainly rather than not at all. */
export function styleFor(layer: string): LayerStyle {
  return STORY_STYLES.find((s) => s.layer === layer) ?? { layer, color: '#555555', legend: layer };
}

export const sourceId = (layer: string) => `story-${layer}`;

const geomIs = (...types: string[]): ExpressionSpecification => [
  'in',
  ['geometry-type'],
  ['literal', types],
];

const state = (key: 'selected' | 'highlighted' | 'hovered'): ExpressionSpecification => [
  'boolean',
  ['feature-state', key],
  false,
];

const emphasised: ExpressionSpecification = [
  'any',
  state('selected'),
  state('highlighted'),
  state('hovered'),
];

/** MapLibre layer ids of one story layer, for queries and visibility. */
export function storyLayerIds(s: LayerStyle): string[] {
  return storyLayers(s, theme).map((l) => l.id);
}

/** The MapLibre layers that draw one story layer. */
export function storyLayers(s: LayerStyle, t: Theme): LayerSpecification[] {
  const source = sourceId(s.layer);
  const id = (part: string) => `${s.layer}-${part}`;
  const out: LayerSpecification[] = [
    {
      id: id('fill'),
      type: 'fill',
      source,
      filter: geomIs('Polygon', 'MultiPolygon'),
      paint: {
        'fill-color': s.color,
        'fill-opacity': ['case', emphasised, 0.4, s.areaOpacity ?? AREA_OPACITY],
      },
    },
    {
      id: id('outline'),
      type: 'line',
      source,
      filter: geomIs('Polygon', 'MultiPolygon'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['case', state('selected'), t.ink, s.color],
        'line-width': ['case', state('selected'), 3, emphasised, 2.5, 1.2],
      },
    },
  ];

  const variants: (LineVariant | null)[] = s.lines ?? [null];
  // A pale casing under every line keeps it legible over any fill.
  out.push({
    id: id('casing'),
    type: 'line',
    source,
    filter: geomIs('LineString', 'MultiLineString'),
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': ['case', state('selected'), t.ink, t.paper],
      'line-width': ['case', emphasised, 9, 6],
      'line-opacity': ['case', emphasised, 0.9, 0.8],
    },
  });
  for (const v of variants) {
    const filter: FilterSpecification = v
      ? [
          'all',
          geomIs('LineString', 'MultiLineString'),
          ['==', ['get', v.match.property], v.match.value],
        ]
      : geomIs('LineString', 'MultiLineString');
    out.push({
      id: id(v ? `line-${v.match.value}` : 'line'),
      type: 'line',
      source,
      filter,
      layout: { 'line-join': 'round', 'line-cap': v?.dash ? 'butt' : 'round' },
      paint: {
        'line-color': s.color,
        'line-width': v?.width ?? 3,
        ...(v?.dash ? { 'line-dasharray': v.dash } : {}),
      },
    });
  }

  out.push(
    {
      id: id('point'),
      type: 'circle',
      source,
      filter: geomIs('Point', 'MultiPoint'),
      paint: {
        'circle-color': ['match', ['get', 'kind'], 'event', t.paper, s.color],
        'circle-stroke-color': s.color,
        'circle-stroke-width': ['case', emphasised, 3, 2],
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          2,
          ['case', emphasised, 6, 3.5],
          6,
          ['case', emphasised, 9, 6],
        ],
      },
    },
    {
      id: id('label'),
      type: 'symbol',
      source,
      filter: geomIs('Point', 'MultiPoint'),
      minzoom: 3,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': 12,
        'text-anchor': 'left',
        'text-offset': [0.9, 0],
        'text-max-width': 10,
        'text-optional': true,
      },
      paint: { 'text-color': t.ink, 'text-halo-color': t.paper, 'text-halo-width': 1.5 },
    },
  );
  return out;
}
