import type { Section } from './session.svelte';
import { session } from './session.svelte';
import type { Route } from './route';

/**
 * The selection a URL asked for (on load, or on Back/Forward) that a view
 * could not apply yet because its list was not loaded. The view takes it once
 * the project's list is there; until then the URL is left as it is, so a
 * reload during loading still lands on the same place.
 */
class DeepLink {
  wanted = $state<Route | null>(null);

  /** The id `views` asked for, consumed; null when nothing is asked for, or the project is not open yet. */
  take(views: readonly Section[]): number | null {
    const w = this.wanted;
    if (!w || !views.includes(w.view) || !session.project) return null;
    this.wanted = null;
    return w.id;
  }

  /** The run to open once the runs are listed: the one the URL names, kept asked for until its record arrives; null when it is gone. */
  runToOpen(ids: readonly number[]): number | null {
    const w = this.wanted;
    if (!w || w.view !== 'runs' || !session.project) return null;
    if (w.id !== null && ids.includes(w.id)) return w.id;
    this.wanted = null;
    return null;
  }

  /** Once the asked-for run's detail arrives: the model the URL names if the run has it; the link is then used up. */
  modelFor(runId: number | null, models: readonly string[]): string | null {
    const w = this.wanted;
    if (!w || w.view !== 'runs' || w.id === null || w.id !== runId) return null;
    this.wanted = null;
    return w.model !== null && models.includes(w.model) ? w.model : null;
  }

  clear(): void {
    this.wanted = null;
  }
}

export const deepLink = new DeepLink();
