import type { Slide } from '../../../../src-main/core/report/schema';

/**
 * Reordering, duplicating and removing slides as pure list operations: each
 * returns a new array and leaves the one given as it was, so the view's
 * state changes in one assignment it can save.
 */

/** The slides with the one at `from` moved to position `to` (both clamped to the list). */
export function moveSlide<T>(slides: readonly T[], from: number, to: number): T[] {
  const out = [...slides];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [moved] = out.splice(from, 1);
  out.splice(target, 0, moved);
  return out;
}

/** Where a slide moved by `delta` places lands, or null when it is already at that end. */
export function stepTarget(length: number, index: number, delta: -1 | 1): number | null {
  const to = index + delta;
  return to < 0 || to >= length ? null : to;
}

/** Alt+↑ / Alt+↓ on a slide moves it one place; any other key (or another modifier with it) is not a move. */
export function keyboardMove(e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): -1 | 1 | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  if (e.key === 'ArrowUp') return -1;
  if (e.key === 'ArrowDown') return 1;
  return null;
}

/**
 * Where a slide dragged from `from` goes when dropped on the card at `over`,
 * in its upper half (`after` false) or lower half: the position in the list
 * once the dragged slide has left its place.
 */
export function dropTarget(from: number, over: number, after: boolean): number {
  const slot = after ? over + 1 : over;
  return slot > from ? slot - 1 : slot;
}

/** The slide at `index` followed by a copy of it under a new id. */
export function duplicateSlide(slides: readonly Slide[], index: number, id: string): Slide[] {
  const original = slides[index];
  if (!original) return [...slides];
  // Through JSON: a slide is JSON data, and the view's slides are state proxies structuredClone refuses.
  const copy: Slide = { ...(JSON.parse(JSON.stringify(original)) as Slide), id };
  return [...slides.slice(0, index + 1), copy, ...slides.slice(index + 1)];
}

export function removeSlide<T>(slides: readonly T[], index: number): T[] {
  return slides.filter((_, i) => i !== index);
}
