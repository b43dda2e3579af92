/**
 * story/events.json: dated events without a feature of their own. Checked against
 * schema/events.schema.json (through ajv, as schema.ts checks the layers), then against the rest
 * of the project: passage ids the article has, `place` ids some layer has, ids no feature uses.
 * Pure, and never throws: a check that stops becomes a diagnostic.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { validateEvents } from './compiled/schemas.js';
import featureSchema from '../../schema/feature.schema.json' with { type: 'json' };
import { parseDate } from '../geo/time.ts';
import {
  passageHint,
  describeValue,
  fileDiagnostic,
  guarded,
  isRecord,
  plural,
  sortDiagnostics,
  type Diagnostic,
  type Issue,
} from './diagnostic.ts';
import { stringItems, type FeatureRef } from './features.ts';
import { locateIssue, parseJson, type SourceDoc } from './json.ts';
import { childPointer } from './pointer.ts';

export const EVENTS_PATH = 'story/events.json';

export interface EventsContext {
  /** Passage ids of story/article.json; undefined leaves passages unchecked. */
  passages?: ReadonlySet<string>;
  /** Every layer's features; undefined leaves places and id clashes unchecked. */
  features?: readonly FeatureRef[];
  /** False when a layer could not be read: a place may be in it, so "no such feature" is not said. */
  complete?: boolean;
}

/** Diagnostics for story/events.json (or whatever path it is given under). */
export function checkEvents(path: string, text: string, context: EventsContext = {}): Diagnostic[] {
  const file = typeof path === 'string' ? path : EVENTS_PATH;
  if (typeof text !== 'string') {
    const found = describeValue(text);
    return [fileDiagnostic(file, 'missing-file', `expected the file's text, found ${found}`)];
  }
  const [found, failed] = guarded(file, 'events', [], () => {
    const parsed = parseJson(file, text, 'other');
    if (!parsed.ok) return parsed.diagnostics;
    const { doc } = parsed;
    const [schema, schemaFailed] = guarded(file, 'events schema', [], () => schemaIssues(doc));
    const [links, linksFailed] = guarded(file, 'event links', [], () =>
      linkIssues(doc, context).map((i) => labelled(doc, i)),
    );
    return [...parsed.diagnostics, ...schema, ...links, ...schemaFailed, ...linksFailed];
  });
  return sortDiagnostics([...found, ...failed]);
}

// ---------------------------------------------------------------------------------------------
// Schema

/** Compiled ahead of time (npm run schemas): no eval at run time, as the page's CSP requires. */
const validator = (): ValidateFunction => validateEvents;

function schemaIssues(doc: SourceDoc): Diagnostic[] {
  const validate = validator();
  if (validate(doc.value)) return [];
  return (validate.errors ?? []).map((e) => labelled(doc, toIssue(e)));
}

const MEANINGS: Record<string, string> = {
  [featureSchema.definitions.date.pattern]: 'an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)',
  [featureSchema.properties.id.pattern]:
    'lowercase words and digits joined by hyphens (e.g. "csto-founded-2002")',
  [featureSchema.properties.passages.items.pattern]:
    'a passage id of lowercase letters, digits and hyphens (e.g. "p07")',
  [featureSchema.properties.sources.items.properties.url.pattern]:
    'a URL starting with http:// or https://',
};

const TYPES: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  boolean: 'true or false',
  number: 'a number',
};

