/**
 * story/tour.json: the classroom tour. Checked against schema/tour.schema.json, then against the
 * project: every passage, feature and layer a step names must exist, and step ids are unique.
 * Pure, and never throws: a check that stops becomes a diagnostic.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { validateTour } from './compiled/schemas.js';
import {
  passageHint,
  describeValue,
  fileDiagnostic,
  guarded,
  isRecord,
  sortDiagnostics,
  type Diagnostic,
  type Issue,
} from './diagnostic.ts';
import type { FeatureRef } from './features.ts';
import { locateIssue, parseJson, type SourceDoc } from './json.ts';

export const TOUR_PATH = 'story/tour.json';

export interface TourContext {
  passages?: ReadonlySet<string>;
  features?: readonly FeatureRef[];
  /** Layer names (file names without .geojson). */
  layers?: ReadonlySet<string>;
  /** False when a layer could not be read: its ids and name are unknown, so they are not judged. */
  complete?: boolean;
}

/** Compiled ahead of time (npm run schemas): no eval at run time, as the page's CSP requires. */
const validator = (): ValidateFunction => validateTour;

/** ajv's words turned into "expected …", as the layer checks say it. */
function expected(e: ErrorObject): string | null {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'oneOf':
      return '"fit" or { "center": [longitude, latitude], "zoom": number }';
    case 'const':
      // Reported once, through oneOf.
      return e.instancePath.endsWith('/camera')
        ? null
        : `the value ${JSON.stringify(p.allowedValue)}`;
    case 'not':
      return 'plain text without HTML';
    case 'required':
      return `a "${String(p.missingProperty)}" property`;
    case 'additionalProperties':
      return `no property "${String(p.additionalProperty)}"`;
    case 'maximum':
    case 'minimum':
      return `a number ${String(p.comparison)} ${String(p.limit)}`;
    case 'type':
      return `a value of type ${String(p.type)}`;
    default:
      return e.message ?? 'a valid value';
  }
}

export function checkTour(path: string, text: string, context: TourContext = {}): Diagnostic[] {
  const file = typeof path === 'string' ? path : TOUR_PATH;
  if (typeof text !== 'string')
    return [
      fileDiagnostic(
        file,
        'missing-file',
        `expected the file's text, found ${describeValue(text)}`,
      ),
    ];
  const [found, failed] = guarded(file, 'tour', [], () => {
    const parsed = parseJson(file, text, 'other');
    if (!parsed.ok) return parsed.diagnostics;
    const { doc } = parsed;
    const validate = validator();
    const schema = validate(doc.value)
      ? []
      : (validate.errors ?? []).flatMap((e) => {
          const want = expected(e);
          if (!want) return [];
          const missing = e.keyword === 'required' || e.keyword === 'additionalProperties';
          return [
            labelled(doc, {
              code: 'schema',
              pointer: e.instancePath,
              message: `expected ${want}${missing ? '' : `, found ${describeValue(e.data)}`}`,
            }),
          ];
        });
    return [...parsed.diagnostics, ...schema, ...links(doc, context).map((i) => labelled(doc, i))];
  });
  return sortDiagnostics([...found, ...failed]);
}

function links(doc: SourceDoc, ctx: TourContext): Issue[] {
  const tour = doc.value;
  if (!isRecord(tour) || !Array.isArray(tour.steps)) return [];
  const ids = new Set((ctx.features ?? []).map((f) => f.id).filter(Boolean));
  const judgeIds = !!ctx.features && ctx.complete !== false;
  const seen = new Set<string>();
  const out: Issue[] = [];
  tour.steps.forEach((step, i) => {
    if (!isRecord(step)) return;
    const at = `/steps/${i}`;
    if (typeof step.id === 'string') {
      if (seen.has(step.id))
        out.push({
          code: 'duplicate-id',
          pointer: `${at}/id`,
          message: `expected a step id used once, found "${step.id}" again`,
        });
      seen.add(step.id);
    }
    if (typeof step.passage === 'string' && ctx.passages && !ctx.passages.has(step.passage))
      out.push({
        code: 'unknown-passage',
        pointer: `${at}/passage`,
        message: `expected a passage id of story/article.json, found "${step.passage}"${passageHint(step.passage, ctx.passages)}`,
      });
    if (judgeIds && Array.isArray(step.features))
      step.features.forEach((f, j) => {
        if (typeof f === 'string' && !ids.has(f))
          out.push({
            code: 'unknown-node',
            pointer: `${at}/features/${j}`,
            message: `expected the id of a feature in geo/, found "${f}"`,
          });
      });
    if (ctx.layers && ctx.complete !== false && Array.isArray(step.layers))
      step.layers.forEach((l, j) => {
        if (typeof l === 'string' && !ctx.layers!.has(l))
          out.push({
            code: 'unknown-node',
            pointer: `${at}/layers/${j}`,
            message: `expected a layer name (${[...ctx.layers!].join(', ')}), found "${l}"`,
          });
      });
  });
  return out;
}

/** A diagnostic on a step names it by its id, as layer diagnostics name their feature. */
function labelled(doc: SourceDoc, issue: Issue): Diagnostic {
  const d = locateIssue(doc, issue);
  const index = /^\/steps\/(\d+)/.exec(issue.pointer)?.[1];
  const tour = doc.value;
  const step =
    index !== undefined && isRecord(tour) && Array.isArray(tour.steps)
      ? tour.steps[Number(index)]
      : undefined;
  if (isRecord(step) && typeof step.id === 'string') d.feature = `step ${step.id}`;
  else if (index !== undefined) d.feature = `steps[${index}]`;
  return d;
}
