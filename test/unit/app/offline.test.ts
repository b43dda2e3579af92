import { describe, expect, it, vi } from 'vitest';
import { canRegister, watchUpdates, type WorkerLike } from '../../../src/app/offline.ts';

/** A service worker whose state the test moves on, as the browser would. */
class FakeWorker implements WorkerLike {
  state = 'installing';
  messages: unknown[] = [];
  private listeners: (() => void)[] = [];
  constructor(private onmessage: (w: FakeWorker, m: unknown) => void = () => {}) {}
  postMessage(message: unknown) {
    this.messages.push(message);
    this.onmessage(this, message);
  }
  addEventListener(_: 'statechange', listener: () => void) {
    this.listeners.push(listener);
  }
  become(state: string) {
    this.state = state;
    this.listeners.forEach((l) => l());
  }
}

/**
 * A registration and its container, with the browser's order of events: a new worker is found,
 * installs, waits while another is active, and on SKIP_WAITING activates and takes control of the
 * pages the old one controlled.
 */
function browser(active: FakeWorker | null, controlled = true) {
  const found: (() => void)[] = [];
  const controllerChange: (() => void)[] = [];
  const registration = {
    installing: null as FakeWorker | null,
    waiting: null as FakeWorker | null,
    active,
    addEventListener: (_: 'updatefound', l: () => void) => found.push(l),
  };
  const container = {
    addEventListener: (_: 'controllerchange', l: () => void) => controllerChange.push(l),
  };
  const activate = (sw: FakeWorker) => {
    registration.waiting = null;
    registration.active = sw;
    sw.become('activating');
    if (controlled) controllerChange.forEach((l) => l());
    sw.become('activated');
  };
  return {
    registration,
    container,
    /** A new version is deployed: the browser finds it and installs it. */
    install() {
      const sw = new FakeWorker((w, m) => {
        if ((m as { type?: string }).type === 'SKIP_WAITING') activate(w);
      });
      registration.installing = sw;
      found.forEach((l) => l());
      registration.installing = null;
      registration.waiting = sw;
      sw.become('installed');
      if (!registration.active) activate(sw);
      return sw;
    },
    /** Another tab accepted the update. */
    acceptedElsewhere() {
      activate(registration.waiting!);
    },
  };
}

function watch(b: ReturnType<typeof browser>) {
  const offered = vi.fn();
  const reload = vi.fn();
  const updates = watchUpdates(b.registration, b.container, offered, reload);
  return { offered, reload, updates };
}

describe('where the worker registers', () => {
  const hosted = { production: true, protocol: 'https:', api: true };
  it('registers in the hosted build over http(s)', () => {
    expect(canRegister(hosted)).toBe(true);
    expect(canRegister({ ...hosted, protocol: 'http:' })).toBe(true);
  });
  it('does not in the one-file build from file://, in `vite dev`, nor without the API', () => {
    expect(canRegister({ ...hosted, protocol: 'file:' })).toBe(false);
    expect(canRegister({ ...hosted, production: false })).toBe(false);
    expect(canRegister({ ...hosted, api: false })).toBe(false);
  });
});

describe('updates', () => {
  it('offers nothing on the first visit: the first version has nothing to replace', () => {
    const b = browser(null, false);
    const { offered, reload } = watch(b);
    b.install();
    expect(b.registration.active?.state).toBe('activated');
    expect(offered).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('offers a new version when it waits, and lets it take over only when the reader accepts', () => {
    const b = browser(new FakeWorker());
    const { offered, reload, updates } = watch(b);
    const sw = b.install();
    expect(offered).toHaveBeenCalledTimes(1);
    // Until the reader accepts, the old version goes on serving this page.
    expect(sw.state).toBe('installed');
    expect(sw.messages).toEqual([]);
    expect(reload).not.toHaveBeenCalled();

    updates.accept();
    expect(sw.messages).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(sw.state).toBe('activated');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('offers a version that was waiting before the page registered (the reader chose Later)', () => {
    const b = browser(new FakeWorker());
    const waiting = new FakeWorker();
    waiting.state = 'installed';
    b.registration.waiting = waiting;
    const { offered } = watch(b);
    expect(offered).toHaveBeenCalledTimes(1);
  });

  it('offers a version that was still installing when the page registered', () => {
    const b = browser(new FakeWorker());
    const installing = new FakeWorker();
    b.registration.installing = installing;
    const { offered } = watch(b);
    expect(offered).not.toHaveBeenCalled();
    b.registration.installing = null;
    b.registration.waiting = installing;
    installing.become('installed');
    expect(offered).toHaveBeenCalledTimes(1);
  });

  it('reloads a page no version controlled (a hard reload) once the new one is active', () => {
    const b = browser(new FakeWorker(), false);
    const { reload, updates } = watch(b);
    b.install();
    updates.accept();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads this page when another tab accepted the version offered here', () => {
    const b = browser(new FakeWorker());
    const { reload, updates } = watch(b);
    b.install();
    b.acceptedElsewhere();
    expect(reload).toHaveBeenCalledTimes(1);
    // Reload clicked here too: still one reload.
    updates.accept();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads on Reload when the version took over in a tab this page did not hear from', () => {
    const b = browser(new FakeWorker(), false);
    const { reload, updates } = watch(b);
    b.install();
    b.acceptedElsewhere();
    expect(reload).not.toHaveBeenCalled();
    updates.accept();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
