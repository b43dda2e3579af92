/**
 * Loaded into MapLibre's worker (`importScriptInWorkers`, src/map/basemap.ts): answers
 * `basemap://countries?from=…` with that layer of the basemap topology as GeoJSON, so the
 * topology is fetched, parsed and decoded off the main thread, beside MapLibre's own tiling.
 * Written by hand because MapLibre reads GeoJSON and vector tiles, not TopoJSON, and no library
 * plugs a format into its worker; the decoding itself is topojson-client's.
 */
import type { AddProtocolAction, WorkerGlobalScopeInterface } from 'maplibre-gl';
import type { Topology } from 'topojson-specification';
import { decodeBasemap } from '../geo/basemap/decode.ts';
import { BASEMAP_PROTOCOL, parseBasemapLayerUrl } from './basemap-url.ts';

/** One fetch per topology and worker, shared by its layers; forgotten if it fails. */
const topologies = new Map<string, Promise<Topology>>();

function topology(from: string): Promise<Topology> {
  let pending = topologies.get(from);
  if (!pending) {
    pending = fetch(from).then((r) => {
      if (!r.ok) throw new Error(`the basemap could not be loaded (HTTP ${r.status})`);
      return r.json() as Promise<Topology>;
    });
    topologies.set(from, pending);
    pending.catch(() => topologies.delete(from));
  }
  return pending;
}

const load: AddProtocolAction = async ({ url }) => {
  const { layer, from } = parseBasemapLayerUrl(url);
  return { data: decodeBasemap(await topology(from), layer) };
};

(self as unknown as WorkerGlobalScopeInterface).addProtocol(BASEMAP_PROTOCOL, load);
