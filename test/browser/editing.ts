/**
 * What the editor's browser tests share: the hooks the edit layer leaves on `window` (terra-draw
 * and the id of the feature it draws), and opening Kabul's card in edit mode.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage, waitForIdle, type Watched } from './harness.ts';

export type EditHook = {
  __editDraw?: {
    updateFeatureGeometry(id: unknown, g: unknown): void;
    getSnapshotFeature(id: unknown): { geometry: { coordinates: number[] } } | undefined;
  };
  __editDrawId?: unknown;
  __map: import('maplibre-gl').Map;
};

/** The coordinates of the feature being edited, as terra-draw holds them. */
export const drawnCoordinates = (page: Page): Promise<number[]> =>
  page.evaluate(() => {
    const w = window as unknown as EditHook;
    return w.__editDraw!.getSnapshotFeature(w.__editDrawId)!.geometry.coordinates;
  });

/** A page on Kabul at zoom 9, its card open and in edit mode. */
export async function editKabul(browser: Browser, url: string): Promise<Watched> {
  const w = await openPage(browser, url, { width: 1280, height: 800 }, { reducedMotion: 'reduce' });
  await w.page.goto(`${url}#map=9/34.5/69.2&sel=kabul`);
  await waitForIdle(w.page);
  await expect.poll(() => w.page.locator('#card-title').textContent()).toBe('Kabul');
  await w.page.getByRole('button', { name: 'Edit', exact: true }).click();
  await w.page.locator('#edit-heading').waitFor();
  return w;
}
