/**
 * KML (Google Earth) and GPX (GPS tracks) into GeoJSON, so the file preview can check them like
 * any GeoJSON file. @tmcw/togeojson does the conversion; this module only decides what a file is
 * and words the errors. The XML is read by @xmldom/xmldom rather than the browser's DOMParser:
 * Chromium answers a broken file with an error document carrying inline styles, which the page's
 * Content-Security-Policy refuses, and xmldom reads the same in the browser and in Node.
 */
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';

export type Converted =
  { ok: true; text: string; from: 'KML' | 'GPX' } | { ok: false; message: string };

/** The format a file name or its first characters say it is, or null for anything else. */
export function xmlFormat(name: string, text: string): 'KML' | 'GPX' | null {
  if (/\.kml$/i.test(name)) return 'KML';
  if (/\.gpx$/i.test(name)) return 'GPX';
  const head = text.slice(0, 400);
  if (/<kml[\s>]/.test(head)) return 'KML';
  if (/<gpx[\s>]/.test(head)) return 'GPX';
  return null;
}

/**
 * The file as GeoJSON text (a FeatureCollection), or why it cannot be read: not XML, not KML or
 * GPX, or holding no features. Never throws.
 */
export function convertXml(name: string, text: string, format: 'KML' | 'GPX'): Converted {
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'application/xml');
  } catch (err) {
    const detail = String((err as Error).message)
      .replace(/^\[xmldom [^\]]*\]\s*/, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 160);
    return {
      ok: false,
      message: `“${name}” is not valid ${format}: the XML cannot be read${detail ? ` (${detail})` : ''}.`,
    };
  }
  const root = doc.documentElement?.localName;
  const expected = format === 'KML' ? 'kml' : 'gpx';
  if (root !== expected)
    return {
      ok: false,
      message: `“${name}” is XML but not ${format}: its root element is <${root}>, expected <${expected}>.`,
    };
  try {
    // xmldom's Document is the W3C DOM togeojson walks; its types differ from lib.dom's.
    const dom = doc as unknown as Document;
    const fc = format === 'KML' ? kml(dom) : gpx(dom);
    if (!fc.features.length)
      return {
        ok: false,
        message: `“${name}” is ${format} but holds no placemark, track or route.`,
      };
    return { ok: true, text: JSON.stringify(fc), from: format };
  } catch (err) {
    return {
      ok: false,
      message: `“${name}” could not be converted from ${format} (${(err as Error).message}).`,
    };
  }
}
