import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { hasStanding, IN_BLOC, standingAt, type Standing } from '../geo/standing.ts';
import { existsAt, statusAt } from '../geo/time.ts';
import type { StoryFeature, StoryLayer } from '../geo/types.ts';
import type { LayerRole } from '../model/entities.ts';
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
  /** Line opacity, for a variant that should recede (a plan that was dropped). */
  opacity?: number;
}

/**
 * Legend words for the standings of a bloc's countries. A layer with this entry is a bloc: its
 * areas are drawn by standing at the date shown (see `filtersAt`), never by a status typed once.
 */
export interface StandingLegend {
  /** Members: the bloc's fill. */
  member: string;
  /** Parties to a founding treaty before the organisation existed: the same fill. */
  'treaty-party'?: string;
  /** Participation frozen: a hatch of the bloc's colour, not the fill. */
  frozen: string;
  /** Former members, former treaty parties and observers: a dashed outline, no fill. */
  former: string;
}

export interface LayerStyle {
  /** The geo/ file name without .geojson. */
  layer: string;
  /**
   * What the layer is: a bloc (its countries' memberships), an area (a country and its capital),
   * a route (sections and nodes) or places and events. The entity model reads it.
   */
  role: LayerRole;
  color: Hex;
  /** Legend text for the layer's areas, points or lines. */
  legend: string;
  /** Line variants, for route layers. */
  lines?: LineVariant[];
  /** Fill opacity of areas at rest; blocs overlap (Russia is in both), so it stays low. */
  areaOpacity?: number;
  /** Legend text for the layer's points, when it also has areas or lines. */
  pointLegend?: string;
  /** Legend text for its events, drawn as hollow rings. */
  eventLegend?: string;
  /** For a bloc: how each standing is named in the legend. */
  standings?: StandingLegend;
}

const AREA_OPACITY = 0.14;

/** Dash of a former member's outline, in line widths. */
export const FORMER_DASH: [number, number] = [2, 2];

/** Id of the hatch image that marks a bloc's frozen members (added by the map, see hatchImage). */
export const hatchImageId = (layer: string) => `hatch-${layer}`;

export const STORY_STYLES: LayerStyle[] = [
  {
    layer: 'csto',
    role: 'bloc',
    color: '#0072b2',
    legend: 'CSTO member',
    standings: {
      member: 'CSTO member',
      'treaty-party': 'party to the Collective Security Treaty (before the CSTO, 2002)',
      frozen: 'CSTO participation frozen',
      former: 'former CSTO member or treaty party',
    },
  },
  {
    layer: 'eaeu',
    role: 'bloc',
    color: '#009e73',
    legend: 'Eurasian Economic Union member',
    standings: {
      member: 'Eurasian Economic Union member',
      frozen: 'EAEU participation frozen',
      former: 'former EAEU member or observer',
    },
  },
  {
    layer: 'afghanistan',
    role: 'area',
    color: '#d55e00',
    legend: 'Afghanistan',
    pointLegend: 'Kabul, the capital',
  },
  {
    layer: 'lapis-lazuli-corridor',
    role: 'route',
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
    role: 'route',
    color: '#b35900',
    legend: 'Uzbekistan–Afghanistan–Pakistan railway',
    pointLegend: 'station or crossing',
    eventLegend: 'event (a ring at its place)',
    lines: [
      // The years differ by section (the Friendship Bridge 1982, Hairatan–Naibabad 2011): the
      // cards give them.
      { match: { property: 'status', value: 'built' }, label: 'built', width: 4.5 },
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
      {
        match: { property: 'status', value: 'superseded' },
        label: '2021 concept, superseded in July 2023',
        width: 2,
        dash: [1, 2],
        opacity: 0.7,
      },
    ],
  },
  {
    layer: 'places',
    role: 'places',
    color: '#332288',
    legend: 'state named in the article',
    // Many large states: a wash would bury the blocs beneath, so barely any fill.
    areaOpacity: 0.04,
    pointLegend: 'place',
    eventLegend: 'event (a ring at its place)',
  },
];

