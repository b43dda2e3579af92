/** What every check reports, and how it prints. Pure: runs in Node and in the browser. */

export type Severity = 'error' | 'warning';

/** One name per error class, so tools and tests can filter without parsing messages. */
export type DiagnosticCode =
  | 'json-syntax'
  | 'duplicate-key'
  | 'geojson'
  | 'schema'
  | 'position-size'
  | 'out-of-range'
  | 'over-precise'
  | 'too-few-positions'
  | 'unclosed-ring'
  | 'wrong-winding'
  | 'self-intersection'
  | 'duplicate-id'
  | 'unknown-passage'
  | 'unknown-node'
  | 'endpoint-far-from-node'
  | 'route-geometry'
  | 'unknown-country-code'
  | 'layer-name-mismatch'
  | 'article'
  | 'duplicate-passage'
  | 'unlinked-passage'
  | 'linked-non-geographic'
  | 'missing-file'
  | 'check-failed';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** Project-relative, with forward slashes, e.g. geo/csto.geojson. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like editors count them. */
  column: number;
  /** The feature's id, or features[3] when it has no valid id; absent outside features. */
  feature?: string;
  /** RFC 6901 pointer to the value at fault; "" is the whole document. */
  pointer: string;
  /** Says what was expected and what was found. */
  message: string;
}

/**
 * A finding before it is placed in a file: checks that see only values report these, and the
 * caller, which has the source text, turns them into diagnostics with a line and column.
 */
export interface Issue {
  code: DiagnosticCode;
  pointer: string;
  message: string;
  severity?: Severity;
  /** Point at the property's key instead of its value (for members that should not be there). */
  atKey?: boolean;
}

/** `file:line:col` first, so terminals and editors make it a link. */
export function formatDiagnostic(d: Diagnostic): string {
  const fields = [`${d.file}:${d.line}:${d.column}`];
  if (d.severity === 'warning') fields.push('warning');
  if (d.feature) fields.push(d.feature);
  if (d.pointer) fields.push(d.pointer);
  fields.push(d.message);
  return fields.join('  ');
}

/** File, then position; checks that tie keep their order (Array.prototype.sort is stable). */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** Two checks can reach the same fault by different roads; say it once. */
export function dedupeDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}\u0000${d.pointer}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function fileDiagnostic(
  file: string,
  code: DiagnosticCode,
  message: string,
  severity: Severity = 'error',
): Diagnostic {
  return { severity, code, file, line: 1, column: 1, pointer: '', message };
}

/**
 * Runs one check so that a bug in it, or input nobody foresaw, becomes a diagnostic instead of
 * taking every other check's findings down with it.
 */
export function guarded<T>(
  file: string,
  check: string,
  fallback: T,
  run: () => T,
): [T, Diagnostic[]] {
  try {
    return [run(), []];
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [
      fallback,
      [
        fileDiagnostic(
          file,
          'check-failed',
          `expected the ${check} check to finish, found it stopped (${truncate(reason, 120)}); fix the other errors in this file and run again`,
        ),
      ],
    ];
  }
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A value as the "found …" half of a message: short, and unambiguous about its type. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return truncate(JSON.stringify(value), 60);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty array' : `an array of ${plural(value.length, 'item')}`;
  }
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The candidate a typo most likely meant: at most two edits away, case aside. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(candidate.toLowerCase(), name.toLowerCase(), bestDistance);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot come under it. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, substitution);
    }
    if (Math.min(...row) >= limit) return limit;
    previous = row;
  }
  return Math.min(previous[b.length], limit);
}

/** Ids that differ only in case or in leading zeros ("p6", "P06") name the same passage. */
const passageKey = (id: string) => id.toLowerCase().replace(/(^|\D)0+(?=\d)/g, '$1');

/** `p6` → did you mean "p06"? Only a sure match is offered: "p99" is not taken for "p09". */
export function passageHint(id: string, passages: Iterable<string>): string {
  const key = passageKey(id);
  for (const candidate of passages) {
    if (candidate !== id && passageKey(candidate) === key) return ` (did you mean "${candidate}"?)`;
  }
  return '';
}
