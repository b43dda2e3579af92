/**
 * The project's data validator. Pure: give it file texts, get diagnostics back. Used by
 * `npm run validate` and, later, in the browser for live checks and for files a reader opens.
 * It never throws: a check that fails on input nobody foresaw becomes a diagnostic itself.
 */
import { passageLinkIssues, readArticle, type PassageInfo } from './article.ts';
import { buildCoverage, passageIndex, type CoverageEntry } from './coverage.ts';
import {
  dedupeDiagnostics,
  describeValue,
  fileDiagnostic,
  guarded,
  isRecord,
  sortDiagnostics,
  type Diagnostic,
} from './diagnostic.ts';
import { checkEvents, EVENTS_PATH } from './events.ts';
import { checkTour, TOUR_PATH } from './tour.ts';
import { geometryTargets, listFeatures, type FeatureRef, type GeometryTarget } from './features.ts';
import { checkGeoJson } from './geojson.ts';
import { geometryIssues } from './geometry.ts';
import { locateIssue, parseJson, type SourceDoc } from './json.ts';
import { layerNameIssues, linkDiagnostics } from './links.ts';
import { checkLayerSchema } from './schema.ts';

export type { CoverageEntry } from './coverage.ts';
export { coverageCounts, formatCoverage } from './coverage.ts';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostic.ts';
export { formatDiagnostic, sortDiagnostics } from './diagnostic.ts';
export { checkEvents, EVENTS_PATH } from './events.ts';
export { checkTour, TOUR_PATH } from './tour.ts';
export {
  forPreview,
  forProject,
  splitTiers,
  storyNeeds,
  tierOf,
  type Tier,
  type Tiers,
} from './tiers.ts';

export const ARTICLE_PATH = 'story/article.json';
export const COUNTRIES_PATH = 'geo/basemap/countries.geojson';

export interface ProjectFile {
  /** Project-relative, forward slashes: story/article.json, geo/csto.geojson. */
  path: string;
  text: string;
}

export interface Result {
  diagnostics: Diagnostic[];
  coverage: CoverageEntry[];
  stats: { files: number; layers: number; features: number; passages: number };
}

/** What a single layer is checked against: the rest of the project, already read. */
export interface LayerContext {
  /** Passage ids of the article; undefined leaves passage links unchecked. */
  passages?: ReadonlySet<string>;
  /** iso_a3 codes of the basemap; undefined leaves country codes unchecked. */
  countries?: ReadonlySet<string>;
  /** Features of the other layers, for duplicate ids and route nodes. */
  features: readonly FeatureRef[];
  /**
   * Layers that could not be read. Undefined when the rest of the project is unknown: then a
   * route's node may be in a layer not seen, and "no such node" is not said.
   */
  unreadable?: readonly string[];
}

export function isLayerPath(path: string): boolean {
  return path.endsWith('.geojson') && !path.startsWith('geo/basemap/');
}

/** Checks one layer on its own and against the context; diagnostics for this file only. */
export function validateLayer(
  path: string,
  text: string,
  context: LayerContext = { features: [] },
): Diagnostic[] {
  try {
    if (typeof text !== 'string') {
      return [
        fileDiagnostic(
          String(path),
          'missing-file',
          `expected the file's text, found ${describeValue(text)}`,
        ),
      ];
    }
    const layer = readLayer(path, text);
    const others = context.features.filter((f) => f.doc.path !== path);
    const [links, failed] = guarded(path, 'links', [], () =>
      linkDiagnostics([...others, ...layer.features], {
        passages: context.passages,
        countries: context.countries,
        complete: layer.ok && !!context.unreadable?.every((p) => p === path),
      }),
    );
    const own = links.filter((d) => d.file === path);
    return sortDiagnostics(dedupeDiagnostics([...layer.diagnostics, ...own, ...failed]));
  } catch (error) {
    return [crashed(typeof path === 'string' ? path : '', error)];
  }
}

/** The context for validateLayer from the project's files (the layer itself may be among them). */
export function layerContext(files: readonly ProjectFile[]): LayerContext {
  try {
    const project = readProject(normaliseFiles(files).files);
    return {
      passages: project.passageIds,
      countries: project.countries,
      features: project.layers.flatMap((l) => l.features),
      unreadable: project.layers.filter((l) => !l.ok).map((l) => l.doc.path),
    };
  } catch {
    return { features: [] };
  }
}

export function validateProject(files: readonly ProjectFile[]): Result {
  try {
    return checkProject(files);
  } catch (error) {
    return { diagnostics: [crashed('', error)], coverage: [], stats: emptyStats() };
  }
}

const emptyStats = () => ({ files: 0, layers: 0, features: 0, passages: 0 });

function crashed(file: string, error: unknown): Diagnostic {
  return fileDiagnostic(
    file,
    'check-failed',
    `expected the validator to finish, found it stopped (${String(error)}); please report this`,
  );
}

interface LayerRead {
  doc: SourceDoc;
  /** False when the file is not JSON: its features are unknown. */
  ok: boolean;
  diagnostics: Diagnostic[];
  features: FeatureRef[];
}