/** For a file in geo/ that has no entry yet: drawn plainly rather than not at all. */
export function styleFor(layer: string): LayerStyle {
  return (
    STORY_STYLES.find((s) => s.layer === layer) ?? {
      layer,
      role: 'places',
      color: '#555555',
      legend: layer,
    }
  );
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

/**
 * How strongly the story layers are drawn: on screen (the default) or for a projector (see
 * src/style/look.ts), where labels and symbols grow and fills and lines are stronger.
 */
export interface LayerLook {
  /** Label size and point radius, times the screen's. */
  scale: number;
  /** Line widths, times the screen's. */
  lineScale: number;
  /** Fill opacity of an emphasised area. */
  emphasis: number;
  /** Outline of an area at rest: the layer's colour, or a light line that parts the members. */
  restOutline?: Hex;
  /** Width of that outline at rest, before `lineScale` (1.2 when absent). */
  restWidth?: number;
  /** Stroke of a place's dot (events keep the layer's colour): the layer's colour, or this. */
  pointStroke?: Hex;
  /**
   * Features a tour step names. When given, an event that is not among them keeps its ring but
   * not its name, so the step's own places are named (three events share Kabul's spot).
   */
  named?: readonly string[];
}

export const SCREEN_LOOK: LayerLook = { scale: 1, lineScale: 1, emphasis: 0.4 };

/** The MapLibre layers that draw one story layer. */
export function storyLayers(
  s: LayerStyle,
  t: Theme,
  o: LayerLook = SCREEN_LOOK,
): LayerSpecification[] {
  const source = sourceId(s.layer);
  const id = (part: string) => `${s.layer}-${part}`;
  const k = o.scale;
  const w = (n: number) => Math.round(n * o.lineScale * 100) / 100;
  const out: LayerSpecification[] = [
    {
      id: id('fill'),
      type: 'fill',
      source,
      filter: geomIs('Polygon', 'MultiPolygon'),
      paint: {
        'fill-color': s.color,
        'fill-opacity': ['case', emphasised, o.emphasis, s.areaOpacity ?? AREA_OPACITY],
      },
    },
    {
      id: id('outline'),
      type: 'line',
      source,
      filter: geomIs('Polygon', 'MultiPolygon'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': o.restOutline
          ? ['case', emphasised, t.ink, o.restOutline]
          : ['case', state('selected'), t.ink, s.color],
        'line-width': ['case', state('selected'), w(3), emphasised, w(2.5), w(o.restWidth ?? 1.2)],
      },
    },
  ];
  if (s.standings) {
    // A frozen member: a hatch of the bloc's colour, so it never reads as the member fill.
    out.splice(
      1,
      0,
      {
        id: id('frozen'),
        type: 'fill',
        source,
        filter: geomIs('Polygon', 'MultiPolygon'),
        paint: {
          'fill-pattern': hatchImageId(s.layer),
          'fill-opacity': ['case', emphasised, 1, 0.75],
        },
      },
      // Former members, former treaty parties and observers: a dashed outline and no fill.
      {
        id: id('former'),
        type: 'line',
        source,
        filter: geomIs('Polygon', 'MultiPolygon'),
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': ['case', state('selected'), t.ink, s.color],
          'line-width': ['case', emphasised, w(2.5), w(1.6)],
          'line-dasharray': FORMER_DASH,
        },
      },
    );
  }

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
      'line-width': ['case', emphasised, w(9), w(6)],
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
        'line-width': w(v?.width ?? 3),
        ...(v?.dash ? { 'line-dasharray': v.dash } : {}),
        ...(v?.opacity !== undefined ? { 'line-opacity': v.opacity } : {}),
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
        'circle-stroke-color': o.pointStroke
          ? ['match', ['get', 'kind'], 'event', s.color, o.pointStroke]
          : s.color,
        'circle-stroke-width': ['case', emphasised, w(3), w(2)],
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          2,
          ['case', emphasised, 6 * k, 3.5 * k],
          6,
          ['case', emphasised, 9 * k, 6 * k],
        ],
      },
    },
    {
      id: id('label'),
      type: 'symbol',
      source,
      filter: geomIs('Point', 'MultiPoint'),
      minzoom: 2,
      layout: {
        // Capitals are named from the first view on; other places from zoom 3, when there is
        // room; events only when named (chosen, lit, in their year).
        'text-field': [
          'step',
          ['zoom'],
          ['case', ['==', ['get', 'kind'], 'capital'], ['get', 'name'], ''],
          3,
          o.named
            ? [
                'case',
                [
                  'all',
                  ['==', ['get', 'kind'], 'event'],
                  ['!', ['in', ['get', 'id'], ['literal', [...o.named]]]],
                ],
                '',
                ['get', 'name'],
              ]
            : ['get', 'name'],
        ],
        'text-font': [LABEL_FONT],
        'text-size': Math.round(12 * k),
        // Two places at one spot (Kabul and the Soviet war's ring) both keep a name: the
        // second goes to the other side, or to a corner when the country's name and the
        // capital's fill the sides (the first view, a lit event at Kabul).
        'text-variable-anchor': [
          'left',
          'right',
          'top',
          'bottom',
          'top-left',
          'top-right',
          'bottom-left',
          'bottom-right',
        ],
        'text-radial-offset': 0.9,
        'text-max-width': 10,
        'text-optional': true,
      },
      paint: { 'text-color': t.ink, 'text-halo-color': t.paper, 'text-halo-width': 1.5 },
    },
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// The map at a date

/**
 * What the map shows: a date, and whether the reader chose it as a year on the timeline. Today's
 * view (no year chosen) draws memberships and route statuses as of today and keeps every place
 * and event of the article; a year's view draws only what existed then.
 */
