/**
 * The hosted build's service worker (vite.config.ts `offline`: Workbox precaches every file the
 * app can load), registered from this module so the Content-Security-Policy's `script-src 'self'`
 * holds. A new version installs beside the running one and waits: the page offers it
 * (src/ui/UpdatePrompt.svelte) and switches, by reloading, only when the reader agrees, so a page
 * never runs one version's code with another's chunks or data.
 *
 * The browser's own API rather than workbox-window: that misses a new version which is still
 * installing when the page registers (its `waiting` event then comes only on the next visit).
 */

/** What is used of a `ServiceWorker`. */
export interface WorkerLike {
  readonly state: string;
  postMessage(message: unknown): void;
  addEventListener(type: 'statechange', listener: () => void): void;
}

/** What is used of a `ServiceWorkerRegistration`. */
export interface RegistrationLike {
  readonly installing: WorkerLike | null;
  readonly waiting: WorkerLike | null;
  readonly active: WorkerLike | null;
  addEventListener(type: 'updatefound', listener: () => void): void;
}

/** What is used of `navigator.serviceWorker`. */
export interface ContainerLike {
  addEventListener(type: 'controllerchange', listener: () => void): void;
}

export interface Updates {
  /** Lets the waiting version take over; the page reloads once it has. */
  accept(): void;
}

/** The worker's file, beside index.html (vite-plugin-pwa's default name). */
const WORKER = './sw.js';
/** A page left open for a lesson or a day still hears of a new version. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Whether this page can have the worker: not in `vite dev` (none is built), not from file:// (the
 * one-file build; no worker can register there), not where the browser has no service workers
 * (an insecure origin among others).
 */
export function canRegister(where: { production: boolean; protocol: string; api: boolean }) {
  return where.production && where.protocol !== 'file:' && where.api;
}

/**
 * Calls `onwaiting` when a new version has installed and waits behind the running one, and
 * reloads the page once a version it offered takes over, after `accept` here or in another tab
 * (this page's later requests would otherwise be served the new version's files).
 */
export function watchUpdates(
  registration: RegistrationLike,
  container: ContainerLike,
  onwaiting: () => void,
  reload: () => void,
): Updates {
  let offered: WorkerLike | null = null;
  let reloading = false;
  const once = () => {
    if (reloading) return;
    reloading = true;
    reload();
  };
  const offer = (sw: WorkerLike) => {
    // The first version has nothing to replace: it activates at once and is no update.
    if (offered === sw || registration.waiting !== sw || !registration.active) return;
    offered = sw;
    onwaiting();
  };
  const track = (sw: WorkerLike | null) =>
    sw?.addEventListener('statechange', () => {
      if (sw.state === 'installed') offer(sw);
    });
  if (registration.waiting) offer(registration.waiting);
  track(registration.installing);
  registration.addEventListener('updatefound', () => track(registration.installing));
  container.addEventListener('controllerchange', () => {
    if (offered) once();
  });
  return {
    accept() {
      const sw = registration.waiting;
      // Nothing waits any more: another tab let it take over already.
      if (!sw) return once();
      // A page no version controls (after a hard reload) sees no change of controller: the new
      // version's activation is its cue.
      sw.addEventListener('statechange', () => {
        if (sw.state === 'activated') once();
      });
      // Workbox's generated worker waits for this message (registerType 'prompt').
      sw.postMessage({ type: 'SKIP_WAITING' });
    },
  };
}

/** Registers the worker once the page has loaded; null where there is none to register. */
export async function startOffline(onwaiting: () => void): Promise<Updates | null> {
  const where = {
    production: import.meta.env.PROD,
    protocol: location.protocol,
    api: 'serviceWorker' in navigator,
  };
  if (!canRegister(where)) return null;
  // After the first screen: the worker's download of the whole site should not compete with it.
  if (document.readyState !== 'complete')
    await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  let registration: ServiceWorkerRegistration | undefined;
  try {
    registration = await navigator.serviceWorker.register(WORKER);
  } catch (e) {
    // The map works as before; only its offline copy is missing.
    console.warn('The map could not be made available offline:', e);
  }
  // A browser driven with service workers blocked (the bench) resolves with none.
  if (!registration) return null;
  const updates = watchUpdates(registration, navigator.serviceWorker, onwaiting, () =>
    location.reload(),
  );
  setInterval(() => registration.update().catch(() => {}), CHECK_EVERY_MS);
  return updates;
}
