import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { isEmbedded } from './app/embed.ts';
import './app.css';
import './embed.css';
import './fonts.css';
// The page's CSS reads the same colour tokens as the map style (src/style/theme.ts), as a
// stylesheet so the prerendered page has them before any script runs (scripts/vite-plugin-prerender.ts).
import 'virtual:theme.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
// In another site's frame (`?embed`): decided once, from the query, which HashSync's rewriting of
// the hash leaves alone. The root's class sets the layout (src/embed.css); public/early.js set it
// already, before the first paint, and this is the same test again for the dev server's page;
// App leaves out what an embedded map has no use for (the file opener, the editors).
const embed = isEmbedded(location.search);
document.documentElement.classList.toggle('embed', embed);
// The build writes the app's first render into index.html (scripts/vite-plugin-prerender.ts):
// hydrating it keeps every element where it is. The dev server serves the empty page: mount.
export default target.hasAttribute('data-prerendered')
  ? hydrate(App, { target, props: { embed } })
  : mount(App, { target, props: { embed } });
