import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaKm2, blocFigures, lengthKm, routeLengthKm } from '../../../src/geo/figures.ts';
import type { StoryLayer } from '../../../src/geo/types.ts';

const load = (name: string): StoryLayer =>
  JSON.parse(readFileSync(new URL(`../../../geo/${name}.geojson`, import.meta.url), 'utf8'));

const uap = load('uap-railway');
const lapis = load('lapis-lazuli-corridor');
const seg = (layer: StoryLayer, id: string) => {
  const f = layer.features.find((x) => x.properties.id === id);
  if (!f) throw new Error(`${id} is missing`);
  return lengthKm(f)!;
};

// Published figures (see each feature's sources); the ranges allow for a hand-drawn course.
describe('route lengths, computed with turf from the geometry', () => {
  it('built Termez–Hairatan–Naibabad section: about 75 km', () => {
    expect(routeLengthKm(uap.features, 'uap-built')).toBeGreaterThan(65);
    expect(routeLengthKm(uap.features, 'uap-built')).toBeLessThan(95);
  });
  it('2021 concept Mazar-i-Sharif–Kabul–Peshawar: about 570 km of new line', () => {
    const km = routeLengthKm(uap.features, 'uap-2021');
    expect(km).toBeGreaterThan(500);
    expect(km).toBeLessThan(800);
  });
  it('route agreed in 2023: reported as 640 to 760 km', () => {
    const km = routeLengthKm(uap.features, 'uap-2023');
    expect(km).toBeGreaterThan(550);
    expect(km).toBeLessThan(850);
  });
  it('Caspian ferry Turkmenbashi–Alat: about 300 km across the sea', () => {
    expect(seg(lapis, 'lapis-caspian-ferry')).toBeGreaterThan(250);
    expect(seg(lapis, 'lapis-caspian-ferry')).toBeLessThan(380);
  });
  it('Alat–Tbilisi by rail: Baku–Tbilisi is about 550 km, of which Baku–Alat is about 65', () => {
    // A line drawn at 1:50m cuts the railway's smaller bends, so allow a tenth less.
    expect(seg(lapis, 'lapis-alat-tbilisi')).toBeGreaterThan(430);
    expect(seg(lapis, 'lapis-alat-tbilisi')).toBeLessThan(560);
  });
  it('Ankara–Istanbul by rail: about 530 km', () => {
    expect(seg(lapis, 'lapis-ankara-istanbul')).toBeGreaterThan(420);
    expect(seg(lapis, 'lapis-ankara-istanbul')).toBeLessThan(620);
  });
  it('every segment has a length and none is implausibly short or long', () => {
    for (const layer of [uap, lapis])
      for (const f of layer.features.filter((x) => x.properties.kind === 'route-segment')) {
        const km = lengthKm(f)!;
        expect(km, f.properties.id).toBeGreaterThan(5);
        expect(km, f.properties.id).toBeLessThan(1600);
      }
  });
});

describe('bloc figures', () => {
  it('CSTO: five full members and Armenia frozen, about 20 million km² (Russia 17.1, Kazakhstan 2.7 …)', () => {
    const csto = load('csto');
    const b = blocFigures(csto);
    // The article lists six; Armenia froze its participation on 22 Feb 2024, which is not membership.
    expect(b.members).toBe(5);
    const arm = csto.features.find((f) => f.properties.iso_a3 === 'ARM');
    expect(arm?.properties.status).toBe('participation-frozen');
    expect(b.areaKm2).toBeGreaterThan(19_500_000);
    expect(b.areaKm2).toBeLessThan(21_500_000);
  });
  it('EAEU: five members, about 20 million km²', () => {
    const b = blocFigures(load('eaeu'));
    expect(b.members).toBe(5);
    expect(b.areaKm2).toBeGreaterThan(19_500_000);
    expect(b.areaKm2).toBeLessThan(21_500_000);
  });
  it('Afghanistan: about 652,000 km²', () => {
    const afg = load('afghanistan').features.find((f) => f.properties.kind === 'country')!;
    expect(areaKm2(afg)).toBeGreaterThan(630_000);
    expect(areaKm2(afg)).toBeLessThan(675_000);
  });
  it('Uzbekistan, Azerbaijan and Georgia are in the CSTO file but never counted as current members', () => {
    const csto = load('csto');
    for (const iso of ['UZB', 'AZE', 'GEO']) {
      const f = csto.features.find((x) => x.properties.iso_a3 === iso);
      expect(f?.properties.status, iso).toBe('former-member');
    }
    expect(blocFigures(csto).members).toBe(5);
  });
});
