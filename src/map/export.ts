import type { Map as MapLibreMap } from 'maplibre-gl';
import { LABEL_FONT } from '../style/fonts.ts';
import type { LegendItem } from '../style/legend.ts';
import { svgDash } from '../style/legend.ts';

export interface ExportText {
  title: string;
  caption?: string;
  legend: { title: string; items: LegendItem[] }[];
  credits: string;
}

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

/** Draws title, legend, caption and credits onto the map picture, as a handout needs them. */
export function composeExport(map: HTMLCanvasElement, text: ExportText): HTMLCanvasElement {
  const w = map.width;
  const u = Math.max(1, w / 1000); // one unit: about 1 px at 1000 px wide
  const font = (px: number, weight = 400) =>
    `${weight} ${Math.round(px * u)}px "${LABEL_FONT}", sans-serif`;
  const probe = document.createElement('canvas').getContext('2d')!;
  probe.font = font(16);
  const captionLines = text.caption ? wrap(probe, text.caption, w - 40 * u) : [];
  probe.font = font(11);
  // Credits wrap too: on a narrow map the boundaries note would otherwise be cut off.
  const creditLines = wrap(probe, text.credits, w - 40 * u);
  const top = 44 * u;
  const bottom = (captionLines.length * 22 + creditLines.length * 15 + 20) * u;
  const out = document.createElement('canvas');
  out.width = w;
  out.height = map.height + top + bottom;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(map, 0, top);

  ctx.fillStyle = '#1d1d1b';
  ctx.textBaseline = 'middle';
  ctx.font = font(22, 600);
  ctx.fillText(text.title, 20 * u, top / 2);

  // Legend: a white box in the top-left corner of the map.
  const rows = text.legend.flatMap((g) => [
    { head: g.title },
    ...g.items.map((item) => ({ item })),
  ]);
  if (rows.length) {
    const rowH = 18 * u;
    ctx.font = font(12);
    const boxW =
      Math.max(...rows.map((r) => ctx.measureText('head' in r ? r.head : r.item.label).width)) +
      56 * u;
    const boxH = rows.length * rowH + 12 * u;
    const x0 = 12 * u;
    const y0 = top + 12 * u;
    ctx.fillStyle = 'rgba(255,255,255,0.94)';
    ctx.strokeStyle = '#a39c90';
    ctx.lineWidth = u;
    ctx.fillRect(x0, y0, boxW, boxH);
    ctx.strokeRect(x0, y0, boxW, boxH);
    rows.forEach((r, i) => {
      const y = y0 + 6 * u + rowH * (i + 0.5);
      if ('head' in r) {
        ctx.fillStyle = '#1d1d1b';
        ctx.font = font(12, 600);
        ctx.fillText(r.head, x0 + 8 * u, y);
        return;
      }
      const it = r.item;
      const sx = x0 + 12 * u;
      ctx.strokeStyle = it.color;
      ctx.fillStyle = it.color;
      if (it.kind === 'area') {
        const [bx, by, bw, bh] = [sx, y - 5 * u, 24 * u, 10 * u];
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
          ctx.lineWidth = u;
        } else {
          ctx.globalAlpha = 0.25;
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
        ctx.lineTo(sx + 24 * u, y);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.globalAlpha = 1;
      } else {
        ctx.beginPath();
        ctx.arc(sx + 12 * u, y, 4 * u, 0, Math.PI * 2);
        if (it.hollow) {
          // An event: a ring, as the map draws it.
          ctx.fillStyle = '#ffffff';
          ctx.fill();
          ctx.lineWidth = 2 * u;
          ctx.stroke();
        } else ctx.fill();
      }
      ctx.fillStyle = '#4a463f';
      ctx.font = font(12);
      ctx.fillText(it.label, sx + 32 * u, y);
    });
  }

  let y = top + map.height + 18 * u;
  ctx.fillStyle = '#1d1d1b';
  ctx.font = font(16);
  for (const line of captionLines) {
    ctx.fillText(line, 20 * u, y);
    y += 22 * u;
  }
  ctx.fillStyle = '#5b5750';
  ctx.font = font(11);
  creditLines.forEach((line, i) =>
    ctx.fillText(line, 20 * u, out.height - (12 + (creditLines.length - 1 - i) * 15) * u),
  );
  return out;
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
