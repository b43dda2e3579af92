import type { Plugin } from 'vite';
import { isSingleFile } from './single-file.ts';

/**
 * The Content-Security-Policy of the hosted build, as a meta tag (a static host
 * may not let us set headers). No inline script and no eval: MapLibre's worker
 * is a file of our own origin, the data is fetched from it, fonts are ours.
 * `frame-ancestors` is ignored in a meta tag, so any site may frame the map: that
 * is how it is embedded (`?embed`, src/app/embed.ts). A host that wants to choose
 * who frames it sends `frame-ancestors` as a header (see README, Security).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  let singleFile = false;
  return {
    name: 'content-security-policy',
    apply: 'build',
    configResolved(config) {
      // The one-file build inlines its script: a policy forbidding inline script cannot apply to it.
      singleFile = isSingleFile(config);
    },
    transformIndexHtml() {
      if (singleFile) return [];
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
