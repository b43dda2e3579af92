// @vitest-environment jsdom
// The iframe code is read back by an HTML parser (jsdom's DOMParser), as a host page would read it.
import { describe, expect, it } from 'vitest';
import {
  embedUrl,
  escapeAttribute,
  fullMapUrl,
  iframeCode,
  isEmbedded,
  isShareable,
} from '../../../src/app/embed.ts';

const HASH = '#map=4.20/41.3000/62.5000&layers=csto,eaeu&sel=csto-arm&t=2012';

describe('embedded or not', () => {
  it.each([
    '?embed',
    '?embed=',
    '?embed=1',
    'embed',
    '?lang=en&embed',
    '?x=1&embed&y=2',
    '?%65mbed',
  ])('%s is embedded', (search) => expect(isEmbedded(search)).toBe(true));
  it.each(['', '?', '?embedded', '?x=embed', '?notembed=1', '?%E0%A4%A'])('%s is not', (search) =>
    expect(isEmbedded(search)).toBe(false),
  );
});

describe('addresses', () => {
  it('adds embed once, before the hash, which is kept exactly', () => {
    const url = `https://maps.example.edu/russia/${HASH}`;
    expect(embedUrl(url)).toBe(`https://maps.example.edu/russia/?embed${HASH}`);
    expect(embedUrl(embedUrl(url))).toBe(embedUrl(url));
    expect(embedUrl('https://maps.example.edu/russia/?embed=1#sel=kabul')).toBe(
      'https://maps.example.edu/russia/?embed#sel=kabul',
    );
  });
  it('keeps a path to index.html and other parameters', () => {
    expect(embedUrl('https://x.edu/maps/index.html?lang=en#sel=kabul')).toBe(
      'https://x.edu/maps/index.html?lang=en&embed#sel=kabul',
    );
    expect(fullMapUrl('https://x.edu/maps/index.html?lang=en&embed#sel=kabul')).toBe(
      'https://x.edu/maps/index.html?lang=en#sel=kabul',
    );
  });
  it('gives the full map without embed, hash kept', () => {
    expect(fullMapUrl(`http://127.0.0.1:4173/?embed${HASH}`)).toBe(`http://127.0.0.1:4173/${HASH}`);
    expect(fullMapUrl('http://127.0.0.1:4173/?embed&embed=1')).toBe('http://127.0.0.1:4173/');
    expect(fullMapUrl('https://x.edu/maps/')).toBe('https://x.edu/maps/');
  });
  it('drops an empty hash', () => {
    expect(embedUrl('https://x.edu/maps/#')).toBe('https://x.edu/maps/?embed');
  });
  it('tells a hosted page from a file on this computer', () => {
    expect(isShareable('https://x.edu/maps/')).toBe(true);
    expect(isShareable('http://127.0.0.1:4173/')).toBe(true);
    expect(isShareable('file:///media/usb/index.html')).toBe(false);
  });
});

describe('iframe code', () => {
  it('has the frame attributes and the source with its & escaped', () => {
    const code = iframeCode(embedUrl(`https://x.edu/maps/${HASH}`), 600);
    expect(code).toBe(
      '<iframe src="https://x.edu/maps/?embed#map=4.20/41.3000/62.5000&amp;layers=csto,eaeu&amp;sel=csto-arm&amp;t=2012"' +
        ' title="Russia, the Taliban and the terrorist list (interactive map)" width="100%" height="600"' +
        ' style="border:0" loading="lazy" allow="fullscreen"></iframe>',
    );
  });
  it('escapes quotes and angle brackets in attributes', () => {
    const code = iframeCode('https://x.edu/?a="b"&embed', 480, `It's <b>"bold"</b>`);
    expect(code).toContain('src="https://x.edu/?a=&quot;b&quot;&amp;embed"');
    expect(code).toContain(
      'title="It&#39;s &lt;b&gt;&quot;bold&quot;&lt;/b&gt; (interactive map)"',
    );
    expect(escapeAttribute('&amp;')).toBe('&amp;amp;');
  });
  it('reads back, in an HTML parser, as the same address and title', () => {
    const src = embedUrl(`https://x.edu/maps/index.html${HASH}`);
    const doc = new DOMParser().parseFromString(
      iframeCode(src, 720, 'A "quoted" & odd <title>'),
      'text/html',
    );
    const frame = doc.querySelector('iframe')!;
    expect(doc.body.children).toHaveLength(1);
    expect(frame.getAttribute('src')).toBe(src);
    expect(frame.title).toBe('A "quoted" & odd <title> (interactive map)');
    expect(frame.getAttribute('height')).toBe('720');
  });
});
