/** schema/layer.schema.json and schema/feature.schema.json through ajv, in plain words. */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { validateLayer } from './compiled/schemas.js';
import featureSchema from '../../schema/feature.schema.json' with { type: 'json' };
import {
  closest,
  describeValue,
  isRecord,
  plural,
  type Diagnostic,
  type Issue,
} from './diagnostic.ts';
import { locateIssue, type SourceDoc } from './json.ts';
import { childPointer } from './pointer.ts';

/** Compiled ahead of time (npm run schemas): no eval at run time, as the page's CSP requires. */
const validator = (): ValidateFunction => validateLayer;

export function checkLayerSchema(doc: SourceDoc): Diagnostic[] {
  const validate = validator();
  if (validate(doc.value)) return [];
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if' && !vacuousThen(e))
    .map((e) => locateIssue(doc, toIssue(e)));
}

/**
 * The schema's `if: {properties: {kind: {const: …}}}` also holds when `kind` is absent, so a
 * feature without a kind would be told it lacks a route, a mode and an iso_a3 as well. Those
 * follow-on errors are dropped: the missing kind is reported on its own.
 */
function vacuousThen(error: ErrorObject): boolean {
  const branch = /^#\/allOf\/(\d+)\/then\//.exec(error.schemaPath);
  if (!branch) return false;
  const rule: unknown = featureSchema.allOf[Number(branch[1])];
  if (!isRecord(rule) || rule.then !== error.parentSchema) return false;
  const tested = isRecord(rule.if) && isRecord(rule.if.properties) ? rule.if.properties : {};
  return Object.keys(tested).some(
    (key) => !isRecord(error.data) || !Object.hasOwn(error.data, key),
  );
}

function toIssue(error: ErrorObject): Issue {
  const { pointer, message, atKey } = reword(error);
  return { code: 'schema', pointer, message, atKey };
}

type Worded = { pointer: string; message: string; atKey?: boolean };

function reword(e: ErrorObject): Worded {
  const at = e.instancePath;
  const found = describeValue(e.data);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      return {
        pointer: childPointer(at, name),
        message: `expected ${/^[aeiou]/i.test(name) ? 'an' : 'a'} "${name}" property, found none`,
      };
    }
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      return {
        pointer: childPointer(at, name),
        message: `expected only properties the schema defines, found unknown property "${name}"${suggestion(name, e.parentSchema)}`,
        atKey: true,
      };
    }
    case 'type':
      return { pointer: at, message: `expected ${article(String(p.type))}, found ${found}` };
    case 'const':
      return { pointer: at, message: `expected ${JSON.stringify(p.allowedValue)}, found ${found}` };
    case 'enum':
      return {
        pointer: at,
        message: `expected one of ${listValues(p.allowedValues)}, found ${found}`,
      };
    case 'pattern':
      return {
        pointer: at,
        message: `expected ${patternMeaning(String(p.pattern))}, found ${found}`,
      };
    default:
      return {
        pointer: at,
        message:
          sizeMessage(e, found) ??
          `expected a value that ${e.message ?? 'fits the schema'}, found ${found}`,
      };
  }
}

function sizeMessage(e: ErrorObject, found: string): string | undefined {
  const p = e.params as Record<string, unknown>;
  const limit = Number(p.limit);
  const length = typeof e.data === 'string' || Array.isArray(e.data) ? e.data.length : 0;
  switch (e.keyword) {
    case 'minLength':
      return `expected at least ${plural(limit, 'character')}, found ${length}: ${found}`;
    case 'maxLength':
      return `expected at most ${plural(limit, 'character')}, found ${length}`;
    case 'minItems':
      return `expected at least ${plural(limit, 'item')}, found ${length}`;
    case 'maxItems':
      return `expected at most ${plural(limit, 'item')}, found ${length}`;
    case 'uniqueItems': {
      const items = Array.isArray(e.data) ? e.data : [];
      return `expected no repeated items, found ${describeValue(items[Number(p.i)])} twice (items ${p.j} and ${p.i})`;
    }
    case 'not':
      return e.instancePath.endsWith('/summary')
        ? `expected plain text without HTML tags, found ${found}`
        : undefined;
    default:
      return undefined;
  }
}

const PATTERNS: Record<string, string> = {
  [featureSchema.definitions.date.pattern]: 'an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)',
  [featureSchema.properties.id.pattern]:
    'lowercase words and digits joined by hyphens (e.g. "kazan-forum-2024")',
  [featureSchema.properties.iso_a3.pattern]: 'an ISO 3166-1 alpha-3 code in capitals (e.g. "AFG")',
  [featureSchema.properties.passages.items.pattern]:
    'a passage id of lowercase letters, digits and hyphens (e.g. "p07")',
  [featureSchema.properties.sources.items.properties.url.pattern]:
    'a URL starting with http:// or https://',
};

function patternMeaning(pattern: string): string {
  return PATTERNS[pattern] ?? `a string matching /${pattern}/`;
}

function article(type: string): string {
  const words: Record<string, string> = {
    object: 'an object',
    array: 'an array',
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    null: 'null',
  };
  return type
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}

function listValues(values: unknown): string {
  return Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join(', ') : '?';
}

/** A typo of a known property ("passage", "iso_3") is the usual reason for an unknown one. */
function suggestion(name: string, parentSchema: unknown): string {
  const known =
    isRecord(parentSchema) && isRecord(parentSchema.properties)
      ? Object.keys(parentSchema.properties)
      : [];
  const close = closest(name, known);
  return close ? ` (did you mean "${close}"?)` : '';
}
