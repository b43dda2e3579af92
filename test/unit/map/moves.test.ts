import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Moves } from '../../../src/map/moves.ts';

const fakeMap = () => ({ resize: vi.fn() }) as unknown as MapLibreMap & { resize: () => void };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Moves', () => {
  it('makes a move asked for before the map exists when it attaches', () => {
    const moves = new Moves();
    const move = vi.fn();
    moves.make(null, move);
    expect(moves.steered).toBe(true);
    expect(move).not.toHaveBeenCalled();
    const map = fakeMap();
    moves.attach(map);
    expect(move).toHaveBeenCalledWith(map);
  });

  it('makes the last move again once the size has settled (a sheet dropping after a chip)', () => {
    const moves = new Moves(1000, 150);
    const map = fakeMap();
    const move = vi.fn();
    moves.make(map, move);
    expect(move).toHaveBeenCalledTimes(1);
    // The transition: a resize each frame for 0.25 s, then none.
    for (let t = 0; t < 250; t += 16) {
      moves.resized();
      vi.advanceTimersByTime(16);
    }
    expect(move).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(150);
    expect(map.resize).toHaveBeenCalledTimes(1);
    expect(move).toHaveBeenCalledTimes(2);
  });

  it('leaves an old move alone, and one the reader has moved away from', () => {
    const moves = new Moves(1000, 150);
    const map = fakeMap();
    const move = vi.fn();
    moves.make(map, move);
    vi.advanceTimersByTime(1500);
    moves.resized();
    vi.advanceTimersByTime(500);
    expect(move).toHaveBeenCalledTimes(1);

    moves.make(map, move);
    moves.resized();
    moves.forget();
    vi.advanceTimersByTime(500);
    expect(move).toHaveBeenCalledTimes(2);
    expect(map.resize).not.toHaveBeenCalled();
  });

  it('makes only the newest move again', () => {
    const moves = new Moves(1000, 150);
    const map = fakeMap();
    const first = vi.fn();
    const second = vi.fn();
    moves.make(map, first);
    moves.resized();
    moves.make(map, second);
    moves.resized();
    vi.advanceTimersByTime(200);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('follows a change of size that started in time however long it lasts, in steps', () => {
    const moves = new Moves(1000, 150);
    const map = fakeMap();
    const move = vi.fn();
    moves.make(map, move);
    vi.advanceTimersByTime(900);
    // A busy page: the sheet's transition comes late and in slow frames, 200 ms apart.
    for (let t = 0; t < 600; t += 200) {
      moves.resized();
      vi.advanceTimersByTime(200);
    }
    // Made again after each pause longer than 150 ms, the last once the size had settled.
    expect(move).toHaveBeenCalledTimes(1 + 3);
    // Long after, the reader raises the sheet: the map stays as it is.
    vi.advanceTimersByTime(1500);
    moves.resized();
    vi.advanceTimersByTime(500);
    expect(move).toHaveBeenCalledTimes(4);
  });
});
