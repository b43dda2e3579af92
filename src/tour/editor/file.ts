/**
 * Reading a tour a teacher made: a file, a link or the browser's storage. The same checks as
 * `npm run validate` (schema, passages, features and layers that exist), with errors that name
 * the step and the field, so a hand-edited file can be put right.
 */
import type { Diagnostic } from '../../validate/diagnostic.ts';
import { checkTour, type TourContext } from '../../validate/tour.ts';
import type { Tour } from '../types.ts';

export type TourRead = { ok: true; tour: Tour } | { ok: false; errors: string[] };

/** "/steps/1/passage" in words: "step 2 (“railway”), passage". */
function where(pointer: string, doc: unknown): string {
  const parts = pointer.split('/').slice(1);
  if (parts[0] !== 'steps' || parts[1] === undefined) return parts.length ? parts.join(' ') : '';
  const i = Number(parts[1]);
  const steps = (doc as { steps?: { id?: unknown }[] } | null)?.steps;
  const id = Array.isArray(steps) && typeof steps[i]?.id === 'string' ? ` (“${steps[i].id}”)` : '';
  const field = parts.slice(2).join(' ');
  return `step ${i + 1}${id}${field ? `, ${field}` : ''}`;
}

/** An error in words; `lines`: with its line and column (a file's, not a link's). */
function words(d: Diagnostic, doc: unknown, lines: boolean): string {
  const at = where(d.pointer, doc);
  const place = [lines ? `line ${d.line}, column ${d.column}` : '', at].filter(Boolean);
  return `${place.join(' — ')}${place.length ? ': ' : ''}${d.message}`;
}

/** A tour from its text, or every error found in it. Never throws. */
export function readTour(name: string, text: string, context: TourContext, lines = true): TourRead {
  const errors = checkTour(name, text, context).filter((d) => d.severity === 'error');
  let doc: unknown = null;
  try {
    doc = JSON.parse(text);
  } catch {
    // checkTour has said where the JSON breaks.
  }
  if (errors.length || doc === null) {
    const list = errors.map((d) => words(d, doc, lines));
    return { ok: false, errors: list.length ? list : [`“${name}” is not a tour.`] };
  }
  return { ok: true, tour: doc as Tour };
}

/** The file name a tour downloads as: tour-NAME.json. */
export function tourFileName(tour: Tour): string {
  const slug = tour.title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `tour-${slug || tour.id}.json`;
}
