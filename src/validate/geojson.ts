/**
 * RFC 7946 structure (types, members, arrays of numbers) through @placemarkio/check-geojson, its
 * findings reworded as "expected …, found …" and placed by JSON pointer. Counts of positions,
 * ring closure and duplicate keys are left to geometry.ts and json.ts, which say more.
 */
import { getIssues, type HintIssue } from '@placemarkio/check-geojson';
import type { Node } from 'jsonc-parser';
import {
  describeValue,
  fileDiagnostic,
  truncate,
  type Diagnostic,
  type Issue,
} from './diagnostic.ts';
import { POSITION_DEPTH } from './geometry.ts';
import { locateIssue, valueAt, type SourceDoc } from './json.ts';
import { childPointer, parsePointer, pointerAtOffset } from './pointer.ts';

const GEOMETRY_TYPES = 'Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon';

/** Messages whose subject another module reports with more precision. */
const LEFT_TO_OTHERS = [
  /^A position should have/,
  /^Expected to find (two|four) or more positions/,
  /^First and last positions/,
  /^Duplicate properties/,
];

/** Only for a document that parsed as JSON: syntax errors are json.ts's to report. */
export function checkGeoJson(doc: SourceDoc): Diagnostic[] {
  const text = withoutCheckedCoordinates(doc);
  const { issues, failure } = expandIssues(getIssues(text));
  // check-geojson stops at a GeometryCollection inside another: its members are read on their
  // own, each as a bare geometry, and what is found is placed back by offset.
  for (const member of nestedMembers(doc)) {
    const inner = expandIssues(getIssues(text.slice(member.offset, member.offset + member.length)));
    const shift = (h: HintIssue) => ({
      ...h,
      from: h.from + member.offset,
      to: h.to + member.offset,
    });
    issues.push(...inner.issues.map(shift));
  }
  const found = issues
    .filter((hint) => !LEFT_TO_OTHERS.some((re) => re.test(hint.message)))
    .map((hint) => locateIssue(doc, toIssue(doc, hint)));
  if (failure) found.push(stopped(doc, failure));
  return found;
}

const memberValue = (object: Node, key: string) =>
  object.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];

const isCollection = (node: Node | undefined) =>
  node?.type === 'object' && memberValue(node, 'type')?.value === 'GeometryCollection';

/** The member geometries of every GeometryCollection that sits inside another. */
function nestedMembers(doc: SourceDoc): Node[] {
  const membersOf = (node: Node) => {
    const list = isCollection(node) ? memberValue(node, 'geometries') : undefined;
    return list?.type === 'array' ? (list.children ?? []) : [];
  };
  const found: Node[] = [];
  const stack: Node[] = doc.root ? [doc.root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    for (const member of membersOf(node)) found.push(...membersOf(member));
    for (const child of node.children ?? []) stack.push(child);
  }
  return found;
}

/**
 * check-geojson builds a frozen node for every token, and a traced border has thousands of
 * numbers: on this project's layers that was most of the run time. Coordinates already nested
 * right for their type, with numbers at the bottom, hold nothing it would report that is not
 * dropped above; they are blanked to spaces of the same length, so every offset still holds.
 */
function withoutCheckedCoordinates(doc: SourceDoc): string {
  if (!doc.root) return doc.text;
  const blanks: Node[] = [];
  const stack: Node[] = [doc.root];
  while (stack.length) {
    const node = stack.pop()!;
    const coordinates = node.type === 'object' ? checkedCoordinates(node) : undefined;
    if (coordinates) blanks.push(coordinates);
    // Every child but the member holding the blanked coordinates (an array of one element has
    // no second child: comparing with an undefined `coordinates` would skip it).
    for (const child of node.children ?? [])
      if (!coordinates || child.children?.[1] !== coordinates) stack.push(child);
  }
  blanks.sort((a, b) => a.offset - b.offset);
  const pieces: string[] = [];
  let at = 0;
  for (const { offset, length } of blanks) {
    pieces.push(
      doc.text.slice(at, offset + 1),
      doc.text.slice(offset + 1, offset + length - 1).replace(/[^\r\n]/g, ' '),
    );
    at = offset + length - 1;
  }
  pieces.push(doc.text.slice(at));
  return pieces.join('');
}

/** The coordinates array of a geometry object, when its nesting and numbers are right. */
function checkedCoordinates(object: Node): Node | undefined {
  const members = (key: string) =>
    (object.children ?? [])
      .filter((p) => p.children?.[0]?.value === key)
      .map((p) => p.children?.[1]);
  const [type, ...moreTypes] = members('type');
  const [coordinates, ...moreCoordinates] = members('coordinates');
  // With a repeated key, which one counts depends on the reader: leave those to be read in full.
  if (!type || !coordinates || moreTypes.length || moreCoordinates.length) return undefined;
  const depth = type.type === 'string' ? POSITION_DEPTH[String(type.value)] : undefined;
  return depth !== undefined && nestedNumbers(coordinates, depth) ? coordinates : undefined;
}

function nestedNumbers(node: Node, depth: number): boolean {
  if (node.type !== 'array') return false;
  const children = node.children ?? [];
  if (depth === 0) return children.every((c) => c.type === 'number');
  return children.every((c) => nestedNumbers(c, depth - 1));
}

/**
 * check-geojson reports an object where it wanted one as a thrown error, which it catches and
 * files as "Invalid JSON: [issues as JSON]". Anything else under that name is an exception of its
 * own, raised on input it did not foresee (an empty ring): that is passed on, not hidden.
 */