function readLayer(path: string, text: string): LayerRead {
  const parsed = parseJson(path, text, 'layer');
  const { doc } = parsed;
  if (!parsed.ok) return { doc, ok: false, diagnostics: parsed.diagnostics, features: [] };
  const [structure, structureFailed] = guarded(path, 'RFC 7946 structure', [], () =>
    checkGeoJson(doc),
  );
  const [schema, schemaFailed] = guarded(path, 'schema', [], () => checkLayerSchema(doc));
  const [features, listFailed] = guarded(path, 'feature list', [], () => listFeatures(doc));
  const geometry = geometryTargets(doc).flatMap((g) => featureGeometry(doc, g));
  return {
    doc,
    ok: true,
    features,
    diagnostics: [
      ...parsed.diagnostics,
      ...withoutEchoes(structure, geometry),
      ...withoutRepeats(schema, structure),
      ...geometry,
      ...layerName(doc),
      ...structureFailed,
      ...schemaFailed,
      ...listFailed,
    ],
  };
}

/**
 * One fault, one message. The geometry checks name a bad position or ring where it is; the RFC
 * 7946 library then says the same of a number inside it: that echo is dropped.
 */
function withoutEchoes(structure: Diagnostic[], geometry: Diagnostic[]): Diagnostic[] {
  const faults = geometry.filter((d) => d.severity === 'error');
  if (!faults.length) return structure;
  const inside = (d: Diagnostic) =>
    faults.some((g) => d.pointer === g.pointer || d.pointer.startsWith(`${g.pointer}/`));
  return structure.filter((d) => !(d.code === 'geojson' && d.pointer && inside(d)));
}

function layerName(doc: SourceDoc): Diagnostic[] {
  const [found, failed] = guarded(doc.path, 'layer name', [], () =>
    layerNameIssues(doc).map((i) => locateIssue(doc, i)),
  );
  return [...found, ...failed];
}

/**
 * RFC 7946 and the schema both require, say, a Feature's "properties": where the structure
 * check already spoke about a value or one that contains it, the schema's word on it is dropped.
 */
function withoutRepeats(schema: Diagnostic[], structure: Diagnostic[]): Diagnostic[] {
  const spoken = new Set(structure.filter((d) => d.code === 'geojson').map((d) => d.pointer));
  const covered = (pointer: string) => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      if (spoken.has(p)) return true;
      if (p === '') return false;
    }
  };
  return schema.filter((d) => !covered(d.pointer));
}

/** Per feature, so one feature's odd geometry cannot hide the others' faults. */
function featureGeometry(doc: SourceDoc, g: GeometryTarget): Diagnostic[] {
  const [diagnostics, failed] = guarded(doc.path, `geometry (${g.label})`, [], () =>
    geometryIssues(g.geometry, g.pointer).map((i) => locateIssue(doc, i)),
  );
  return [...diagnostics, ...failed];
}

interface ProjectRead {
  article?: SourceDoc;
  passages: PassageInfo[];
  passageIds?: Set<string>;
  countries?: Set<string>;
  layers: LayerRead[];
  diagnostics: Diagnostic[];
}

function readProject(files: readonly ProjectFile[]): ProjectRead {
  const find = (path: string) => files.find((f) => f.path === path);
  const article = readArticleFile(find(ARTICLE_PATH));
  const countries = readCountries(find(COUNTRIES_PATH));
  const layerFiles = files.filter((f) => isLayerPath(f.path));
  const layers = layerFiles.map((f) => readLayer(f.path, f.text));
  return {
    ...article,
    countries: countries.codes,
    layers,
    diagnostics: [
      ...article.diagnostics,
      ...countries.diagnostics,
      ...layers.flatMap((l) => l.diagnostics),
      ...files.filter((f) => !isKnownPath(f.path)).map(notValidated),
      ...(layerFiles.length ? [] : [noLayers()]),
    ],
  };
}

const isKnownPath = (path: string) =>
  path === ARTICLE_PATH ||
  path === COUNTRIES_PATH ||
  path === EVENTS_PATH ||
  path === TOUR_PATH ||
  isLayerPath(path);

const notValidated = (f: ProjectFile) =>
  fileDiagnostic(
    f.path,
    'missing-file',
    `expected ${ARTICLE_PATH}, ${COUNTRIES_PATH} or a .geojson layer, found a file the validator does not know; it was not checked`,
    'warning',
  );

const noLayers = () =>
  fileDiagnostic(
    'geo/',
    'missing-file',
    'expected story layers (geo/*.geojson), found none',
    'warning',
  );

