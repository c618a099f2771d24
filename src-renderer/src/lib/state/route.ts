import { formatCompareModels, parseCompareModels, type ComparedRef } from '../compare/compareRoute';

/** The app's sections and a run's tabs, spelled as session.svelte.ts and runView.svelte.ts do; kept here so this module stays free of state. */
export type View = 'data' | 'explore' | 'prepare' | 'train' | 'runs' | 'score' | 'report';
export type RunTab = 'overview' | 'cv' | 'confusion' | 'curves' | 'importance' | 'coefficients';
/** The Runs section's modes: one run's list and detail, the table of all runs × models, a comparison. */
export type RunsMode = 'run' | 'table' | 'compare';

/**
 * Where the analyst is, as the URL's hash holds it: `#/runs/12?model=rf&tab=confusion`,
 * `#/runs/table`, `#/runs/compare?models=12:rf,13:xgb`, `#/data/3`, `#/prepare/2`, `#/score/12?model=rf`, `#/report/3`. The hash, not the path, because the web host's page
 * carries `?token=…` and the desktop page is a file:// URL; both keep a hash across reloads.
 */
export interface Route {
  view: View;
  /** The selected dataset (data, explore), recipe (prepare, train), run (runs; score: the run of the model scored with) or report (report). */
  id: number | null;
  /** Runs and score: the model shown or scored with. */
  model: string | null;
  /** Runs only: the tab (null = the overview). */
  tab: RunTab | null;
  /** Runs only; optional so a route of another view can be written without it. */
  mode?: RunsMode;
  /** Compare mode: the models compared, in order (empty: none chosen yet). */
  models?: ComparedRef[];
  /** Compare mode, read from a URL whose model list could not be read: nothing is chosen, and the view says why. */
  unreadable?: boolean;
}

const VIEWS: readonly View[] = ['data', 'explore', 'prepare', 'train', 'runs', 'score', 'report'];
const RUN_TABS: readonly RunTab[] = ['overview', 'cv', 'confusion', 'curves', 'importance', 'coefficients'];

export const HOME: Route = { view: 'data', id: null, model: null, tab: null };

export function route(view: View, id: number | null = null, model: string | null = null, tab: RunTab | null = null): Route {
  const runs = view === 'runs';
  return {
    view,
    id,
    model: runs || view === 'score' ? model : null,
    tab: runs && tab !== 'overview' ? tab : null,
    ...(runs ? { mode: 'run' as const } : {}),
  };
}

/** The table of every run's models. */
export function runsTableRoute(): Route {
  return { view: 'runs', id: null, model: null, tab: null, mode: 'table' };
}

/** A comparison of these models (none: the comparison with nothing chosen yet). */
export function comparisonRoute(models: readonly ComparedRef[], unreadable = false): Route {
  return { view: 'runs', id: null, model: null, tab: null, mode: 'compare', models: [...models], ...(unreadable ? { unreadable } : {}) };
}

/** `r` with only what its view and mode have. */
function normalize(r: Route): Route {
  if (r.view === 'runs' && r.mode === 'table') return runsTableRoute();
  if (r.view === 'runs' && r.mode === 'compare') return comparisonRoute(r.models ?? [], r.unreadable);
  return route(r.view, r.id, r.model, r.tab);
}

/** A query parameter as written, still encoded (URLSearchParams would decode the commas a model id may hold). */
function rawParam(query: string, name: string): string | null {
  const part = query.split('&').find((p) => p.startsWith(`${name}=`));
  return part === undefined ? null : part.slice(name.length + 1);
}

/**
 * Reads a location hash. Whatever cannot be read falls back to the nearest
 * sensible place: an unknown view to Data, a malformed id to the view with
 * nothing chosen, an unknown tab to the overview — a stale or hand-edited
 * link still opens the app.
 */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const q = text.indexOf('?');
  const path = (q < 0 ? text : text.slice(0, q)).split('/').filter((p) => p !== '');
  const query = new URLSearchParams(q < 0 ? '' : text.slice(q + 1));
  const view = VIEWS.find((v) => v === path[0]);
  if (!view) return HOME;
  if (view === 'runs' && path[1] === 'table') return runsTableRoute();
  if (view === 'runs' && path[1] === 'compare') {
    const { models, unreadable } = parseCompareModels(rawParam(q < 0 ? '' : text.slice(q + 1), 'models'));
    return comparisonRoute(models, unreadable);
  }
  const id = path[1] !== undefined && /^[1-9]\d{0,14}$/.test(path[1]) ? Number(path[1]) : null;
  const model = query.get('model') || null;
  const tabText = query.get('tab');
  const tab = RUN_TABS.find((t) => t === tabText) ?? null;
  return route(view, id, model, tab);
}

export function formatRoute(r: Route): string {
  const n = normalize(r);
  if (n.mode === 'table') return '#/runs/table';
  if (n.mode === 'compare') return n.models?.length ? `#/runs/compare?models=${formatCompareModels(n.models)}` : '#/runs/compare';
  let text = `#/${n.view}`;
  if (n.id !== null) text += `/${n.id}`;
  const query = new URLSearchParams();
  if (n.model !== null) query.set('model', n.model);
  if (n.tab !== null) query.set('tab', n.tab);
  const q = query.toString();
  return q ? `${text}?${q}` : text;
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}

/**
 * How a change of route enters the browser history. The analyst's own moves
 * (another view or mode, another dataset/recipe/run/model than the one shown,
 * another tab, other models compared) push, so Back returns to them; what the app settles on by itself (the
 * first selection once a list loads, the champion once a run opens, a fallback
 * when the selection is gone) replaces, so Back never lands on a half-loaded state.
 */
export function historyMode(from: Route, to: Route): 'push' | 'replace' | null {
  const a = normalize(from);
  const b = normalize(to);
  if (sameRoute(a, b)) return null;
  // Only the analyst chooses the models compared (the app never trims them), so any change is theirs.
  if (a.view !== b.view || a.mode !== b.mode || a.tab !== b.tab || a.mode === 'compare') return 'push';
  const switched = <T>(x: T | null, y: T | null) => x !== null && y !== null && x !== y;
  return switched(a.id, b.id) || switched(a.model, b.model) ? 'push' : 'replace';
}

/**
 * The selection a list settles on once loaded: the one a link asked for if
 * the list still has it, else the one shown if it still exists, else the first.
 * A link to something deleted since thus opens its view on what is there.
 */
export function settleSelection(ids: readonly number[], wanted: number | null, shown: number | null): number | null {
  if (wanted !== null && ids.includes(wanted)) return wanted;
  if (shown !== null && ids.includes(shown)) return shown;
  return ids[0] ?? null;
}
