import type { Geometry } from 'geojson';
import type { StoryLayer, StoryProps } from '../geo/types.ts';
import type { Diagnostic } from '../validate/index.ts';
import {
  editableGeometry,
  editedLayerText,
  formFields,
  fromForm,
  toForm,
  type FormProblem,
  type FormValues,
} from './edit.ts';
import type { StoryData } from '../app/state/data.svelte.ts';

/** The feature being edited: copies only, the story's own data is never touched. */
interface Session {
  id: string;
  layer: StoryLayer;
  original: StoryProps;
  originalGeometry: Geometry;
}

/**
 * A contributor's edit of one feature: the form's values, the geometry as
 * moved on the map, and what the validator says of the resulting layer file.
 */
export class Editor {
  readonly fields = formFields();
  readonly #data: StoryData;
  #session = $state.raw<Session | null>(null);
  values = $state<FormValues>({});
  #geometry = $state.raw<Geometry | null>(null);
  #diagnostics = $state.raw<Diagnostic[]>([]);
  #checking = $state(false);

  constructor(data: StoryData) {
    this.#data = data;
  }

  get active(): boolean {
    return this.#session !== null;
  }
  get featureId(): string | null {
    return this.#session?.id ?? null;
  }
  get layer(): StoryLayer | null {
    return this.#session?.layer ?? null;
  }
  /** The geometry as edited (the original until the contributor moves it). */
  get geometry(): Geometry | null {
    return this.#geometry;
  }
  get originalGeometry(): Geometry | null {
    return this.#session?.originalGeometry ?? null;
  }
  /** False for MultiPolygon country outlines: they come from the basemap. */
  get geometryEditable(): boolean {
    return !!this.#geometry && editableGeometry(this.#geometry);
  }
  get diagnostics(): Diagnostic[] {
    return this.#diagnostics;
  }
  get checking(): boolean {
    return this.#checking;
  }

  #edited = $derived.by(() => {
    const s = this.#session;
    if (!s || !this.#geometry) return null;
    const { props, problems } = fromForm(this.values, s.original, this.fields);
    return { props, problems, text: editedLayerText(s.layer, s.id, props, this.#geometry) };
  });

  /** The whole layer file with the edit, formatted as the committed files are. */
  get text(): string | null {
    return this.#edited?.text ?? null;
  }
  /** Form values that cannot become properties (JSON that does not parse). */
  get formProblems(): FormProblem[] {
    return this.#edited?.problems ?? [];
  }
  get fileName(): string | null {
    return this.#session ? `${this.#session.layer.name}.geojson` : null;
  }

  /** Starts editing a feature of the loaded story; false if there is no such feature. */
  start(id: string): boolean {
    const feature = this.#data.feature(id);
    const layer = this.#data.layerOf(id);
    if (!feature || !layer) return false;
    const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
    this.#session = {
      id,
      layer: copy(layer),
      original: copy(feature.properties),
      originalGeometry: copy(feature.geometry),
    };
    this.values = toForm(feature.properties, this.fields);
    this.#geometry = copy(feature.geometry);
    this.#diagnostics = [];
    return true;
  }

  setGeometry(g: Geometry): void {
    if (this.#session) this.#geometry = g;
  }

  cancel(): void {
    this.#session = null;
    this.#geometry = null;
    this.values = {};
    this.#diagnostics = [];
  }

  /** What the validator says of the edited file; none while it is checking. */
  setDiagnostics(d: Diagnostic[] | 'checking'): void {
    this.#checking = d === 'checking';
    if (d !== 'checking') this.#diagnostics = d;
  }
}
