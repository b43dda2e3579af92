/**
 * Compiles schema/*.schema.json into plain validation functions
 * (src/validate/compiled/schemas.js) with Ajv's standalone code generation.
 * Ajv otherwise builds its validators with `new Function` at run time, which the
 * page's Content-Security-Policy (no 'unsafe-eval') forbids.
 *   npm run schemas             write the file
 *   npm run schemas -- --check  exit 1 if it is out of date (npm test runs this)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMPILED_PATH, compiledSchemas } from './schemas/compile.ts';

const out = fileURLToPath(new URL(`../${COMPILED_PATH}`, import.meta.url));
const text = compiledSchemas();
if (process.argv.includes('--check')) {
  let old = '';
  try {
    old = readFileSync(out, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (old !== text) {
    console.error(`${COMPILED_PATH} is out of date: run npm run schemas`);
    process.exit(1);
  }
  console.log('compiled schemas are current');
} else {
  writeFileSync(out, text);
  console.log(`wrote ${COMPILED_PATH} (${(text.length / 1024).toFixed(1)} KiB)`);
}
