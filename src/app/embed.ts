/**
 * The map in another site's page: the addresses and the `<iframe>` code the "Share / embed"
 * dialog gives, and how the app knows it is embedded. Pure (no DOM, no Svelte).
 *
 * Embedding is a query parameter, `index.html?embed#sel=…&t=2012`, not a part of the hash:
 * HashSync rewrites the hash as the reader moves and chooses, and would drop it. Addresses are
 * taken apart as text, not through `URL`, so the hash comes back exactly as HashSync wrote it.
 */

/** The map's name: the embedded page's heading and the frame's title. */
export const MAP_TITLE = 'Russia, the Taliban and the terrorist list';

export const EMBED_PARAM = 'embed';

/** Heights the dialog offers for the frame, in CSS pixels; the width is the host's column. */
export const EMBED_HEIGHTS = [480, 600, 720] as const;
export type EmbedHeight = (typeof EMBED_HEIGHTS)[number];

function parts(href: string) {
  const at = href.indexOf('#');
  const hash = at === -1 || at === href.length - 1 ? '' : href.slice(at);
  const rest = at === -1 ? href : href.slice(0, at);
  const q = rest.indexOf('?');
  return {
    base: q === -1 ? rest : rest.slice(0, q),
    params:
      q === -1
        ? []
        : rest
            .slice(q + 1)
            .split('&')
            .filter(Boolean),
    hash,
  };
}

function isEmbedParam(param: string): boolean {
  try {
    return decodeURIComponent(param.split('=')[0]) === EMBED_PARAM;
  } catch {
    return false; // a malformed escape is some other parameter, kept as it is
  }
}

const join = (base: string, params: string[], hash: string) =>
  `${base}${params.length ? `?${params.join('&')}` : ''}${hash}`;

/** True when the page's query (`location.search`) asks for the embedded layout. */
export function isEmbedded(search: string): boolean {
  return search.replace(/^\?/, '').split('&').some(isEmbedParam);
}

/** The full map at the same view: the address without `embed`, its other parameters and hash kept. */
export function fullMapUrl(href: string): string {
  const { base, params, hash } = parts(href);
  return join(
    base,
    params.filter((p) => !isEmbedParam(p)),
    hash,
  );
}

/** The embedded map at the same view: `embed` added once, before the hash. */
export function embedUrl(href: string): string {
  const { base, params, hash } = parts(href);
  return join(base, [...params.filter((p) => !isEmbedParam(p)), EMBED_PARAM], hash);
}

/** A link others can open: a page of a web server, not a file on this computer (the one-file build). */
export function isShareable(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

/** Text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The code to paste into a page: the frame as wide as the host's column, as high as chosen,
 * without a border, loaded when scrolled near, and allowed to go fullscreen (the tour does).
 */
export function iframeCode(src: string, height: EmbedHeight, title = MAP_TITLE): string {
  const attrs: [string, string][] = [
    ['src', src],
    ['title', `${title} (interactive map)`],
    ['width', '100%'],
    ['height', String(height)],
    ['style', 'border:0'],
    ['loading', 'lazy'],
    ['allow', 'fullscreen'],
  ];
  return `<iframe ${attrs.map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(' ')}></iframe>`;
}