function readArticleFile(file: ProjectFile | undefined) {
  if (!file) {
    const missing = fileDiagnostic(
      ARTICLE_PATH,
      'missing-file',
      'expected the article, found no such file',
    );
    return { passages: [], diagnostics: [missing] };
  }
  const parsed = parseJson(file.path, file.text, 'article');
  if (!parsed.ok) return { article: parsed.doc, passages: [], diagnostics: parsed.diagnostics };
  const [read, failed] = guarded(file.path, 'article', { passages: [], issues: [] }, () =>
    readArticle(parsed.doc.value),
  );
  return {
    article: parsed.doc,
    passages: read.passages,
    passageIds: new Set(read.passages.map((p) => p.id)),
    diagnostics: [
      ...parsed.diagnostics,
      ...read.issues.map((i) => locateIssue(parsed.doc, i)),
      ...failed,
    ],
  };
}

/** The basemap is generated and large: JSON.parse and a glance at iso_a3 are all it needs. */
function readCountries(file: ProjectFile | undefined): {
  codes?: Set<string>;
  diagnostics: Diagnostic[];
} {
  if (!file) {
    const message = 'expected the basemap countries (for the iso_a3 check), found no such file';
    return { diagnostics: [fileDiagnostic(COUNTRIES_PATH, 'missing-file', message)] };
  }
  try {
    const value: unknown = JSON.parse(file.text);
    const features = isRecord(value) && Array.isArray(value.features) ? value.features : undefined;
    if (!features) throw new Error(`a FeatureCollection, found ${describeValue(value)}`);
    const codes = features.map((f: unknown) =>
      isRecord(f) && isRecord(f.properties) ? f.properties.iso_a3 : undefined,
    );
    return {
      codes: new Set(codes.filter((c): c is string => typeof c === 'string')),
      diagnostics: [],
    };
  } catch (error) {
    const message = `expected the basemap countries as GeoJSON, found ${error instanceof Error ? error.message : String(error)}; run npm run basemap`;
    return { diagnostics: [fileDiagnostic(file.path, 'json-syntax', message)] };
  }
}

function checkProject(input: readonly ProjectFile[]): Result {
  const { files, diagnostics: inputProblems } = normaliseFiles(input);
  const project = readProject(files);
  const features = project.layers.flatMap((l) => l.features);
  const complete = project.layers.every((l) => l.ok);
  const [links, linksFailed] = guarded('', 'links', [], () =>
    linkDiagnostics(features, {
      passages: project.passageIds,
      countries: project.countries,
      complete,
    }),
  );
  const index = passageIndex(features);
  const coverage = buildCoverage(project.passages, index, complete);
  const article = project.article;
  const passageLinks = article
    ? passageLinkIssues(project.passages, index, complete).map((i) => locateIssue(article, i))
    : [];
  const eventsFile = files.find((f) => f.path === EVENTS_PATH);
  const events = eventsFile
    ? checkEvents(eventsFile.path, eventsFile.text, {
        passages: project.passageIds,
        features,
        complete,
      })
    : [];
  const tourFile = files.find((f) => f.path === TOUR_PATH);
  const tour = tourFile
    ? checkTour(tourFile.path, tourFile.text, {
        passages: project.passageIds,
        features,
        layers: new Set(
          project.layers.map((l) => l.doc.path.replace(/^.*\//, '').replace(/\.geojson$/, '')),
        ),
        complete,
      })
    : [];
  return {
    diagnostics: sortDiagnostics(
      dedupeDiagnostics([
        ...inputProblems,
        ...project.diagnostics,
        ...links,
        ...linksFailed,
        ...passageLinks,
        ...events,
        ...tour,
        ...project.layers.filter((l) => !l.ok).map(unreadLayer),
      ]),
    ),
    coverage,
    stats: {
      files: files.length,
      layers: project.layers.length,
      features: features.length,
      passages: project.passages.length,
    },
  };
}

/** Placed where the layer's own error is, and listed after it: the error comes first. */
const unreadLayer = (l: LayerRead) => {
  const at = l.diagnostics.find((d) => d.severity === 'error') ?? { line: 1, column: 1 };
  return {
    ...fileDiagnostic(
      l.doc.path,
      'check-failed',
      'expected to read this layer before checking links, found it unreadable: unlinked passages and unknown nodes are not reported until it parses',
      'warning',
    ),
    line: at.line,
    column: at.column,
  };
};

/** Callers in the browser pass whatever a reader opened: anything not a path and a text is set aside. */
function normaliseFiles(input: unknown): { files: ProjectFile[]; diagnostics: Diagnostic[] } {
  const list: unknown[] = Array.isArray(input) ? input : [];
  const files: ProjectFile[] = [];
  const diagnostics: Diagnostic[] = [];
  list.forEach((entry, i) => {
    const path =
      isRecord(entry) && typeof entry.path === 'string'
        ? entry.path.replace(/\\/g, '/')
        : `files[${i}]`;
    if (isRecord(entry) && typeof entry.text === 'string' && typeof entry.path === 'string') {
      files.push({ path, text: entry.text });
    } else {
      const found = describeValue(isRecord(entry) ? entry.text : entry);
      diagnostics.push(
        fileDiagnostic(path, 'missing-file', `expected the file's text, found ${found}`),
      );
    }
  });
  return {
    files: [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    diagnostics,
  };
}
