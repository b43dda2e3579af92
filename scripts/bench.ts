/**
 * `npm run bench`: how much the app costs on top of MapLibre drawing the same basemap.
 *
 * 1. Builds dist-bench/ (bench/vite.bench.config.ts: the app and the bare page
 *    bench/bare.html, MapLibre in its own chunk) and writes .gz and .br beside it.
 * 2. Serves it twice with Vite's preview server on 127.0.0.1: as `npm run preview`
 *    does (gzip on the fly, when asked) and as a server sending the precompressed
 *    files does. The server counts the bytes of every response body it sends, so
 *    requests from MapLibre's worker, which a page's CDP session does not see,
 *    are counted too.
 * 3. Growth: copies the project to a temporary directory, grows its story ten
 *    times (bench/grow.ts: passages and every feature but the country outlines),
 *    builds that copy with its own bench/vite.bench.config.ts and serves it too.
 * 4. In headless Chromium, cold loads (a fresh context each: an empty cache), the
 *    app, the bare page and the 10× story in mirrored order (app, bare, 10×, then
 *    10×, bare, app, …), BENCH_RUNS of each (default 5): first paint, map 'load',
 *    first 'idle', JS heap, bytes by kind and, in the app and the 10× story, the
 *    time from a click on a passage's chip to the feature card.
 * 5. Lighthouse 12 (mobile and desktop presets) against the served app and the
 *    bare page (precompressed server), one after the other; skipped when
 *    BENCH_SKIP_LIGHTHOUSE=1 (for a quicker run while working on the bench).
 * 6. `npm run validate`, three times.
 * Prints a table and writes artefacts/bench.json. Targets are reported, not
 * enforced: the exit code is 0 unless the bench itself failed. The temporary
 * copy is removed at the end.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type Plugin, type PreviewServer } from 'vite';
import { GROWTH_FACTOR, growStory, readStory, storyFiles } from '../bench/grow.ts';
import { findChromium, launchBrowser } from '../test/browser/harness.ts';
import { precompress } from './precompress.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist-bench');
const ARTEFACTS = join(ROOT, 'artefacts');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const SKIP_LIGHTHOUSE = process.env.BENCH_SKIP_LIGHTHOUSE === '1';
const VIEWPORT = { width: 1280, height: 800 };
const KIB = 1024;

const TARGETS = {
  idleRatio: 1.1,
  heapRatio: 1.2,
  /** Precompressed (Brotli 11). */
  nonMaplibreKiB: 150,
  /** As `vite preview` sends it (gzip on the fly). */
  nonMaplibreGzipKiB: 200,
  clickMs: 50,
  cls: 0.02,
  /** Lighthouse mobile total blocking time, app minus the bare page. */
  tbtOverBareMs: 100,
  validateMs: 1000,
  /** The 10× story over the app: first idle and click → card painted. */
  growthRatio: 2,
  lighthouse: {
    mobile: { performance: 90, accessibility: 100, 'best-practices': 100, seo: 100 },
    desktop: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 },
  },
} as const;

// ---------------------------------------------------------------- helpers

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '–');
const kib = (x: number) => (Number.isFinite(x) ? `${(x / KIB).toFixed(1)} KiB` : '–');
const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------- serving

interface Served {
  path: string;
  status: number;
  /** Content-Encoding of the response, '' for none. */
  encoding: string;
  acceptEncoding: string;
  /** Body bytes as sent, after any compression. */
  sent: number;
}

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;
type End = (chunk?: unknown, ...rest: unknown[]) => ServerResponse;

const chunkBytes = (chunk: unknown, encoding: unknown): number =>
  typeof chunk === 'string'
    ? Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
    : chunk instanceof Uint8Array
      ? chunk.byteLength
      : 0;

/**
 * Counts the body bytes of every response. Its middleware comes before the
 * preview server's compression, which therefore writes its compressed output
 * through these wrappers: what is counted is what goes to the socket.
 */
function countBytes(served: Served[]): Plugin {
  return {
    name: 'bench:count-bytes',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        let sent = 0;
        const write = res.write as unknown as Write;
        const end = res.end as unknown as End;
        (res as unknown as { write: Write }).write = function (chunk, ...rest) {
          sent += chunkBytes(chunk, rest[0]);
          return write.call(this, chunk, ...rest);
        };
        (res as unknown as { end: End }).end = function (chunk, ...rest) {
          if (typeof chunk !== 'function') sent += chunkBytes(chunk, rest[0]);
          return end.call(this, chunk, ...rest);
        };
        res.on('finish', () =>
          served.push({
            path: decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname),
            status: res.statusCode,
            encoding: String(res.getHeader('content-encoding') ?? ''),
            acceptEncoding: String(req.headers['accept-encoding'] ?? ''),
            sent,
          }),
        );
        next();
      });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
};

