/**
 * The bench's baseline (`npm run bench`): the app's basemap drawn by MapLibre with
 * nothing around it. Same style (buildStyle with the app's theme), same basemap
 * (one topology, decoded in MapLibre's worker), same label font and font loading, same map options as
 * src/map/MapView.svelte, but no controls, no story layers and no UI. Built only
 * by bench/vite.bench.config.ts, never by the app's own build.
 */
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM, REGION_BOUNDS } from '../src/geo/region.ts';
import { basemapUrls } from '../src/map/basemap.ts';
import { loadLabelFont } from '../src/map/fonts.ts';
import { buildStyle } from '../src/style/style.ts';
import { theme } from '../src/style/theme.ts';
// A file, not an inline <style>: the app's Content-Security-Policy (style-src 'self') applies here too.
import './bare.css';

setWorkerUrl(workerUrl);

const container = document.getElementById('map');
if (!(container instanceof HTMLDivElement)) throw new Error('bare.html lacks #map');

// As the app: the font and MapLibre's worker, with the basemap's decoder, made ready together.
const [, basemap] = await Promise.all([loadLabelFont(), basemapUrls()]);
const map = new MapLibreMap({
  container,
  style: buildStyle(theme, basemap),
  bounds: REGION_BOUNDS,
  fitBoundsOptions: {
    padding: Math.round(Math.min(container.clientWidth, container.clientHeight) * 0.03),
  },
  maxBounds: MAX_BOUNDS,
  minZoom: MIN_ZOOM,
  maxZoom: MAX_ZOOM,
  renderWorldCopies: false,
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
(window as unknown as { __map?: MapLibreMap }).__map = map;
