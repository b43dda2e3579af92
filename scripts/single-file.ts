import type { ResolvedConfig } from 'vite';

/**
 * True in the one-file build (vite.single.config.ts adds vite-plugin-singlefile): everything is
 * inlined there, and there is no Content-Security-Policy. Asked by the plugins that emit assets
 * or write the policy.
 */
export const isSingleFile = (config: ResolvedConfig): boolean =>
  config.plugins.some((p) => p.name.includes('singlefile'));
