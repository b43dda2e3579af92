/**
 * A tour in a link: its JSON deflated (fflate) and written in base64url, after `#tour=`. A link
 * longer than browsers, chat tools and learning platforms reliably keep is refused with a
 * message that points to the file instead.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Tour } from '../types.ts';

/** Characters of the whole link that most places keep intact. */
export const MAX_LINK = 2000;
export const PARAM = 'tour';

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function encodeTour(tour: Tour): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(tour)), { level: 9 }));
}

/** The JSON text a code carries, or null when it is not one of ours. */
export function decodeTour(code: string): string | null {
  const bytes = fromBase64Url(code);
  if (!bytes) return null;
  try {
    return strFromU8(inflateSync(bytes));
  } catch {
    return null;
  }
}

export type ShareLink = { ok: true; url: string } | { ok: false; message: string };

/** The page's address with the tour in its hash, or why it does not fit in a link. */
export function shareLink(page: string, tour: Tour): ShareLink {
  const url = `${page.replace(/#.*$/, '')}#${PARAM}=${encodeTour(tour)}`;
  if (url.length <= MAX_LINK) return { ok: true, url };
  return {
    ok: false,
    message: `This tour is too long for a link (${url.length} characters; at most ${MAX_LINK} are kept safely). Download it as a file and share the file instead.`,
  };
}

/** The tour code in a location hash, if there is one. */
export function codeInHash(hash: string): string | null {
  try {
    return new URLSearchParams(hash.replace(/^#/, '')).get(PARAM);
  } catch {
    return null;
  }
}
