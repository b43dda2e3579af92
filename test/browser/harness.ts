/**
 * Runs the built site (dist/) in Debian's Chromium through playwright-core,
 * with every request that leaves the site's own origin blocked and counted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Frame,
  type Page,
} from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll } from 'vitest';
import { preview, type PreviewServer } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTEFACTS = `${ROOT}artefacts/`;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser binary; never a silent skip when there is none. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      "No Chromium found for the browser tests. Install Debian's package " +
        '(apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  return found;
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Outside lookups fail inside the browser itself, not only in our route handler.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ...extraArgs,
    ],
  });
}

export interface Site {
  url: string;
  close(): Promise<void>;
}

/** The build the browser tests run: dist/, or the folder DIST_DIR names. */
export const DIST = process.env.DIST_DIR || `${ROOT}dist`;

/**
 * Serves dist/ on 127.0.0.1 with `vite preview`, on a free port. DIST_DIR names another build
 * folder (e.g. `npx vite build --outDir /tmp/dist-x`), so a run need not touch dist/; `dist`
 * another folder still (a copy a test changes).
 */
export async function serveDist(dist = DIST): Promise<Site> {
  if (!existsSync(`${dist}/index.html`))
    throw new Error(`${dist}/ is missing: run \`npm run build\` first (npm test does).`);
  const server: PreviewServer = await preview({
    root: ROOT,
    build: { outDir: dist },
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => server.close(),
  };
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** URLs of requests that tried to leave the origin (all were aborted). */
  outside: string[];
  consoleErrors: string[];
}

/** A fresh page whose requests off `origin` are aborted and recorded. */
export async function openPage(
  browser: Browser,
  origin: string,
  viewport = { width: 1280, height: 800 },
  options: { reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    viewport,
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  const outside: string[] = [];
  const consoleErrors: string[] = [];
  const own = new URL(origin).origin;
  // The page's policy forbids inline script, so axe-core is served as a file of the origin.
  await context.route('**/__test/axe.min.js', (route) =>
    route.fulfill({ body: AXE, contentType: 'text/javascript' }),
  );
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.endsWith('/__test/axe.min.js')) return route.fallback();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === own)
      return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  return { context, page, outside, consoleErrors };
}

/** Resolves when the map has loaded and has nothing left to draw (in a page or a frame). */
export async function waitForIdle(page: Page | Frame, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => !!(window as unknown as { __map?: unknown }).__map, null, {
    timeout,
  });
  // A prerendered page has the article's chips at once: they no longer tell that the layer files
  // are in. The app marks that itself (data-ready).
  await page.waitForFunction(
    () =>
      !document.querySelector('#app[data-prerendered]') ||
      !!document.querySelector('.app[data-ready]'),
    null,
    { timeout },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
        const check = () => {
          if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) resolve();
          else map.once('idle', check);
        };
        check();
      }),
    null,
  );
}

/** Screenshot into the ignored artefacts folder; returns the PNG. */
export async function screenshot(page: Page, name: string): Promise<PNG> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const buf = await page.screenshot({ path: `${ARTEFACTS}${name}.png` });
  return PNG.sync.read(buf);
}

export type RGB = [number, number, number];

export function pixel(png: PNG, x: number, y: number): RGB {
  const i = (png.width * Math.round(y) + Math.round(x)) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

export function hexToRgb(hex: string): RGB {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Largest per-channel difference. */
export function colourDistance(a: RGB, b: RGB): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/**
 * The most common colour in a small square around a point: a label or border
 * crossing the exact pixel should not decide what the ground there is.
 */
export function dominantColour(png: PNG, x: number, y: number, radius = 3): RGB {
  const counts = new Map<string, number>();
  for (let dy = -radius; dy <= radius; dy++)
    for (let dx = -radius; dx <= radius; dx++) {
      const key = pixel(png, x + dx, y + dy).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best.split(',').map(Number) as RGB;
}

const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');

/**
 * Runs axe-core in the page or frame (injected from node_modules, no network) and returns its
 * violations.
 */
export async function axeViolations(page: Page | Frame): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ url: new URL('/__test/axe.min.js', page.url()).href });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  });
  return violations;
}

type MapWindow = { __map: import('maplibre-gl').Map };

/** The page position of a longitude/latitude on the map. */
export async function projectToPage(page: Page, lngLat: [number, number]) {
  return page.evaluate((p) => {
    const map = (window as unknown as MapWindow).__map;
    const r = map.getCanvas().getBoundingClientRect();
    const { x, y } = map.project(p);
    return { x: x + r.left, y: y + r.top };
  }, lngLat);
}

/** Waits until the map has stopped moving and drawn. */
export async function settle(page: Page | Frame): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as unknown as MapWindow).__map;
    return map && !map.isMoving() && map.loaded();
  });
}

/**
 * For a test file: serves dist/ and starts Chromium before its tests, closes
 * both after them, and hands the two to the file through `use`.
 */
export function servedInChromium(use: (site: Site, browser: Browser) => void): void {
  let site: Site | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveDist();
    browser = await launchBrowser();
    use(site, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
}
