/**
 * Where the reader is in the article: the passage marked, and the call that brings one into
 * view. Scrolling is a call to whoever shows the article (the article panel), not a state token:
 * a passage asked for while the article is not on screen waits for the panel to attach.
 */
export class Reading {
  #marked = $state<string | null>(null);
  #scroll: ((id: string) => void) | null = null;
  #pending: string | null = null;
  readonly #listeners = new Set<(id: string) => void>();

  /** The passage last brought into view, marked in the article. */
  get marked(): string | null {
    return this.#marked;
  }
  /** Brings a passage into view (switching to the article) and marks it. */
  show(id: string): void {
    this.#marked = id;
    for (const listener of this.#listeners) listener(id);
    if (this.#scroll) this.#scroll(id);
    else this.#pending = id;
  }
  /** The article panel scrolls; returns the call that detaches it. */
  attach(scroll: (id: string) => void): () => void {
    this.#scroll = scroll;
    const pending = this.#pending;
    this.#pending = null;
    if (pending) scroll(pending);
    return () => {
      if (this.#scroll === scroll) this.#scroll = null;
    };
  }
  /** Told whenever a passage is asked for (the panel opens its article tab); returns the undo. */
  onShow(listener: (id: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
