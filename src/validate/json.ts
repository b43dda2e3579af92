/** Strict JSON: syntax errors with line and column, a tree for locating pointers, duplicate keys. */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import {
  fileDiagnostic,
  isRecord,
  truncate,
  type Diagnostic,
  type DiagnosticCode,
  type Issue,
  type Severity,
} from './diagnostic.ts';
import { keyOffset, LineIndex, nodeAtPointer, pointerAtOffset } from './pointer.ts';

/** A file as every check sees it: its text, its tree (for positions) and its value. */
export interface SourceDoc {
  path: string;
  text: string;
  /** Absent when the text is not JSON. */
  root?: Node;
  value: unknown;
  lines: LineIndex;
  /** Layers get feature labels on their diagnostics; other files do not. */
  kind: 'layer' | 'article' | 'other';
}

export interface ParsedJson {
  doc: SourceDoc;
  diagnostics: Diagnostic[];
  /** False when the text is not JSON: no later check can run on it. */
  ok: boolean;
}

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

export function parseJson(path: string, text: string, kind: SourceDoc['kind']): ParsedJson {
  const doc: SourceDoc = { path, text, value: undefined, lines: new LineIndex(text), kind };
  const errors: ParseError[] = [];
  try {
    doc.root = parseTree(text, errors, STRICT);
  } catch {
    // jsonc-parser recurses once per level: thousands of nested arrays exhaust the stack.
    return fail(doc, 0, 'expected JSON nested at most a few thousand levels deep, found deeper');
  }
  if (errors.length) {
    // A comma before "}" or "]": the fault is the comma, often lines above the bracket.
    const comma = trailingComma(text, errors[0].offset);
    if (comma !== undefined) return fail(doc, comma.offset, comma.message);
    return fail(doc, errors[0].offset, syntaxMessage(text, errors[0]));
  }
  try {
    // JSON.parse is the reference for "valid JSON", and it keeps "__proto__" as a plain key.
    doc.value = JSON.parse(text);
  } catch (error) {
    return fail(doc, jsonParseOffset(error), `expected valid JSON, found ${String(error)}`);
  }
  return { doc, diagnostics: duplicateKeys(doc), ok: true };
}

function fail(doc: SourceDoc, offset: number, message: string): ParsedJson {
  doc.root = undefined;
  return { doc, diagnostics: [diagnosticAt(doc, offset, 'json-syntax', message)], ok: false };
}

function diagnosticAt(
  doc: SourceDoc,
  offset: number,
  code: DiagnosticCode,
  message: string,
): Diagnostic {
  return { ...fileDiagnostic(doc.path, code, message), ...doc.lines.position(offset) };
}

function jsonParseOffset(error: unknown): number {
  const match = /position (\d+)/.exec(String(error));
  return match ? Number(match[1]) : 0;
}

const EXPECTED: Record<string, string> = {
  InvalidSymbol: 'a JSON value',
  InvalidNumberFormat: 'a number',
  PropertyNameExpected: 'a property name in double quotes',
  ValueExpected: 'a value',
  ColonExpected: 'a colon after the property name',
  CommaExpected: 'a comma between values',
  CloseBraceExpected: '"}" to close the object',
  CloseBracketExpected: '"]" to close the array',
  EndOfFileExpected: 'the end of the file after the value',
  InvalidCommentToken: 'no comments (JSON has none)',
  UnexpectedEndOfComment: 'no comments (JSON has none)',
  UnexpectedEndOfString: 'a closing double quote on the same line',
  UnexpectedEndOfNumber: 'digits to end the number',
  InvalidUnicode: 'a \\u escape with four hex digits',
  InvalidEscapeCharacter: 'an escape JSON knows (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  InvalidCharacter: 'no control characters inside a string (write \\n or \\t)',
};

/** The first error only: after one, a parser's guesses about the rest are mostly noise. */
function syntaxMessage(text: string, error: ParseError): string {
  const code = printParseErrorCode(error.error);
  if (text.charCodeAt(0) === 0xfeff && error.offset === 0) {
    return 'expected JSON, found a byte order mark: save the file as UTF-8 without BOM';
  }
  if (text.trim() === '') return 'expected a JSON value, found an empty file';
  const found = foundToken(text, error.offset, error.length);
  const hint = code === 'CommaExpected' ? missingCommaHint(text, error.offset) : '';
  return `expected ${EXPECTED[code] ?? 'valid JSON'}, found ${found}${hint}`;
}

