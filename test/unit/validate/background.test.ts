/** An empty `passages` list: allowed for a background feature, never for an event. */
import { describe, expect, it } from 'vitest';
import { checkEvents, EVENTS_PATH, validateLayer } from '../../../src/validate/index.ts';

const passages = new Set(['p01']);

const layer = (list: string[]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    name: 'places',
    title: 'Places',
    features: [
      {
        type: 'Feature',
        properties: {
          id: 'old-post',
          name: 'Old post',
          kind: 'site',
          passages: list,
          summary: 'A background record that the article does not speak of.',
          sources: [{ title: 'Test data' }],
        },
        geometry: { type: 'Point', coordinates: [68.5, 34.5] },
      },
    ],
  });

const events = (list: string[]) =>
  JSON.stringify([
    {
      id: 'an-event',
      name: 'An event',
      date: '2020',
      passages: list,
      summary: 'An event the story lists because the article names it.',
      sources: [{ title: 'Test data' }],
    },
  ]);

describe('features and events without passages', () => {
  it('accepts a feature with an empty passages list', () => {
    expect(validateLayer('geo/places.geojson', layer([]), { features: [], passages })).toEqual([]);
  });

  it('still reports a passage id the article does not have', () => {
    const found = validateLayer('geo/places.geojson', layer(['p01', 'p99']), {
      features: [],
      passages,
    });
    expect(found.map((d) => [d.code, d.pointer])).toEqual([
      ['unknown-passage', '/features/0/properties/passages/1'],
    ]);
  });

  it('rejects an event with no passage: events are listed because the article names them', () => {
    const found = checkEvents(EVENTS_PATH, events([]), { passages, features: [], complete: true });
    expect(found.map((d) => [d.code, d.pointer, d.message])).toEqual([
      ['schema', '/0/passages', 'expected at least 1 item, found 0'],
    ]);
    expect(
      checkEvents(EVENTS_PATH, events(['p01']), { passages, features: [], complete: true }),
    ).toEqual([]);
  });
});
