/**
 * What the URL hash keeps: the view, the visible layers, the selection, the year and, while the
 * tour is presented, its step (1-based, as the presenter's counter shows it), e.g.
 *   #map=4.2/41.3/62.5&layers=csto,eaeu&sel=csto-arm&t=2012
 *   #map=3.1/44.0/55.0&step=7
 * Pure, and forgiving: a malformed part is dropped, never thrown.
 */
export interface View {
  zoom: number;
  lat: number;
  lng: number;
}

export interface HashState {
  view?: View;
  /** Absent: every layer visible. */
  layers?: string[];
  sel?: string;
  /** The year the map shows; absent: today. */
  time?: string;
  /** The tour step being presented, from 1; absent: no presentation. */
  step?: number;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseHash(hash: string): HashState {
  const out: HashState = {};
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return out;
  }
  const map = params.get('map')?.split('/').map(Number);
  if (
    map &&
    map.length === 3 &&
    map.every(Number.isFinite) &&
    map[0] >= 0 &&
    map[0] <= 24 &&
    Math.abs(map[1]) <= 90 &&
    Math.abs(map[2]) <= 180
  )
    out.view = { zoom: map[0], lat: map[1], lng: map[2] };
  const layers = params.get('layers');
  if (layers !== null) out.layers = layers.split(',').filter((l) => ID.test(l));
  const time = params.get('t');
  if (time && /^(19|20)\d{2}$/.test(time)) out.time = time;
  const sel = params.get('sel');
  if (sel && ID.test(sel)) out.sel = sel;
  const step = params.get('step');
  if (step && /^[1-9]\d{0,2}$/.test(step)) out.step = Number(step);
  return out;
}

export function formatHash(s: HashState): string {
  const parts: string[] = [];
  if (s.view)
    parts.push(`map=${s.view.zoom.toFixed(2)}/${s.view.lat.toFixed(4)}/${s.view.lng.toFixed(4)}`);
  if (s.layers) parts.push(`layers=${s.layers.join(',')}`);
  if (s.sel) parts.push(`sel=${s.sel}`);
  if (s.time) parts.push(`t=${s.time}`);
  if (s.step) parts.push(`step=${s.step}`);
  return parts.length ? `#${parts.join('&')}` : '';
}
