import type { Map as MapLibreMap } from 'maplibre-gl';
import { LABEL_FONT } from '../style/fonts.ts';
import type { LegendItem } from '../style/legend.ts';
import { svgDash } from '../style/legend.ts';
import type { ExportText, LegendGroup } from './printed.ts';

export { CREDITS, legendOf, PRINT_MM, printRatio } from './printed.ts';
export type { ExportText, LegendGroup } from './printed.ts';

/**
 * The current view, redrawn at `scale` times the screen's pixel ratio (a
 * sharper image, same framing), then given back as a 2D canvas.
 */
export async function captureMap(map: MapLibreMap, scale = 2): Promise<HTMLCanvasElement> {
  const ratio = map.getPixelRatio();
  map.setPixelRatio(ratio * scale);
  try {
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
    const src = map.getCanvas();
    const out = document.createElement('canvas');
    out.width = src.width;
    out.height = src.height;
    out.getContext('2d')!.drawImage(src, 0, 0);
    return out;
  } finally {
    map.setPixelRatio(ratio);
  }
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Where each part of the exported picture goes, in its pixels. */
export interface ExportLayout {
  width: number;
  height: number;
  /** One unit: about 1 px of type when the map is 1000 px wide. */
  u: number;
  map: { x: number; y: number; w: number; h: number };
  legend: { x: number; y: number; w: number };
  caption: { x: number; y: number; w: number };
}

/**
 * The frame around the map: the title above it, the legend in a column to its right, the
 * caption and credits below; nothing is drawn on the map itself. Pure, so it is tested in Node.
 */
export function exportLayout(
  mapW: number,
  mapH: number,
  parts: { legendH: number; captionH: number; creditsH: number },
): ExportLayout {
  const u = Math.max(1, mapW / 1000);
  const m = Math.round(20 * u);
  const top = Math.round(52 * u);
  const colW = Math.round(250 * u);
  const legendX = m + mapW + m;
  const below = top + Math.max(mapH, parts.legendH);
  return {
    width: legendX + colW + m,
    height: Math.round(below + 14 * u + parts.captionH + parts.creditsH + 12 * u),
    u,
    map: { x: m, y: top, w: mapW, h: mapH },
    legend: { x: legendX, y: top, w: colW },
    caption: { x: m, y: Math.round(below + 14 * u), w: legendX + colW - m },
  };
}

export type Row = { head: string } | { item: LegendItem };

/** The PNG legend's rows, top to bottom: each layer's title, then its rows. */
export const legendRows = (legend: LegendGroup[]): Row[] =>
  legend.flatMap((g) => [{ head: g.title }, ...g.items.map((item) => ({ item }))]);

/** Draws the map picture in a frame: title, legend beside it, caption and credits below. */
export function composeExport(map: HTMLCanvasElement, text: ExportText): HTMLCanvasElement {
  const u0 = Math.max(1, map.width / 1000);
  const font = (px: number, weight = 400) =>
    `${weight} ${Math.round(px * u0)}px "${LABEL_FONT}", sans-serif`;
  const probe = document.createElement('canvas').getContext('2d')!;
  const rowH = 20 * u0;
  const labelW = 250 * u0 - 44 * u0;
  // Legend rows, long labels wrapped inside the column.
  const rows = legendRows(text.legend).map((row) => {
    probe.font = 'head' in row ? font(13, 600) : font(12);
    return {
      row,
      lines:
        'head' in row
          ? wrap(probe, row.head, 250 * u0 - 8 * u0)
          : wrap(probe, row.item.label, labelW),
    };
  });
  const legendH = rows.reduce((h, r) => h + rowH + (r.lines.length - 1) * 15 * u0, 0) + 8 * u0;
  const captionW = map.width + 250 * u0 + 20 * u0;
  probe.font = font(16);
  const captionLines = text.caption ? wrap(probe, text.caption, captionW) : [];
  probe.font = font(11);
  const creditLines = wrap(probe, text.credits, captionW);
  const L = exportLayout(map.width, map.height, {
    legendH,
    captionH: captionLines.length * 22 * u0,
    creditsH: creditLines.length * 15 * u0,
  });
  const { u } = L;

  const out = document.createElement('canvas');
  out.width = L.width;
  out.height = L.height;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(map, L.map.x, L.map.y);
  ctx.strokeStyle = '#1d1d1b';
  ctx.lineWidth = u;
  ctx.strokeRect(L.map.x - u / 2, L.map.y - u / 2, L.map.w + u, L.map.h + u);

  ctx.fillStyle = '#1d1d1b';
  ctx.textBaseline = 'middle';
  ctx.font = font(22, 600);
  ctx.fillText(text.title, L.map.x, L.map.y / 2);

  let y = L.legend.y + 4 * u;
  for (const { row, lines } of rows) {
    const mid = y + rowH / 2;
    if ('head' in row) {
      ctx.fillStyle = '#1d1d1b';
      ctx.font = font(13, 600);
      lines.forEach((line, i) => ctx.fillText(line, L.legend.x, mid + i * 15 * u));
    } else {
      drawSwatch(ctx, row.item, L.legend.x + 4 * u, mid, u);
      ctx.fillStyle = '#4a463f';
      ctx.font = font(12);
      lines.forEach((line, i) => ctx.fillText(line, L.legend.x + 40 * u, mid + i * 15 * u));
    }
    y += rowH + (lines.length - 1) * 15 * u;
  }

  y = L.caption.y + 11 * u;
  ctx.fillStyle = '#1d1d1b';
  ctx.font = font(16);
  for (const line of captionLines) {
    ctx.fillText(line, L.caption.x, y);
    y += 22 * u;
  }
  ctx.fillStyle = '#5b5750';
  ctx.font = font(11);
  creditLines.forEach((line, i) =>
    ctx.fillText(line, L.caption.x, out.height - (12 + (creditLines.length - 1 - i) * 15) * u),
  );
  return out;
}

/** One legend swatch, 28 units wide, centred on y: the look the map gives the row. */
function drawSwatch(
  ctx: CanvasRenderingContext2D,
  it: LegendItem,
  sx: number,
  y: number,
  u: number,
): void {
  ctx.strokeStyle = it.color;
  ctx.fillStyle = it.color;
  ctx.lineWidth = u;
  if (it.kind === 'area') {
    const [bx, by, bw, bh] = [sx, y - 6 * u, 28 * u, 12 * u];
    if (it.look === 'hatch') {
      // The same diagonal hatch the map draws for a frozen member.
      ctx.save();
      ctx.beginPath();
      ctx.rect(bx, by, bw, bh);
      ctx.clip();
      ctx.lineWidth = 1.5 * u;
      for (let d = -bh; d < bw; d += 4 * u) {
        ctx.beginPath();
        ctx.moveTo(bx + d, by + bh);
        ctx.lineTo(bx + d + bh, by);
        ctx.stroke();
      }
      ctx.restore();
      ctx.lineWidth = u;
      ctx.strokeRect(bx, by, bw, bh);
    } else if (it.look === 'dashed') {
      ctx.lineWidth = 1.6 * u;
      const dash = svgDash(1.6 * u, it.dash);
      ctx.setLineDash(dash ? dash.split(' ').map(Number) : []);
      ctx.strokeRect(bx, by, bw, bh);
      ctx.setLineDash([]);
    } else {
      ctx.globalAlpha = it.fill ?? 0.25;
      ctx.fillRect(bx, by, bw, bh);
      ctx.globalAlpha = 1;
      ctx.strokeRect(bx, by, bw, bh);
    }
  } else if (it.kind === 'line') {
    ctx.globalAlpha = it.opacity ?? 1;
    ctx.lineWidth = it.width * u;
    const dash = svgDash(it.width * u, it.dash);
    ctx.setLineDash(dash ? dash.split(' ').map(Number) : []);
    ctx.beginPath();
    ctx.moveTo(sx, y);
    ctx.lineTo(sx + 28 * u, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
  } else {
    ctx.beginPath();
    ctx.arc(sx + 14 * u, y, 5 * u, 0, Math.PI * 2);
    ctx.fillStyle = it.hollow ? '#ffffff' : it.color;
    ctx.fill();
    ctx.lineWidth = 2 * u;
    ctx.stroke();
  }
}

/** Hands the picture to the browser as a file download. */
export async function downloadPng(canvas: HTMLCanvasElement, filename: string): Promise<void> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The browser could not encode the PNG.');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
