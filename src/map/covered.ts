/**
 * Padding for a fit: 48 px, or more where something lies over the map — the open legend on
 * the left, the tools on the right — so what is chosen is framed where it can be seen.
 */
export function covered(container: HTMLElement) {
  const pad = { top: 48, right: 48, bottom: 48, left: 48 };
  const box = container.getBoundingClientRect();
  const area = container.closest('.map-area') ?? container.parentElement;
  for (const el of area?.querySelectorAll<HTMLElement>('.layers, .tools') ?? []) {
    const r = el.getBoundingClientRect();
    // Hidden, or a thin strip along the top (a folded panel): nothing to frame around.
    if (!r.width || !r.height || r.height < box.height * 0.25) continue;
    if (r.left - box.left < box.width / 2) pad.left = Math.max(pad.left, r.right - box.left + 16);
    else pad.right = Math.max(pad.right, box.right - r.left + 16);
  }
  // Never more than leaves the middle half of the map.
  pad.left = Math.min(pad.left, box.width / 2 - 40);
  pad.right = Math.min(pad.right, box.width / 2 - 40);
  return pad;
}
