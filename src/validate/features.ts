/** The features of a parsed layer, taken as they are: any part of them may be malformed. */
import { isRecord } from './diagnostic.ts';
import { featureLabel, type SourceDoc } from './json.ts';
import { childPointer } from './pointer.ts';

/** Feature properties before validation: only what the checks test for may be relied on. */
export type Props = Readonly<Record<string, unknown>>;

export interface FeatureRef {
  doc: SourceDoc;
  index: number;
  /** e.g. /features/3 */
  pointer: string;
  /** properties.id when it is a non-empty string, valid or not: duplicates are found either way. */
  id?: string;
  /** The valid id, or features[3]: how reports name it. */
  label: string;
  props: Props;
  /** Unchecked: geometry.ts narrows it. */
  geometry: unknown;
}

export function listFeatures(doc: SourceDoc): FeatureRef[] {
  const features = isRecord(doc.value) ? doc.value.features : undefined;
  if (!Array.isArray(features)) return [];
  return features.map((feature: unknown, index) => {
    const props = isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};
    const id = typeof props.id === 'string' && props.id !== '' ? props.id : undefined;
    const geometry = isRecord(feature) ? feature.geometry : undefined;
    const pointer = childPointer('/features', index);
    const label = featureLabel(doc, pointer) ?? `features[${index}]`;
    return { doc, index, pointer, id, label, props, geometry };
  });
}

/** The string items of an array property; anything else the schema check reports. */
export function stringItems(value: unknown): { item: string; index: number }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown, index) =>
    typeof item === 'string' ? [{ item, index }] : [],
  );
}

/** A geometry to check and how reports name the feature that holds it. */
export interface GeometryTarget {
  geometry: unknown;
  /** e.g. /features/3/geometry, /geometry for a lone Feature, "" for a bare geometry. */
  pointer: string;
  label: string;
}

/**
 * Every geometry in the document, whatever holds it: a FeatureCollection's features, a lone
 * Feature, a bare geometry or a GeometryCollection (geometry.ts walks into its members). RFC 7946
 * faults are found in all of them; only story layers need the FeatureCollection.
 */
export function geometryTargets(doc: SourceDoc): GeometryTarget[] {
  const value = doc.value;
  if (!isRecord(value)) return [];
  if (value.type === 'FeatureCollection') {
    return listFeatures(doc).map((f) => ({
      geometry: f.geometry,
      pointer: childPointer(f.pointer, 'geometry'),
      label: f.label,
    }));
  }
  if (value.type === 'Feature') {
    return [{ geometry: value.geometry, pointer: '/geometry', label: 'the Feature' }];
  }
  return [{ geometry: value, pointer: '', label: 'the geometry' }];
}
