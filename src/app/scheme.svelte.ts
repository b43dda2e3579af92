/**
 * Light or dark: the system's setting, unless the reader chose one (kept in the browser). The
 * page's colours switch through `data-scheme` on the root element (the theme stylesheet has both
 * sets, and follows the system before any script runs); the map's through its palette.
 */
export type SchemeChoice = 'system' | 'light' | 'dark';

const KEY = 'colour-scheme';

function stored(): SchemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export class ColourScheme {
  #choice = $state<SchemeChoice>('system');
  #systemDark = $state(false);

  constructor() {
    if (typeof window === 'undefined') return;
    this.#choice = stored();
    const query = matchMedia('(prefers-color-scheme: dark)');
    this.#systemDark = query.matches;
    query.addEventListener('change', (e) => {
      this.#systemDark = e.matches;
      this.#apply();
    });
    this.#apply();
  }
  get choice(): SchemeChoice {
    return this.#choice;
  }
  get dark(): boolean {
    return this.#choice === 'dark' || (this.#choice === 'system' && this.#systemDark);
  }
  choose(choice: SchemeChoice): void {
    this.#choice = choice;
    try {
      if (choice === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
    } catch {
      // Not kept: the choice holds for this visit.
    }
    this.#apply();
  }
  #apply(): void {
    document.documentElement.dataset.scheme = this.dark ? 'dark' : 'light';
  }
}

/** The page's one scheme. */
export const scheme = new ColourScheme();
