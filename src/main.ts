import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { theme } from './style/theme.ts';

// The page's CSS reads the same colour tokens as the map style.
const root = document.documentElement.style;
root.setProperty('--water', theme.water);
root.setProperty('--land', theme.land);
root.setProperty('--ink', theme.ink);
root.setProperty('--paper', theme.paper);
root.setProperty('--muted', theme.muted);
root.setProperty('--focus', theme.focus);
root.setProperty('--error', theme.error);
root.setProperty('--error-wash', theme.errorWash);
root.setProperty('--rule', theme.border);

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
export default mount(App, { target });
