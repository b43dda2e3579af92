import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** Properties of a story feature; schema/feature.schema.json is the authority. */
export interface StoryProps {
  id: string;
  name: string;
  aliases?: string[];
  kind:
    | 'country'
    | 'region'
    | 'sea'
    | 'capital'
    | 'city'
    | 'port'
    | 'border-crossing'
    | 'station'
    | 'site'
    | 'route-segment'
    | 'event';
  passages: string[];
  summary: string;
  sources: { title: string; publisher?: string; url?: string; date?: string; note?: string }[];
  start?: string;
  end?: string;
  status?:
    | 'member'
    | 'former-member'
    | 'participation-frozen'
    | 'observer'
    | 'built'
    | 'agreed'
    | 'concept'
    | 'operational'
    | 'historical';
  periods?: { start: string; end?: string; status: string; note?: string }[];
  after_article?: boolean;
  iso_a3?: string;
  route?: string;
  mode?: 'rail' | 'road' | 'ferry' | 'sea';
  branch?: string;
  from?: string;
  to?: string;
  location_note?: string;
}

export type StoryFeature<G extends Geometry = Geometry> = Feature<G, StoryProps>;

/** A file of geo/: a FeatureCollection with its id and title as foreign members. */
export interface StoryLayer extends FeatureCollection<Geometry, StoryProps> {
  name: string;
  title: string;
  description?: string;
  /** Other names of the layer's thing as a whole ("Lapis-Lazuli trade corridor"). */
  aliases?: string[];
}
