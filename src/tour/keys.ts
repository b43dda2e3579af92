/** What a key press means during a presentation. Pure, so it is tested in Node. */
export type TourAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'digit'; digit: string }
  | { type: 'jump' }
  | { type: 'reframe' }
  | { type: 'exit' };

/**
 * Presentation clickers send PageUp and PageDown; keyboards use arrows and
 * Space. A step number typed then Enter jumps; R returns to the step's view
 * after the presenter has panned away.
 */
export function tourAction(key: string): TourAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case ' ':
    case 'PageDown':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return { type: 'prev' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'Enter':
      return { type: 'jump' };
    case 'r':
    case 'R':
      return { type: 'reframe' };
    case 'Escape':
      return { type: 'exit' };
  }
  return /^[0-9]$/.test(key) ? { type: 'digit', digit: key } : null;
}