function expandIssues(all: HintIssue[]): { issues: HintIssue[]; failure?: string } {
  const issues: HintIssue[] = [];
  let failure: string | undefined;
  for (const hint of all) {
    const inner = /^Invalid JSON: ([\s\S]*)$/.exec(hint.message)?.[1];
    if (inner === undefined) {
      issues.push(hint);
      continue;
    }
    const thrown = thrownIssues(inner);
    if (thrown) issues.push(...thrown);
    else failure ??= inner;
  }
  return { issues, failure };
}

function thrownIssues(text: string): HintIssue[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as HintIssue[]) : undefined;
  } catch {
    return undefined;
  }
}

function stopped(doc: SourceDoc, reason: string): Diagnostic {
  return fileDiagnostic(
    doc.path,
    'check-failed',
    `expected the RFC 7946 structure check to finish, found it stopped (${truncate(reason, 100)}); fix the other errors in this file and run again`,
  );
}
function toIssue(doc: SourceDoc, hint: HintIssue): Issue {
  const at = doc.root ? pointerAtOffset(doc.root, hint.from) : '';
  const found = (pointer: string) => describeValue(valueAt(doc.value, parsePointer(pointer)));
  const rule = RULES.find(([re]) => re.test(hint.message));
  if (!rule) return { code: 'geojson', pointer: at, message: hint.message };
  const [re, reword] = rule;
  const { pointer = at, message, atKey, severity } = reword(re.exec(hint.message)!, at, found);
  return { code: 'geojson', pointer, message, atKey, ...(severity && { severity }) };
}

type Reword = (
  match: RegExpExecArray,
  at: string,
  found: (pointer: string) => string,
) => { pointer?: string; message: string; atKey?: boolean; severity?: 'warning' };

/** RFC 7946 §3.1.8: nested GeometryCollections SHOULD be avoided, not MUST: a warning. */
const nestedCollection = (at: string, found: string) =>
  /\/geometries\/\d+$/.test(at) && found === '"GeometryCollection"'
    ? {
        pointer: childPointer(at, 'type'),
        message:
          'expected no GeometryCollection inside another (RFC 7946 §3.1.8 advises against it), found one',
        severity: 'warning' as const,
      }
    : undefined;

const missing = (member: string, at: string) => ({
  pointer: childPointer(at, member),
  message: `expected a "${member}" member, found none`,
});

const RULES: [RegExp, Reword][] = [
  [/requires a (\w+) member but it is missing/, ([, m], at) => missing(m, at)],
  [/^The properties member is missing/, (_, at) => missing('properties', at)],
  [/missing its type member/, (_, at) => missing('type', at)],
  [
    /^The type member should have been a string/,
    (_, at, found) => ({
      pointer: childPointer(at, 'type'),
      message: `expected the type as a string, found ${found(childPointer(at, 'type'))}`,
    }),
  ],
  [
    /^This type of GeoJSON object is not allowed here/,
    (_, at, found) =>
      nestedCollection(at, found(childPointer(at, 'type'))) ?? {
        pointer: childPointer(at, 'type'),
        message: `expected ${allowedTypes(at)}, found ${found(childPointer(at, 'type'))}`,
      },
  ],
  [
    /^This must be an array/,
    (_, at, found) => ({ message: `expected an array, found ${found(at)}` }),
  ],
  [
    /^(This must be an object|Expected an object)/,
    (_, at, found) => ({ message: `expected an object, found ${found(at)}` }),
  ],
  [
    /^Each element in a (\w+) must be a number/,
    ([, what], at, found) => ({ message: `expected a number in a ${what}, found ${found(at)}` }),
  ],
  [
    /^A bbox must have 4 or 6/,
    (_, at, found) => ({ message: `expected a bbox of 4 or 6 numbers, found ${found(at)}` }),
  ],
  [
    /^(\w+) objects cannot contain a member named (\w+)/,
    ([, type, member]) => ({
      message: `expected no "${member}" member in a ${type} (RFC 7946 §7.1), found one`,
      atKey: true,
    }),
  ],
  [
    /^The Feature id must be a string or number/,
    (_, at, found) => ({
      pointer: childPointer(at, 'id'),
      message: `expected the Feature id to be a string or a number, found ${found(childPointer(at, 'id'))}`,
    }),
  ],
  [
    /^The Feature properties member can be an object or null/,
    (_, at, found) => ({
      pointer: childPointer(at, 'properties'),
      message: `expected an object or null, found ${found(childPointer(at, 'properties'))}`,
    }),
  ],
  [
    /^Expected to find an array of positions/,
    (_, at, found) => ({ message: `expected an array of positions, found ${found(at)}` }),
  ],
  [
    /^Expected to find a position here/,
    (_, at, found) => ({
      message: `expected a position [longitude, latitude], found ${found(at)}`,
    }),
  ],
];

function allowedTypes(pointer: string): string {
  if (pointer === '') return 'a GeoJSON type (FeatureCollection, Feature or a geometry)';
  if (/^\/features\/\d+$/.test(pointer)) return '"Feature"';
  if (/\/geometries\/\d+$/.test(pointer)) return `a geometry type (${GEOMETRY_TYPES})`;
  return `a geometry type (${GEOMETRY_TYPES}, GeometryCollection)`;
}
