// @vitest-environment jsdom
/** The time slider in a DOM of its own: what it reports, not what the map does with it. */
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import TimeControl from '../../../src/ui/TimeControl.svelte';
import type { TimelineEvent } from '../../../src/geo/time.ts';

const entry = (id: string, date: string, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id,
  kind: 'event',
  date,
  label: `Label of ${id}`,
  featureId: id,
  featureIds: [id],
  passages: ['p01'],
  after_article: false,
  ...extra,
});

const EVENTS = [
  entry('war', '1979-12', { end: '1989-02' }),
  entry('railway', '2011'),
  entry('resolution', '1999-10-15', { featureId: null, featureIds: [] }),
  entry('recognition', '2025-07-03', { after_article: true }),
];

let target: HTMLElement;
let component: ReturnType<typeof mount> | undefined;

beforeEach(() => {
  target = document.createElement('div');
  document.body.append(target);
});
afterEach(() => {
  if (component) unmount(component);
  component = undefined;
  target.remove();
  vi.useRealTimers();
});

function render(props: Record<string, unknown>) {
  component = mount(TimeControl, { target, props: { events: EVENTS, max: 2026, ...props } });
  flushSync();
  const slider = target.querySelector<HTMLInputElement>('input[type="range"]')!;
  const button = (name: string) =>
    [...target.querySelectorAll('button')].find((b) => b.textContent?.trim().endsWith(name))!;
  const listed = () => [...target.querySelectorAll('li button')].map((b) => b.textContent);
  return { slider, button, listed };
}

describe('TimeControl', () => {
  it('shows today as the last year, and names the slider and its value', () => {
    const { slider, button } = render({ date: null });
    expect(slider.labels?.[0]?.textContent).toBe('Year');
    expect([slider.min, slider.max, slider.value]).toEqual(['1979', '2026', '2026']);
    expect(slider.getAttribute('aria-valuetext')).toBe('2026, today');
    expect(button('Today').getAttribute('aria-pressed')).toBe('true');
  });

  it('reports a year chosen on the slider and lists that year’s events', () => {
    const onchange = vi.fn();
    const { slider, listed } = render({ date: '2010', onchange });
    slider.value = '2011';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(onchange).toHaveBeenCalledWith('2011');
    expect(slider.getAttribute('aria-valuetext')).toBe('2011');
    expect(listed()).toEqual([expect.stringContaining('Label of railway')]);
  });

  it('lists a war in every year it lasted, and marks what came after the article', () => {
    expect(render({ date: '1985' }).listed()).toEqual([expect.stringContaining('Label of war')]);
    unmount(component!);
    const { listed } = render({ date: '2025' });
    expect(listed()).toEqual([expect.stringContaining('after the article')]);
  });

  it('calls onselect with the feature, or null for an event the map has none for', () => {
    const onselect = vi.fn();
    const { button } = render({ date: '1999', onselect });
    button('Label of resolution').click();
    expect(onselect).toHaveBeenCalledWith(null, expect.objectContaining({ id: 'resolution' }));
  });

  it('plays a year at a time, and stops at the last year', () => {
    vi.useFakeTimers();
    const onchange = vi.fn();
    const { button, slider } = render({ date: '2023', onchange, interval: 1000 });
    button('Play').click();
    flushSync();
    expect(button('Pause')).toBeDefined();
    vi.advanceTimersByTime(1000);
    flushSync();
    expect(slider.value).toBe('2024');
    vi.advanceTimersByTime(5000);
    flushSync();
    expect(onchange.mock.calls.map((c) => c[0])).toEqual(['2024', '2025', '2026']);
    expect(button('Play')).toBeDefined();
  });

  it('plays from 1979 when at today, and Today stops it', () => {
    vi.useFakeTimers();
    const onchange = vi.fn();
    const { button } = render({ date: null, onchange });
    button('Play').click();
    flushSync();
    expect(onchange).toHaveBeenLastCalledWith('1979');
    button('Today').click();
    flushSync();
    expect(onchange).toHaveBeenLastCalledWith(null);
    vi.advanceTimersByTime(5000);
    flushSync();
    expect(onchange).toHaveBeenCalledTimes(2);
  });
});
