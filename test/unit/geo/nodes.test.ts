/**
 * Every point on the map against a reference position from a cited source: a node moved by
 * mistake (or drawn where a tool put it) fails here. Positions are longitude, latitude.
 *
 * "Reference table" is the project's table of reference facts (places, crossings and ports,
 * gathered from public reporting, with each feature's own `sources`); "Wikipedia" is the
 * coordinates given at the head of the named article.
 */
import { distance, lineString, pointToLineDistance } from '@turf/turf';
import type { LineString, Point } from 'geojson';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StoryLayer } from '../../../src/geo/types.ts';

/** How far a point may lie from its reference: a city or a crossing is not a point. */
const TOLERANCE_KM = 10;

type Row = [id: string, lon: number, lat: number];

const KABUL: [number, number] = [69.18, 34.53]; // Reference table: Kabul
const MOSCOW: [number, number] = [37.62, 55.75]; // Reference table: Moscow (the Kremlin)

const REFERENCE: Row[] = [
  // ---- Uzbekistan–Afghanistan–Pakistan railway
  ['termez', 67.28, 37.22], // Reference table: Termez
  ['hairatan', 67.42, 37.22], // Reference table: Hairatan
  // Naibabad station is by Mazar-i-Sharif airport (Central Asian Light, the feature's source);
  // Wikipedia, "Mazar-i-Sharif International Airport": 36°42′24″N 67°12′36″E.
  ['naibabad', 67.21, 36.707],
  ['mazar-i-sharif', 67.11, 36.71], // Reference table: Mazar-i-Sharif
  ['jalalabad', 70.45, 34.43], // Reference table: Jalalabad
  ['torkham', 71.09, 34.1], // Reference table: Torkham crossing
  ['peshawar', 71.58, 34.01], // Reference table: Peshawar
  ['maidan-shahr', 68.87, 34.4], // Reference table: Maidan Shahr
  ['pul-e-alam', 69.02, 33.99], // Reference table: Pul-e-Alam (Logar)
  ['kharlachi', 69.95, 33.85], // Reference table: Kharlachi crossing (approximate)
  ['parachinar', 70.1, 33.9], // Reference table: Parachinar
  ['uap-feasibility-agreement-2025', ...KABUL], // signed in Kabul (The Astana Times)

  // ---- Lapis Lazuli corridor
  ['herat', 62.2, 34.35], // Reference table: Herat
  ['torghundi', 62.28, 35.25], // Reference table: Torghundi
  ['serhetabat', 62.34, 35.28], // Reference table: Serhetabat
  ['aqina', 65.26, 37.23], // Reference table: Aqina crossing (Faryab)
  ['ymamnazar', 65.26, 37.25], // Reference table: Ymamnazar, the Turkmen side of Aqina
  ['kerki', 65.21, 37.83], // Reference table: Kerki; Wikipedia, "Kerki": 37°50′N 65°12′E
  ['mary', 61.83, 37.6], // Wikipedia, "Mary, Turkmenistan": 37°36′N 61°50′E
  ['ashgabat', 58.38, 37.95], // Reference table: Ashgabat
  ['turkmenbashi-port', 52.97, 40.02], // Reference table: Turkmenbashi port
  ['alat-port', 49.41, 39.95], // Reference table: Alat port (Baku)
  ['tbilisi', 44.79, 41.72], // Reference table: Tbilisi
  ['samtredia', 42.34, 42.15], // Wikipedia, "Samtredia": 42°09′N 42°20′E
  ['poti', 41.67, 42.15], // Reference table: Poti
  ['batumi', 41.64, 41.64], // Reference table: Batumi
  ['kars', 43.1, 40.6], // Reference table: Kars
  ['ankara', 32.86, 39.93], // Reference table: Ankara
  ['istanbul', 28.98, 41.01], // Reference table: Istanbul

  // ---- Afghanistan
  ['kabul', ...KABUL],

  // ---- Places and events
  ['moscow', ...MOSCOW],
  ['kazan-forum-2024', 49.11, 55.8], // Reference table: Kazan
  ['crocus-city-hall-attack-2024', 37.39, 55.83], // Reference table: Krasnogorsk, Moscow region
  ['chechnya', 45.7, 43.32], // Reference table: Grozny
  // Events placed at the city where they happened (each feature's location_note says so).
  ['sanctions-decree', ...MOSCOW],
  ['supreme-court-ruling-2003', ...MOSCOW],
  ['moscow-format-talks-2017', ...MOSCOW],
  ['supreme-court-suspends-ban-2025', ...MOSCOW],
  ['russia-recognises-taliban-2025', ...MOSCOW],
  ['soviet-afghan-war', ...KABUL],
  ['taliban-take-kabul-2021', ...KABUL],
];

const dir = new URL('../../../geo/', import.meta.url);
const layers: StoryLayer[] = readdirSync(dir)
  .filter((name) => name.endsWith('.geojson'))
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as StoryLayer);
const points = layers.flatMap((l) =>
  l.features
    .filter((f) => f.geometry?.type === 'Point')
    .map((f) => ({
      layer: l.name,
      id: f.properties.id,
      at: (f.geometry as Point).coordinates,
    })),
);

describe('points on the map against cited reference positions', () => {
  it('has a reference row for every point of every layer, and no row without a point', () => {
    const rows = REFERENCE.map(([id]) => id);
    expect(new Set(rows).size).toBe(rows.length);
    expect(points.map((p) => p.id).sort()).toEqual([...rows].sort());
  });

  it('covers every node of the two route layers', () => {
    for (const layer of ['uap-railway', 'lapis-lazuli-corridor']) {
      const nodes = points.filter((p) => p.layer === layer);
      expect(nodes.length, layer).toBeGreaterThan(10);
    }
  });

  it.each(REFERENCE)(`%s lies within ${TOLERANCE_KM} km of (%d, %d)`, (id, lon, lat) => {
    const p = points.find((x) => x.id === id);
    expect(p, id).toBeDefined();
    const km = distance(p!.at, [lon, lat], { units: 'kilometers' });
    expect(km, `${id} is ${km.toFixed(1)} km from its reference`).toBeLessThanOrEqual(TOLERANCE_KM);
  });

  it('puts the Aqina crossing on the border, with Ymamnazar just across it', () => {
    const at = (id: string) => points.find((x) => x.id === id)!.at;
    expect(distance(at('aqina'), at('ymamnazar'), { units: 'kilometers' })).toBeLessThan(5);
    // North of Aqina: the line runs north from the border to Kerki.
    expect(at('ymamnazar')[1]).toBeGreaterThan(at('aqina')[1]);
    expect(at('kerki')[1] - at('aqina')[1]).toBeGreaterThan(0.5);
    const line = layers
      .flatMap((l) => l.features)
      .find((f) => f.properties.id === 'lapis-aqina-mary')!;
    const course = lineString((line.geometry as LineString).coordinates);
    for (const id of ['aqina', 'ymamnazar', 'kerki'])
      expect(pointToLineDistance(at(id), course, { units: 'kilometers' }), id).toBeLessThan(1);
  });
});
