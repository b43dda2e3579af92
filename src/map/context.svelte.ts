import type { Feature } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { getContext, setContext, untrack } from 'svelte';
import type { Camera } from '../app/state/selection.svelte.ts';
import { SCREEN, sameLook, type Look } from '../style/look.ts';
import { fitBox, prefersReducedMotion, type Framing } from './camera.ts';
import { clearOf } from './covered.ts';
import { frameBox } from './frame.ts';
import { Moves } from './moves.ts';

const KEY = Symbol('map');

/**
 * The map, handed from MapView to the components that draw on it, and the camera the panels
 * and the tour call. A move asked for before the map exists is made when it attaches.
 */
export class MapContext implements Camera {
  #map = $state.raw<MapLibreMap | null>(null);
  #loaded = $state(false);
  #look = $state.raw<Look>(SCREEN);
  #framing: Partial<Framing> | null = null;
  /** Pixels at the bottom of the map hidden by an overlay (the presentation bar). */
  #inset = 0;
  /** The camera's moves: MapView tells them when the map changes size or the reader moves it. */
  readonly moves = new Moves();
  #fits = $state(0);

  get map(): MapLibreMap | null {
    return this.#map;
  }
  /** True once the style and its sources have loaded: layers may be added. */
  get loaded(): boolean {
    return this.#loaded;
  }
  /** Palette and scale the map is drawn in. */
  get look(): Look {
    return this.#look;
  }
  setLook(look: Look): void {
    if (!sameLook(look, this.#look)) this.#look = look;
  }
  /** How the camera frames while something (the presentation) asks for more room or less zoom. */
  setFraming(f: Partial<Framing> | null): void {
    this.#framing = f;
  }
  /** Pixels at the bottom of the map an overlay hides (the presentation bar): framed above. */
  get inset(): number {
    return this.#inset;
  }
  setInset(px: number): void {
    this.#inset = Math.max(0, Math.round(px));
  }
  /** True once the app has moved the camera: the map then stops refitting the region on resize. */
  get steered(): boolean {
    return this.moves.steered;
  }
  /** How many fits were asked for: on a phone each drops the sheet, so the map shows them. */
  get fits(): number {
    return this.#fits;
  }
  /** Where the map looks now (a tour step made from it), or null before there is a map. */
  get view(): { center: [number, number]; zoom: number } | null {
    const m = this.#map;
    if (!m) return null;
    const c = m.getCenter();
    return { center: [c.lng, c.lat], zoom: m.getZoom() };
  }

  /** Fits the map to features, clear of what covers it (the legend, the tools, the bar). */
  fit(features: Feature[]): void {
    this.#fits = untrack(() => this.#fits) + 1;
    const box = frameBox(features);
    if (!box) return;
    this.moves.make(this.#map, (map) => {
      const maxZoom = this.#framing?.maxZoom ?? 7;
      const pad = this.#framing?.padding ?? clearOf(map, box, maxZoom);
      fitBox(map, box, { padding: { ...pad, bottom: pad.bottom + this.#inset }, maxZoom });
    });
  }
  /** Moves the map to an explicit view (a tour step's camera). */
  lookAt(center: [number, number], zoom: number): void {
    this.moves.make(this.#map, (map) =>
      map.flyTo({
        center,
        zoom: Math.min(zoom, this.#framing?.maxZoom ?? 7),
        // Centre the view in the part of the map the overlay leaves visible.
        offset: [0, -this.#inset / 2],
        animate: !prefersReducedMotion(),
      }),
    );
  }

  attach(map: MapLibreMap): void {
    this.#map = map;
    this.moves.attach(map);
  }
  markLoaded(): void {
    this.#loaded = true;
  }
  detach(): void {
    this.moves.forget();
    this.#map = null;
    this.#loaded = false;
  }
}

export function setMapContext(ctx: MapContext): MapContext {
  return setContext(KEY, ctx);
}

export function getMapContext(): MapContext {
  const ctx = getContext<MapContext | undefined>(KEY);
  if (!ctx) throw new Error('getMapContext() called outside <MapView>');
  return ctx;
}
