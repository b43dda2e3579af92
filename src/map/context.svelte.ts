import type { Map as MapLibreMap } from 'maplibre-gl';
import { getContext, setContext } from 'svelte';

const KEY = Symbol('map');

/** The map, handed from MapView to the components that draw on it. */
export class MapContext {
  #map = $state.raw<MapLibreMap | null>(null);
  #loaded = $state(false);

  get map(): MapLibreMap | null {
    return this.#map;
  }

  /** True once the style and its sources have loaded: layers may be added. */
  get loaded(): boolean {
    return this.#loaded;
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
