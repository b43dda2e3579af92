import type { Map as MapLibreMap } from 'maplibre-gl';
import { getContext, setContext } from 'svelte';
import { SCREEN, sameLook, type Look } from '../style/look.ts';
import type { Framing } from './camera.ts';

const KEY = Symbol('map');

/** The map, handed from MapView to the components that draw on it. */
export class MapContext {
  #map = $state.raw<MapLibreMap | null>(null);
  #loaded = $state(false);
  #look = $state.raw<Look>(SCREEN);
  #framing = $state.raw<Partial<Framing> | null>(null);
  #steered = false;

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
  get framing(): Partial<Framing> | null {
    return this.#framing;
  }
  setFraming(f: Partial<Framing> | null): void {
    this.#framing = f;
  }

  /** True once the app has moved the camera: the map then stops refitting the region on resize. */
  get steered(): boolean {
    return this.#steered;
  }
  markSteered(): void {
    this.#steered = true;
  }

  attach(map: MapLibreMap): void {
    this.#map = map;
  }

  markLoaded(): void {
    this.#loaded = true;
  }

  detach(): void {
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
