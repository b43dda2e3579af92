/**
 * What the PNG and the handout print beside the map: the credits, the legend at the date shown,
 * the print size. Apart from ./export.ts (drawing the PNG), which loads only when a reader asks
 * for a PNG, while the handout, part of the page, needs these at once.
 */
import type { StoryLayer } from '../geo/types.ts';
import type { LegendItem } from '../style/legend.ts';
import { asDrawn, legendAt } from '../style/legend.ts';
import { styleIn, type Look } from '../style/look.ts';
import type { DateView } from '../style/story.ts';

export const CREDITS =
  'Map data: Natural Earth (public domain), its default boundaries (Crimea drawn in Russia; no endorsement). Article: Intigam Mamedov, The Conversation, CC BY-ND 4.0. Drawn with MapLibre.';

/** The largest the handout prints the map: landscape A4 or Letter less margins and legend. */
// 160 mm tall leaves the title above and the credits below on the page (A4: 190 mm inside
// the margins; Letter: 196 mm); 205 mm wide leaves the legend's 62 mm column beside it on A4.
export const PRINT_MM = { width: 205, height: 160 };
/** Beyond this, some graphics cards refuse a canvas. */
const MAX_PX = 4096;

/**
 * The pixel ratio that gives a map of cssW×cssH CSS pixels `dpi` at the size the handout prints
 * it (its aspect kept, as large as fits PRINT_MM), within what a canvas may be.
 */
export function printRatio(cssW: number, cssH: number, dpi = 300): number {
  const printedMm = Math.min(PRINT_MM.width, (PRINT_MM.height * cssW) / cssH);
  const px = (printedMm / 25.4) * dpi;
  return Math.min(px / cssW, MAX_PX / cssW, MAX_PX / cssH);
}

export interface LegendGroup {
  /** The layer's file name. */
  name: string;
  title: string;
  items: LegendItem[];
}

export interface ExportText {
  title: string;
  caption?: string;
  legend: LegendGroup[];
  credits: string;
}

/**
 * The legend of the layers shown, as the map draws them in its look at the date shown: what the
 * PNG and the handout print beside the map (a former member's dashed outline and a frozen
 * member's hatch included, never the member fill). Layers with nothing drawn are left out.
 */
export function legendOf(layers: StoryLayer[], look: Look, view: DateView): LegendGroup[] {
  return layers
    .map((l) => {
      const s = styleIn(look, l.name);
      const items = legendAt(s, l, view);
      return {
        name: l.name,
        title: l.title,
        items: look.palette === 'projector' ? asDrawn(items, s) : items,
      };
    })
    .filter((g) => g.items.length);
}
