/**
 * Choosing passages by clicking them in the article: while a contributor fills in a feature's
 * passages (making a story layer from a file), each passage of the article offers to add itself
 * to that feature, or to remove itself.
 */
export interface PickTarget {
  /** Whose passages these are, for the buttons' words ("Termez"). */
  label: string;
  chosen(): readonly string[];
  onchange(ids: string[]): void;
}

export class PassagePick {
  #target = $state.raw<PickTarget | null>(null);
  readonly #order: readonly string[];

  constructor(order: readonly string[]) {
    this.#order = order;
  }
  get target(): PickTarget | null {
    return this.#target;
  }
  start(target: PickTarget): void {
    this.#target = target;
  }
  stop(): void {
    this.#target = null;
  }
  has(id: string): boolean {
    return this.#target?.chosen().includes(id) ?? false;
  }
  /** Adds or removes a passage, keeping article order. */
  toggle(id: string): void {
    const t = this.#target;
    if (!t) return;
    const set = new Set(t.chosen());
    if (set.has(id)) set.delete(id);
    else set.add(id);
    t.onchange(this.#order.filter((x) => set.has(x)));
  }
}
