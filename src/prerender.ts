/**
 * The server-side entry of the prerender (scripts/vite-plugin-prerender.ts): the app as its first
 * render, with no hash, no layer loaded and the map not started. src/main.ts hydrates it.
 */
import { render } from 'svelte/server';
import App from './App.svelte';

export function prerender(): { head: string; body: string } {
  return render(App);
}