/** Sends the .br or .gz written by scripts/precompress.ts when the request accepts it. */
function precompressed(dir: string): Plugin {
  return {
    name: 'bench:precompressed',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        if (path.endsWith('/')) path += 'index.html';
        const file = resolve(dir, `.${path}`);
        const type = TYPES[extname(file)];
        if (!file.startsWith(dir + sep) || !type) return next();
        const accept = String(req.headers['accept-encoding'] ?? '');
        for (const [encoding, suffix] of [
          ['br', '.br'],
          ['gzip', '.gz'],
        ] as const) {
          if (!new RegExp(`\\b${encoding}\\b`).test(accept) || !existsSync(file + suffix)) continue;
          const body = readFileSync(file + suffix);
          res.writeHead(200, {
            'Content-Type': type,
            'Content-Encoding': encoding,
            'Content-Length': body.length,
            Vary: 'Accept-Encoding',
            // As the README asks of a host: hashed assets never change, so a second request for
            // one (the country outlines, read again after MapLibre's worker has them) is a
            // cache hit, not a second download.
            'Cache-Control': path.startsWith('/assets/')
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          });
          res.end(req.method === 'HEAD' ? undefined : body);
          return;
        }
        next();
      });
    },
  };
}

interface Server {
  url: string;
  /** The build it serves. */
  dir: string;
  served: Served[];
  close(): Promise<void>;
}

async function serve(precompressedFiles: boolean, dir = OUT): Promise<Server> {
  const served: Served[] = [];
  const server: PreviewServer = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: { outDir: dir },
    plugins: [countBytes(served), ...(precompressedFiles ? [precompressed(dir)] : [])],
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const { port } = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, dir, served, close: () => server.close() };
}

// ---------------------------------------------------------------- the 10× story

interface Grown {
  /** The temporary copy of the project. */
  root: string;
  /** Its build. */
  out: string;
  factor: number;
  passages: { app: number; grown: number };
  features: { app: number; grown: number };
}

/** Not copied: installed packages (linked instead), git, builds and the bench's own output. */
const copied = (src: string): boolean => {
  const [top = '', ...rest] = relative(ROOT, src).split(sep);
  if (top === '.git' || top === 'artefacts' || top.startsWith('dist')) return false;
  return top !== 'node_modules' && !rest.includes('node_modules');
};

/**
 * Copies the project to `root`, a temporary directory, replaces its story/article.json and
 * geo/*.geojson with the story grown `factor` times (bench/grow.ts) and builds it with the copy's
 * own bench/vite.bench.config.ts, whose root is the copy: dist-bench/ there. No precompression:
 * the 10× story is served as `vite preview` serves the app it is compared with.
 */
async function buildGrown(root: string, factor: number): Promise<Grown> {
  cpSync(ROOT, root, { recursive: true, filter: copied });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(root, 'node_modules'), 'dir');
  const real = readStory(ROOT);
  const grown = growStory(real, factor);
  for (const file of storyFiles(grown)) writeFileSync(join(root, file.path), file.text);
  const count = (s: typeof real) => ({
    passages: s.article.passages.length,
    features: Object.values(s.layers).reduce((n, l) => n + l.features.length, 0),
  });
  const [a, g] = [count(real), count(grown)];
  await build({ configFile: join(root, 'bench/vite.bench.config.ts'), logLevel: 'error' });
  return {
    root,
    out: join(root, 'dist-bench'),
    factor,
    passages: { app: a.passages, grown: g.passages },
    features: { app: a.features, grown: g.features },
  };
}

// ---------------------------------------------------------------- bytes

const KINDS = ['maplibre', 'app', 'data', 'fonts', 'other'] as const;
type Kind = (typeof KINDS)[number];
type Bytes = Record<Kind | 'total' | 'allButMaplibre', { raw: number; sent: number }>;

function kindOf(path: string): Kind {
  const name = path.split('/').pop() ?? '';
  if (/^maplibre-gl[-.]/.test(name)) return 'maplibre';
  if (/\.(woff2?|ttf|otf)$/.test(name)) return 'fonts';
  if (/\.(json|geojson)$/.test(name)) return 'data';
  if (/\.(m?js|css|html)$/.test(name) || name === '') return 'app';
  return 'other';
}

function bytesOf(served: Served[], dir: string): Bytes {
  const out = Object.fromEntries(
    [...KINDS, 'total', 'allButMaplibre'].map((k) => [k, { raw: 0, sent: 0 }]),
  ) as Bytes;
  for (const s of served) {
    const file = join(dir, s.path.endsWith('/') ? `${s.path}index.html` : s.path);
    const raw = s.status === 200 && existsSync(file) ? statSync(file).size : s.sent;
    for (const k of [kindOf(s.path), 'total' as const]) {
      out[k].raw += raw;
      out[k].sent += s.sent;
    }
    if (kindOf(s.path) !== 'maplibre') {
      out.allButMaplibre.raw += raw;
      out.allButMaplibre.sent += s.sent;
    }
  }
  return out;
}

