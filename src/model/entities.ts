/**
 * The things the story is about, compiled from the layers: one entity per real-world thing,
 * whatever layers draw it. Kazakhstan is one country with two memberships, not three features;
 * the CSTO, the EAEU, the corridor and the railway are things of their own, with their members,
 * sections and nodes. Pure: imports neither Svelte nor MapLibre.
 *
 * Layers stay as contributors edit them (standalone GeoJSON files); the map keeps drawing their
 * features. What the reader selects, lists and reads about is an entity.
 */
import type { StoryFeature, StoryLayer, StoryProps } from '../geo/types.ts';

export type EntityKind = 'country' | 'bloc' | 'route' | 'section' | 'place' | 'event';

/** What a layer is, in the layer registry (src/style/story.ts). */
export type LayerRole = 'bloc' | 'area' | 'route' | 'places';

export interface Entity {
  /** Stable: a country's general feature id ("kazakhstan"), a bloc's or route's layer name. */
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** Passage ids, in article order: the union over every feature that stands for it. */
  passages: string[];
  summary: string;
  /** Every map feature that draws it. */
  features: string[];
  /**
   * The one feature that stands for it on the map when hovered or selected (so that hovering
   * Kazakhstan lights one fill, not three); null for a bloc or a route, drawn by their parts.
   */
  primary: string | null;
  /** The layer it comes from (a country's: the layer of its primary feature). */
  layer: string;
  /** ISO 3166-1 alpha-3, for a country. */
  iso?: string;
  /** For a country: its features in bloc layers, one per bloc. */
  memberships: { bloc: string; feature: string }[];
  /** For a bloc: its country entities (all who ever were in it); for a route: its sections. */
  parts: string[];
  /** For a route: the entities of its nodes (ports, crossings, stations, cities). */
  nodes: string[];
  /** For a section or a node of a route: the route entity. */
  partOf: string | null;
  after_article: boolean;
}

