/**
 * Pure helpers of the contributor's editor: the form generated from
 * schema/feature.schema.json, and the edited layer built from a copy. No
 * Svelte, no MapLibre, so unit tests can run them in Node.
 */
import type { Geometry } from 'geojson';
import schema from '../../schema/feature.schema.json';
import { formatLayer } from '../geo/format.ts';
import type { StoryLayer, StoryProps } from '../geo/types.ts';

/** How a property is edited in the form. */
export type FieldKind =
  | 'readonly' // id: never renamed, links point at it
  | 'text'
  | 'textarea'
  | 'select'
  | 'checkbox'
  | 'list' // an array of strings, one input per item (aliases)
  | 'passages' // checkboxes of the article's passages
  | 'json'; // an array of objects (sources, periods), edited as JSON text

export interface Field {
  key: string;
  kind: FieldKind;
  label: string;
  description: string;
  required: boolean;
  /** For a select: the allowed values. */
  options?: string[];
}

interface PropSchema {
  type?: string;
  enum?: string[];
  description?: string;
  items?: { type?: string };
  $ref?: string;
}

const LABELS: Record<string, string> = {
  id: 'Id',
  iso_a3: 'ISO 3166-1 alpha-3 code',
  after_article: 'After the article',
  location_note: 'Location note',
};

const label = (key: string) =>
  LABELS[key] ?? key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');

/** The form's fields, in the schema's order (the order of the committed files). */
export function formFields(
  s: {
    properties: Record<string, PropSchema>;
    required?: string[];
  } = schema as never,
): Field[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties).map(([key, p]) => {
    const base = {
      key,
      label: label(key),
      description: p.description ?? '',
      required: required.has(key),
    };
    if (key === 'id') return { ...base, kind: 'readonly' };
    if (key === 'passages') return { ...base, kind: 'passages' };
    if (key === 'summary') return { ...base, kind: 'textarea' };
    if (p.enum) return { ...base, kind: 'select', options: [...p.enum] };
    if (p.type === 'boolean') return { ...base, kind: 'checkbox' };
    if (p.type === 'array') return { ...base, kind: p.items?.type === 'string' ? 'list' : 'json' };
    return { ...base, kind: 'text' };
  });
}

/** What the form holds for each field: strings for text, booleans, string lists. */
export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

/** The form's starting values for a feature's properties. */
export function toForm(props: StoryProps, fields: Field[] = formFields()): FormValues {
  const p = props as unknown as Record<string, unknown>;
  const out: FormValues = {};
  for (const f of fields) {
    const v = p[f.key];
    switch (f.kind) {
      case 'checkbox':
        out[f.key] = v === true;
        break;
      case 'list':
      case 'passages':
        out[f.key] = Array.isArray(v) ? v.map(String) : [];
        break;
      case 'json':
        out[f.key] = v === undefined ? '' : JSON.stringify(v, null, 2);
        break;
      default:
        out[f.key] = v === undefined ? '' : String(v);
    }
  }
  return out;
}

export interface FormProblem {
  key: string;
  message: string;
}

/**
 * The properties the form describes. An empty optional field is left out, as
 * the committed files do; an empty required one is kept, for the validator to
 * report. Properties the schema does not know are kept as they were.
 */
export function fromForm(
  values: FormValues,
  original: StoryProps,
  fields: Field[] = formFields(),
): { props: StoryProps; problems: FormProblem[] } {
  const out: Record<string, unknown> = { ...(original as unknown as Record<string, unknown>) };
  const problems: FormProblem[] = [];
  for (const f of fields) {
    const v = values[f.key];
    delete out[f.key];
    switch (f.kind) {
      case 'checkbox':
        // Only `true` is ever written: a false flag is the same as none.
        if (v === true) out[f.key] = true;
        else if ((original as unknown as Record<string, unknown>)[f.key] === false)
          out[f.key] = false;
        break;
      case 'list':
      case 'passages': {
        const list = (Array.isArray(v) ? v : []).map((s) => s.trim()).filter((s) => s !== '');
        if (list.length || f.required) out[f.key] = list;
        break;
      }
      case 'json': {
        const text = typeof v === 'string' ? v.trim() : '';
        if (!text) {
          if (f.required) out[f.key] = [];
          break;
        }
        try {
          out[f.key] = JSON.parse(text);
        } catch (err) {
          problems.push({
            key: f.key,
            message: `${f.label}: not valid JSON (${(err as Error).message})`,
          });
          out[f.key] = (original as unknown as Record<string, unknown>)[f.key];
        }
        break;
      }
      default: {
        const text = typeof v === 'string' ? v : '';
        if (text !== '' || f.required) out[f.key] = text;
      }
    }
  }
  return { props: out as unknown as StoryProps, problems };
}

/** A copy of the layer with one feature's properties and geometry replaced; the layer itself is untouched. */
export function applyEdit(
  layer: StoryLayer,
  id: string,
  props: StoryProps,
  geometry: Geometry,
): StoryLayer {
  const copy = plain(layer);
  const i = copy.features.findIndex((f) => f.properties.id === id);
  if (i === -1) throw new Error(`no feature "${id}" in layer "${layer.name}"`);
  copy.features[i] = {
    ...copy.features[i],
    properties: plain(props),
    geometry: plain(geometry),
  };
  return copy;
}

/** The text of the edited layer, exactly as geo/<layer>.geojson is written. */
export function editedLayerText(
  layer: StoryLayer,
  id: string,
  props: StoryProps,
  geometry: Geometry,
): string {
  return formatLayer(applyEdit(layer, id, props, geometry));
}

/** Plain data from anything JSON-shaped (Svelte proxies included), for structuredClone. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Whether the map can edit a geometry: country outlines (MultiPolygon) come from the basemap. */
export function editableGeometry(
  g: Geometry,
): g is
  | Extract<Geometry, { type: 'Point' }>
  | Extract<Geometry, { type: 'LineString' }>
  | Extract<Geometry, { type: 'Polygon' }> {
  return g.type === 'Point' || g.type === 'LineString' || g.type === 'Polygon';
}

/** The first words of a passage, for the passage picker. */
export function firstWords(text: string, words = 8): string {
  const parts = text.trim().split(/\s+/);
  return parts.length <= words ? parts.join(' ') : `${parts.slice(0, words).join(' ')}…`;
}

/** Positions rounded to `decimals` places (the validator allows 6): drawing tools write more. */
export function roundGeometry<G extends Geometry>(g: G, decimals = 6): G {
  const scale = 10 ** decimals;
  const round = (v: unknown): unknown =>
    typeof v === 'number' ? Math.round(v * scale) / scale : Array.isArray(v) ? v.map(round) : v;
  if (g.type === 'GeometryCollection')
    return { ...g, geometries: g.geometries.map((x) => roundGeometry(x, decimals)) };
  return { ...g, coordinates: round(g.coordinates) } as G;
}

/** One item of a list field, for its "Add …" button: aliases → alias, sources → source. */
export function singular(label: string): string {
  const word = label.toLowerCase();
  if (/(ias|ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  return word.replace(/s$/, '');
}