// ---------------------------------------------------------------- page loads

interface Marks {
  mapCreated?: number;
  load?: number;
  idles: number[];
  lastRender?: number;
  clickAt?: number;
  cardInDom?: number;
  cardFrame?: number;
}

/**
 * Runs in the page before its own scripts: when the page sets window.__map,
 * records the time and listens for the map's 'load', 'idle' and 'render'.
 * MapView and bare.ts set __map right after constructing the map, in the same
 * task, so 'load' cannot have fired yet. Times are performance.now(): from the
 * start of navigation.
 */
function hookMap() {
  type Listener = () => void;
  type MapLike = { on(t: string, f: Listener): void; once(t: string, f: Listener): void };
  const marks: Marks = { idles: [] };
  (window as unknown as { __bench: Marks }).__bench = marks;
  let value: MapLike | undefined;
  Object.defineProperty(window, '__map', {
    configurable: true,
    get: () => value,
    set(map: MapLike) {
      value = map;
      if (marks.mapCreated !== undefined) return;
      marks.mapCreated = performance.now();
      map.once('load', () => (marks.load = performance.now()));
      map.on('idle', () => marks.idles.push(performance.now()));
      map.on('render', () => (marks.lastRender = performance.now()));
    },
  });
}

/** The app, the bare MapLibre page, and the app with its story grown (bench/grow.ts). */
type Target = 'app' | 'bare' | 'grown';

interface Load {
  target: Target;
  server: 'preview' | 'precompressed';
  firstPaint: number;
  firstContentfulPaint: number;
  mapCreated: number;
  mapLoad: number;
  firstIdle: number;
  /** The last 'idle' before 1.5 s without rendering: story layers drawn too. */
  settledIdle: number;
  /** Main-thread JS heap after idle and a garbage collection (CDP Runtime.getHeapUsage). */
  heapUsed: number;
  canvas: { width: number; height: number };
  bytes: Bytes;
  served: Served[];
  /** What the page's CDP session saw (Network.loadingFinished encodedDataLength, headers included). */
  cdp: { requests: number; encodedDataLength: number };
  clickToCardDom?: number;
  clickToCardFrame?: number;
  consoleErrors: string[];
}

async function coldLoad(
  browser: Browser,
  server: Server,
  target: Target,
  kind: Load['server'],
  measureClick: boolean,
): Promise<Load> {
  // No service worker: it downloads the whole site after the first screen (src/app/offline.ts),
  // which is not the first load's cost and would be counted as if it were.
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    // tsx compiles this file with esbuild's keepNames, which wraps functions in
    // __name(…); the functions sent to the page need that helper there too.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.addInitScript(hookMap);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // No Network.setCacheDisabled: the fresh context's cache is empty already, and disabling it
    // would also stop the page from reusing, as any browser does, a file its map's worker has just
    // fetched (the app reads the basemap's country outlines after the map has loaded them).
    const cdpSeen = { requests: 0, encodedDataLength: 0 };
    cdp.on('Network.loadingFinished', (e) => {
      cdpSeen.requests++;
      cdpSeen.encodedDataLength += e.encodedDataLength;
    });

    server.served.length = 0;
    await page.goto(server.url + (target === 'bare' ? 'bench/bare.html' : ''));
    await page.waitForFunction(
      () => (window as unknown as { __bench: Marks }).__bench.idles.length > 0,
      null,
      { timeout: 90_000 },
    );
    // Settled: nothing rendered for 1.5 s (at most 20 s after the first idle).
    await page.waitForFunction(
      () => {
        const m = (window as unknown as { __bench: Marks }).__bench;
        const last = Math.max(m.lastRender ?? 0, m.idles[m.idles.length - 1] ?? 0);
        return performance.now() - last > 1500 || performance.now() - m.idles[0] > 20_000;
      },
      null,
      { timeout: 30_000, polling: 250 },
    );
    const served = [...server.served];
    const timing = await page.evaluate(() => {
      const m = (window as unknown as { __bench: Marks }).__bench;
      const paint = (name: string) =>
        performance.getEntriesByName(name, 'paint')[0]?.startTime ?? NaN;
      const canvas = document.querySelector('canvas.maplibregl-canvas');
      return {
        firstPaint: paint('first-paint'),
        firstContentfulPaint: paint('first-contentful-paint'),
        mapCreated: m.mapCreated ?? NaN,
        mapLoad: m.load ?? NaN,
        firstIdle: m.idles[0] ?? NaN,
        settledIdle: m.idles[m.idles.length - 1] ?? NaN,
        canvas: { width: canvas?.clientWidth ?? 0, height: canvas?.clientHeight ?? 0 },
      };
    });
    if (!timing.canvas.width || !timing.canvas.height)
      throw new Error(`${target}: the map canvas has no size`);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    const load: Load = {
      target,
      server: kind,
      ...timing,
      heapUsed: heap.usedSize,
      bytes: bytesOf(served, server.dir),
      served,
      cdp: cdpSeen,
      consoleErrors,
    };
    if (measureClick) Object.assign(load, await clickToCard(page));
    return load;
  } finally {
    await context.close();
  }
}