export interface Model {
  entities: ReadonlyMap<string, Entity>;
  /** Entities in the order the layers list them: blocs and routes before their parts. */
  order: readonly string[];
  /** Feature id → entity id. */
  ofFeature: ReadonlyMap<string, string>;
  /** Passage id → entity id → the features that cite the passage for that entity. */
  cited: ReadonlyMap<string, ReadonlyMap<string, string[]>>;
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** "CSTO" and "Collective Security Treaty Organization" from "… Organization (CSTO)". */
function titleNames(title: string): string[] {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(title);
  return m ? [m[1], m[2]] : [];
}

const NODE_KINDS = new Set([
  'capital',
  'city',
  'port',
  'border-crossing',
  'station',
  'site',
  'region',
]);

/**
 * Builds the model. `roleOf` names each layer's role (the layer registry); `passageOrder` is
 * the article's passage ids in order, for sorting each entity's passages.
 */
export function compileModel(
  layers: readonly StoryLayer[],
  roleOf: (layer: string) => LayerRole,
  passageOrder: readonly string[],
): Model {
  const entities = new Map<string, Entity>();
  const order: string[] = [];
  const ofFeature = new Map<string, string>();
  const rank = new Map(passageOrder.map((id, i) => [id, i]));
  const featureIds = new Set(layers.flatMap((l) => l.features.map((f) => f.properties.id)));
  const countryByIso = new Map<string, string>();

  const add = (e: Entity) => {
    entities.set(e.id, e);
    order.push(e.id);
    return e;
  };
  const blank = (id: string, kind: EntityKind, layer: string, p?: StoryProps): Entity => ({
    id,
    kind,
    name: p?.name ?? id,
    aliases: [...(p?.aliases ?? [])],
    passages: [...(p?.passages ?? [])],
    summary: p?.summary ?? '',
    features: p ? [p.id] : [],
    primary: p ? p.id : null,
    layer,
    memberships: [],
    parts: [],
    nodes: [],
    partOf: null,
    after_article: p?.after_article === true,
  });
  const link = (e: Entity, f: StoryFeature) => ofFeature.set(f.properties.id, e.id);

  // General features first, so that a country's id and card come from where it is a country
  // (geo/places.geojson, geo/afghanistan.geojson), not from a bloc it belongs to.
  const general = layers.filter((l) => roleOf(l.name) !== 'bloc');
  const blocs = layers.filter((l) => roleOf(l.name) === 'bloc');
  for (const layer of [...general, ...blocs]) {
    const role = roleOf(layer.name);
    let whole: Entity | null = null;
    if (role === 'bloc' || role === 'route') {
      whole = add(blank(layer.name, role, layer.name));
      whole.name = layer.title;
      whole.aliases = [...titleNames(layer.title), ...(layer.aliases ?? [])].filter(
        (n) => n !== layer.title,
      );
      whole.summary = layer.description ?? '';
    }
    for (const f of layer.features) {
      const p = f.properties;
      if (p.kind === 'country' && p.iso_a3) {
        let country = entities.get(countryByIso.get(p.iso_a3) ?? '');
        if (!country) {
          let id = p.id;
          if (role === 'bloc') {
            id = slug(p.name);
            if (!id || featureIds.has(id) || entities.has(id)) id = `country-${slug(p.iso_a3)}`;
          }
          country = add(blank(id, 'country', layer.name, p));
          country.iso = p.iso_a3;
          country.features = [];
          countryByIso.set(p.iso_a3, id);
          if (role === 'bloc') country.summary = '';
        }
        if (!country.features.includes(p.id)) country.features.push(p.id);
        for (const a of p.aliases ?? []) if (!country.aliases.includes(a)) country.aliases.push(a);
        country.passages.push(...p.passages);
        if (role === 'bloc') {
          country.memberships.push({ bloc: layer.name, feature: p.id });
          whole!.parts.push(country.id);
          whole!.features.push(p.id);
          whole!.passages.push(...p.passages);
        }
        link(country, f);
        continue;
      }
      const kind: EntityKind =
        p.kind === 'event' ? 'event' : p.kind === 'route-segment' ? 'section' : 'place';
      const e = add(blank(p.id, kind, layer.name, p));
      link(e, f);
      if (whole) {
        e.partOf = whole.id;
        whole.features.push(p.id);
        whole.passages.push(...p.passages);
        if (kind === 'section') whole.parts.push(e.id);
        else if (NODE_KINDS.has(p.kind)) whole.nodes.push(e.id);
      }
    }
  }

  for (const e of entities.values()) {
    e.passages = [...new Set(e.passages)].sort(
      (a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity),
    );
  }

  const cited = new Map<string, Map<string, string[]>>();
  for (const layer of layers)
    for (const f of layer.features) {
      const id = ofFeature.get(f.properties.id);
      if (!id) continue;
      const e = entities.get(id)!;
      const owners = [id, ...(e.partOf ? [e.partOf] : [])];
      const bloc = e.kind === 'country' && roleOf(layer.name) === 'bloc' ? layer.name : null;
      if (bloc) owners.push(bloc);
      for (const passage of f.properties.passages)
        for (const owner of owners) {
          const byEntity = cited.get(passage) ?? new Map<string, string[]>();
          cited.set(passage, byEntity);
          byEntity.set(owner, [...(byEntity.get(owner) ?? []), f.properties.id]);
        }
    }
  // In each passage, entities in model order.
  const sorted = new Map<string, Map<string, string[]>>();
  const at = new Map(order.map((id, i) => [id, i]));
  for (const [passage, byEntity] of cited)
    sorted.set(
      passage,
      new Map([...byEntity].sort((a, b) => (at.get(a[0]) ?? 0) - (at.get(b[0]) ?? 0))),
    );

  return { entities, order, ofFeature, cited: sorted };
}

/** The entity a feature or an entity id names, or undefined. Old links named features. */
export function resolve(model: Model, id: string): Entity | undefined {
  return model.entities.get(id) ?? model.entities.get(model.ofFeature.get(id) ?? '');
}

/** Entities a passage speaks of, in model order. */
export function entitiesOf(model: Model, passage: string): Entity[] {
  return [...(model.cited.get(passage)?.keys() ?? [])].map((id) => model.entities.get(id)!);
}

/**
 * The chips under a passage: one per thing, wholes before their parts. A section or node of a
 * route the passage names goes into the route's chip; a country cited only through a bloc the
 * passage names goes into the bloc's chip (the CSTO passage gets a CSTO chip, not Russia three
 * times).
 */
export function chipsOf(model: Model, passage: string): Entity[] {
  const byEntity = model.cited.get(passage);
  if (!byEntity) return [];
  const out: Entity[] = [];
  for (const [id, features] of byEntity) {
    const e = model.entities.get(id)!;
    if (e.partOf && byEntity.has(e.partOf)) continue;
    if (e.kind === 'country') {
      const viaBlocs = features.filter((f) =>
        e.memberships.some((m) => m.feature === f && byEntity.has(m.bloc)),
      );
      if (viaBlocs.length === features.length) continue;
    }
    out.push(e);
  }
  // Wholes first: the CSTO's chip leads the CSTO passage.
  const first = (e: Entity) => (e.kind === 'bloc' || e.kind === 'route' ? 0 : 1);
  return out.sort((a, b) => first(a) - first(b));
}

/** Which wins a click: a point over a line over an area (a country), over a bloc. */
const RANK: Record<EntityKind, number> = {
  place: 0,
  event: 0,
  section: 1,
  route: 1,
  country: 2,
  bloc: 3,
};

export interface Picked {
  /** The one thing a click chose, or null when several of the same kind tie (or none). */
  chosen: Entity | null;
  /** Distinct things of the winning kind, when more than one: the reader chooses. */
  choices: Entity[];
  /** Distinct things of other kinds under the pointer (the country under a city). */
  alsoHere: Entity[];
}

/**
 * What a click on the map picks, from the features under the pointer: distinct things only (the
 * three Kazakhstan features are one country); a point beats a route, a route beats a country.
 */
export function pick(model: Model, featureIds: readonly string[]): Picked {
  const found: Entity[] = [];
  for (const id of featureIds) {
    const e = resolve(model, id);
    if (e && !found.includes(e)) found.push(e);
  }
  if (!found.length) return { chosen: null, choices: [], alsoHere: [] };
  const best = Math.min(...found.map((e) => RANK[e.kind]));
  const top = found.filter((e) => RANK[e.kind] === best);
  const rest = found.filter((e) => RANK[e.kind] !== best);
  return top.length === 1
    ? { chosen: top[0], choices: [], alsoHere: rest }
    : { chosen: null, choices: top, alsoHere: rest };
}

/**
 * The map features that light up for an entity: a country's one feature that stands for it; a
 * bloc's countries that are in it at the date (`inBloc`); a route's sections and nodes; anything
 * else its own feature.
 */
export function emphasis(
  model: Model,
  entity: Entity,
  inBloc: (featureId: string) => boolean,
): string[] {
  if (entity.kind === 'bloc') return entity.features.filter(inBloc);
  if (entity.kind === 'route') return entity.features;
  return entity.primary ? [entity.primary] : entity.features.slice(0, 1);
}
