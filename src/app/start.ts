/**
 * How the app starts in the browser: each story layer fetched on its own (one broken file costs
 * only itself), the country outlines read from the basemap once the map has it, and what the
 * first screen does not need fetched when the page is idle. Nothing here runs on the server.
 */
import type { LoadProblem, Outlines } from './load.ts';
import { basemapOutlines, loadLayer } from './load.ts';
import type { StoryLayer } from '../geo/types.ts';

/**
 * Every story layer in geo/ (not the basemap), compiled at build time (scripts/vite-plugin-story.ts:
 * country outlines come from the basemap) and fetched on its own, so one broken file costs only
 * itself. Path → URL.
 */
export const layerFiles = import.meta.glob('../../geo/*.geojson', {
  query: '?story',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** What the first screen does not need: loaded when first used, or once the browser is idle. */
export const later = {
  presenterView: () => import('../tour/PresenterView.svelte'),
  editor: () => import('../edit/editor.svelte.ts'),
  editPanel: () => import('../edit/EditPanel.svelte'),
  editLayer: () => import('../edit/EditLayer.svelte'),
  openedLayer: () => import('../preview/OpenedLayer.svelte'),
  tourEditor: () => import('../tour/editor/TourEditor.svelte'),
};
/** Loaded by their own components (PanelTabs, MapTools, OpenFile, TeacherTours) when first needed; warmed too. */
const elsewhere = [
  () => import('../ui/TimeControl.svelte'),
  () => import('../map/export.ts'),
  () => import('../tour/editor/parts.ts'),
  () => import('../preview/OpenedReport.svelte'),
  () => import('../preview/MakeLayer.svelte'),
];

interface Loading {
  addLayer(layer: StoryLayer): void;
  addProblem(p: LoadProblem): void;
}

/**
 * Fetches every layer (URLs by file: the build's compiled layers) and returns the call that
 * says the map has loaded its basemap (or will not): the outlines are read after it, from the
 * browser's cache, not as a second download beside MapLibre's.
 */
export function startLoading(
  story: Loading,
  files: Record<string, string>,
  topologyUrl: string,
): () => void {
  let settle = () => {};
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
    setTimeout(resolve, 15_000);
  });
  // Let go once every layer is in: the parsed topology is a few MiB of arrays, and the closures
  // below (the idle warm-up's among them) would otherwise keep it for as long as they live.
  let basemap: Outlines | null = basemapOutlines(topologyUrl);
  const outlines: Outlines = () => settled.then(() => basemap?.() ?? null);
  const loads = Object.entries(files).map(([path, url]) => {
    const file = path.replace(/^(\.\.\/)+/, '');
    return loadLayer(file, url, outlines).then((r) =>
      r.ok ? story.addLayer(r.layer) : story.addProblem(r.problem),
    );
  });
  Promise.allSettled(loads).then(() => (basemap = null));
  // The later chunks, fetched once the first screen is long done (so they are at hand if the
  // network goes).
  const warm = () =>
    [...Object.values(later), ...elsewhere].forEach((load) => load().catch(() => {}));
  setTimeout(
    () => ('requestIdleCallback' in window ? requestIdleCallback(warm, { timeout: 5000 }) : warm()),
    10_000,
  );
  return settle;
}
