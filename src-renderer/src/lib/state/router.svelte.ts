import { untrack } from 'svelte';
import { compareView } from '../compare/compareView.svelte';
import { prepareEditor } from '../prepare/prepareEditor.svelte';
import { reportView } from '../report/reportView.svelte';
import { runsSection } from '../runs/runsSection.svelte';
import { runView } from '../runs/runView.svelte';
import { scoreView } from '../score/scoreView.svelte';
import { trainEditor } from '../train/trainEditor.svelte';
import { datasets } from './datasets.svelte';
import { deepLink } from './deepLink.svelte';
import { comparisonRoute, formatRoute, historyMode, HOME, parseRoute, route, runsTableRoute, sameRoute, type Route } from './route';
import { runs } from './runs.svelte';
import { session } from './session.svelte';

/** The route of what the app shows now. */
function shownRoute(): Route {
  const view = session.section;
  switch (view) {
    case 'data':
    case 'explore':
      return route(view, datasets.selectedId);
    case 'prepare':
      return route(view, prepareEditor.openId);
    case 'train':
      return route(view, trainEditor.recipeId);
    case 'runs': {
      if (runsSection.mode === 'table') return runsTableRoute();
      if (runsSection.mode === 'compare') return comparisonRoute(compareView.models);
      // The model belongs in the URL only once the open run's record is there.
      const open = runs.detail?.record && runs.detail.summary.id === runs.openId;
      return route(view, runs.openId, open ? (runView.model?.modelId ?? null) : null, runView.tab);
    }
    case 'score': {
      const c = scoreView.choice;
      return c?.kind === 'run' ? route(view, c.runId, c.modelId) : route(view);
    }
    case 'report':
      return route(view, reportView.openId);
  }
}

/**
 * Keeps the URL's hash and the app in step: the hash is read on load and on
 * Back/Forward, and what the app shows is written back as it changes (see
 * `historyMode` for push versus replace).
 */
class Router {
  /** The route the URL holds now. */
  private written: Route = HOME;
  private started = false;
  /** Set while the app settles on a route read from the URL: a fallback it lands on replaces that URL. */
  private settling = false;

  start(): void {
    if (this.started) return;
    this.started = true;
    this.apply(this.read());
    // popstate covers Back/Forward; hashchange a hash typed or pasted by hand.
    const onChange = () => {
      if (sameRoute(parseRoute(location.hash), this.written)) return;
      this.apply(this.read());
    };
    window.addEventListener('popstate', onChange);
    window.addEventListener('hashchange', onChange);
  }

  /** The URL's route; a hash it could not read fully is rewritten as read, so the URL never claims more than is shown. */
  private read(): Route {
    const r = parseRoute(location.hash);
    const hash = formatRoute(r);
    if (location.hash !== hash) history.replaceState(null, '', location.pathname + location.search + hash);
    this.written = r;
    return r;
  }

  /** Writes what the app shows into the URL; run from an effect, so it follows every change. */
  sync(): void {
    const next = shownRoute();
    const wanted = deepLink.wanted;
    if (wanted) {
      // Still waiting for the list the URL points into: keep the URL as it is (unless the analyst has moved on to another mode).
      if (wanted.view === next.view && wanted.mode === next.mode) return;
      untrack(() => deepLink.clear());
    }
    let mode = historyMode(this.written, next);
    if (mode === 'push' && this.settling && next.view === this.written.view) mode = 'replace';
    this.settling = false;
    if (!mode) return;
    const url = location.pathname + location.search + formatRoute(next);
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    this.written = next;
  }

  /** Shows `r`: the view at once, its selection now if the list is loaded, else when the view loads it. */
  private apply(r: Route): void {
    this.settling = true;
    session.section = r.view;
    if (r.view === 'runs') {
      runsSection.mode = r.mode ?? 'run';
      // The other modes keep the tab the Run mode had, for when the analyst returns to it.
      if (runsSection.mode === 'run') runView.tab = r.tab ?? 'overview';
      if (r.mode === 'compare') compareView.show(r.models ?? [], { unreadable: r.unreadable });
    }
    deepLink.wanted = r.id !== null ? r : null;
    if (r.id === null || !session.project) return;
    const id = r.id;
    switch (r.view) {
      case 'data':
      case 'explore':
        if (datasets.list.length === 0) return;
        if (datasets.list.some((d) => d.id === id)) datasets.select(id);
        break;
      case 'prepare':
        if (prepareEditor.recipes.length === 0) return;
        if (prepareEditor.recipes.some((x) => x.id === id)) prepareEditor.open(id);
        break;
      case 'train':
        if (trainEditor.recipes.length === 0) return;
        if (trainEditor.recipes.some((x) => x.id === id)) trainEditor.choose(id);
        break;
      case 'runs':
        if (!runs.loaded) return;
        if (runs.list.some((x) => x.id === id)) {
          // The model is applied once the record arrives (RunsView settles it); loading it twice would reset it.
          if (runs.openId !== id) runs.open(id);
          if (runs.detail?.summary.id !== id) return;
          if (r.model && runs.detail.record?.models.some((m) => m.modelId === r.model)) runView.selectModel(r.model);
        }
        break;
      case 'score':
        // Before the view has listed the runs, its load takes the link.
        if (!scoreView.loaded) return;
        scoreView.showRun(id, r.model);
        break;
      case 'report':
        if (!reportView.loaded) return;
        if (reportView.list.some((x) => x.id === id)) void reportView.open(id);
        break;
    }
    // Applied, or the selection no longer exists: the view keeps what it shows.
    deepLink.clear();
  }
}

export const router = new Router();
