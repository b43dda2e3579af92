import { LABEL_FONT } from '../style/fonts.ts';

/**
 * MapLibre rasterises label glyphs once, with whatever face the browser has at
 * that moment; if the web font is still loading they come out in a fallback
 * face and stay that way. So the font is loaded first, with a cap on the wait:
 * a map with fallback labels beats no map.
 */
export async function loadLabelFont(timeoutMs = 3000): Promise<boolean> {
  if (!('fonts' in document)) return false;
  const load = document.fonts
    .load(`16px "${LABEL_FONT}"`, 'AFGHANISTAN Kazakhstan')
    .then((faces) => faces.length > 0)
    .catch(() => false);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  return Promise.race([load, timeout]);
}

/** True when the label font is loaded already (index.html preloads it): no need to wait. */
export function labelFontReady(): boolean {
  return (
    'fonts' in document && document.fonts.check(`16px "${LABEL_FONT}"`, 'AFGHANISTAN Kazakhstan')
  );
}
