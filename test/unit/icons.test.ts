import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ICONS, renderIcon } from '../../scripts/vite-plugin-icons.ts';
import { theme } from '../../src/style/theme.ts';

const rgb = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) * 4;
  return [...png.data.subarray(i, i + 4)];
};
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

describe('app icons', () => {
  it.each(ICONS)('$src is a $sizes PNG', (icon) => {
    const size = parseInt(icon.sizes, 10);
    const png = PNG.sync.read(renderIcon(size, icon.purpose === 'maskable'));
    expect([png.width, png.height]).toEqual([size, size]);
  });

  it('has transparent rounded corners, except the maskable one, which fills its square', () => {
    const any = PNG.sync.read(renderIcon(192, false));
    expect(rgb(any, 0, 0)[3]).toBe(0);
    expect(rgb(any, 96, 4)).toEqual([...hex(theme.water), 255]);
    const maskable = PNG.sync.read(renderIcon(512, true));
    expect(rgb(maskable, 0, 0)).toEqual([...hex(theme.water), 255]);
  });

  it('keeps the maskable drawing inside the safe zone (the central circle of 40 %)', () => {
    const png = PNG.sync.read(renderIcon(512, true));
    const water = [...hex(theme.water), 255];
    let outside = 0;
    let inside = 0;
    for (let y = 0; y < 512; y++)
      for (let x = 0; x < 512; x++) {
        if (rgb(png, x, y).every((v, k) => v === water[k])) continue;
        if (Math.hypot(x + 0.5 - 256, y + 0.5 - 256) > 0.4 * 512) outside++;
        else inside++;
      }
    expect(outside).toBe(0);
    // …and the drawing is there, not a blank square.
    expect(inside).toBeGreaterThan(0.1 * 512 * 512);
  });
});
