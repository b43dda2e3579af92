import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import './fonts.css';
// The page's CSS reads the same colour tokens as the map style (src/style/theme.ts), as a
// stylesheet so the prerendered page has them before any script runs (scripts/vite-plugin-prerender.ts).
import 'virtual:theme.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
// The build writes the app's first render into index.html (scripts/vite-plugin-prerender.ts):
// hydrating it keeps every element where it is. The dev server serves the empty page: mount.
export default target.hasAttribute('data-prerendered')
  ? hydrate(App, { target })
  : mount(App, { target });
