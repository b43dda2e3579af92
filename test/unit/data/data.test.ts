// @vitest-environment jsdom
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLayer } from '../../../src/app/load.ts';
import { dataZip, storyKml } from '../../../src/data/bundle.ts';
import { convertXml, xmlFormat } from '../../../src/data/convert.ts';
import type { StoryLayer } from '../../../src/geo/types.ts';

// jsdom's import.meta.url is not a file URL: the tests run from the project's root.
const dir = `${process.cwd()}/geo/`;
const files = readdirSync(dir).filter((f) => f.endsWith('.geojson'));
const text = (f: string) => readFileSync(dir + f, 'utf8');
const layers = files.map((f) => {
  const r = parseLayer(`geo/${f}`, text(f));
  if (!r.ok) throw new Error(r.problem.message);
  return r.layer as StoryLayer;
});
const featureCount = layers.reduce((n, l) => n + l.features.length, 0);

describe('data out', () => {
  it('the zip holds every layer exactly as in geo/ (so it validates), the KML and a README', () => {
    const zip = unzipSync(dataZip(layers, '2024-04'));
    for (const f of files) expect(strFromU8(zip[`geo/${f}`]), f).toBe(text(f));
    const readme = strFromU8(zip['README.txt']);
    expect(readme).toContain('Natural Earth (public domain)');
    expect(readme).toContain('CC BY-ND 4.0');
    expect(readme).toContain(
      'https://en.wikipedia.org/wiki/Collective_Security_Treaty_Organization',
    );
    expect(strFromU8(zip['story.kml'])).toContain('<kml');
  });

  it('the KML parses and has one placemark per feature, named, with dates and passage ids', () => {
    const doc = new DOMParser().parseFromString(storyKml(layers), 'application/xml');
    expect(doc.getElementsByTagName('parsererror').length).toBe(0);
    const marks = [...doc.getElementsByTagName('Placemark')];
    expect(marks.length).toBe(featureCount);
    const names = marks.map((m) => m.getElementsByTagName('name')[0]?.textContent);
    expect(names.every((n) => !!n)).toBe(true);
    const uzb = marks.find((m) => m.textContent?.includes('csto-uzb'))!;
    const data = (key: string) =>
      [...uzb.getElementsByTagName('Data')]
        .find((d) => d.getAttribute('name') === key)
        ?.getElementsByTagName('value')[0]?.textContent;
    expect(data('periods')).toBe('treaty-party 1994-04-20–1999-04; member 2006-06-23–2012');
    const kaz = marks.find(
      (m) => m.textContent?.includes('"kazakhstan"') || m.textContent?.includes('kazakhstan'),
    )!;
    expect(kaz).toBeDefined();
    expect(storyKml(layers)).toContain('p13');
  });
});

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Termez</name><Point><coordinates>67.28,37.22</coordinates></Point></Placemark>
<Placemark><name>Line</name><LineString><coordinates>67.28,37.22 67.42,37.22</coordinates></LineString></Placemark>
</Document></kml>`;
const GPX = `<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>Ride</name><trkseg><trkpt lat="37.22" lon="67.28"></trkpt><trkpt lat="37.22" lon="67.42"></trkpt></trkseg></trk>
</gpx>`;

describe('data in: KML and GPX', () => {
  it('tells the formats apart by name or content', () => {
    expect(xmlFormat('a.kml', '')).toBe('KML');
    expect(xmlFormat('a.GPX', '')).toBe('GPX');
    expect(xmlFormat('a.xml', KML)).toBe('KML');
    expect(xmlFormat('a.geojson', '{"type":"Point"}')).toBeNull();
  });
  it('converts KML placemarks and GPX tracks to GeoJSON', () => {
    const k = convertXml('a.kml', KML, 'KML');
    expect(
      k.ok &&
        JSON.parse(k.text).features.map((f: { geometry: { type: string } }) => f.geometry.type),
    ).toEqual(['Point', 'LineString']);
    const g = convertXml('a.gpx', GPX, 'GPX');
    expect(g.ok && JSON.parse(g.text).features[0].properties.name).toBe('Ride');
  });
  it('words what is wrong with a bad file', () => {
    const broken = convertXml('bad.kml', '<kml><Placemark><name>x</Placemark>', 'KML');
    expect(!broken.ok && broken.message).toMatch(
      /^“bad.kml” is not valid KML: the XML cannot be read/,
    );
    const other = convertXml('svg.kml', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'KML');
    expect(!other.ok && other.message).toContain('its root element is <svg>, expected <kml>');
    const empty = convertXml(
      'e.kml',
      '<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>',
      'KML',
    );
    expect(!empty.ok && empty.message).toContain('holds no placemark');
  });
});
