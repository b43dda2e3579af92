/**
 * `npm run fuzz` (not part of npm test): random and mutated documents through the validator
 * (validateLayer, with and without the project's context) and the file preview's reader
 * (readOpened). Each must answer without a throw, within 1 s, and the same twice.
 *   npm run fuzz                      10,000 documents, a seed from the clock (printed)
 *   npm run fuzz -- --seed 42 --runs 50000
 *   FUZZ_SEED=42 FUZZ_RUNS=50000 npm run fuzz
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readOpened } from '../src/preview/check-opened.ts';
import type { StoryLayer } from '../src/geo/types.ts';
import { layerContext, validateLayer } from '../src/validate/index.ts';
import { documents } from './fuzz/documents.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');
const LIMIT_MS = 1000;

function option(flag: string, env: string): string | undefined {
  const i = process.argv.indexOf(flag);
  const inline = process.argv.find((a) => a.startsWith(`${flag}=`));
  return inline?.slice(flag.length + 1) ?? (i >= 0 ? process.argv[i + 1] : process.env[env]);
}

const seed = Number(option('--seed', 'FUZZ_SEED') ?? Date.now() % 2 ** 31);
const runs = Number(option('--runs', 'FUZZ_RUNS') ?? 10_000);
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run fuzz -- [--seed N] [--runs N]   (or FUZZ_SEED, FUZZ_RUNS)');
  process.exit(2);
}

const article = read('story/article.json');
const small = ['geo/afghanistan.geojson', 'geo/uap-railway.geojson'];
// The preview checks a file against the story already loaded; one layer keeps 10,000 runs short.
const story = { article: JSON.parse(article), layers: [JSON.parse(read(small[1])) as StoryLayer] };
const context = layerContext([
  { path: 'story/article.json', text: article },
  ...small.map((path) => ({ path, text: read(path) })),
]);
const texts = small.map(read);

interface Slowest {
  ms: number;
  what: string;
  text: string;
}
let slowest: Slowest = { ms: 0, what: '', text: '' };
let count = 0;

/** Runs `f` twice: it must not throw, must finish within the limit and answer the same. */
function twice(what: string, text: string, f: () => unknown): void {
  const times: number[] = [];
  const answers: string[] = [];
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    answers.push(JSON.stringify(f()));
    times.push(performance.now() - started);
  }
  const ms = Math.max(...times);
  if (ms > slowest.ms) slowest = { ms, what, text };
  if (ms > LIMIT_MS) throw new Error(`${what} took ${ms.toFixed(0)} ms (limit ${LIMIT_MS} ms)`);
  if (answers[0] !== answers[1]) throw new Error(`${what} answered differently the second time`);
}

console.log(`npm run fuzz: seed ${seed}, ${runs} documents (rerun with FUZZ_SEED=${seed})`);
const started = performance.now();
const result = fc.check(
  fc.property(documents(texts), fc.constantFrom('places', 'drawn', 'x'), (text, name) => {
    count++;
    twice('validateLayer', text, () => validateLayer('geo/places.geojson', text));
    twice('validateLayer in the project', text, () =>
      validateLayer('geo/places.geojson', text, context),
    );
    twice('readOpened', text, () => readOpened(`${name}.geojson`, text, story));
    if (count % 1000 === 0) console.log(`  ${count} documents…`);
  }),
  { seed, numRuns: runs, endOnFailure: false },
);

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const shown = slowest.text.length > 160 ? `${slowest.text.slice(0, 160)}…` : slowest.text;
console.log(`${count} documents checked (each by three readers, twice) in ${seconds} s`);
console.log(
  `slowest: ${slowest.what}, ${slowest.ms.toFixed(1)} ms, on ${slowest.text.length} characters: ${JSON.stringify(shown)}`,
);
if (result.failed) {
  console.log(fc.defaultReportMessage(result));
  process.exitCode = 1;
} else {
  console.log(`OK: no throw, none slower than ${LIMIT_MS} ms, every answer the same twice`);
}