function foundToken(text: string, offset: number, length: number): string {
  const rest = text.slice(offset);
  const token = length > 0 ? text.slice(offset, offset + length) : rest.trimStart().slice(0, 1);
  if (!token.trim()) return rest.trim() ? 'a line break' : 'the end of the file';
  const shown = truncate(token, 24);
  // A string token brings its own quotes; quoting it again would bury it in backslashes.
  return shown.startsWith('"') ? `the string ${shown}` : `"${shown}"`;
}

/** The parser stops at the next value; the comma is usually missing at the end of a line above. */
function missingCommaHint(text: string, offset: number): string {
  const before = text.slice(0, offset).trimEnd();
  const lineOf = (i: number) => text.slice(0, i).split('\n').length;
  const previousLine = lineOf(before.length);
  return previousLine < lineOf(offset)
    ? ` (is a comma missing at the end of line ${previousLine}?)`
    : '';
}

/** The comma that JSON's first error follows when it is the last thing before "}" or "]". */
export function trailingComma(
  text: string,
  offset: number,
): { offset: number; message: string } | undefined {
  const before = text.slice(0, offset).trimEnd();
  const at = text.slice(offset).trimStart()[0];
  if (!before.endsWith(',') || (at !== '}' && at !== ']')) return undefined;
  const what = at === '}' ? 'property of an object' : 'item of an array';
  return {
    offset: before.length - 1,
    message: `expected no comma after the last ${what} (JSON allows none), found ","`,
  };
}

/** JSON.parse keeps the last of two equal keys without a word; a hand edit rarely means that. */
function duplicateKeys(doc: SourceDoc): Diagnostic[] {
  const found: Diagnostic[] = [];
  const stack: Node[] = doc.root ? [doc.root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'object') found.push(...duplicatesIn(doc, node));
    for (const child of node.children ?? []) stack.push(child);
  }
  return found;
}

function duplicatesIn(doc: SourceDoc, object: Node): Diagnostic[] {
  const first = new Map<string, Node>();
  const found: Diagnostic[] = [];
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    if (!key || typeof key.value !== 'string') continue;
    const earlier = first.get(key.value);
    if (!earlier) {
      first.set(key.value, key);
      continue;
    }
    const line = doc.lines.position(earlier.offset).line;
    const issue: Issue = {
      code: 'duplicate-key',
      pointer: pointerAtOffset(doc.root!, key.offset),
      message: `expected each key once in an object, found "${key.value}" again (first on line ${line}; the last one wins)`,
    };
    // The pointer names the last of the equal keys; this one may be an earlier repeat.
    found.push({ ...locateIssue(doc, issue), ...doc.lines.position(key.offset) });
  }
  return found;
}

/** Places an issue in the file: line and column of its value (or key), and its feature label. */
export function locateIssue(doc: SourceDoc, issue: Issue): Diagnostic {
  const severity: Severity = issue.severity ?? 'error';
  const base: Diagnostic = {
    ...fileDiagnostic(doc.path, issue.code, issue.message, severity),
    pointer: issue.pointer,
  };
  const feature = featureLabel(doc, issue.pointer);
  if (feature) base.feature = feature;
  if (!doc.root) return base;
  try {
    const { node, exact } = nodeAtPointer(doc.root, issue.pointer);
    const offset = exact && issue.atKey ? keyOffset(node) : node.offset;
    return { ...base, ...doc.lines.position(offset) };
  } catch {
    return base;
  }
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The id a contributor searches for; features[3] when the feature has no usable id. */
export function featureLabel(doc: SourceDoc, pointer: string): string | undefined {
  if (doc.kind !== 'layer') return undefined;
  if (
    isRecord(doc.value) &&
    doc.value.type === 'Feature' &&
    /^\/(geometry|properties)(\/|$)/.test(pointer)
  ) {
    const id = isRecord(doc.value.properties) ? doc.value.properties.id : undefined;
    return typeof id === 'string' && ID_PATTERN.test(id) ? id : 'the Feature';
  }
  const match = /^\/features\/(\d+)(?:\/|$)/.exec(pointer);
  if (!match) return undefined;
  const index = Number(match[1]);
  const features = isRecord(doc.value) ? doc.value.features : undefined;
  const feature = Array.isArray(features) ? features[index] : undefined;
  const id = isRecord(feature) && isRecord(feature.properties) ? feature.properties.id : undefined;
  return typeof id === 'string' && ID_PATTERN.test(id) ? id : `features[${index}]`;
}

/** The value a pointer names in an already parsed document, or undefined. */
export function valueAt(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isRecord(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}