/**
 * From the click on the first chip of passage p02 (the event's timeStamp) to
 * #card-title in the DOM, and to the first task after the next animation frame
 * (the card painted).
 */
async function clickToCard(page: Page) {
  const chip = page.locator('#passage-p02 .chip').first();
  await chip.scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    const m = (window as unknown as { __bench: Marks }).__bench;
    if (document.getElementById('card-title')) throw new Error('a card is open before the click');
    addEventListener('click', (e) => (m.clickAt = e.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (!document.getElementById('card-title')) return;
      observer.disconnect();
      m.cardInDom = performance.now();
      requestAnimationFrame(() => setTimeout(() => (m.cardFrame = performance.now())));
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  await chip.click();
  await page.waitForFunction(
    () => (window as unknown as { __bench: Marks }).__bench.cardFrame !== undefined,
    null,
    { timeout: 10_000 },
  );
  return page.evaluate(() => {
    const m = (window as unknown as { __bench: Marks }).__bench;
    return {
      clickToCardDom: (m.cardInDom ?? NaN) - (m.clickAt ?? NaN),
      clickToCardFrame: (m.cardFrame ?? NaN) - (m.clickAt ?? NaN),
    };
  });
}

// ---------------------------------------------------------------- lighthouse

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

interface LighthouseRun {
  target: Target;
  preset: 'mobile' | 'desktop';
  ok: boolean;
  error?: string;
  scores?: Record<Category, number>;
  metrics?: Record<string, string>;
  /** Total blocking time (ms), cumulative layout shift, largest contentful paint (ms). */
  numeric?: { tbt: number; cls: number; lcp: number };
  /** Audits that scored below 1 and weigh in their category's score. */
  failing?: string[];
  warnings?: string[];
  report?: string;
}

interface LhResult {
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    { title: string; score: number | null; displayValue?: string; numericValue?: number }
  >;
}

function run(
  cmd: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  return new Promise((done) => {
    const start = performance.now();
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    const timer = setTimeout(() => {
      err += `\n(killed after ${options.timeoutMs} ms)`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (e) => (err += String(e)));
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out, err, ms: performance.now() - start });
    });
  });
}

