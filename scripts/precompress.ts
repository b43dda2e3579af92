/**
 * Writes a .gz and a .br beside every compressible file of a build, so a static
 * server can send them as they are (nginx `gzip_static`/`brotli_static`, Caddy
 * `file_server { precompressed br gzip }`, and others) instead of compressing
 * on every request, at a setting no server uses on the fly: gzip level 9 and
 * Brotli quality 11.
 *   tsx scripts/precompress.ts [dir]      default: dist
 *
 * A small script over node:zlib rather than a Vite plugin: Node has both
 * encoders built in, so this adds no dependency that must follow Vite's major
 * versions, and it leaves the Vite configs (the app's, the single-file one and
 * the bench's) as they are; the single-file build, opened from file://, has no
 * use for them.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Text formats; fonts (WOFF2 is Brotli inside) and images are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg']);
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

export interface Compressed {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

async function compressOne(path: string): Promise<Omit<Compressed, 'file'>> {
  const data = await readFile(path);
  // zlib's async calls run on libuv's thread pool, so files compress in parallel.
  const [gz, br] = await Promise.all([
    gzipAsync(data, { level: 9 }),
    brotliAsync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
  ]);
  await Promise.all([writeFile(`${path}.gz`, gz), writeFile(`${path}.br`, br)]);
  return { raw: data.length, gzip: gz.length, brotli: br.length };
}

/** Compresses every text file of `dir` (recursively) of at least 1 KiB; returns what it wrote. */
export async function precompress(dir: string): Promise<Compressed[]> {
  const files: string[] = [];
  for await (const path of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(path))) continue;
    if ((await readFile(path)).length >= MIN_BYTES) files.push(path);
  }
  return Promise.all(
    files.map(async (path) => ({ file: relative(dir, path), ...(await compressOne(path)) })),
  );
}

const invoked =
  !!process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (invoked) {
  const dir = process.argv[2] ?? 'dist';
  const done = await precompress(dir);
  const sum = (key: 'raw' | 'gzip' | 'brotli') => done.reduce((s, c) => s + c[key], 0);
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `precompressed ${done.length} files in ${dir}/: ${kib(sum('raw'))} → gzip ${kib(sum('gzip'))}, brotli ${kib(sum('brotli'))}`,
  );
}
