/**
 * The basemap's sources for a map about to be created: the worker script that decodes the
 * shipped topology is imported into MapLibre's workers first (they start now, while the page
 * waits for its font), then the three layers are asked for by URL. Shared by the app
 * (MapView) and the bench's bare page, so both draw the basemap the same way.
 */
import { importScriptInWorkers } from 'maplibre-gl';
import topologyUrl from 'virtual:basemap';
import workerScriptUrl from 'virtual:basemap-worker';
import type { BasemapUrls } from '../style/basemap.ts';
import { basemapLayerUrl } from './basemap-url.ts';

let ready: Promise<BasemapUrls> | null = null;

export { topologyUrl };

export function basemapUrls(): Promise<BasemapUrls> {
  return (ready ??= importScriptInWorkers(workerScriptUrl).then(() => ({
    countries: basemapLayerUrl('countries', topologyUrl),
    boundaries: basemapLayerUrl('boundaries', topologyUrl),
    labels: basemapLayerUrl('labels', topologyUrl),
  })));
}