async function lighthouse(
  url: string,
  preset: 'mobile' | 'desktop',
  target: Target,
): Promise<LighthouseRun> {
  const cli = join(ROOT, 'node_modules/lighthouse/cli/index.js');
  if (!existsSync(cli))
    return { target, preset, ok: false, error: 'lighthouse is not installed (npm ci installs it)' };
  const base = join(
    ARTEFACTS,
    target === 'app' ? `lighthouse-${preset}` : `lighthouse-${target}-${preset}`,
  );
  const flags = [
    '--headless=new',
    '--no-sandbox',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--ignore-gpu-blocklist',
    '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"',
  ].join(' ');
  const args = [
    cli,
    url,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--output=json',
    '--output=html',
    `--output-path=${base}`,
    `--chrome-flags=${flags}`,
    '--quiet',
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const r = await run(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: findChromium() },
    timeoutMs: 180_000,
  });
  const json = `${base}.report.json`;
  if (r.code !== 0 || !existsSync(json))
    return {
      target,
      preset,
      ok: false,
      error: `lighthouse exited ${r.code}: ${(r.err || r.out).trim().split('\n').slice(-5).join(' | ')}`,
    };
  const result = JSON.parse(readFileSync(json, 'utf8')) as LhResult;
  if (result.runtimeError)
    return {
      target,
      preset,
      ok: false,
      error: `${result.runtimeError.code}: ${result.runtimeError.message}`,
    };
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((result.categories[c]?.score ?? NaN) * 100)]),
  ) as Record<Category, number>;
  const failing = CATEGORIES.flatMap((c) =>
    (result.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ ref, audit: result.audits[ref.id] }))
      .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
      .map(
        ({ ref, audit }) =>
          `${c}/${ref.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
      ),
  );
  const metric = (id: string) => result.audits[id]?.displayValue ?? '–';
  const value = (id: string) => result.audits[id]?.numericValue ?? NaN;
  return {
    target,
    preset,
    ok: true,
    scores,
    metrics: {
      FCP: metric('first-contentful-paint'),
      LCP: metric('largest-contentful-paint'),
      TBT: metric('total-blocking-time'),
      CLS: metric('cumulative-layout-shift'),
      SI: metric('speed-index'),
    },
    numeric: {
      tbt: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      lcp: value('largest-contentful-paint'),
    },
    failing,
    warnings: result.runWarnings ?? [],
    report: `${base}.report.html`,
  };
}

// ---------------------------------------------------------------- targets

interface TargetResult {
  name: string;
  target: string;
  actual: string;
  met: boolean | null;
  gap?: string;
}

function check(
  name: string,
  actual: number,
  limit: number,
  better: 'lower' | 'higher',
  fmt: (x: number) => string,
): TargetResult {
  if (!Number.isFinite(actual))
    return {
      name,
      target: `${better === 'lower' ? '≤' : '≥'} ${fmt(limit)}`,
      actual: '–',
      met: null,
    };
  const met = better === 'lower' ? actual <= limit : actual >= limit;
  return {
    name,
    target: `${better === 'lower' ? '≤' : '≥'} ${fmt(limit)}`,
    actual: fmt(actual),
    met,
    ...(met ? {} : { gap: `${better === 'lower' ? '+' : '−'}${fmt(Math.abs(actual - limit))}` }),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join(
    '\n',
  );
}

// ---------------------------------------------------------------- main

async function main() {
  const started = performance.now();
  const loadBefore = loadavg();
  mkdirSync(ARTEFACTS, { recursive: true });

  log('bench: building dist-bench/ …');
  await build({ configFile: join(ROOT, 'bench/vite.bench.config.ts'), logLevel: 'error' });
  const compressed = await precompress(OUT);
  log(`bench: precompressed ${compressed.length} files`);

  const tmp = mkdtempSync(join(tmpdir(), 'bench-grown-'));
  const servers: Server[] = [];
  let browser: Browser | undefined;
  const loads: Load[] = [];
  let precompressedLoad: Load | undefined;
  try {
    log(`bench: building the ${GROWTH_FACTOR}× story in ${tmp} …`);
    const grown = await buildGrown(tmp, GROWTH_FACTOR);
    log(
      `bench: ${GROWTH_FACTOR}× story built: ${grown.passages.grown} passages, ${grown.features.grown} features`,
    );

    const plain = await serve(false);
    const pre = await serve(true);
    const grownServer = await serve(false, grown.out);
    servers.push(plain, pre, grownServer);
    browser = await launchBrowser(['--enable-precise-memory-info']);
    const version = browser.version();
    // Mirrored: app, bare, 10×, then 10×, bare, app, … so slow drift of the machine hits all
    // three alike.
    for (let i = 0; i < RUNS; i++) {
      const order: Target[] = i % 2 ? ['grown', 'bare', 'app'] : ['app', 'bare', 'grown'];
      for (const target of order) {
        const server = target === 'grown' ? grownServer : plain;
        const l = await coldLoad(browser, server, target, 'preview', target !== 'bare');
        loads.push(l);
        log(
          `bench: ${target} #${i + 1}: first idle ${ms(l.firstIdle)}` +
            (l.clickToCardFrame !== undefined ? `, click→card ${ms(l.clickToCardFrame)}` : ''),
        );
      }
    }
    precompressedLoad = await coldLoad(browser, pre, 'app', 'precompressed', false);
    log('bench: app over the precompressed server measured');
    await browser.close();
    browser = undefined;

    const lh: LighthouseRun[] = [];
    if (SKIP_LIGHTHOUSE) log('bench: lighthouse skipped (BENCH_SKIP_LIGHTHOUSE=1)');
    else
      for (const preset of ['mobile', 'desktop'] as const)
        for (const target of ['app', 'bare', 'grown'] as const) {
          log(`bench: lighthouse ${preset} ${target} …`);
          // The 10× story is served as `vite preview` sends it (its build has no precompressed
          // copies); the app and the bare page as a host would, precompressed.
          const url =
            target === 'grown'
              ? grownServer.url
              : pre.url + (target === 'bare' ? 'bench/bare.html' : '');
          lh.push(await lighthouse(url, preset, target));
        }

    log('bench: npm run validate ×3 …');
    const validateRuns = [];
    for (let i = 0; i < 3; i++)
      validateRuns.push(await run('npm', ['run', 'validate', '--silent'], { timeoutMs: 60_000 }));
    // Part of that floor: tsx starting and doing nothing.
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const startupRuns = [];
    for (let i = 0; i < 3; i++)
      startupRuns.push(await run(tsx, ['-e', '0'], { timeoutMs: 60_000 }));

    report({
      version,
      started,
      loadBefore,
      loads,
      precompressedLoad,
      compressed,
      lh,
      validate: validateRuns.map((r) => ({ ms: r.ms, code: r.code })),
      startupMs: median(startupRuns.map((r) => r.ms)),
      grown,
    });
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    // The link to node_modules first, on its own: never anything behind it.
    rmSync(join(tmp, 'node_modules'), { force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}

function report(r: {
  version: string;
  started: number;
  loadBefore: number[];
  loads: Load[];
  precompressedLoad?: Load;
  compressed: Awaited<ReturnType<typeof precompress>>;
  lh: LighthouseRun[];
  validate: { ms: number; code: number | null }[];
  startupMs: number;
  grown: Grown;
}) {
  const of = (t: Target) => r.loads.filter((l) => l.target === t);
  const med = (t: Target, f: (l: Load) => number | undefined) =>
    median(of(t).map((l) => f(l) ?? NaN));
  const timings: [string, (l: Load) => number | undefined][] = [
    ['first paint', (l) => l.firstPaint],
    ['first contentful paint', (l) => l.firstContentfulPaint],
    ['map created', (l) => l.mapCreated],
    ['map load', (l) => l.mapLoad],
    ['first idle', (l) => l.firstIdle],
    ['settled idle', (l) => l.settledIdle],
  ];
  const mediansOf = (t: Target): Record<string, number> => ({
    ...Object.fromEntries(timings.map(([name, f]) => [name, med(t, f)])),
    heapUsed: med(t, (l) => l.heapUsed),
    clickToCardDom: med(t, (l) => l.clickToCardDom),
    clickToCardFrame: med(t, (l) => l.clickToCardFrame),
  });
  const medians = { app: mediansOf('app'), bare: mediansOf('bare') };
  const bytes = {
    app: of('app').at(-1)?.bytes,
    bare: of('bare').at(-1)?.bytes,
    appPrecompressed: r.precompressedLoad?.bytes,
  };
  const validateMs = median(r.validate.map((v) => v.ms));
  const ratio = medians.app['first idle'] / medians.bare['first idle'];
  const grown = mediansOf('grown');
  const growthRatios = {
    firstIdle: grown['first idle'] / medians.app['first idle'],
    settledIdle: grown['settled idle'] / medians.app['settled idle'],
    clickToCardDom: grown.clickToCardDom / medians.app.clickToCardDom,
    clickToCardFrame: grown.clickToCardFrame / medians.app.clickToCardFrame,
    heapUsed: grown.heapUsed / medians.app.heapUsed,
  };
  const grownBytes = of('grown').at(-1)?.bytes;
  const factor = `${r.grown.factor}×`;

  const targets: TargetResult[] = [
    check('first idle, app / bare', ratio, TARGETS.idleRatio, 'lower', (x) => x.toFixed(2)),
    check(
      'JS heap after idle, app / bare',
      medians.app.heapUsed / medians.bare.heapUsed,
      TARGETS.heapRatio,
      'lower',
      (x) => x.toFixed(2),
    ),
    check(
      'all but MapLibre, compressed as vite preview sends it (gzip)',
      bytes.app?.allButMaplibre.sent ?? NaN,
      TARGETS.nonMaplibreGzipKiB * KIB,
      'lower',
      kib,
    ),
    check(
      'all but MapLibre, precompressed (Brotli 11)',
      bytes.appPrecompressed?.allButMaplibre.sent ?? NaN,
      TARGETS.nonMaplibreKiB * KIB,
      'lower',
      kib,
    ),
    check(
      'click on a chip → card painted',
      medians.app.clickToCardFrame,
      TARGETS.clickMs,
      'lower',
      ms,
    ),
    check(
      `${factor} story: first idle grows`,
      growthRatios.firstIdle,
      TARGETS.growthRatio,
      'lower',
      (x) => `${x.toFixed(2)}×`,
    ),
    check(
      `${factor} story: click → card grows`,
      growthRatios.clickToCardFrame,
      TARGETS.growthRatio,
      'lower',
      (x) => `${x.toFixed(2)}×`,
    ),
    check('npm run validate', validateMs, TARGETS.validateMs, 'lower', ms),
  ];
  const lighthouseNotes: string[] = SKIP_LIGHTHOUSE
    ? ['Lighthouse skipped (BENCH_SKIP_LIGHTHOUSE=1).']
    : [];
  const lhOf = (target: Target, preset: LighthouseRun['preset']) =>
    r.lh.find((l) => l.target === target && l.preset === preset && l.ok);
  for (const run of r.lh) {
    if (!run.ok)
      lighthouseNotes.push(`Lighthouse ${run.preset} ${run.target} could not run: ${run.error}`);
    if (run.target !== 'app') continue;
    for (const c of CATEGORIES) {
      const name = `Lighthouse ${run.preset} ${c}`;
      const limit = TARGETS.lighthouse[run.preset][c];
      if (run.ok && run.scores) targets.push(check(name, run.scores[c], limit, 'higher', String));
      else targets.push({ name, target: `≥ ${limit}`, actual: 'did not run', met: null });
    }
    targets.push(
      check(`Lighthouse ${run.preset} CLS`, run.numeric?.cls ?? NaN, TARGETS.cls, 'lower', (x) =>
        x.toFixed(3),
      ),
    );
  }
  const mobileBare = lhOf('bare', 'mobile');
  const mobileApp = lhOf('app', 'mobile');
  targets.push(
    check(
      'Lighthouse mobile performance, app − bare',
      (mobileApp?.scores?.performance ?? NaN) - (mobileBare?.scores?.performance ?? NaN),
      0,
      'higher',
      String,
    ),
    check(
      'Lighthouse mobile TBT, app − bare',
      (mobileApp?.numeric?.tbt ?? NaN) - (mobileBare?.numeric?.tbt ?? NaN),
      TARGETS.tbtOverBareMs,
      'lower',
      ms,
    ),
  );
  // The 10× story under Lighthouse: reported beside the app (no target of its own in the issue).
  for (const preset of ['mobile', 'desktop'] as const) {
    const app = lhOf('app', preset);
    const grownRun = lhOf('grown', preset);
    if (app && grownRun)
      lighthouseNotes.push(
        `Lighthouse ${preset}, ${factor} story against the app: performance ${grownRun.scores?.performance} vs ${app.scores?.performance}, TBT ${ms(grownRun.numeric?.tbt ?? NaN)} vs ${ms(app.numeric?.tbt ?? NaN)}, LCP ${ms(grownRun.numeric?.lcp ?? NaN)} vs ${ms(app.numeric?.lcp ?? NaN)}.`,
      );
  }

  const out: string[] = [];
  out.push(
    `\nbench: ${RUNS} cold loads each of the app, the bare page and the ${factor} story, in mirrored order; medians.`,
    `Chromium ${r.version} (SwiftShader, headless), ${cpus().length} CPUs, load average ${r.loadBefore.map((x) => x.toFixed(1)).join(' ')} at start.\n`,
  );
  const rows: string[][] = [['measure', 'app', 'bare', 'app / bare']];
  for (const [name] of timings) {
    const a = medians.app[name];
    const b = medians.bare[name];
    rows.push([name, ms(a), ms(b), (a / b).toFixed(2)]);
  }
  rows.push([
    'JS heap after idle (main thread)',
    kib(medians.app.heapUsed),
    kib(medians.bare.heapUsed),
    (medians.app.heapUsed / medians.bare.heapUsed).toFixed(2),
  ]);
  rows.push(['click on a chip → card in DOM', ms(medians.app.clickToCardDom), '–', '']);
  rows.push(['click on a chip → card painted', ms(medians.app.clickToCardFrame), '–', '']);
  out.push(table(rows), '');

  const byteRows: string[][] = [
    [
      'bytes (bodies)',
      'app raw',
      'app gzip (vite preview)',
      'app precompressed',
      'bare raw',
      'bare gzip (vite preview)',
    ],
  ];
  for (const k of [...KINDS, 'allButMaplibre', 'total'] as const) {
    byteRows.push([
      k === 'allButMaplibre' ? 'all but MapLibre' : k,
      kib(bytes.app?.[k].raw ?? NaN),
      kib(bytes.app?.[k].sent ?? NaN),
      kib(bytes.appPrecompressed?.[k].sent ?? NaN),
      kib(bytes.bare?.[k].raw ?? NaN),
      kib(bytes.bare?.[k].sent ?? NaN),
    ]);
  }
  out.push(table(byteRows), '');
  const asked = [...new Set(r.loads.flatMap((l) => l.served.map((s) => s.acceptEncoding)))];
  const app = of('app').at(-1);
  const bare = of('bare').at(-1);
  if (app && bare)
    out.push(
      `Map canvas: app ${app.canvas.width}×${app.canvas.height}, bare ${bare.canvas.width}×${bare.canvas.height} (the bare map fills the ${VIEWPORT.width}×${VIEWPORT.height} window).`,
      `Cross-check: the page's own CDP session saw ${app.cdp.requests} requests, ${kib(app.cdp.encodedDataLength)} with headers (app), ${bare.cdp.requests} and ${kib(bare.cdp.encodedDataLength)} (bare); it does not see MapLibre's worker or what the worker fetches.`,
    );
  out.push(
    `Chromium asked with Accept-Encoding: ${asked.join(' / ')}. vite preview answers with gzip (on the fly, level 6) only; the precompressed server sends the .br files.`,
    `maplibre = maplibre-gl chunk, its CSS and its worker; app = HTML, other JS and CSS; data = .json; fonts = .woff2. Counted by the server, so the worker's requests are included.`,
    '',
  );

  const g = r.grown;
  out.push(
    `${factor} story (bench/grow.ts): ${g.passages.app} → ${g.passages.grown} passages, ${g.features.app} → ${g.features.grown} features (country outlines not copied), built from a copy of the project; ${RUNS} cold loads, between the app's above; medians.\n`,
  );
  const growthRows: string[][] = [['measure', 'app', `${factor} story`, `${factor} / app`]];
  for (const [name, key, fmt] of [
    ['first idle', 'first idle', ms],
    ['settled idle', 'settled idle', ms],
    ['click on a chip → card in DOM', 'clickToCardDom', ms],
    ['click on a chip → card painted', 'clickToCardFrame', ms],
    ['JS heap after idle (main thread)', 'heapUsed', kib],
  ] as const)
    growthRows.push([
      name,
      fmt(medians.app[key]),
      fmt(grown[key]),
      (grown[key] / medians.app[key]).toFixed(2),
    ]);
  growthRows.push([
    'data, raw (gzip as vite preview sends it)',
    `${kib(bytes.app?.data.raw ?? NaN)} (${kib(bytes.app?.data.sent ?? NaN)})`,
    `${kib(grownBytes?.data.raw ?? NaN)} (${kib(grownBytes?.data.sent ?? NaN)})`,
    ((grownBytes?.data.raw ?? NaN) / (bytes.app?.data.raw ?? NaN)).toFixed(2),
  ]);
  growthRows.push([
    'app (HTML, JS, CSS), raw',
    kib(bytes.app?.app.raw ?? NaN),
    kib(grownBytes?.app.raw ?? NaN),
    ((grownBytes?.app.raw ?? NaN) / (bytes.app?.app.raw ?? NaN)).toFixed(2),
  ]);
  out.push(table(growthRows), '');

  for (const run of r.lh) {
    if (!run.ok) continue;
    out.push(
      `Lighthouse ${run.preset} ${run.target}: ${CATEGORIES.map((c) => `${c} ${run.scores?.[c]}`).join(', ')}; ` +
        Object.entries(run.metrics ?? {})
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
    );
    for (const f of run.failing ?? []) out.push(`  below 1: ${f}`);
    for (const w of run.warnings ?? [])
      out.push(`  warning: ${w.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
  out.push(...lighthouseNotes, '');
  out.push(
    `npm run validate: ${r.validate.map((v) => ms(v.ms)).join(', ')} (exit ${r.validate.map((v) => v.code).join(', ')}); wall time including npm and tsx start-up; \`tsx -e 0\` alone takes ${ms(r.startupMs)}.`,
    '',
  );

  out.push(
    table([
      ['target', 'wanted', 'actual', 'met', 'gap'],
      ...targets.map((t) => [
        t.name,
        t.target,
        t.actual,
        t.met === null ? '?' : t.met ? 'yes' : 'no',
        t.gap ?? '',
      ]),
    ]),
  );
  const errors = [...new Set(r.loads.flatMap((l) => l.consoleErrors))];
  if (errors.length) out.push('', `console errors seen: ${errors.join(' | ')}`);
  const seconds = (performance.now() - r.started) / 1000;
  out.push(
    '',
    `bench took ${seconds.toFixed(0)} s; load average at end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}.`,
  );
  console.log(out.join('\n'));

  const json = {
    date: new Date().toISOString(),
    chromium: r.version,
    cpus: cpus().length,
    loadAverage: { start: r.loadBefore, end: loadavg() },
    runs: RUNS,
    viewport: VIEWPORT,
    seconds,
    medians,
    ratios: { firstIdle: ratio },
    bytes,
    acceptEncoding: asked,
    precompressedFiles: r.compressed,
    lighthouse: r.lh,
    validate: { medianMs: validateMs, runs: r.validate, tsxStartupMs: r.startupMs },
    targets,
    loads: r.loads.filter((l) => l.target !== 'grown'),
    precompressedLoad: r.precompressedLoad,
    growth: {
      factor: r.grown.factor,
      passages: r.grown.passages,
      features: r.grown.features,
      medians: { app: medians.app, grown },
      ratios: growthRatios,
      bytes: grownBytes,
      loads: of('grown'),
    },
  };
  writeFileSync(join(ARTEFACTS, 'bench.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwritten: artefacts/bench.json`);
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
