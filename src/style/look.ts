import type { LayerSpecification } from 'maplibre-gl';
import { basemapLayers } from './basemap.ts';
import { SCREEN_LOOK, storyLayers, styleFor, type LayerLook, type LayerStyle } from './story.ts';
import { darkTheme, theme, type Hex, type Theme } from './theme.ts';

/*
 * Two palettes for one map. The screen's is quiet: pale fills over paper land. A projector
 * washes pale colours out, so its palette has near-white land, light water and dark, dense member
 * fills, each at least 3:1 against both (test/unit/style/look.test.ts checks it from this data).
 * The presentation always uses it, at a larger scale; elsewhere the reader may choose it.
 */
export type Palette = 'screen' | 'dark' | 'projector';

export interface Look {
  palette: Palette;
  /** Labels and symbols, times their size on screen (1 outside the presentation). */
  scale: number;
  /**
   * Layers drawn as context, their fills lighter: in a tour step, the shown layers that have
   * nothing of the step's own (the EAEU beside the CSTO members), so they do not bury them.
   */
  recede?: readonly string[];
  /** In a tour step: the features it names; other events are drawn without their names. */
  named?: readonly string[];
}

export const SCREEN: Look = { palette: 'screen', scale: 1 };

export const projectorTheme: Theme = {
  ...theme,
  water: '#b7d4e6',
  coast: '#3f6f8f',
  land: '#fbf9f4',
  border: '#6b6356',
  label: '#1d1d1b',
  labelHalo: '#ffffff',
};

/** Darker colours and denser fills, by layer; lines not listed keep their colour. */
const PROJECTOR: Record<string, { color: Hex; areaOpacity?: number }> = {
  csto: { color: '#004b87', areaOpacity: 0.8 },
  eaeu: { color: '#005a40', areaOpacity: 0.8 },
  afghanistan: { color: '#8f3700', areaOpacity: 0.8 },
  'uap-railway': { color: '#8a4500' },
  places: { color: '#332288', areaOpacity: 0.08 },
};

/**
 * Fill opacity of a bloc or an area drawn as context in the presentation. So light a fill is
 * barely apart from land and water (about 1.7:1 and 1.15:1), so a context layer's members are
 * drawn with an outline of its full colour (RECEDED_OUTLINE wide), at 3:1 or more against both.
 */
export const RECEDED = 0.3;
/** Rest width of a context layer's full-colour outline, before the look's line scale. */
export const RECEDED_OUTLINE = 2;

const receded = (look: Look, layer: string) =>
  look.palette === 'projector' && !!look.recede?.includes(layer);

/**
 * The context layers drawn with a full-colour outline: blocs and areas. (The places layer's
 * states have barely any fill anywhere: they keep the light lines.)
 */
export const outlinedContext = (look: Look): string[] =>
  (look.recede ?? []).filter(
    (l) => receded(look, l) && ['bloc', 'area'].includes(styleFor(l).role),
  );

export const sameLook = (a: Look, b: Look): boolean =>
  a.palette === b.palette &&
  a.scale === b.scale &&
  (a.recede ?? []).join() === (b.recede ?? []).join() &&
  // No list (every event named) differs from an empty one (no event named).
  (a.named === undefined) === (b.named === undefined) &&
  (a.named ?? []).join() === (b.named ?? []).join();

export const themeOf = (look: Look): Theme =>
  look.palette === 'projector' ? projectorTheme : look.palette === 'dark' ? darkTheme : theme;

/** A layer's registry entry in a palette: the legend reads it too, so the two agree. */
export function styleIn(look: Look, layer: string): LayerStyle {
  const s = styleFor(layer);
  const p = look.palette === 'projector' ? PROJECTOR[layer] : undefined;
  if (!p) return s;
  const opacity = p.areaOpacity ?? s.areaOpacity;
  const context = receded(look, layer) && opacity !== undefined;
  return { ...s, color: p.color, areaOpacity: context ? Math.min(opacity, RECEDED) : opacity };
}

/** How a layer's areas, lines and names are drawn in a look (`layer`: a context layer differs). */
export function layerLook(look: Look, layer?: string): LayerLook {
  if (look.palette !== 'projector') return { ...SCREEN_LOOK, scale: look.scale, named: look.named };
  // A context bloc's or area's light fill would vanish against land and water: its members keep
  // a full-colour outline, so they stay apart at 3:1 while the fill keeps them secondary. (The
  // places layer's states have barely any fill anywhere: they keep the light lines.)
  const context =
    layer !== undefined && ['bloc', 'area'].includes(styleFor(layer).role) && receded(look, layer);
  return {
    named: look.named,
    scale: look.scale,
    lineScale: Math.max(1.4, look.scale * 0.8),
    emphasis: 0.92,
    // Light lines part the members of a dense fill; an emphasised one gets a dark outline.
    restOutline: context ? styleIn(look, layer!).color : '#ffffff',
    ...(context ? { restWidth: RECEDED_OUTLINE } : {}),
    pointStroke: '#ffffff',
  };
}

/** The MapLibre layers of one story layer in a look. */
export const storyLayersIn = (look: Look, layer: string): LayerSpecification[] =>
  storyLayers(styleIn(look, layer), themeOf(look), layerLook(look, layer));

export const basemapIn = (look: Look): LayerSpecification[] =>
  basemapLayers(themeOf(look), look.scale);

/**
 * Label scale for the presentation: country names at least 20 px on a 1920×1080 projector, a
 * little smaller on a small screen, where they would crowd each other out.
 */
export const presentationScale = (width: number, height: number): number =>
  Math.round(Math.min(2.2, Math.max(1.3, Math.min(width / 960, height / 540))) * 100) / 100;
