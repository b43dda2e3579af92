declare module 'virtual:story-index' {
  /** The story layers of geo/ with their features' properties, without geometry (scripts/vite-plugin-prerender.ts). */
  const layers: import('./geo/types.ts').StoryLayer[];
  export default layers;
}
declare module 'virtual:theme.css';
declare module 'virtual:basemap' {
  /** geo/basemap/ as one TopoJSON topology (scripts/vite-plugin-basemap.ts). */
  const url: string;
  export default url;
}
declare module 'virtual:basemap-worker' {
  /** src/map/basemap-worker.ts bundled on its own, for MapLibre's worker (scripts/vite-plugin-basemap.ts). */
  const url: string;
  export default url;
}
