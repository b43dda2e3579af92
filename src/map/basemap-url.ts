/**
 * How MapLibre asks for one layer of the shipped basemap topology: a URL of our own protocol,
 * answered in MapLibre's worker by src/map/basemap-worker.ts (which fetches the topology once
 * and decodes the layer there). Absolute `from`: the worker's own location is not the page's.
 */
export const BASEMAP_PROTOCOL = 'basemap';

export function basemapLayerUrl(layer: string, topology: string, base = location.href): string {
  const from = new URL(topology, base).href;
  return `${BASEMAP_PROTOCOL}://${layer}?from=${encodeURIComponent(from)}`;
}

export function parseBasemapLayerUrl(url: string): { layer: string; from: string } {
  const u = new URL(url);
  const from = u.searchParams.get('from');
  if (u.protocol !== `${BASEMAP_PROTOCOL}:` || !u.host || !from)
    throw new Error(`not a basemap layer URL: ${url.slice(0, 80)}`);
  return { layer: u.host, from };
}
