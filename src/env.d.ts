declare module 'virtual:story-index' {
  /** The story layers of geo/ with their features' properties, without geometry (scripts/vite-plugin-prerender.ts). */
  const layers: import('./geo/types.ts').StoryLayer[];
  export default layers;
}
declare module 'virtual:theme.css';