export interface DateView {
  /** ISO date: a year ("1997") or a day ("2026-11-30"). */
  date: string;
  /** True when the reader chose a year; false for today. */
  year: boolean;
}

function safeExists(f: StoryFeature, date: string): boolean {
  try {
    return existsAt(f, date);
  } catch {
    // A date the data gets wrong is the validator's to report; the map keeps the feature.
    return true;
  }
}

function safeStatusAt(f: StoryFeature, date: string): string | null {
  try {
    return statusAt(f, date);
  } catch {
    return f.properties.status ?? null;
  }
}

const withIds = (filter: FilterSpecification, ids: string[]): FilterSpecification => [
  'all',
  filter as ExpressionSpecification,
  ['in', ['get', 'id'], ['literal', ids]],
];

/**
 * The filter of every MapLibre layer of one story layer at a date: the one place that decides
 * which feature each map layer draws. A bloc's fill takes its members (and treaty parties) at the
 * date, the hatch its frozen members, the dashed outline its former members and observers; a
 * route's status variants take the sections whose status at the date is theirs (a concept that
 * was superseded is drawn as superseded). In a year's view, anything that did not exist then is
 * left out. The map applies these filters as they are, and the rule tests read them.
 */
export function filtersAt(
  s: LayerStyle,
  layer: StoryLayer,
  view: DateView,
  t: Theme = theme,
): Record<string, FilterSpecification> {
  const features = layer.features;
  const existing = view.year
    ? features.filter((f) => safeExists(f, view.date)).map((f) => f.properties.id)
    : null;
  const standings = new Map<string, Standing | null>(
    features.map((f) => [f.properties.id, standingAt(f, view.date)]),
  );
  const withStanding = (...wanted: Standing[]) =>
    features
      .filter((f) => {
        const st = standings.get(f.properties.id);
        // A feature with no recorded standing (not a bloc country) is drawn like a member.
        return st === null
          ? !hasStanding(f) && existing?.includes(f.properties.id) !== false
          : wanted.includes(st!);
      })
      .map((f) => f.properties.id);

  const out: Record<string, FilterSpecification> = {};
  for (const spec of storyLayers(s, t)) {
    if (!('filter' in spec) || !spec.filter) continue;
    const part = spec.id.slice(s.layer.length + 1);
    const variant = s.lines?.find((v) => part === `line-${v.match.value}`);
    let ids: string[] | null = existing;
    if (
      s.standings &&
      (part === 'fill' || part === 'outline' || part === 'frozen' || part === 'former')
    ) {
      ids =
        part === 'fill'
          ? withStanding(...IN_BLOC)
          : part === 'frozen'
            ? withStanding('frozen')
            : part === 'outline'
              ? withStanding(...IN_BLOC, 'frozen')
              : withStanding('former', 'observer');
    } else if (variant?.match.property === 'status') {
      // The status at the date, not the one typed for April 2024.
      const lines = geomIs('LineString', 'MultiLineString');
      out[spec.id] = withIds(
        lines,
        features
          .filter((f) => safeStatusAt(f, view.date) === variant.match.value)
          .filter((f) => existing === null || existing.includes(f.properties.id))
          .map((f) => f.properties.id),
      );
      continue;
    }
    if (part === 'casing') {
      // A receding variant (a superseded plan) gets no pale casing: it should not stand out.
      const receding = (s.lines ?? []).filter(
        (v) => v.opacity !== undefined && v.match.property === 'status',
      );
      if (receding.length) {
        const keep = (ids ?? features.map((f) => f.properties.id)).filter((fid) => {
          const f = features.find((x) => x.properties.id === fid)!;
          return !receding.some((v) => safeStatusAt(f, view.date) === v.match.value);
        });
        out[spec.id] = withIds(spec.filter, keep);
        continue;
      }
    }
    out[spec.id] = ids ? withIds(spec.filter, ids) : spec.filter;
  }
  return out;
}

/** Standings present among a layer's features at the date, for the legend. */
export function standingsShown(layer: StoryLayer, view: DateView): Set<Standing> {
  const out = new Set<Standing>();
  for (const f of layer.features) {
    const st = standingAt(f, view.date);
    if (st) out.add(st);
  }
  return out;
}

/**
 * Diagonal hatch for frozen members: an RGBA image MapLibre takes with addImage. Made here
 * rather than shipped as a sprite because the style has no sprite server and the pattern
 * follows the layer's colour.
 */
export function hatchImage(
  color: Hex,
  size = 8,
): { width: number; height: number; data: Uint8Array } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Lines at 45°, two pixels wide, that join seamlessly from tile to tile.
      const on = (x + y) % size < 2;
      const i = (y * size + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = on ? 230 : 0;
    }
  }
  return { width: size, height: size, data };
}