/** The same plain "expected …, found …" wording as the layers' schema check. */
function toIssue(e: ErrorObject): Issue {
  const at = e.instancePath;
  const p = e.params as Record<string, unknown>;
  const found = describeValue(e.data);
  const length = typeof e.data === 'string' || Array.isArray(e.data) ? e.data.length : 0;
  const issue = (message: string, pointer = at, atKey = false): Issue => ({
    code: 'schema',
    pointer,
    message,
    ...(atKey ? { atKey } : {}),
  });
  switch (e.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      return issue(`expected a "${name}" property, found none`, childPointer(at, name));
    }
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      return issue(
        `expected only properties the schema defines, found unknown property "${name}"`,
        childPointer(at, name),
        true,
      );
    }
    case 'type':
      return issue(`expected ${TYPES[String(p.type)] ?? String(p.type)}, found ${found}`);
    case 'pattern':
      return issue(
        `expected ${MEANINGS[String(p.pattern)] ?? `a string matching /${String(p.pattern)}/`}, found ${found}`,
      );
    case 'minLength':
      return issue(
        `expected at least ${plural(Number(p.limit), 'character')}, found ${length}: ${found}`,
      );
    case 'maxLength':
      return issue(`expected at most ${plural(Number(p.limit), 'character')}, found ${length}`);
    case 'minItems':
      return issue(`expected at least ${plural(Number(p.limit), 'item')}, found ${length}`);
    case 'uniqueItems': {
      const items = Array.isArray(e.data) ? e.data : [];
      return issue(
        `expected no repeated items, found ${describeValue(items[Number(p.i)])} twice (items ${String(p.j)} and ${String(p.i)})`,
      );
    }
    case 'not':
      return issue(
        at.endsWith('/summary')
          ? `expected plain text without HTML tags, found ${found}`
          : `expected a value that ${e.message ?? 'fits the schema'}, found ${found}`,
      );
    default:
      return issue(`expected a value that ${e.message ?? 'fits the schema'}, found ${found}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Links and dates

interface EventRef {
  index: number;
  pointer: string;
  id?: string;
  value: Readonly<Record<string, unknown>>;
}

function listEvents(doc: SourceDoc): EventRef[] {
  if (!Array.isArray(doc.value)) return [];
  return doc.value.flatMap((value: unknown, index) => {
    if (!isRecord(value)) return [];
    const id = typeof value.id === 'string' && value.id !== '' ? value.id : undefined;
    return [{ index, pointer: childPointer('', index), id, value }];
  });
}

function linkIssues(doc: SourceDoc, context: EventsContext): Issue[] {
  const events = listEvents(doc);
  const features = context.features;
  const featureIds = new Map<string, FeatureRef>();
  for (const f of features ?? [])
    if (f.id !== undefined && !featureIds.has(f.id)) featureIds.set(f.id, f);
  return [
    ...repeatedIds(doc, events),
    ...events.flatMap((e) => [
      ...dateIssues(e),
      ...clash(e, featureIds),
      ...unknownPassages(e, context.passages),
      ...(features && context.complete !== false ? unknownPlace(e, featureIds) : []),
    ]),
  ];
}

/** Diagnostics on an event name it by its id, as layer diagnostics name their feature. */
function labelled(doc: SourceDoc, issue: Issue): Diagnostic {
  const d = locateIssue(doc, issue);
  const index = /^\/(\d+)(?:\/|$)/.exec(issue.pointer)?.[1];
  const event: unknown =
    index !== undefined && Array.isArray(doc.value) ? doc.value[Number(index)] : undefined;
  const id = isRecord(event) && typeof event.id === 'string' ? event.id : undefined;
  if (id && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) d.feature = id;
  else if (index !== undefined) d.feature = `events[${index}]`;
  return d;
}

function repeatedIds(doc: SourceDoc, events: EventRef[]): Issue[] {
  return events.flatMap((e) => {
    const first = events.find((o) => o.id !== undefined && o.id === e.id);
    if (!first || first === e) return [];
    const pointer = childPointer(first.pointer, 'id');
    const at = locateIssue(doc, { code: 'duplicate-id', pointer, message: '' });
    return [
      {
        code: 'duplicate-id',
        pointer: childPointer(e.pointer, 'id'),
        message: `expected an id used once, found "${e.id}" also at ${at.file}:${at.line}:${at.column}`,
      },
    ];
  });
}

function clash(e: EventRef, featureIds: ReadonlyMap<string, FeatureRef>): Issue[] {
  const feature = e.id === undefined ? undefined : featureIds.get(e.id);
  if (!feature) return [];
  const at = locateIssue(feature.doc, {
    code: 'duplicate-id',
    pointer: childPointer(feature.pointer, 'properties', 'id'),
    message: '',
  });
  return [
    {
      code: 'duplicate-id',
      pointer: childPointer(e.pointer, 'id'),
      message: `expected an id no feature uses, found "${e.id}" also at ${at.file}:${at.line}:${at.column}`,
    },
  ];
}

const DATE_FORM = new RegExp(featureSchema.definitions.date.pattern);

/** The schema checks the form; this checks the calendar (no 30 February) and the order. */
function dateIssues(e: EventRef): Issue[] {
  const issues: Issue[] = [];
  const { date, end } = e.value;
  for (const [key, value] of [
    ['date', date],
    ['end', end],
  ] as const) {
    if (typeof value === 'string' && DATE_FORM.test(value) && !parseDate(value)) {
      issues.push({
        code: 'schema',
        pointer: childPointer(e.pointer, key),
        message: `expected a day the month has, found "${value}"`,
      });
    }
  }
  const [from, to] = [parseDate(date), parseDate(end)];
  if (from && to && typeof date === 'string' && typeof end === 'string') {
    const first = [from.year, from.month ?? 1, from.day ?? 1];
    const last = [to.year, to.month ?? 12, to.day ?? 31];
    const before = last.findIndex((n, i) => n !== first[i]);
    if (before !== -1 && last[before] < first[before]) {
      issues.push({
        code: 'schema',
        pointer: childPointer(e.pointer, 'end'),
        message: `expected an end no earlier than the date ("${date}"), found "${end}"`,
      });
    }
  }
  return issues;
}

function unknownPassages(e: EventRef, passages: ReadonlySet<string> | undefined): Issue[] {
  if (!passages) return [];
  return stringItems(e.value.passages)
    .filter(({ item }) => !passages.has(item))
    .map(({ item, index }) => ({
      code: 'unknown-passage',
      pointer: childPointer(e.pointer, 'passages', index),
      message: `expected the id of a passage in story/article.json, found "${item}", which it does not have${passageHint(item, passages)}`,
    }));
}

function unknownPlace(e: EventRef, featureIds: ReadonlyMap<string, FeatureRef>): Issue[] {
  const place = e.value.place;
  if (typeof place !== 'string' || featureIds.has(place)) return [];
  return [
    {
      // The validator's code for a reference to a feature no layer has.
      code: 'unknown-node',
      pointer: childPointer(e.pointer, 'place'),
      message: `expected "place" to name a feature in some layer, found "${place}", which no feature has as its id`,
    },
  ];
}
